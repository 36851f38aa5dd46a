"""The Slack app: one `SlackCoach` wiring Bolt to the coach through `CoachAPI`.

Each job has its own module: `bolt_app` (Bolt for this setup), `listeners` (acknowledge at
once), `runners` and `actions` (after the acknowledgement: to the coach and back),
`inbox` (kept before the acknowledgement) and `recovery` (finishing what a dead process
kept), `delivery` (where replies go), `people` (users.info and DM channels, cached), `home` (App
Home), `uninstall` (app_uninstalled, tokens_revoked), `background` (the work in flight).
"""

from __future__ import annotations

import asyncio

from slack_bolt.app.async_app import AsyncApp

from adapters.slack.actions import ActionRunner
from adapters.slack.background import BackgroundWork
from adapters.slack.bolt_app import build_bolt
from adapters.slack.config import SlackConfig, SlackMode
from adapters.slack.delivery import Delivery
from adapters.slack.front_door import Admitted
from adapters.slack.home import AppHome
from adapters.slack.http import SharedHttp
from adapters.slack.inbox import SlackInbox
from adapters.slack.installs import AsyncInstallations, AsyncStates
from adapters.slack.listeners import Listeners
from adapters.slack.people import SlackPeople
from adapters.slack.quick_acks import QuickAcks
from adapters.slack.recovery import Recovery
from adapters.slack.runners import MessageRunner
from adapters.slack.tenancy import OneWorkspace
from adapters.slack.uninstall import Uninstaller
from bot.api import CoachAPI


class SlackCoach:
    """One Slack app bound to one coach; `bolt` is the Bolt app, `tasks` the work in flight."""

    def __init__(
        self,
        api: CoachAPI,
        config: SlackConfig,
        *,
        installations: AsyncInstallations | None = None,
        states: AsyncStates | None = None,
    ) -> None:
        self.config = config
        self.work = BackgroundWork()
        self.http = SharedHttp()
        people = SlackPeople()
        delivery = Delivery(people, self.http)
        home = AppHome(api)
        self.inbox = SlackInbox(api)
        self.admitted = Admitted()
        self.quick = QuickAcks(api.library)
        messages = MessageRunner(api, people, delivery)
        actions = ActionRunner(api, people, delivery, home)
        self.listeners = Listeners(
            work=self.work,
            quick=self.quick,
            messages=messages,
            actions=actions,
            home=home,
            uninstaller=Uninstaller(api, people, installations),
            inbox=self.inbox,
            admitted=self.admitted,
        )
        self.recovery = Recovery(
            api, config, installations, self.work, self.inbox, messages, actions, self.http
        )
        self.bolt: AsyncApp = build_bolt(config, installations, states)
        if config.mode is SlackMode.SINGLE:
            # Before any listener: another workspace's request is refused, nothing stored.
            self.bolt.use(OneWorkspace().check)
        self.listeners.register(self.bolt)

    @property
    def tasks(self) -> set[asyncio.Task[None]]:
        return self.work.tasks

    async def open_http(self) -> None:
        """One connection pool for every Slack call from now on, Bolt's clients included
        (Bolt gives each request a client with its app client's session)."""
        self.bolt.client.session = await self.http.open()

    async def close_http(self) -> None:
        self.bolt.client.session = None
        await self.http.close()

    async def drain(self) -> None:
        """Wait for every background reply, including ones started while waiting."""
        await self.work.drain()
