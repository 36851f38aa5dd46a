"""The weekly team prompt as reply parts: a framing, one question, an invitation to reply,
and the button that tells the coach the team used it (it never reads the channel).

Button values are plain `channel` words the engine handles, carrying the week's ledger row:
`channel heard ID` (the prompt's button) and `channel keep|monthly|stop ID` (the answers to
the keep-going question, bot/weekly/backoff.py).
"""

from __future__ import annotations

from bot.channels import messages
from bot.nudges import messages as nudge_messages
from bot.replies import Card, Choice, Choices, Reply
from content.loader import Library


def team_prompt(library: Library, topic: str, index: int, ledger_id: int) -> list[Reply]:
    content = library.team_prompts.topics[topic]
    question = content.prompts[index % len(content.prompts)]
    return [
        Card(
            title=messages.POST_TITLE.format(title=library.title(topic)),
            body=messages.POST_BODY.format(
                framing=content.framing, question=question, invite=messages.POST_INVITE
            ),
            buttons=(Choice(str(messages.BUTTON_HEARD), f"channel heard {ledger_id}"),),
        )
    ]


def keep_going_question(ledger_id: int, who: str) -> Choices:
    """Asked once in the channel, to the person who turned the prompts on (`who`)."""
    return Choices(
        messages.KEEP_GOING_QUESTION.format(who=who),
        (
            Choice(str(nudge_messages.KEEP_GOING), f"channel keep {ledger_id}"),
            Choice(str(nudge_messages.KEEP_GOING_MONTHLY), f"channel monthly {ledger_id}"),
            Choice(str(nudge_messages.KEEP_GOING_STOP), f"channel stop {ledger_id}"),
        ),
    )
