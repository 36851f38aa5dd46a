"""What an educator typed, repeated by the coach in Teams, never becomes a live link.

Issue 13, finding 8: ``@Coach channel day a`[Reset](https://ev.il/r)`b`` made the coach post a
live "Reset" link to the whole channel in its own voice. Teams renders message text and
Adaptive Card text as markdown; Slack's renderer already escapes its link syntax.
"""

from __future__ import annotations

import re
from typing import Any

from adapters.teams.escape import ZWSP, inert
from tests.teams import activities
from tests.teams.conftest import TeamsChat, card_text

TRAP = "a`[Reset](https://ev.il/r)`b"
# Markdown links, autolinks, HTML anchors and bare addresses, as a Teams client would link them.
LIVE = re.compile(r"\]\(|\]\[|\]:|<https?:|<a[\s>]|https?://|www\.", re.IGNORECASE)


def texts(posted: list[dict[str, Any]]) -> str:
    return "\n".join(card_text(activity) for activity in posted)


def assert_inert(shown: str, typed: str) -> None:
    assert not LIVE.search(shown), shown
    assert typed.replace("`", "") in shown.replace(ZWSP, "").replace("*", ""), shown


async def test_a_channel_command_repeating_a_link_posts_it_inert(teams: TeamsChat) -> None:
    url = teams.connector.url
    await teams.send(activities.channel_mention(url, "channel on"))
    shown = await teams.send(activities.channel_mention(url, f"channel day {TRAP}"))
    assert "Reset" in shown  # the coach did repeat it...
    assert_inert(shown, "[Reset](https://ev.il/r)")  # ...as words, not as a link


async def test_a_journal_entry_with_links_and_html_is_shown_inert(teams: TeamsChat) -> None:
    words = "see [Reset](https://ev.il/r) or <https://ev.il> or <a href='x'>here</a> www.ev.il"
    await teams.says("reflect relational")
    await teams.says(words)
    await teams.says("second answer")
    await teams.clicks("Write my own")
    shown = await teams.says(f"plan {words}")
    shown += await teams.says("journal")
    assert "Reset" in shown
    assert not LIVE.search(shown), shown


def test_inert_keeps_the_words_and_breaks_every_link_form() -> None:
    for typed in (
        "[Reset](https://ev.il/r)",
        "[x][1]\n[1]: http://ev.il",
        "<https://ev.il>",
        "<a href='https://ev.il'>x</a>",
        "WWW.ev.il and ftp://ev.il",
        "![img](https://ev.il/p.png)",
    ):
        made = inert(typed)
        assert made.replace(ZWSP, "") == typed
        assert not LIVE.search(made), made
