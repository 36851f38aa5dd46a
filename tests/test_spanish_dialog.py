"""The coach in Spanish, chosen per educator: from the platform's locale, from `idioma`/
`language`, or offered when someone writes in Spanish; then everything it says is Spanish
(checked by tests/spoken.py, not by the coach's own detector), a nudge is composed in the
language the educator has when it is sent, and a team channel has a language of its own.

The tour at the end runs the same conversation in both languages. On both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.app import CoachApp
from bot.inbound import Platform
from bot.replies import as_plain_text
from bot.storage.models import Educator
from bot.weekly.channel_models import ChannelSubscription
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import FakePlatform, senders_for, subscription_rows, tick
from tests.spoken import english_share, language_of
from tests.test_channel_prompts import ChannelMember


def spanish_speaker(app: CoachApp, user: str = "sra-lopez") -> Conversation:
    return Conversation(
        app.coach, user, platform=Platform.SLACK, workspace="T1", locale="es-MX",
        timezone="America/Chicago",
    )  # fmt: skip


def stored_language(app: CoachApp, user: str) -> tuple[str | None, str | None]:
    with app.sessions() as session:
        educator = session.scalars(select(Educator).where(Educator.user_id == user)).one()
        return educator.language, educator.platform_language


# --- choosing the language ------------------------------------------------------------------


def test_a_spanish_locale_gets_spanish_from_the_first_hello(app: CoachApp) -> None:
    educator = spanish_speaker(app)
    hello = educator.says("hola")
    assert language_of(hello) == "es", hello
    assert "¿cuál es su rol?" in hello and "Docente" in hello, hello
    help_card = educator.says("ayuda")
    assert "`reflexionar`" in help_card and language_of(help_card) == "es", help_card
    assert stored_language(app, "sra-lopez") == (None, "es")


def test_spanish_command_words_work_for_a_spanish_speaker(app: CoachApp) -> None:
    educator = spanish_speaker(app)
    assert "diario está vacío" in educator.says("diario")
    assert "Relacional" in educator.says("aprender relacional")
    assert "Reflexionemos" in educator.says("reflexionar relacional")
    assert "No se guardó nada" in educator.says("cancelar")


def test_language_es_and_idioma_en_switch_and_say_so_in_the_new_language(app: CoachApp) -> None:
    educator = Conversation(app.coach, "ms-rivera")
    switched = educator.says("language es")
    assert "le hablo en español" in switched, switched
    assert language_of(educator.says("journal")) == "es"
    back = educator.says("idioma en")
    assert "I'll speak English with you" in back
    assert "journal is empty" in educator.says("journal")
    assert stored_language(app, "ms-rivera") == ("en", None)


def test_a_choice_outlasts_what_the_platform_says(app: CoachApp) -> None:
    educator = spanish_speaker(app)
    educator.says("language en")
    assert "journal is empty" in educator.says("diario")  # English: "diario" is a note now
    assert stored_language(app, "sra-lopez") == ("en", "es")


def test_an_unknown_language_gets_the_two_choices_and_changes_nothing(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    answer = educator.says("language french")
    assert "English or Spanish" in answer and "Español" in answer
    assert stored_language(app, "ms-rivera") == (None, None)
    assert "le hablo en español" in educator.clicks("Español")


def test_writing_in_spanish_offers_spanish_once_chosen_it_is_not_offered_again(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)  # an English locale (the terminal has none)
    first = educator.says("hola, necesito ayuda con una familia")
    assert "¿Prefiere que le hable en español?" in first, first
    assert language_of(educator.clicks("Español")) == "es"
    assert "¿Prefiere" not in educator.says("hola otra vez, gracias")

    other = Conversation(app.coach, "mr-chen")
    assert "¿Prefiere" in other.says("hola")
    other.clicks("English")
    assert "¿Prefiere" not in other.says("gracias, hola")


def test_the_offer_is_made_once_and_a_typed_si_accepts_it(app: CoachApp) -> None:
    educator = Conversation(app.coach, "sr-ruiz")
    assert "¿Prefiere que le hable en español?" in educator.says("hola")
    assert "¿Prefiere" not in educator.says("¿cómo hablo con una familia enojada?")
    accepted = educator.says("Sí")
    assert "le hablo en español" in accepted
    # The first hello's question waited for the language, and comes in it.
    assert "¿cuál es su rol?" in accepted and "Enlace familiar" in accepted
    assert stored_language(app, "sr-ruiz") == ("es", None)
    # Without an offer, "si" chooses nothing.
    fresh = Conversation(app.coach, "ms-park")
    fresh.says("help")
    assert "le hablo en español" not in fresh.says("si")


# --- everything said in Spanish -------------------------------------------------------------


def test_a_reflection_in_spanish_from_prompt_to_journal(app: CoachApp) -> None:
    educator = spanish_speaker(app)
    educator.says("perfil role teacher")
    opening = educator.says("reflexionar relacional")
    assert language_of(opening) == "es", opening
    answer = educator.says(
        "Llamé a la mamá de Diego para contarle algo bueno y me contestó muy contenta"
    )
    assert language_of(answer) == "es", answer
    actions = educator.says("Le pregunté qué le gusta hacer a Diego en casa")
    assert language_of(actions) == "es", actions
    saved = educator.says("1")
    assert "diario" in saved and language_of(saved) == "es", saved
    journal = educator.says("diario")
    assert " de 20" in journal and language_of(journal) == "es", (
        journal
    )  # "martes 1 de ... de 2026"


def test_dates_are_spanish_dates(app: CoachApp, clock: FakeClock) -> None:
    educator = spanish_speaker(app)
    settings = educator.says("recordatorios on")
    months = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip
    assert any(f" de {month}" in settings for month in months), settings
    assert "martes" in educator.says("recordatorios")
    # Days typed in Spanish, with or without accents.
    assert "cada viernes" in educator.says("recordatorios day viernes")
    assert "cada miércoles" in educator.says("recordatorios day miercoles")


def test_a_nudge_is_written_in_the_language_they_have_when_it_is_sent(
    app: CoachApp, clock: FakeClock
) -> None:
    platform = FakePlatform(Platform.SLACK)
    educator = Conversation(app.coach, "ms-rivera", platform=Platform.SLACK, workspace="T1")
    educator.says("nudges on")  # subscribed in English
    educator.says("language es")  # then chose Spanish
    due = min(s.next_send_at for s in subscription_rows(app) if s.next_send_at is not None)
    clock.set(due)
    tick(app, senders_for(platform), due + timedelta(minutes=1))
    (delivery,) = platform.delivered
    said = "\n".join(as_plain_text(reply) for reply in delivery.replies)
    assert language_of(said) == "es", said


def test_a_team_channel_has_its_own_language_for_its_prompts(
    app: CoachApp, clock: FakeClock
) -> None:
    platform = FakePlatform(Platform.SLACK)
    keeper = ChannelMember(app, "ms-rivera")
    assert "irán en español" in keeper.says("channel language es")
    keeper.says("channel on")
    assert "Language of the prompts: Español" in keeper.says("channel")  # said in English
    with app.sessions() as session:
        (channel,) = session.scalars(select(ChannelSubscription)).all()
        assert channel.language == "es"
        due = channel.next_send_at
    assert due is not None
    clock.set(due)
    tick(app, senders_for(platform), due + timedelta(minutes=1))
    (post,) = platform.delivered
    said = "\n".join(as_plain_text(reply) for reply in post.replies)
    assert language_of(said) == "es", said


# --- the same conversation in both languages ------------------------------------------------

TOUR = (
    "help",
    "learn",
    "learn asset-based",
    "reflect collaborative",
    "I sent a note home and two families wrote back",
    "idk",
    "I will ask one family what works for them",
    "1",
    "journal",
    "nudges on",
    "nudges day fri",
    "nudges focus cognition",
    "nudges",
    "nudges off",
    "assess",
    "cancel",
    "profile",
    "reframe those parents just don't care",
    "draft",
    "cancel",
    "export",
    "forget",
    "No",
    "something the coach has no word for",
)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_same_conversation_in_both_languages(app: CoachApp, language: str) -> None:
    educator = Conversation(app.coach, f"tour-{language}", platform=Platform.SLACK)
    educator.says(f"language {language}")
    for step in TOUR:
        answer = educator.says(step) if step not in ("No",) else educator.clicks(step[:1])
        if step.startswith("reframe"):
            # The educator's own English sentence is quoted and looked at in its language.
            continue
        assert language_of(answer) == language, f"{step!r} answered in:\n{answer}"
        if language == "es" and step != "export":  # the export repeats their English answers
            assert english_share(answer) < 0.15, f"{step!r} answered in:\n{answer}"


def test_reflexionar_offers_spanish_and_a_tap_mid_reflection_asks_again_in_spanish(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach, "sra-diaz")  # spoken to in English until she chooses
    started = educator.says("reflexionar")
    assert "¿Prefiere que le hable en español?" in started
    assert "Question 1 of 2" in started
    switched = educator.clicks("Español")
    assert "le hablo en español" in switched
    assert "Pregunta 1 de 2: ¿" in switched  # the same question, now in Spanish
    assert "still open" not in switched and "¿cuál es su rol?" not in switched
    answered = educator.says("hablé con la mamá de luis en la salida, le encanta el fútbol")
    assert "Pregunta 2 de 2: ¿" in answered
    educator.says("la familia de ana, solo les he escrito por problemas de tarea")
    educator.clicks("1")
    journal = educator.says("diario")
    assert "la mamá de luis" in journal
    assert "language es" not in journal  # the tap was never taken for an answer


def test_a_spanish_answer_in_an_english_reflection_is_offered_spanish_once(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach, "mr-soto")
    educator.says("reflect relational")
    first = educator.says("hablé con la mamá de luis en la salida, le encanta el fútbol")
    assert "¿Prefiere que le hable en español?" in first
    assert "Question 2 of 2" in first
    second = educator.says("la familia de ana, solo les he escrito por problemas de tarea")
    assert "¿Prefiere" not in second  # offered once; the choice stays theirs


def test_spanish_typed_for_a_family_in_a_draft_is_not_an_offer(app: CoachApp) -> None:
    educator = Conversation(app.coach, "ms-park")
    educator.says("draft")
    educator.clicks("Celebrate")
    educator.clicks("Español")  # the family reads Spanish best
    educator.says("Ana")
    said = educator.says("leyó su primer libro sola esta semana, estoy muy orgullosa de ella")
    assert "¿Prefiere" not in said


def test_language_as_an_answer_is_kept_as_an_answer(app: CoachApp) -> None:
    educator = Conversation(app.coach, "mr-reyes")
    educator.says("reflect relational")
    answer = educator.says("language barrier, mom only speaks Q'anjob'al")
    assert "Question 2 of 2" in answer


def test_plain_spanish_requests_about_trust_and_a_note_home_are_understood(
    app: CoachApp,
) -> None:
    educator = spanish_speaker(app)
    asked = educator.says("¿cómo le hago para que los papás de mis alumnos nuevos confíen en mí?")
    assert "aprender relational" in asked and "No tengo una respuesta lista" not in asked
    draft = educator.says(
        "ayúdame a escribirle a la mamá de Kevin que le fue muy bien en el examen"
    )
    assert "Celebrar algo concreto" in draft and "¿Para qué es?" not in draft
