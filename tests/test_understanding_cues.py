"""Cues matched word by word (bot/understanding/cues.py) read the pattern language as written."""

from __future__ import annotations

import pytest

from bot.understanding import understand
from bot.understanding.normalise import for_matching
from bot.understanding.reader import Reader
from content.reframe_patterns import PatternError
from content.understanding_cues import CueSet, Text
from content.understanding_schema import load_understanding

SETS = {"family": ["mom", "dad", "foster parent"], "neg": ["don't", "never"]}


def labels(
    cues: dict[str, list[str]], text: str, negatable: frozenset[str] = frozenset()
) -> set[str]:
    return set(CueSet(SETS, cues).counts(Text.of(for_matching(text)), negatable))


@pytest.mark.parametrize(
    ("cue", "text", "matches"),
    [
        ("no time", "honestly NO time this week", True),
        ("no time", "no timer", False),  # whole words only
        ("(no|zero) (prep|planning) time", "zero planning time", True),
        ("{family} (never|didn't) answer~", "the foster parent never answered", True),
        ("{neg} show up", "they dont show up", True),  # "dont" is "don't"
        ("asset-based", "an asset based note", True),
        ("asset based", "an asset-based note", True),
        ("left _ voicemail", "left a voicemail", True),
        ("left _ voicemail", "left voicemail", False),
        ("went (really|so)* well", "went really so well", True),
        ("went (really|so)* well", "went well", True),
        ("(the)? schedule !(a|the)", "the schedule is tight", True),
        ("(the)? schedule !(a|the)", "schedule a call", False),
        ("no reply", "no. reply", False),  # punctuation ends a cue
    ],
)
def test_a_cue_reads_as_the_pattern_language_says(cue: str, text: str, matches: bool) -> None:
    assert (labels({"x": [cue]}, text) == {"x"}) is matches


def test_a_negated_match_does_not_count_for_a_negatable_label() -> None:
    cues = {"positive": ["came", "answered"]}
    assert labels(cues, "nobody came", frozenset(["positive"])) == set()
    assert labels(cues, "she hasn't answered", frozenset(["positive"])) == set()
    assert labels(cues, "no. she came after all", frozenset(["positive"])) == {"positive"}
    assert labels(cues, "nobody came") == {"positive"}  # not negatable


def test_counts_are_per_place() -> None:
    counted = CueSet(SETS, {"x": ["mom"], "y": ["dad"]}).counts(Text.of("mom and mom and dad"))
    assert counted == {"x": 2, "y": 1}


def test_what_the_word_matcher_cannot_read_is_refused_with_its_place() -> None:
    with pytest.raises(PatternError, match=r"^x: .*'\(a !b\|c\)'"):
        CueSet(SETS, {"x": ["(a !b|c)"]})


def test_the_packaged_cues_all_compile_for_the_reader() -> None:
    Reader(load_understanding())


@pytest.mark.parametrize(
    ("answer", "theme"),
    [
        # A family's hours typed as times of day: "2am" is a time like "2 am".
        ("mom drives for doordash til 2am so she sleeps when i call after school", "time"),
        ("dad's shift ends at 11PM, so calls after school never reach him", "time"),
    ],
)
def test_times_of_day_read_as_hours(answer: str, theme: str) -> None:
    assert theme in understand(answer, deficit=False).themes


@pytest.mark.parametrize(
    "backlog",
    [
        "i havent answered 3 parent emails",
        "I still owe two families a call back",
        "i never replied to her email, i feel bad",
        "no le he contestado a la mamá de Jayden",
    ],
)
def test_the_educator_s_own_unanswered_messages_are_not_a_family_s_silence(backlog: str) -> None:
    assert "no-response" not in understand(backlog, deficit=False).themes


@pytest.mark.parametrize(
    "silence",
    [
        "i havent heard back from mom",
        "they havent answered",
        "i have not been able to reach grandma",
        "i havent answered her yet and she hasnt answered me either",
    ],
)
def test_a_family_s_silence_is_still_heard_beside_the_educator_s_own_words(silence: str) -> None:
    assert "no-response" in understand(silence, deficit=False).themes


def test_a_few_students_named_by_their_families_are_not_a_workload() -> None:
    few = understand("i have 3 kids whose parents only speak arabic", deficit=False)
    assert "time" not in few.themes and "language" in few.themes
    assert "time" in understand("i have 32 kids and no planning period", deficit=False).themes


@pytest.mark.parametrize(
    ("said", "language_heard"),
    [
        # Session 36: a mother who reads in no language was offered an interpreter.
        ("one of the moms cant read in any language tho", False),
        ("la mamá no sabe leer en ningún idioma", False),
        # Session 36: a speech evaluation is no interpreter's work either.
        ("la maestra cree que necesita evaluacion de lenguaje", False),
        ("he has a speech delay and gets speech therapy twice a week", False),
        ("mom only reads Dari", True),
        ("his mom only speaks spanish and he has a speech delay", True),
    ],
)
def test_reading_and_speech_are_not_a_family_s_language(said: str, language_heard: bool) -> None:
    assert ("language" in understand(said, deficit=False).themes) is language_heard


@pytest.mark.parametrize(
    ("said", "language_heard"),
    [
        # Session 37: a teacher who speaks Vietnamese was told to book an interpreter six times.
        ("I speak Vietnamese so I don't need an interpreter lol. I want to ask Mrs. Nguyen if "
         "her grandma would come read a Vietnamese folktale", False),
        ("I can translate it myself, I'm Vietnamese. just help me with the english version", False),
        ("no necesito intérprete, yo hablo su idioma con la mamá", False),
        ("i speak spanish but mom only speaks mixteco", True),
        ("mom only speaks Vietnamese and nobody at school does", True),
        ("i dont speak spanish so i need an interpreter for the Ruiz family", True),
    ],
)  # fmt: skip
def test_an_educator_who_speaks_the_family_s_language_is_offered_no_interpreter(
    said: str, language_heard: bool
) -> None:
    assert ("language" in understand(said, deficit=False).themes) is language_heard
