"""The weekly team prompt as reply parts: a framing, one question, an invitation to reply."""

from __future__ import annotations

from bot.channels import messages
from bot.replies import Card, Reply
from content.loader import Library


def team_prompt(library: Library, topic: str, index: int) -> list[Reply]:
    content = library.team_prompts.topics[topic]
    question = content.prompts[index % len(content.prompts)]
    return [
        Card(
            title=messages.POST_TITLE.format(title=library.title(topic)),
            body=messages.POST_BODY.format(
                framing=content.framing, question=question, invite=messages.POST_INVITE
            ),
        )
    ]
