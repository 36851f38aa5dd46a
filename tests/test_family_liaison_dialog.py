"""A family liaison's first evening (session 34): "1" typed under the offer to set her role
had been "There's nothing to pick by number right now", and nudges asked to be about her
families (new to the country, an IEP, speaking Spanish) got "I can't tell which part ...
belongs to" and the list of topics, or a word about language."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_one_typed_under_the_role_offer_takes_it(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    offer = educator.says("hi im the family liaison at an elementary school")
    assert "1. Yes, set family liaison" in offer
    reply = educator.says("1")
    assert "you're a family liaison" in reply and "nothing to pick" not in reply
    assert "Role: Family liaison" in educator.says("profile")


def test_nudges_for_families_new_to_the_country_name_the_topic_that_holds_them(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    reply = educator.says(
        "what should my nudges be about if most of my families are new to the country"
    )
    assert "families new to the country" in reply and "`nudges focus " in reply
    assert "I can't tell which part" not in reply
    # The setting named works as typed.
    focus = reply.split("`nudges focus ", 1)[1].split("`", 1)[0]
    assert "Nudges will stay on" in educator.says(f"nudges focus {focus}")


def test_nudges_for_iep_families_name_a_topic_and_change_nothing(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says("can my nudges be about IEP families for a while")
    assert "an IEP or a 504 plan" in reply
    assert "Weekly nudges: off" in educator.says("nudges")


def test_the_weekly_tips_about_families_who_speak_spanish_set_a_focus(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says("can the weekly tips be about families who speak spanish")
    assert "Nudges will stay on" in reply


def test_the_role_list_s_number_after_the_one_button_offer_picks_from_the_list(
    app: CoachApp,
) -> None:
    # "good evening" asks the role (1-6); "im a principal" offers one button; "2" answered the
    # list ("2. School leader"), and had been "There's nothing to pick by number right now".
    educator = Conversation(app.coach)
    assert "what's your role?" in educator.says("good evening")
    educator.says("im a principal")
    assert "you're a school leader" in educator.says("2")


def test_reminders_about_newcomer_families_asked_in_spanish(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("language es")
    reply = educator.says("puedes hacer que los recordatorios sean sobre familias recién llegadas")
    assert "las familias recién llegadas al país" in reply and "`recordatorios focus " in reply


def test_reminders_sent_to_families_are_still_no_nudge_setting(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("I send reminders to families every friday about the reading log")
    assert "Weekly nudges: off" in educator.says("nudges")
