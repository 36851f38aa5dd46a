"""A note to a family after a death (session 39): care, and an open door, in English and in
Spanish; never a celebration offered first."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_a_sympathy_note_asked_for_is_begun_as_one(app: CoachApp) -> None:
    ms_reed = Conversation(app.coach)
    begun = ms_reed.says("can you help me write a sympathy note to a family, their grandma died")
    # Had: "What is it for?" with "Celebrate something specific" first.
    assert "Send sympathy after a loss" in begun
    assert "Celebrate something specific" not in begun
    ms_reed.clicks("English")
    ms_reed.says("Jaylen")
    draft = ms_reed.clicks("Warm")
    assert "Jaylen" in draft and "sorry" in draft.casefold()


def test_a_death_told_with_the_request_names_the_child_too(app: CoachApp) -> None:
    begun = Conversation(app.coach).says(
        "jaylens grandpa passed away over the weekend. can you help me write something to his mom"
    )
    assert "Send sympathy after a loss" in begun and "Jaylen" in begun


def test_in_spanish_the_family_gets_the_condolence_in_spanish(app: CoachApp) -> None:
    maestra = Conversation(app.coach, locale="es-MX")
    begun = maestra.says("ayúdame a escribir una nota de pésame para la familia de Ana")
    assert "Dar el pésame por una pérdida" in begun
    maestra.clicks("Español")
    draft = maestra.clicks("Breve")
    assert "Ana" in draft and ("pésame" in draft or "Lamento" in draft or "Sentí" in draft)


def test_the_class_fish_dying_is_no_condolence(app: CoachApp) -> None:
    begun = Conversation(app.coach).says("help me write a note home, the class fish died lol")
    assert "Let's write a short note home: Send sympathy" not in begun
    assert "What is it for?" in begun


def test_a_brother_who_passed_his_driving_test_is_good_news(app: CoachApp) -> None:
    begun = Conversation(app.coach).says(
        "her brother passed his driving test, help me write a note saying congrats"
    )
    assert "Send sympathy" not in begun.split("\n")[0]
