"""Sentences the Teams wiring says itself, in a channel; coaching text lives in bot/."""

from __future__ import annotations

from bot.i18n import Msg

# Left in the channel when the answer went to the educator's personal chat.
ANSWERED_PRIVATELY = Msg("I've answered you in our personal chat, since that's just for you.")
# In the channel, when the educator has no personal chat with the coach yet: nothing was run.
SAY_IT_PRIVATELY = Msg(
    "That's just for you, so I answer it in a personal chat: open a chat with me "
    "(Apps > Partnership Coach) and say it there."
)
# In the channel, when the personal chat could not be reached just now.
PERSONAL_CHAT_UNREACHABLE = Msg(
    "That's just for you, but I couldn't reach our personal chat just now. "
    "Please say it to me there."
)
