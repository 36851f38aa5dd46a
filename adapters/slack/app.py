"""The Slack app: Bolt listeners that acknowledge at once and hand the talking to the coach.

Every request is acknowledged by a listener that does almost nothing (Bolt runs with
`process_before_response=True`, so the HTTP answer leaves as soon as the listener returns).
Answers that depend only on the content (`help`, `learn`) travel inside the acknowledgement
itself, rendered once and cached. Everything else runs after the acknowledgement as a
background task that this object owns, so shutdown (and a test) can wait for it.

The coach is synchronous SQLAlchemy. It runs in a worker thread (`asyncio.to_thread`): a
turn is a few milliseconds of database work that would otherwise stall every other request
on the event loop, and the default pool (min(32, CPUs + 4) threads) is below the database
pool's 20 connections, so threads never wait on each other for a connection.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.listener.async_builtins import AsyncTokenRevocationListeners
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import messages as slack_messages
from adapters.slack.blocks import (
    ACTION_PATTERN,
    SlackMessage,
    answered_blocks,
    home_view,
    render_messages,
)
from adapters.slack.clients import async_web_client, response_url_client
from adapters.slack.config import BOT_SCOPES, SlackConfig, SlackMode
from adapters.slack.installs import AsyncInstallations, AsyncStates
from bot.app import CoachApp
from bot.flows.state import FLOW_VALUE_PREFIX
from bot.home import home_sections
from bot.inbound import Inbound, Platform
from bot.lifecycle import mark_workspace_uninstalled
from bot.quick import quick_key, quick_replies
from bot.replies import AskText, Choices, Reply, Text
from bot.replies import Card as CardReply

log = logging.getLogger("coach.slack")

# Message events that are not an educator writing to the coach: edits, deletions, file
# shares, joins, bot posts. Only a plain message (no subtype) is read.
IGNORED_USER_CACHE = 10_000
ANY = re.compile(r".*")
# `channel ...` (team prompts): who may change them depends on being a workspace admin, so
# these look the person up afresh rather than trusting the cache.
CHANNEL_COMMAND = re.compile(r"^\s*channel\b", re.IGNORECASE)
CHANNEL_ON = re.compile(r"^\s*channel\s+on\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class UserInfo:
    """What the coach reads from users.info: the time zone, and admin-ness for team prompts."""

    timezone: str | None = None
    is_admin: bool = False


def needs_privacy(replies: list[Reply]) -> bool:
    """A guided conversation's question: it belongs in the educator's DM, not a channel."""
    for reply in replies:
        if isinstance(reply, AskText):
            return True
        options = (
            reply.options
            if isinstance(reply, Choices)
            else reply.buttons
            if isinstance(reply, CardReply)
            else ()
        )
        if any(o.value.startswith(FLOW_VALUE_PREFIX) for o in options):
            return True
    return False


@dataclass(frozen=True)
class Origin:
    """Where an inbound came from, and so where its answer goes."""

    team: str
    user: str
    dm_channel: str | None = None  # already in the educator's DM with the coach
    channel: str | None = None
    response_url: str | None = None


def _error_code(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or exc.response.status_code)
    return type(exc).__name__


def _team_of(body: dict[str, Any]) -> str:
    team = body.get("team_id") or (body.get("team") or {}).get("id")
    team = team or (body.get("user") or {}).get("team_id") or body.get("enterprise_id")
    return str(team or "")


class SlackCoach:
    """One Slack app bound to one coach; `bolt` is the Bolt app, `tasks` the work in flight."""

    def __init__(
        self,
        core: CoachApp,
        config: SlackConfig,
        *,
        installations: AsyncInstallations | None = None,
        states: AsyncStates | None = None,
    ) -> None:
        self.core = core
        self.config = config
        self.installations = installations
        self.tasks: set[asyncio.Task[None]] = set()
        self._users: dict[tuple[str, str], UserInfo] = {}
        self._dm_channels: dict[tuple[str, str], str] = {}
        self._quick: dict[str, dict[str, Any] | None] = {}
        self.bolt = self._build_bolt(installations, states)
        self._register()

    # ---- construction ----------------------------------------------------------------

    def _build_bolt(
        self, installations: AsyncInstallations | None, states: AsyncStates | None
    ) -> AsyncApp:
        config = self.config
        client = async_web_client(config.api_url)
        common: dict[str, Any] = {
            "name": "partnership-coach",
            "logger": logging.getLogger("coach.slack.bolt"),
            "signing_secret": config.signing_secret or "",
            # Without a secret only Socket Mode runs (its frames are not signed), and
            # /slack/events refuses every HTTP request before Bolt sees it.
            "request_verification_enabled": bool(config.signing_secret),
            "client": client,
            "process_before_response": True,
        }
        if config.mode is SlackMode.OAUTH:
            assert installations is not None and states is not None
            oauth = AsyncOAuthSettings(
                client_id=config.client_id,
                client_secret=config.client_secret,
                scopes=list(BOT_SCOPES),
                installation_store=installations,
                state_store=states,
                authorization_url=config.authorization_url,
                install_path="/slack/install",
                redirect_uri_path="/slack/oauth_redirect",
            )
            return AsyncApp(oauth_settings=oauth, installation_store=installations, **common)
        # Bolt takes the single workspace's token from the client it is given.
        client.token = config.bot_token
        return AsyncApp(**common)

    def _register(self) -> None:
        bolt = self.bolt
        # Any slash command name: admins may rename /coach when they install.
        bolt.command(ANY)(self._ack_command)
        bolt.action(ACTION_PATTERN)(self._ack_action)
        bolt.event("message")(self._on_message)
        bolt.event("app_home_opened")(self._on_home_opened)
        bolt.event("app_uninstalled")(self._on_uninstalled)
        bolt.event("tokens_revoked")(self._on_tokens_revoked)
        # Acknowledge whatever else arrives, so Slack does not retry it.
        bolt.event(ANY)(self._ignore)
        bolt.action(ANY)(self._ack_only)

    # ---- background work ---------------------------------------------------------------

    def spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.get_running_loop().create_task(self._guarded(work, name))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _guarded(self, work: Coroutine[Any, Any, None], name: str) -> None:
        try:
            await work
        except (SlackApiError, SlackClientError) as exc:
            log.warning("slack_call_failed", extra={"work": name, "error": _error_code(exc)})
        except Exception as exc:
            # Never log the request: it may hold what an educator wrote.
            log.error("slack_work_failed", extra={"work": name, "error": type(exc).__name__})

    async def drain(self) -> None:
        """Wait for every background task, including ones started while waiting."""
        while self.tasks:
            await asyncio.gather(*list(self.tasks), return_exceptions=True)

    # ---- acknowledgements (keep these tiny) --------------------------------------------

    def quick_ack(self, text: str) -> dict[str, Any] | None:
        """The acknowledgement body for a content-only answer, rendered once per key."""
        key = quick_key(text, self.core.library)
        if key is None:
            return None
        if key not in self._quick:
            rendered = render_messages(quick_replies(key, self.core.library))
            self._quick[key] = (
                {
                    "text": rendered[0].text,
                    "blocks": rendered[0].blocks,
                    "response_type": "ephemeral",
                }
                if len(rendered) == 1
                else None  # too long for one message: answer through response_url
            )
        return self._quick[key]

    async def _ack_command(
        self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        quick = self.quick_ack(str(body.get("text") or ""))
        if quick is not None:
            await ack(**quick)
            return
        await ack()
        self.spawn(self._run_command(client, body), "command")

    async def _ack_action(
        self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        self.spawn(self._run_action(client, body), "action")

    async def _ack_only(self, ack: AsyncAck) -> None:
        await ack()

    async def _ignore(self) -> None:
        return None

    async def _on_message(
        self, body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient
    ) -> None:
        if not is_educator_dm(event):
            return
        self.spawn(self._run_dm(client, body, event), "dm")

    async def _on_home_opened(
        self, body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient
    ) -> None:
        if event.get("tab", "home") == "home" and event.get("user"):
            self.spawn(self.publish_home(client, _team_of(body), str(event["user"])), "home")

    async def _on_uninstalled(self, body: dict[str, Any], context: AsyncBoltContext) -> None:
        self.spawn(self._uninstall(body, context, event=None), "uninstall")

    async def _on_tokens_revoked(
        self, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        self.spawn(self._uninstall(body, context, event=event), "tokens_revoked")

    # ---- the work ----------------------------------------------------------------------

    async def _run_command(self, client: AsyncWebClient, body: dict[str, Any]) -> None:
        team, user = _team_of(body), str(body.get("user_id") or "")
        channel = str(body.get("channel_id") or "")
        if not team or not user:
            return
        text = str(body.get("text") or "")
        in_channel = bool(channel) and not channel.startswith("D")
        about_channel = in_channel and bool(CHANNEL_COMMAND.match(text))
        info = await self.user_info(client, team, user, fresh=about_channel)
        inbound = Inbound(
            platform=Platform.SLACK,
            workspace=team,
            user=user,
            text=text,
            conversation=channel or None,
            in_channel=in_channel,
            timezone=info.timezone,
            is_workspace_admin=about_channel and info.is_admin,
            can_post=await self.can_post(client, channel) if CHANNEL_ON.match(text) else None,
        )
        replies = await asyncio.to_thread(self.core.coach.handle, inbound)
        origin = Origin(
            team=team,
            user=user,
            channel=channel or None,
            response_url=body.get("response_url") or None,
        )
        await self.deliver(client, replies, origin)

    async def _run_dm(
        self, client: AsyncWebClient, body: dict[str, Any], event: dict[str, Any]
    ) -> None:
        team = _team_of(body) or str(event.get("team") or "")
        user, channel = str(event["user"]), str(event["channel"])
        self._dm_channels[(team, user)] = channel
        inbound = Inbound(
            platform=Platform.SLACK,
            workspace=team,
            user=user,
            text=str(event.get("text") or ""),
            message_id=str(body.get("event_id") or event.get("client_msg_id") or "") or None,
            conversation=channel,
            timezone=await self.timezone(client, team, user),
        )
        replies = await asyncio.to_thread(self.core.coach.handle, inbound)
        await self.deliver(client, replies, Origin(team=team, user=user, dm_channel=channel))

    async def _run_action(self, client: AsyncWebClient, body: dict[str, Any]) -> None:
        actions = body.get("actions") or []
        if not actions:
            return
        action = actions[0]
        value = str(action.get("value") or "")
        team, user = _team_of(body), str((body.get("user") or {}).get("id") or "")
        if not value or not team or not user:
            return
        container = body.get("container") or {}
        message_ts = str(container.get("message_ts") or "")
        if value.startswith(FLOW_VALUE_PREFIX) and message_ts:
            # The same button on the same message is one answer, however often it is clicked.
            message_id = f"action:{container.get('channel_id')}:{message_ts}:{value}"
        else:
            message_id = f"action:{body.get('trigger_id') or action.get('action_ts')}"
        label = str((action.get("text") or {}).get("text") or value)
        inbound = Inbound(
            platform=Platform.SLACK,
            workspace=team,
            user=user,
            text=label,
            value=value,
            message_id=message_id,
            conversation=container.get("channel_id"),
            timezone=await self.timezone(client, team, user),
        )
        replies = await asyncio.to_thread(self.core.coach.handle, inbound)
        channel = str(container.get("channel_id") or "")
        if container.get("type") == "view":  # the App Home tab
            await self.deliver(client, replies, Origin(team=team, user=user))
            await self.publish_home(client, team, user)
            return
        if container.get("is_ephemeral") or not channel.startswith("D"):
            origin = Origin(
                team=team,
                user=user,
                channel=channel or None,
                response_url=body.get("response_url") or None,
            )
        else:
            origin = Origin(team=team, user=user, dm_channel=channel)
            if replies and value.startswith(FLOW_VALUE_PREFIX):
                await self._mark_answered(client, body, channel, message_ts, action, label)
        await self.deliver(client, replies, origin)

    async def _mark_answered(
        self,
        client: AsyncWebClient,
        body: dict[str, Any],
        channel: str,
        message_ts: str,
        action: dict[str, Any],
        label: str,
    ) -> None:
        """Swap the clicked row of buttons for "You chose: ..." so the choice reads as made."""
        message = body.get("message") or {}
        blocks = answered_blocks(
            list(message.get("blocks") or []), str(action.get("action_id")), label
        )
        if blocks is None or not message_ts:
            return
        try:
            await client.chat_update(
                channel=channel, ts=message_ts, blocks=blocks, text=message.get("text") or label
            )
        except SlackApiError as exc:
            log.info("mark_answered_failed", extra={"error": _error_code(exc)})

    async def _uninstall(
        self, body: dict[str, Any], context: AsyncBoltContext, event: dict[str, Any] | None
    ) -> None:
        team = _team_of(body)
        if event is not None and not (event.get("tokens") or {}).get("bot"):
            # Only user tokens were revoked; the coach's bot token still works.
            if self.installations is not None:
                await AsyncTokenRevocationListeners(
                    self.installations
                ).handle_tokens_revoked_events(event, context)
            return
        if self.installations is not None:
            await AsyncTokenRevocationListeners(self.installations).handle_app_uninstalled_events(
                context
            )
        if team:
            await asyncio.to_thread(self._mark_uninstalled, team)
            self._forget_team(team)
        log.info("slack_uninstalled", extra={"team": team})

    def _mark_uninstalled(self, team: str) -> None:
        with self.core.sessions.begin() as session:
            mark_workspace_uninstalled(session, Platform.SLACK, team, self.core.coach.clock())

    def _forget_team(self, team: str) -> None:
        caches: tuple[dict[tuple[str, str], Any], ...] = (self._users, self._dm_channels)
        for cache in caches:
            for key in [k for k in cache if k[0] == team]:
                del cache[key]

    # ---- Slack calls -----------------------------------------------------------------

    async def timezone(self, client: AsyncWebClient, team: str, user: str) -> str | None:
        """The educator's IANA zone from users.info, asked once per process per educator."""
        return (await self.user_info(client, team, user)).timezone

    async def user_info(
        self, client: AsyncWebClient, team: str, user: str, *, fresh: bool = False
    ) -> UserInfo:
        """users.info, cached per process; `fresh` asks again (admin-ness can change)."""
        key = (team, user)
        if key in self._users and not fresh:
            return self._users[key]
        try:
            response = await client.users_info(user=user)
        except (SlackApiError, SlackClientError) as exc:
            log.info("users_info_failed", extra={"error": _error_code(exc)})
            return self._users.get(key, UserInfo())
        profile = response.get("user") or {}
        zone = profile.get("tz")
        info = UserInfo(
            timezone=str(zone) if zone else None,
            is_admin=bool(profile.get("is_admin") or profile.get("is_owner")),
        )
        if len(self._users) >= IGNORED_USER_CACHE:
            self._users.clear()
        self._users[key] = info
        return info

    async def can_post(self, client: AsyncWebClient, channel: str) -> bool | None:
        """Whether the coach is a member of the channel (it must be, to post the weekly team
        prompt); None when Slack does not say (an older install without channels:read)."""
        if not channel or channel.startswith("D"):
            return None
        try:
            response = await client.conversations_info(channel=channel)
        except SlackApiError as exc:
            # A private channel the coach is not in is invisible to it.
            return False if _error_code(exc) == "channel_not_found" else None
        except SlackClientError:
            return None
        member = (response.get("channel") or {}).get("is_member")
        return bool(member) if member is not None else None

    async def dm_channel(self, client: AsyncWebClient, team: str, user: str) -> str:
        key = (team, user)
        if key not in self._dm_channels:
            response = await client.conversations_open(users=user)
            if len(self._dm_channels) >= IGNORED_USER_CACHE:
                self._dm_channels.clear()
            self._dm_channels[key] = str((response.get("channel") or {})["id"])
        return self._dm_channels[key]

    async def deliver(self, client: AsyncWebClient, replies: list[Reply], origin: Origin) -> None:
        """Send the coach's answer where it belongs (see the module notes)."""
        if not replies:
            return
        if origin.dm_channel:
            await self.post(client, origin.dm_channel, render_messages(replies))
            return
        if origin.response_url is None or needs_privacy(replies):
            dm = await self.dm_channel(client, origin.team, origin.user)
            await self.post(client, dm, render_messages(replies))
            if origin.response_url and origin.channel != dm:
                note = render_messages([Text(slack_messages.CONTINUE_IN_DM)])
                await self.respond(origin.response_url, note)
            return
        await self.respond(origin.response_url, render_messages(replies))

    async def post(
        self, client: AsyncWebClient, channel: str, rendered: list[SlackMessage]
    ) -> None:
        for message in rendered:
            await client.chat_postMessage(channel=channel, text=message.text, blocks=message.blocks)

    async def respond(self, response_url: str, rendered: list[SlackMessage]) -> None:
        webhook = response_url_client(response_url)
        for message in rendered:
            response = await webhook.send(
                text=message.text,
                blocks=message.blocks,
                response_type="ephemeral",
                replace_original=False,
            )
            if response.status_code >= 400:
                log.warning("response_url_failed", extra={"status": response.status_code})

    async def publish_home(self, client: AsyncWebClient, team: str, user: str) -> None:
        cards = await asyncio.to_thread(self._home_cards, team, user)
        await client.views_publish(user_id=user, view=home_view(cards))

    def _home_cards(self, team: str, user: str) -> list[CardReply]:
        with self.core.sessions() as session:
            return home_sections(
                session,
                platform=Platform.SLACK,
                workspace=team,
                user=user,
                library=self.core.library,
                settings=self.core.settings,
                sealer=self.core.coach.sealer,
                now=self.core.coach.clock(),
            )


def is_educator_dm(event: dict[str, Any]) -> bool:
    """A plain message an educator wrote in their DM with the coach (not an edit, a file
    share, a join, or any bot's post)."""
    return (
        event.get("channel_type") == "im"
        and not event.get("subtype")
        and not event.get("bot_id")
        and not event.get("hidden")
        and bool(event.get("user"))
        and bool(event.get("channel"))
    )
