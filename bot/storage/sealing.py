"""Sealing text before it is stored: the prefixes, the errors, and the master-key sealer.

Everything an educator writes passes through a Sealer on its way to and from the
database. Since envelope encryption (bot/storage/keyring.py) an educator's text is sealed
with that educator's own data key (`sealed:v2:`); the master key(s) in
COACH_ENCRYPTION_KEY seal only the data keys and workspace secrets such as Slack tokens
(`sealed:v1:`, the format all free text used before).

Sealed values carry a prefix, so plain rows written before a key was set, `v1` rows sealed
directly under the master key, and `v2` rows can live side by side: all of them still read,
and `coach db rotate-key` moves the older ones under the educator's data key.
"""

from __future__ import annotations

import logging
from typing import Protocol

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.errors import ConfigurationError

log = logging.getLogger("coach.sealing")

SEALED_PREFIX = "sealed:"
"""Starts every sealed value, whichever key sealed it."""

MASTER_PREFIX = "sealed:v1:"
"""A Fernet token under the master key: workspace secrets, and free text written before
data keys existed."""

DATA_KEY_PREFIX = "sealed:v2:"
"""A Fernet token under the data key of the educator the row is about."""

PLAIN_PREFIX = "plain:v1:"
"""Escapes plain text that happens to start with one of the prefixes (never seen in practice)."""


class Sealer(Protocol):
    def seal(self, text: str) -> str: ...

    def unseal(self, stored: str) -> str: ...


class SealError(Exception):
    """Stored text cannot be read with the keys configured. The message never holds secrets."""

    reason = "unreadable"


class KeyMissingError(SealError):
    """Sealed text was found but COACH_ENCRYPTION_KEY is not set."""

    reason = "no_key"


class WrongKeyError(SealError):
    """Sealed text was found but none of the configured keys opens it."""

    reason = "wrong_key"


_NO_KEY_OPENS = "no configured COACH_ENCRYPTION_KEY opens this sealed text"


class DataKeyGoneError(SealError):
    """Text sealed under a data key that no longer exists (its educator was forgotten)."""

    reason = "data_key_destroyed"


class InvalidKeySettingError(ConfigurationError, ValueError):
    """COACH_ENCRYPTION_KEY is set but is not a list of Fernet keys (the value is never shown)."""


def is_sealed(stored: str | None) -> bool:
    return stored is not None and stored.startswith(SEALED_PREFIX)


def _plain_for_storage(text: str) -> str:
    if text.startswith((SEALED_PREFIX, PLAIN_PREFIX)):
        return PLAIN_PREFIX + text
    return text


def plain_for_storage(text: str) -> str:
    """Text stored unsealed on purpose (it holds nothing an educator wrote), still escaped."""
    return _plain_for_storage(text)


def _plain_from_storage(stored: str) -> str:
    return stored.removeprefix(PLAIN_PREFIX)


class PlainSealer:
    """Stores text as written: the default when no encryption key is configured.

    It still recognises sealed values, and refuses them clearly instead of
    handing an educator a Fernet token as if it were their words.
    """

    def seal(self, text: str) -> str:
        return _plain_for_storage(text)

    def unseal(self, stored: str) -> str:
        if is_sealed(stored):
            raise KeyMissingError("sealed text found but COACH_ENCRYPTION_KEY is not set")
        return _plain_from_storage(stored)


def parse_keys(setting: str) -> list[Fernet]:
    """Comma-separated Fernet keys, newest first; a clear error (without the value) if not."""
    raw = [part.strip() for part in setting.split(",") if part.strip()]
    if not raw:
        raise InvalidKeySettingError("COACH_ENCRYPTION_KEY is set but holds no key")
    keys: list[Fernet] = []
    for number, key in enumerate(raw, 1):
        try:
            keys.append(Fernet(key.encode("ascii")))
        except (ValueError, UnicodeEncodeError) as exc:
            raise InvalidKeySettingError(
                f"COACH_ENCRYPTION_KEY: key number {number} is not a Fernet key "
                "(32 url-safe base64-encoded bytes; make one with "
                "`python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`)"
            ) from exc
    return keys


class FernetSealer:
    """Encrypts with the newest key; decrypts with any configured key (MultiFernet)."""

    def __init__(self, keys: list[Fernet]) -> None:
        if not keys:
            raise InvalidKeySettingError("FernetSealer needs at least one key")
        self._fernet = MultiFernet(keys)

    @classmethod
    def from_setting(cls, setting: str) -> FernetSealer:
        return cls(parse_keys(setting))

    def seal(self, text: str) -> str:
        token = self._fernet.encrypt(text.encode("utf-8")).decode("ascii")
        return MASTER_PREFIX + token

    def unseal(self, stored: str) -> str:
        if not is_sealed(stored):
            return _plain_from_storage(stored)  # written before the key was set
        if not stored.startswith(MASTER_PREFIX):
            raise WrongKeyError("this text is sealed under a data key, not the master key")
        token = stored.removeprefix(MASTER_PREFIX).encode("ascii")
        try:
            return self._fernet.decrypt(token).decode("utf-8")
        except InvalidToken as exc:
            raise WrongKeyError(_NO_KEY_OPENS) from exc

    def seal_bytes(self, secret: bytes) -> str:
        """A data key (or any secret) sealed under the newest master key, as text."""
        return self._fernet.encrypt(secret).decode("ascii")

    def unseal_bytes(self, sealed: str) -> bytes:
        try:
            return self._fernet.decrypt(sealed.encode("ascii"))
        except InvalidToken as exc:
            raise WrongKeyError(_NO_KEY_OPENS) from exc

    def rewrap(self, sealed: str) -> str:
        """The same secret sealed under the newest master key."""
        try:
            return self._fernet.rotate(sealed.encode("ascii")).decode("ascii")
        except InvalidToken as exc:
            raise WrongKeyError(_NO_KEY_OPENS) from exc

    def reseal(self, stored: str) -> str:
        """The same text sealed under the newest key (plain legacy text gets sealed)."""
        if not is_sealed(stored):
            return self.seal(_plain_from_storage(stored))
        if not stored.startswith(MASTER_PREFIX):
            raise WrongKeyError("this text is sealed under a data key, not the master key")
        token = stored.removeprefix(MASTER_PREFIX).encode("ascii")
        try:
            return MASTER_PREFIX + self._fernet.rotate(token).decode("ascii")
        except InvalidToken as exc:
            raise WrongKeyError(_NO_KEY_OPENS) from exc


def sealer_from_setting(setting: str | None) -> Sealer:
    """The Fernet sealer when a key is configured, else the plain sealer."""
    if setting is None or not setting.strip():
        return PlainSealer()
    try:
        return FernetSealer.from_setting(setting)
    except InvalidKeySettingError as exc:
        # The reason names the setting and which key, never the key itself.
        log.error("encryption_key_invalid", extra={"reason": str(exc)})
        raise
