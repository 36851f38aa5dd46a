"""The sealers on their own: round trips, legacy plain text, wrong and missing keys."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from bot.storage.sealing import (
    PLAIN_PREFIX,
    SEALED_PREFIX,
    FernetSealer,
    InvalidKeySettingError,
    KeyMissingError,
    PlainSealer,
    WrongKeyError,
    is_sealed,
    sealer_from_setting,
)

TEXT = "Talked with Sofía's grandmother 👵 about reading at home."


def key() -> str:
    return Fernet.generate_key().decode()


def test_plain_sealer_stores_text_as_written() -> None:
    sealer = PlainSealer()
    assert sealer.seal(TEXT) == TEXT
    assert sealer.unseal(TEXT) == TEXT


def test_text_that_looks_sealed_is_escaped_and_round_trips() -> None:
    for sealer in (PlainSealer(), FernetSealer.from_setting(key())):
        for text in (f"{SEALED_PREFIX}not a token", f"{PLAIN_PREFIX}x", ""):
            assert sealer.unseal(sealer.seal(text)) == text


def test_fernet_sealer_round_trips_and_hides_the_text() -> None:
    sealer = FernetSealer.from_setting(key())
    stored = sealer.seal(TEXT)
    assert is_sealed(stored) and "Sofía" not in stored and "grandmother" not in stored
    assert sealer.unseal(stored) == TEXT


def test_plain_legacy_text_still_reads_once_a_key_is_set() -> None:
    assert FernetSealer.from_setting(key()).unseal(TEXT) == TEXT


def test_a_wrong_key_and_a_missing_key_are_named_not_crashed() -> None:
    stored = FernetSealer.from_setting(key()).seal(TEXT)
    with pytest.raises(WrongKeyError) as wrong:
        FernetSealer.from_setting(key()).unseal(stored)
    assert wrong.value.reason == "wrong_key"
    with pytest.raises(KeyMissingError) as missing:
        PlainSealer().unseal(stored)
    assert missing.value.reason == "no_key"


def test_several_keys_newest_first_read_old_tokens_and_reseal_under_the_newest() -> None:
    old, new = key(), key()
    stored = FernetSealer.from_setting(old).seal(TEXT)
    both = FernetSealer.from_setting(f"{new}, {old}")
    assert both.unseal(stored) == TEXT
    resealed = both.reseal(stored)
    assert FernetSealer.from_setting(new).unseal(resealed) == TEXT
    assert is_sealed(both.reseal(TEXT))  # plain legacy text gets sealed


@pytest.mark.parametrize("setting", ["not-a-key", f"{Fernet.generate_key().decode()},nope", ","])
def test_a_malformed_key_setting_is_refused_without_echoing_it(setting: str) -> None:
    with pytest.raises(InvalidKeySettingError) as error:
        sealer_from_setting(setting)
    assert "COACH_ENCRYPTION_KEY" in str(error.value)
    assert "nope" not in str(error.value) and "not-a-key" not in str(error.value)


def test_no_setting_means_plain() -> None:
    assert isinstance(sealer_from_setting(None), PlainSealer)
    assert isinstance(sealer_from_setting("  "), PlainSealer)
