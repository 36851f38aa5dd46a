"""A language asked for in a sentence is chosen, not asked about again; a language asked
for someone else ("can the coach run in spanish for them") changes nothing of theirs."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_i_actually_prefer_english_after_spanish_switches_back(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("language es")
    # Had: "Le estoy hablando en español. ¿En qué idioma prefiere que le hable?"
    assert "I'll speak English with you" in educator.says("I actually prefer english")
    assert "I help you build strong partnerships with families" in educator.says("help")


def test_spanish_asked_for_in_spanish_is_chosen(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("¿puedes hablarme en español?")
    assert "desde ahora le hablo en español" in reply


def test_a_language_for_the_staff_is_not_the_educator_s_choice(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("half my office staff prefers spanish, can the coach run in it for them")
    assert "I'm speaking English with you" in educator.says("language")


def test_a_language_the_coach_does_not_speak_is_said_so(app: CoachApp) -> None:
    # Session 36: "do you know any Swahili?" had "I'm not sure what you'd like me to do with
    # that"; "can you speak haitian creole" only "Which language would you like?".
    teacher = Conversation(app.coach)
    assert "I don't know `swahili`" in teacher.says("do you know any Swahili?")
    assert "I don't know `haitian creole`" in teacher.says("can you speak haitian creole")
    assert "I don't know" not in teacher.says("do you know any good books for parents?")


def test_a_language_refused_is_never_the_one_chosen(app: CoachApp) -> None:
    # Session 37: both had switched a music teacher to Spanish.
    teacher = Conversation(app.coach)
    card = teacher.says(
        "stealing that. and asking in languages, I can get the spanish one done by Sra. Lopez"
    )
    assert "español" not in card
    teacher.says("language es")
    back = teacher.says("why are you speaking spanish now?? I don't speak spanish lol")
    assert "I'll speak English with you" in back


def test_words_to_say_in_english_are_no_switch_of_the_coach(app: CoachApp) -> None:
    # Session 37: a parent-center coordinator writing in Spanish was switched to English.
    coordinator = Conversation(app.coach)
    coordinator.says("language es")
    coordinator.says("pero que le digo a ELLA, a la maestra. en ingles porfa, algo cortito")
    assert "Le estoy hablando en español" in coordinator.says("idioma")
