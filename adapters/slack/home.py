"""App Home: the educator's tab with the coach, as the core's cards rendered in Block Kit."""

from __future__ import annotations

import asyncio

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.blocks import home_view
from bot.api import CoachAPI
from bot.inbound import Platform


class AppHome:
    def __init__(self, api: CoachAPI) -> None:
        self.api = api

    async def publish(self, client: AsyncWebClient, team: str, user: str) -> None:
        """Build the educator's cards (a database read, off the event loop) and publish them."""
        cards = await asyncio.to_thread(self.api.home_cards, Platform.SLACK, team, user)
        await client.views_publish(user_id=user, view=home_view(cards))
