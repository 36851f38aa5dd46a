"""One scripted reflection that every adapter must store identically.

Each adapter's test supplies a `Driver` that says words and clicks buttons by label through
its own wire format; `run_script` plays SCRIPT through it and `stored_journal` reads back
what the coach saved for that educator. Add a platform by writing its Driver and comparing
its journal with the terminal's (see tests/slack/test_conformance.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.app import CoachApp
from bot.drafts.models import SavedDraft
from bot.storage.models import Educator, Reflection
from tests.dialog import Conversation


@dataclass(frozen=True)
class Say:
    text: str


@dataclass(frozen=True)
class Click:
    label: str  # the start of a button's label, as a person would read it


Step = Say | Click

SCRIPT: tuple[Step, ...] = (
    Say("hi"),  # the first hello asks who they are: one tap each
    Click("Counselor"),
    Click("High school"),
    Say("reflect relational"),
    Say("I greeted every family at pickup on Friday."),
    Say("Two parents stayed to chat about the science fair."),
    Click("1"),  # the first suggested action
    Say("reflect"),  # next topic; first asks how the last action went
    Click("Partly"),
    Say("Reached voicemail twice, then we talked on Thursday."),  # what got in the way
    Click("No, let it go"),
    Say("Our newsletter is only in English."),
    Say("Ask the Spanish-speaking parents what they would read."),
    Click("Write my own"),
    Say("Invite one parent to co-write the next newsletter."),
)


# The same reflection by a Spanish speaker whose platform is in Spanish: every button and word
# in Spanish, stored the same on every platform.
SPANISH_SCRIPT: tuple[Step, ...] = (
    Say("hola"),
    Click("Consejero"),
    Click("Preparatoria"),
    Say("reflexionar relacional"),
    Say("Saludé a cada familia a la salida el viernes."),
    Say("Dos mamás se quedaron a platicar sobre la feria de ciencias."),
    Click("1"),
    Say("reflexionar"),
    Click("En parte"),
    Click("Falta de tiempo"),
    Click("No, dejarla"),
    Say("Nuestro boletín solo está en inglés."),
    Say("Preguntar a las familias qué les gustaría leer."),
    Click("Escribir mi propia"),
    Say("Invitar a una mamá a escribir el próximo boletín conmigo."),
)


# A message home, written and saved: the same draft wherever it was written.
DRAFT_SCRIPT: tuple[Step, ...] = (
    Say("draft"),
    Click("Share one next step"),
    Click("Español"),
    Say("José María"),
    Say("lee palabras cortas sin ayuda y ya empieza con las largas"),
    Say("leer una página juntos antes de dormir"),
    Click("Warm"),
    Click("Another version"),
    Click("Save to my journal"),
)


class Driver(Protocol):
    async def say(self, text: str) -> None: ...

    async def click(self, label: str) -> None: ...


async def run_script(driver: Driver, script: tuple[Step, ...] = SCRIPT) -> None:
    for step in script:
        if isinstance(step, Say):
            await driver.say(step.text)
        else:
            await driver.click(step.label)


class ConsoleDriver:
    """The terminal's side: the in-memory conversation the core tests use."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation

    async def say(self, text: str) -> None:
        self.conversation.says(text)

    async def click(self, label: str) -> None:
        self.conversation.clicks(label)


def _educator(session: Session, platform: str, workspace: str, user: str) -> Educator:
    return session.scalars(
        select(Educator).where(
            Educator.platform == platform,
            Educator.workspace == workspace,
            Educator.user_id == user,
        )
    ).one()


def stored_journal(
    core: CoachApp, platform: str, workspace: str, user: str
) -> list[dict[str, Any]]:
    """What was saved for one educator: their profile, then each reflection's topic, answers,
    action, status and note, oldest first."""
    with core.sessions() as session:
        educator = _educator(session, platform, workspace, user)
        sealer = core.coach.sealer.for_educator(session, educator)
        rows = session.scalars(
            select(Reflection)
            .where(Reflection.educator_id == educator.id)
            .order_by(Reflection.created_at, Reflection.id)
        ).all()
        profile = {"role": educator.role, "grades": educator.grade_band}
        return [profile] + [
            {
                "topic": row.topic,
                "answers": json.loads(sealer.unseal(row.answers)),
                "action": sealer.unseal(row.action),
                "status": row.action_status,
                "note": sealer.unseal(row.outcome_note) if row.outcome_note else None,
            }
            for row in rows
        ]


def stored_drafts(core: CoachApp, platform: str, workspace: str, user: str) -> list[dict[str, Any]]:
    """The messages home one educator saved: purpose, language and text, oldest first."""
    with core.sessions() as session:
        educator = _educator(session, platform, workspace, user)
        sealer = core.coach.sealer.for_educator(session, educator)
        rows = session.scalars(
            select(SavedDraft)
            .where(SavedDraft.educator_id == educator.id)
            .order_by(SavedDraft.created_at, SavedDraft.id)
        ).all()
        return [
            {"purpose": row.purpose, "language": row.language, "text": sealer.unseal(row.text)}
            for row in rows
        ]
