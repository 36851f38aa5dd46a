"""A family liaison for refugee and newcomer families, once a refugee herself, who speaks Dari,
Pashto and some Arabic (session 40): what she said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import nudged_on_slack
from tests.test_listening_dialog import a_week_after_choosing


def test_salaam_is_a_hello(app: CoachApp) -> None:
    # Had: "I don't know `salaam` yet. Type `help` to see what I can do."
    reply = Conversation(app.coach, "ms-haidari").says("salaam")
    assert "I don't know" not in reply
    assert "Hi!" in reply


def test_a_break_asked_for_under_the_nudge_is_a_pause(app: CoachApp, clock: FakeClock) -> None:
    farah = nudged_on_slack(app, clock, "ms-haidari")
    reply = farah.says(
        "no nudges during winter break pls, i am off dec 21 until jan 4. my mother is sick, "
        "i go to Virginia"
    )
    # Had: "No rush: it's there for the whole week. Tap *Remind me tomorrow*...".
    assert "No rush" not in reply
    assert "no nudges from Mon Dec 21" in reply


def test_a_step_done_another_way_is_done(app: CoachApp, clock: FakeClock) -> None:
    farah = Conversation(app.coach, "ms-haidari")
    a_week_after_choosing(farah, clock, "Send the note home about family night to Mrs Sharifi")
    assert "How did it go?" in farah.says("journal")
    reply = farah.says(
        "i did not send the text, she cant read it. i called her and said it in pashto myself. "
        "she said she come with her khala and her sister inshallah"
    )
    # Had: "An interpreter or a translated note can make this possible. The office or a
    # bilingual colleague is a good first ask", and "not yet" in the journal.
    assert "bilingual colleague" not in reply
    assert "How it went: done" in farah.says("journal")


def test_kinda_then_done_another_way_is_done(app: CoachApp, clock: FakeClock) -> None:
    farah = Conversation(app.coach, "ms-haidari")
    a_week_after_choosing(farah, clock, "Ask the Garcia family what time works for them")
    farah.says("journal")
    reply = farah.says(
        "kinda? i texted the mom instead of calling and she wrote back!! she said evenings after 6"
    )
    # Had: "Part of it happened... Want to carry it into this week?"
    assert "You did it" in reply and "carry it" not in reply
    assert "How it went: done" in farah.says("journal")


def test_a_colleague_quoted_is_not_the_liaison_s_own_wording(app: CoachApp) -> None:
    farah = Conversation(app.coach, "ms-haidari")
    farah.says("reflect")
    reply = farah.says(
        "one teacher at Walnut Grove send home English only notes every week and then in the "
        'meeting she say "the Rahimi family doesn\'t care, they never sign anything". the '
        "mother cannot sign what she cannot read"
    )
    # Had: "A gentle thought on wording... All of it together: ...she say "the Rahimi family
    # may care deeply in ways our school has not yet made room for..."".
    assert "may care deeply" not in reply


def test_a_father_who_will_only_talk_with_a_man_is_an_everyday_situation(
    app: CoachApp,
) -> None:
    reply = Conversation(app.coach, "ms-haidari").says(
        "how do i talk with fathers who only want to talk to a man? Mr. Osman from Sudan he "
        "look at the wall when i talk and answer only to the male principal"
    )
    # Had: "Greetings and customs... Wait for the parent to offer a hand".
    assert "A parent who will only talk with a man" in reply


def test_back_after_time_away_is_welcomed(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-haidari").says(
        "salaam, i am back. my mother is better now inshallah"
    )
    # Had: 'Thanks, I see what you mean about "salaam, i am back..."'.
    assert "Welcome back" in reply


def test_an_educator_s_own_loss_is_heard_as_one(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-haidari").says("im back. my dad passed over break")
    # Had: 'Noted, "im back. my dad passed over break". Thanks for putting it into words.'
    assert "sorry for your loss" in reply
    assert "Welcome back" not in reply
