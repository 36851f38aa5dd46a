"""Re-keying: an educator's remaining words move to a fresh data key; the old key is destroyed.

When the retention job deletes some of an educator's rows and keeps the educator, the
copies the database keeps of those rows (WAL, dead tuples, free pages, backups) are sealed
under the data key the educator's other rows still use, so deleting them would not be
erasure. Re-keying makes it so, the way `forget` does: every value still stored is opened
with the old key and sealed with a new one, then the old key is overwritten; once the
transaction commits, the scrub (bot/storage/scrub.py) clears the old key's residue, and
every leftover copy of the deleted rows is ciphertext no key opens.

It costs one re-seal per stored value of that educator (a year's reflections is tens of
rows), once a day at most, only for educators who lost something. A per-reflection key
would make single deletes cheaper but every read and write dearer.

Which values: every text column of every table with an `educator_id` whose value is sealed
under a data key (the engineering rule in docs/PRIVACY.md puts sealed text only there).
"""

from __future__ import annotations

from collections import defaultdict

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import and_, bindparam, or_, select, update
from sqlalchemy.orm import Session

from bot.privacy.rotation import OWNER_COLUMN
from bot.privacy.scope import Scope, all_tables
from bot.privacy.sealed_columns import text_columns
from bot.storage.data_keys import KEY_TABLE, EducatorKey, lock_data_key
from bot.storage.keyring import Keyring
from bot.storage.models import Educator
from bot.storage.sealing import DATA_KEY_PREFIX, WrongKeyError


def owners_of_sealed_rows(session: Session, scope: Scope) -> set[int]:
    """Educators with a row in scope that holds text sealed under their data key."""
    owners: set[int] = set()
    for table in scope.tables:
        owner = table.c.get(OWNER_COLUMN)
        columns = text_columns(table)
        if owner is None or not columns or table.name == KEY_TABLE:
            continue
        sealed = or_(*(column.startswith(DATA_KEY_PREFIX) for column in columns))
        query = select(owner).where(scope.conditions[table], sealed).distinct()
        owners.update(int(found) for found in session.scalars(query) if found is not None)
    return owners


def _moved(old: Fernet, new: Fernet, stored: str) -> str:
    token = stored.removeprefix(DATA_KEY_PREFIX).encode("ascii")
    try:
        plain = old.decrypt(token)
    except InvalidToken as exc:
        raise WrongKeyError("sealed under another educator's data key") from exc
    return DATA_KEY_PREFIX + new.encrypt(plain).decode("ascii")


def rekey_educator(session: Session, keyring: Keyring, educator_id: int) -> int:
    """Move the educator's sealed values to a new data key and overwrite the old one, in the
    caller's transaction; returns how many values moved (0 if they have no key).

    Locks as a turn does, the educator's row first (so it waits for their turn in progress,
    and their next turn waits for it), then the data key."""
    session.execute(select(Educator.id).where(Educator.id == educator_id).with_for_update())
    lock_data_key(session, educator_id, shared=False)
    key = session.scalar(
        select(EducatorKey).where(EducatorKey.educator_id == educator_id).with_for_update()
    )
    if key is None:
        return 0
    old = keyring.unwrap(key.wrapped_key)
    wrapped = keyring.new_wrapped_key()
    new = keyring.unwrap(wrapped)
    moved = 0
    for table in all_tables():
        owner = table.c.get(OWNER_COLUMN)
        columns = text_columns(table)
        keys = list(table.primary_key.columns)
        if owner is None or not columns or not keys or table.name == KEY_TABLE:
            continue
        sealed = or_(*(column.startswith(DATA_KEY_PREFIX) for column in columns))
        # One executemany per set of columns to change: a round trip per table, not per row.
        batches: dict[tuple[str, ...], list[dict[str, object]]] = defaultdict(list)
        for row in session.execute(select(*keys, *columns).where(owner == educator_id, sealed)):
            values = {
                column.name: _moved(old, new, stored)
                for column in columns
                if isinstance(stored := row._mapping[column], str)
                and stored.startswith(DATA_KEY_PREFIX)
            }
            where = {f"key_{column.name}": row._mapping[column] for column in keys}
            batches[tuple(sorted(values))].append(where | values)
            moved += len(values)
        for names, params in batches.items():
            match = and_(*(column == bindparam(f"key_{column.name}") for column in keys))
            change: dict[str, object] = {name: bindparam(name) for name in names}
            session.execute(update(table).where(match).values(change), params)
    key.wrapped_key = wrapped
    session.flush()
    return moved
