"""The example vote reads messages no cue was written for; emoji-only messages read as named."""

from __future__ import annotations

import pytest

from bot.understanding import understand
from bot.understanding.examples import ExampleVote

EXAMPLES = {
    "thanks": ["thanks so much", "thank you", "much appreciated"],
    "cancel": ["stop this", "never mind", "i want to stop"],
}


def test_the_nearest_examples_vote() -> None:
    vote = ExampleVote(EXAMPLES)
    found = vote.vote("thank you soo much")
    assert found is not None
    assert found.intent == "thanks"
    assert found.score >= 70


def test_a_message_like_no_example_gets_no_vote() -> None:
    assert ExampleVote(EXAMPLES).vote("what is the wifi password in room 12") is None
    assert ExampleVote(EXAMPLES).vote("") is None


def test_ties_go_to_the_intent_listed_first() -> None:
    tied = {"first": ["abc"], "second": ["abc"]}
    found = ExampleVote(tied, neighbours=2).vote("abc")
    assert found is not None
    assert found.intent == "first"


def test_the_same_message_always_reads_the_same() -> None:
    vote = ExampleVote(EXAMPLES)
    assert {vote.vote("nevermind, stop") for _ in range(5)} == {vote.vote("nevermind, stop")}


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("👋", "greeting"),
        ("👋🏽", "greeting"),  # a skin tone is the same wave
        ("😩😩", "frustration"),
        ("🙏", "thanks"),
        ("🍕", "unknown"),  # says nothing we can act on
        ("🙃🙃🙃", "unknown"),
    ],
)
def test_emoji_only_messages(text: str, intent: str) -> None:
    assert understand(text, deficit=False).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # Written for this test, not in the content's examples or the labelled set.
        ("pls wipe everything u saved about me", "forget"),
        ("can i have my reflections as a file", "export"),
        ("im so fried this week", "frustration"),
        ("thank u so much!!", "thanks"),
    ],
)
def test_plain_requests_no_cue_was_written_for(text: str, intent: str) -> None:
    assert understand(text, deficit=False).intent == intent


def test_a_long_message_about_a_family_is_a_question_even_with_a_role_in_it() -> None:
    text = (
        "so I'm a principal and we have a family that keeps missing conferences, the mom works "
        "nights and the dad is away a lot, our teachers have called and sent notes home and "
        "nothing really sticks, and I want the whole staff to own this instead of one person "
        "doing everything, where would you start with a family like this one"
    )
    assert understand(text, deficit=False).intent == "question"
    assert understand("I'm a principal", deficit=False).intent == "profile"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # Asked without a question mark: still a question.
        ("ideas for a family night that isnt just pizza", "question"),
        ("any advice on a dad who only texts back in emojis", "question"),
        # Told, not asked: heard as what happened (the coach offers to think it through),
        # never answered "Good question".
        ("the parents in my 3rd period never pick up", "unknown"),
        ("mis familias nunca vienen a las juntas", "unknown"),
        ("our family nights are always empty", "unknown"),
    ],
)
def test_a_question_is_asked_and_a_story_is_told(text: str, intent: str) -> None:
    assert understand(text, deficit=False).intent == intent


@pytest.mark.parametrize(
    ("text", "intent", "theme"),
    [
        # Asked of the coach: the language it speaks.
        ("do you have Vietnamese", "language", None),
        ("can we talk in Arabic", "language", None),
        ("¿hablas portugués?", "language", None),
        # Said of a family: what is in the way, heard as the theme.
        ("la familia habla portugués y no tenemos a nadie que traduzca", "unknown", "language"),
        ("mom is more comfortable in spanish", "unknown", "language"),
        ("dad likes to talk in spanish at conferences", "unknown", "language"),
        # Had: the coach's own language offered (English or Español).
        ("what if they dont speak english and i dont speak spanish", "unknown", "language"),
    ],
)
def test_a_language_asked_of_the_coach_or_spoken_by_a_family(
    text: str, intent: str, theme: str | None
) -> None:
    reading = understand(text, deficit=False)
    assert reading.intent == intent
    assert (theme in reading.themes) if theme else "language" not in reading.themes


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how do i get a dad to quit yelling at me at pickup", "question"),
        ("thanks for the reminder yesterday, i called her back", "thanks"),
        ("the draft went out and grandma wrote back. thank you", "thanks"),
        ("thanks, can you help me write to grandma now", "draft"),
        ("write a thank you note to the volunteers", "draft"),
        ("thanks for nothing", "frustration"),
    ],
)
def test_a_stop_inside_a_question_and_a_thanks_for_what_was_done(text: str, intent: str) -> None:
    assert understand(text, deficit=False).intent == intent


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("ando ocupadísima con las boletas", "time"),  # the model alone: 0.03
        ("nadie se presentó a la reunión del jueves", "no-response"),  # the model: 0.09
    ],
)
def test_a_spanish_cue_stands_unless_the_model_all_but_rules_it_out(text: str, theme: str) -> None:
    assert theme in understand(text, deficit=False).themes


def test_how_am_i_supposed_to_with_150_students_is_about_the_work_not_the_coach() -> None:
    # Had: the whole help menu.
    text = "this sounds nice but i have 150 kids. how am i supposed to do this for all of them"
    reading = understand(text, deficit=False)
    assert reading.intent != "help" and "time" in reading.themes
