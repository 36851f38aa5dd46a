"""A wrong key never blocks erasure: with a reflection in progress that no configured key
opens, `help` still answers and `forget` still deletes everything (it needs no key)."""

from __future__ import annotations

from collections.abc import Callable

from tests.dialog import Conversation
from tests.privacy.conftest import AppFactory
from tests.privacy.helpers import reflect, row_counts

MARKER = "WRONGKEY-7342"


def test_help_and_forget_work_while_the_key_is_wrong(
    make_app: AppFactory, new_key: Callable[[], str]
) -> None:
    right = make_app(coach_encryption_key=new_key())
    educator = Conversation(right.coach, "ms-rivera")
    reflect(educator, MARKER)
    educator.says("reflect confidence")
    educator.clicks("Done")
    assert "Question 1 of 2" in educator.says(f"{MARKER} note")
    assert "Question 2 of 2" in educator.says(f"{MARKER} half-way")

    wrong = Conversation(make_app(coach_encryption_key=new_key()).coach, "ms-rivera")
    assert "encryption key" in wrong.says("journal")  # their words cannot be read here
    helped = wrong.says("help")
    assert "reflect" in helped and "encryption key" not in helped  # help, not an error
    assert "Delete everything?" in wrong.says("forget")
    assert "destroyed the key" in wrong.clicks("Yes")
    counts = row_counts(right.engine)
    for table in ("educators", "educator_keys", "reflections", "flow_states"):
        assert counts[table] == 0, table
