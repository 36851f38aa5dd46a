"""One workspace's coach hears only that workspace (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET).

The signing secret belongs to the Slack app, not to a workspace: if the same app is
installed elsewhere, that workspace's requests are signed too. The bot token does belong to
one workspace (auth.test says which), so every request from any other `team_id` is refused
before a listener runs: a slash command gets a kind private answer (200, so Slack shows it),
anything else an empty 200 (so Slack does not retry), and nothing is stored.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import messages
from adapters.slack.payloads import team_of


@dataclass(frozen=True)
class Home:
    """The workspace (or Enterprise Grid org, for an org-wide install) the token belongs to."""

    team: str
    enterprise: str | None = None


def enterprise_of(body: dict[str, Any]) -> str:
    found = body.get("enterprise_id") or (body.get("enterprise") or {}).get("id")
    return str(found or (body.get("team") or {}).get("enterprise_id") or "")


def refusal(body: dict[str, Any]) -> BoltResponse:
    if body.get("command"):
        answer = {"response_type": "ephemeral", "text": str(messages.ANOTHER_WORKSPACE)}
        return BoltResponse(
            status=200, body=json.dumps(answer), headers={"content-type": "application/json"}
        )
    return BoltResponse(status=200, body="")


class OneWorkspace:
    """A Bolt global middleware: requests from the token's own workspace only."""

    def __init__(self) -> None:
        self._home: Home | None = None

    async def home(self, context: AsyncBoltContext, client: AsyncWebClient) -> Home | None:
        """Bolt has already asked auth.test for most requests (its answer is the authorize
        result, with the bot's id); the few it skips (app_uninstalled and the like) ask here."""
        if self._home is not None:
            return self._home
        result = context.authorize_result
        if result is not None and result.bot_id:
            # An org-wide install's token has no single team, only the org.
            team, enterprise = result.team_id or "", result.enterprise_id
            self._home = Home(team=team, enterprise=None if team else enterprise)
            return self._home
        try:
            answer = await client.auth_test()
        except SlackApiError:
            return None  # Slack cannot say now: refuse this request, ask again next time
        org_wide = bool(answer.get("is_enterprise_install"))
        enterprise = answer.get("enterprise_id") if org_wide else None
        self._home = Home(team=str(answer.get("team_id") or ""), enterprise=enterprise)
        return self._home

    def accepts(self, home: Home, body: dict[str, Any]) -> bool:
        if home.enterprise:
            return enterprise_of(body) == home.enterprise
        return bool(home.team) and team_of(body) == home.team

    async def check(
        self,
        body: dict[str, Any],
        context: AsyncBoltContext,
        client: AsyncWebClient,
        next_: Callable[[], Awaitable[None]],
    ) -> BoltResponse | None:
        """The middleware (Bolt passes arguments by name)."""
        home = await self.home(context, client)
        if home is not None and self.accepts(home, body):
            await next_()
            return None
        return refusal(body)
