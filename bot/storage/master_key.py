"""Where the master key comes from: COACH_ENCRYPTION_KEY, or a development key file.

Encryption is never off. Production refuses to start without COACH_ENCRYPTION_KEY. In
development the coach makes a key file on first run, says so once, and reuses it:
- a SQLite database file `coach.db` gets `coach.db.key` beside it;
- any other database (PostgreSQL in development) gets `.coach.key` in the working folder;
- an in-memory SQLite database gets a key that lives as long as the process (as its data).
Both names are git-ignored. The file is created with mode 0600, atomically, so two
processes starting together agree on one key.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy.engine import make_url

from bot.errors import ConfigurationError
from bot.settings import Settings

log = logging.getLogger("coach.keys")

WORKING_FOLDER_KEY = ".coach.key"
KEY_FILE_SUFFIX = ".key"
NO_KEY_IN_PRODUCTION = (
    "COACH_ENCRYPTION_KEY is not set, and production never stores what educators write "
    "without it: make one with `python -c 'from cryptography.fernet import Fernet; "
    "print(Fernet.generate_key().decode())'` and keep it in your secret store."
)


def master_key_setting(settings: Settings) -> str:
    """The comma-separated master key(s) to use, or ConfigurationError in production."""
    configured = (settings.coach_encryption_key or "").strip()
    if configured:
        return configured
    if settings.is_production:
        raise ConfigurationError(NO_KEY_IN_PRODUCTION)
    return development_key(settings.database_url)


def key_file_for(database_url: str) -> Path | None:
    """The development key file for a database; None for an in-memory SQLite database."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return None
        path = Path(database)
        return path.with_name(path.name + KEY_FILE_SUFFIX)
    return Path.cwd() / WORKING_FOLDER_KEY


def development_key(database_url: str) -> str:
    path = key_file_for(database_url)
    if path is None:
        return Fernet.generate_key().decode("ascii")
    with contextlib.suppress(FileNotFoundError):
        return path.read_text(encoding="ascii").strip()
    return _create_key_file(path)


def _create_key_file(path: Path) -> str:
    """Write a new key beside a temporary name, then link it into place: never half a key."""
    key = Fernet.generate_key().decode("ascii")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(key + "\n")
        try:
            os.link(temporary, path)
        except FileExistsError:  # another process made it first: use theirs
            return path.read_text(encoding="ascii").strip()
    finally:
        temporary.unlink(missing_ok=True)
    log.warning("development_key_created", extra={"path": str(path)})
    return key
