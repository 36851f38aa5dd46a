"""A plan with nothing beside its verb is asked to whom and about what (session 35): "actually
not email. text maybe" had been saved as the week's action, "Text maybe"."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def at_the_action_step(app: CoachApp) -> Conversation:
    teacher = Conversation(app.coach)
    teacher.says("reflect relational")
    teacher.says("idk. 148 kids. 6 families came to conferences")
    reply = teacher.says("honestly most of them work, the Lopez family never answers")
    if "Last step" not in reply:
        reply = teacher.says("honestly most of them work, the Lopez family never answers")
    assert "Last step" in reply
    return teacher


def test_a_verb_alone_is_asked_whom_and_what_and_sent_again_it_is_saved(app: CoachApp) -> None:
    teacher = at_the_action_step(app)
    reply = teacher.says("actually not email. text maybe")
    assert "to whom, and about what?" in reply and "Saved to your journal" not in reply
    assert "Saved to your journal" in teacher.says("actually not email. text maybe")


def test_a_step_with_whom_is_saved_at_once(app: CoachApp) -> None:
    teacher = at_the_action_step(app)
    assert "Saved to your journal" in teacher.says("text the lopez family friday")
