"""A Title I family engagement specialist at a K-8 school in Detroit, who runs the parent
cafe and family nights (session 41): what she said that the coach had misread."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from bot.understanding.named import who_is_named
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.test_listening_dialog import a_week_after_choosing


def test_her_own_loss_told_at_the_check_in_is_heard_first(app: CoachApp, clock: FakeClock) -> None:
    renee = Conversation(app.coach, "ms-cole")
    a_week_after_choosing(renee, clock, "Ask Ms. Patterson for her january goals")
    renee.says("journal")
    reply = renee.says(
        "kinda. Ms. Patterson gave me her january goals but i ran out of time before break to "
        "make the note. also we had a family emergency over break, my aunt passed, so im slow "
        "this week"
    )
    # Had: "Would you call that done, partly, or not yet?", then "Weeks fill up...".
    assert "sorry for your loss" in reply and "done, partly" not in reply
    journal = renee.says("journal")
    assert "How it went: not yet" in journal and "aunt" not in journal  # her loss not kept


@pytest.mark.parametrize(
    "said",
    [
        "can you skip next weeks reminder? funeral is thursday and im driving to ohio",
        "no nudges next week pls",
        "no nudge next week",
    ],
)
def test_next_week_skipped_is_that_week_only_and_the_day_kept(app: CoachApp, said: str) -> None:
    renee = Conversation(app.coach, "ms-cole")
    renee.says("nudges on")  # a Monday; Tuesdays at 07:30
    reply = renee.says(said)
    # Had: "Nudges will come on Thursdays" (the funeral's day), for good.
    assert "no nudges from Mon Nov 23, and they come back Mon Nov 30" in reply
    assert ("so sorry" in reply) == ("funeral" in said)
    settings = renee.says("nudges")
    assert "Day: Tuesday" in settings and "Next nudge: Tue Nov 17" in settings


def test_skip_next_week_alone_is_about_the_nudges(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-cole")
    renee.says("nudges on")
    # Had: "I'm not sure what you'd like me to do with that."
    assert "no nudges from Mon Nov 23" in renee.says("skip next week please")


def test_an_afternoon_hour_said_alone_is_the_afternoon(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-cole", timezone="America/Detroit")
    reply = renee.says("can you remind me every week? tuesdays around 1 after lunch duty")
    # Had: "Your first one arrives Tue Nov 17, 07:30", mornings being chaos.
    assert "Tue Nov 17, 13:00" in reply


def test_what_last_year_s_teacher_told_a_mother_is_not_her_wording(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-cole")
    renee.says("reflect relational")
    reply = renee.says(
        "Ms. Tamika Wells was scared to come to conferences bc last year the teacher basically "
        "told her the boy was headed to juvie. i sat in with her and Mr. Okafor started with "
        "something good about Jaylen. she stayed 40 min"
    )
    # Had: "A gentle thought on wording... 'headed to juvie'".
    assert "A gentle thought on wording" not in reply


def test_good_news_that_almost_made_her_cry_is_good_news(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-cole")
    reply = renee.says(
        "cafe this morning = 19 families!!! last one was 8. Mrs Alvarez brought 4 moms with "
        "her. i almost cried"
    )
    # Had: "That sounds like a lot, and weeks like this are real".
    assert "sounds like a lot" not in reply and "moment partnerships grow from" in reply


def test_her_own_name_and_title_are_no_family_and_no_principal(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-cole")
    reply = renee.says(
        "hi. im Renee Cole, Title I family engagement at a K-8 on the east side of Detroit. "
        "someone at the district PD said to try this"
    )
    # Had: "Renee: naming them makes this real" and "you're a school leader".
    assert "Renee:" not in reply and "Detroit:" not in reply
    assert "Yes, set family liaison" in reply


def test_thanks_inside_a_change_asked_under_the_note_does_not_close_it(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-cole")
    renee.says("draft celebrate")
    renee.clicks("English")
    renee.says("Sofia")
    renee.says("brought 4 moms to the parent cafe")
    renee.clicks("Warm")
    reply = renee.says(
        "no this says her CHILD did it. SHE did it. the mom. can it just say thank you to her"
    )
    # Had: "Good luck with it. Nothing of this draft is kept".
    assert "Nothing of this draft is kept" not in reply and "Your draft" in reply


def test_her_own_name_ends_with_its_sentence() -> None:
    assert who_is_named("hi. im Renee Cole, Title I family engagement") is None
    assert who_is_named("im Renee. Jaylen's mom called") == "Jaylen's mom"
