"""Envelope encryption: the master key seals data keys; each data key seals one educator.

`Keyring` holds the master key(s) from COACH_ENCRYPTION_KEY. `Keyring.for_educator` gives
the `Sealer` for one educator inside one database session: it seals with that educator's
data key (made on first use) and opens every format ever stored (data-key `v2`, master-key
`v1`, plain text from before any key). Opened data keys live only as long as that sealer,
so a forgotten educator's key does not linger in a long-running process; the one exception,
keys kept a minute to seal incoming messages, is bot/storage/key_cache.py (emptied by every
erasure in the process).

A data key can be replaced while a turn is sealing with it (the retention job re-keys an
educator whose old rows it deleted, bot/privacy/rekey.py). So a transaction that sealed
something checks, just before it commits and holding the key's lock, that the key is still
the one it used; if not it stops (`DataKeyChangedError`, nothing is stored and the educator
is asked to try again) instead of storing text that no key would open.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.storage.data_keys import EducatorKey, lock_data_key
from bot.storage.models import Educator
from bot.storage.sealing import (
    DATA_KEY_PREFIX,
    MASTER_PREFIX,
    DataKeyGoneError,
    FernetSealer,
    WrongKeyError,
    _plain_from_storage,
    is_sealed,
)


def seal_with_data_key(fernet: Fernet, text: str) -> str:
    """`text` sealed under an opened data key, in the stored `v2` format."""
    return DATA_KEY_PREFIX + fernet.encrypt(text.encode("utf-8")).decode("ascii")


class DataKeyChangedError(Exception):
    """The educator's data key was replaced while this transaction sealed with the old one."""


class Keyring:
    """The master key(s). Seals data keys and workspace secrets, never an educator's words."""

    def __init__(self, master: FernetSealer) -> None:
        self.master = master

    @classmethod
    def from_setting(cls, setting: str) -> Keyring:
        return cls(FernetSealer.from_setting(setting))

    def for_educator(self, session: Session, educator: Educator | int) -> EducatorSealer:
        return EducatorSealer(self, session, educator)

    def seal_secret(self, secret: str) -> str:
        """A workspace secret (a Slack token) sealed under the master key."""
        return self.master.seal(secret)

    def open_secret(self, stored: str) -> str:
        return self.master.unseal(stored)

    def new_wrapped_key(self) -> str:
        return self.master.seal_bytes(Fernet.generate_key())

    def unwrap(self, wrapped: str) -> Fernet:
        return Fernet(self.unwrap_bytes(wrapped))

    def unwrap_bytes(self, wrapped: str) -> bytes:
        return self.master.unseal_bytes(wrapped)


class EducatorSealer:
    """The Sealer for one educator in one session (the `Sealer` protocol)."""

    def __init__(self, keyring: Keyring, session: Session, educator: Educator | int) -> None:
        self._keyring = keyring
        self._session = session
        self._educator = educator
        self._fernet: Fernet | None = None
        self._raw_key = b""
        self._wrapped = ""
        self._guarded = False

    def _educator_id(self) -> int:
        if isinstance(self._educator, int):
            return self._educator
        if self._educator.id is None:
            self._session.flush()  # a first-time educator gets its id
        return self._educator.id

    def _data_key(self, *, create: bool) -> Fernet | None:
        if self._fernet is not None:
            return self._fernet
        educator_id = self._educator_id()
        wrapped = self._session.scalar(
            select(EducatorKey.wrapped_key).where(EducatorKey.educator_id == educator_id)
        )
        if wrapped is None and create:
            wrapped = self._create(educator_id)
        if wrapped is None:
            return None
        self._raw_key = self._keyring.unwrap_bytes(wrapped)  # WrongKeyError if no key opens it
        self._wrapped = wrapped
        self._fernet = Fernet(self._raw_key)
        return self._fernet

    def opened_key(self) -> tuple[int, str, bytes] | None:
        """(educator id, wrapped key, data key) once this sealer opened the key, for
        bot/storage/key_cache.py after the transaction committed; None before."""
        if self._fernet is None:
            return None
        return self._educator_id(), self._wrapped, self._raw_key

    def _create(self, educator_id: int) -> str:
        wrapped = self._keyring.new_wrapped_key()
        try:
            with self._session.begin_nested():
                self._session.add(
                    EducatorKey(
                        educator_id=educator_id, wrapped_key=wrapped, created_at=datetime.now(UTC)
                    )
                )
        except IntegrityError:  # another message from the same educator made one first
            found = self._session.scalar(
                select(EducatorKey.wrapped_key).where(EducatorKey.educator_id == educator_id)
            )
            assert found is not None
            return found
        return wrapped

    def seal(self, text: str) -> str:
        fernet = self._data_key(create=True)
        assert fernet is not None
        if not self._guarded:
            self._guarded = True
            event.listen(self._session, "before_commit", self._key_still_current, once=True)
        return seal_with_data_key(fernet, text)

    def _key_still_current(self, session: Session) -> None:
        session.flush()  # our rows are written (and the SQLite write lock held) first
        educator_id = self._educator_id()
        lock_data_key(session, educator_id, shared=True)
        wrapped = session.scalar(
            select(EducatorKey.wrapped_key).where(EducatorKey.educator_id == educator_id)
        )
        if wrapped is None:
            return  # forgotten: their rows went (or go) with them, foreign keys see to it
        if self._keyring.unwrap_bytes(wrapped) != self._raw_key:
            raise DataKeyChangedError("the data key changed while this turn sealed text")

    def unseal(self, stored: str) -> str:
        if not is_sealed(stored):
            return _plain_from_storage(stored)  # written before encryption was on
        if stored.startswith(MASTER_PREFIX):
            return self._keyring.master.unseal(stored)  # written before data keys
        if not stored.startswith(DATA_KEY_PREFIX):
            raise WrongKeyError("sealed in a format this version does not know")
        fernet = self._data_key(create=False)
        if fernet is None:
            raise DataKeyGoneError("this educator's data key was destroyed")
        try:
            plain = fernet.decrypt(stored.removeprefix(DATA_KEY_PREFIX).encode("ascii"))
        except InvalidToken as exc:
            raise WrongKeyError("sealed under another educator's data key") from exc
        return plain.decode("utf-8")

    def reseal(self, stored: str) -> str:
        """Older formats (plain, master-sealed) moved under the data key; v2 is left as is."""
        if stored.startswith(DATA_KEY_PREFIX):
            return stored
        return self.seal(self.unseal(stored))
