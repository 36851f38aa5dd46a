"""Options named in words over the action options: which number a text picks in passing."""

from __future__ import annotations

import pytest

from bot.flows.option_words import (
    NamedOption,
    option_by_its_words,
    option_in_passing,
    option_named,
)


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


OPTIONS = [
    "Ask the office which families need an interpreter, and book one for your next call",
    "Ask a colleague whether they would co-host a family session with you this term.",
    "Send a note introducing two families who have shown interest in the same thing.",
]


@pytest.mark.parametrize(
    ("text", "number", "change"),
    [
        ("the interpeter thing", 1, ""),  # a typo
        ("the one about the interpreter", 1, ""),
        ("book an interpreter", 1, ""),  # the option's own words, nothing else
        ("the colleague one, ms rivera", 2, "ms rivera"),
        ("ok the note one tmrw", 3, "tmrw"),
    ],
)
def test_an_option_named_by_what_it_says(text: str, number: int, change: str) -> None:
    assert option_by_its_words(text, OPTIONS) == NamedOption(number, change)


@pytest.mark.parametrize(
    "text",
    [
        "the family one",  # in every option
        "the garcias",
        "the note i sent home got lost",
        "text 2 families about friday",  # a step of their own, with an option's words in it
        "interpreter",  # one word, no "the ... one": not clearly a reference
    ],
)
def test_words_that_name_no_single_option(text: str) -> None:
    assert option_by_its_words(text, OPTIONS) is None


@pytest.mark.parametrize(
    ("text", "number", "change"),
    [
        ("2 but on friday", 2, "on friday"),
        ("1 pls", 1, ""),
        ("2 prob for mr okafor", 2, "for mr okafor"),
        ("the first one for sure", 1, ""),
        ("option two", 2, ""),
        ("tres", 3, ""),
    ],
)
def test_an_option_named_by_its_number_with_what_changes_it(
    text: str, number: int, change: str
) -> None:
    assert option_named(text) == NamedOption(number, change)


@pytest.mark.parametrize(
    "text", ["2 parents came", "the first one to come was grandma", "two of my families"]
)
def test_a_number_that_starts_a_sentence_names_no_option(text: str) -> None:
    assert option_named(text) is None


LIST_A = [
    "Tell the family exactly what went well, in one specific sentence",
    "Send one family a two-sentence note about something their child did well this week.",
    "List every family in your class and put a dot next to each one you have had a positive"
    " contact with this year.",
]


@pytest.mark.parametrize(
    ("text", "options", "number", "change"),
    [
        ("list w dots", LIST_A, 3, ""),  # the whole text is the option's words
        ("co-host one", OPTIONS, 2, ""),
        ("the intro one w permission, the Lees", OPTIONS, 3, "w permission, the Lees"),
        ("interpreter thing for the Hassans", OPTIONS, 1, "for the Hassans"),
    ],
)
def test_an_option_named_by_its_words_read_as_typed(
    text: str, options: list[str], number: int, change: str
) -> None:
    assert option_by_its_words(text, options) == NamedOption(number, change)


def test_a_short_typo_is_no_other_word() -> None:
    # "secnd" is the second option, not "Send a note..." (a loose match had read it so).
    assert option_by_its_words("secnd one, my para", OPTIONS) is None
    assert option_named("secnd one, my para") == NamedOption(2, "my para")
