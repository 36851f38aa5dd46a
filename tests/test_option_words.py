"""Options named in words over the action options: which number a text picks in passing."""

from __future__ import annotations

import pytest

from bot.flows.option_words import option_in_passing


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("i think 3", 3),
        ("oh wait i meant 2", 2),
        ("3, I've been putting it off", 3),
        ("not sure yet, maybe 2", 2),
        ("Me gustó la opción 1, la hago con Andrea", 1),
        ("pues la 2", 2),
    ],
)
def test_a_number_picked_among_other_words(text: str, number: int) -> None:
    assert option_in_passing(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "1 i guess, 2 seems like alot",  # two numbers: which one is not clear
        "call mom at 3",
        "maybe 2 families",
        "my top 3",
        "ya hice la 1 el martes",
        "is there a script for option 2",
        "what was option 2 again?",
        "i think 12",
        "option ²",
        "option 99999999999999999999",
        "",
    ],
)
def test_no_option_is_read_where_none_is_picked(text: str) -> None:
    assert option_in_passing(text) is None
