"""The one door into the core for outer layers (adapters and the clock).

A platform adapter gets a `CoachAPI`, not the application: it hands over neutral messages,
asks for App Home cards, says when a workspace leaves or comes back, and looks up whether
an educator is known. It never opens a session on the core's tables. Adapter-owned tables
(Slack installations, Teams conversation references, the terminal's inbox) are reached
through `adapter_sessions`, which an adapter's own store module takes once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.app import CoachApp
from bot.engine import Clock
from bot.home import home_sections
from bot.inbound import Inbound, Platform
from bot.inbox import store as inbox
from bot.inbox.store import Arrival as Arrival  # adapters build one for `keep`
from bot.inbox.store import Unfinished as Unfinished
from bot.lifecycle import (
    mark_added_back,
    mark_channels_removed,
    mark_educator_removed,
    mark_workspace_installed,
    mark_workspace_uninstalled,
)
from bot.replies import Card, Reply
from bot.settings import Settings
from bot.storage.errors import is_storage_unavailable
from bot.storage.key_cache import DataKeyCache, OpenedKey
from bot.storage.keyring import DataKeyChangedError, Keyring
from bot.storage.models import Educator
from bot.storage.timeouts import turn_deadline
from bot.welcome import welcome_card
from content.loader import Library

log = logging.getLogger("coach.inbox")

# Keeping a message delays its acknowledgement: past this the message is answered from memory.
KEEP_S = 2.0
KEEP_PAUSE_S = 5.0
SWEEP_LIMIT = 50


@dataclass(frozen=True)
class Kept:
    """`row_id`: the message's inbox row; `duplicate`: this delivery was kept before (a
    platform's retry): acknowledge it and do nothing more. Neither: answer from memory."""

    row_id: int | None
    duplicate: bool


def storage_unavailable(error: BaseException) -> bool:
    """True when `error` means the database could not be reached in time (an adapter's own
    store failed like the core would): the educator hears messages.STORAGE_DOWN."""
    return is_storage_unavailable(error)


class CoachAPI:
    """What adapters may ask of the coach. Every method runs its own short transaction."""

    def __init__(self, app: CoachApp) -> None:
        self._app = app
        self._keeping_paused_until = 0.0  # time.monotonic(); see `keep`
        self._keys = DataKeyCache()  # opened data keys, for `keep` only

    # ---- read-only facts an adapter needs --------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._app.settings

    @property
    def library(self) -> Library:
        return self._app.library

    @property
    def clock(self) -> Clock:
        return self._app.coach.clock

    @property
    def sealer(self) -> Keyring:
        """The master key(s), for workspace secrets (`seal_secret`: Slack tokens)."""
        return self._app.coach.sealer

    def seal_for(self, educator_id: int, text: str) -> str:
        """Text that may quote an educator (the terminal's inbox), sealed under their data key."""
        with self._app.sessions.begin() as session:
            return self._app.coach.sealer.for_educator(session, educator_id).seal(text)

    def unseal_for(self, educator_id: int, stored: str) -> str:
        """Text `seal_for` sealed (SealError if no configured key opens it)."""
        with self._app.sessions() as session:
            return self._app.coach.sealer.for_educator(session, educator_id).unseal(stored)

    @property
    def adapter_sessions(self) -> sessionmaker[Session]:
        """For an adapter's own tables only; the core's tables go through the methods below."""
        return self._app.sessions

    def now(self) -> datetime:
        return self._app.coach.clock()

    def storage_deadline(self) -> AbstractContextManager[None]:
        """Around an adapter's whole turn: its own stores and the coach's turn together wait
        on the database at most COACH_DB_TIMEOUT_S (worker threads inherit it)."""
        return turn_deadline(self._app.settings.coach_db_timeout_s)

    # ---- the conversation ------------------------------------------------------------

    def handle(self, inbound: Inbound, inbox_id: int | None = None) -> list[Reply]:
        """One message or click in, the coach's reply parts out. Never raises.

        `inbox_id`: from `keep`; the replies are then kept with the turn until `finished`."""
        return self._app.coach.handle(inbound, inbox_id)

    # ---- accepted means kept (bot/inbox) ----------------------------------------------

    def keep(self, delivery: Arrival) -> Kept:
        """Write a platform message down before acknowledging it. Never raises: when the
        database cannot take it within KEEP_S the message is answered from memory, as
        before the inbox (and, storage being down, most likely with the storage-down
        sentence)."""
        if time.monotonic() < self._keeping_paused_until:
            return Kept(row_id=None, duplicate=False)
        limit = min(KEEP_S, self._app.settings.coach_db_timeout_s)
        address = (delivery.platform, delivery.workspace, delivery.user)
        try:
            with turn_deadline(limit):
                try:
                    row_id = self._keep_once(delivery, self._keys.get(address))
                except DataKeyChangedError:  # re-keyed meanwhile: nothing was stored
                    self._keys.drop(address)
                    row_id = self._keep_once(delivery, None)
        except Exception as exc:
            # For a while, answer from memory without trying: in an outage every try would
            # hold one more pooled connection and wait, delaying acknowledgements and turns.
            self._keeping_paused_until = time.monotonic() + KEEP_PAUSE_S
            log.warning("inbox_keep_failed", extra={"error": type(exc).__name__})
            return Kept(row_id=None, duplicate=False)
        return Kept(row_id=row_id, duplicate=row_id is None)

    def _keep_once(self, delivery: Arrival, cached: OpenedKey | None) -> int | None:
        """With the cached key, one statement on a plain connection; else (or when it did
        not fit: a retry, or the key went or changed) a transaction that finds the educator
        and opens their key, which replaces the cached one once it committed."""
        epoch = self._keys.epoch
        address = (delivery.platform, delivery.workspace, delivery.user)
        if cached is not None:
            with self._app.engine.begin() as connection:
                row_id = inbox.accept_known(connection, cached, delivery, self.now())
            if row_id is not None:
                return row_id
        with self._app.sessions.begin() as session:
            inbox.commit_without_flush_wait(session)
            accepted = inbox.accept(session, self.sealer, delivery, self.now())
        if accepted.key is not None:
            self._keys.put(address, *accepted.key, epoch=epoch)
        return accepted.row_id

    def finished(self, inbox_id: int) -> None:
        """The replies were sent (or could not be): the message leaves the inbox."""
        try:
            with self.storage_deadline(), self._app.sessions.begin() as session:
                inbox.finish(session, inbox_id)
        except Exception as exc:
            # Left for a sweep after the lease: its stored replies are then sent again.
            log.warning("inbox_finish_failed", extra={"error": type(exc).__name__})

    def unfinished(self, platform: Platform, limit: int = SWEEP_LIMIT) -> list[Unfinished]:
        """Messages a dead process had kept and not finished, now claimed by this one."""
        with self.storage_deadline(), self._app.sessions.begin() as session:
            return inbox.claim_unfinished(session, self.sealer, platform.value, self.now(), limit)

    def home_cards(self, platform: Platform, workspace: str, user: str) -> list[Card]:
        """App Home for one educator (a welcome for someone the coach has not met)."""
        with self._app.sessions() as session:
            return home_sections(
                session,
                platform=platform,
                workspace=workspace,
                user=user,
                library=self._app.library,
                settings=self._app.settings,
                sealer=self._app.coach.sealer,
                now=self.now(),
            )

    def welcome_card(self, in_channel: bool) -> Card:
        """The card a platform shows when the coach is added to a chat or a channel."""
        return welcome_card(in_channel)

    # ---- who and where ---------------------------------------------------------------

    def educator_id(self, platform: Platform, workspace: str, user: str) -> int | None:
        """The coach's id for an educator it has met, else None."""
        with self._app.sessions() as session:
            return session.scalar(
                select(Educator.id).where(
                    Educator.platform == platform.value,
                    Educator.workspace == workspace,
                    Educator.user_id == user,
                )
            )

    def workspace_uninstalled(self, platform: Platform, workspace: str) -> None:
        """The coach was removed: nudges there stop, data goes after the grace period."""
        with self._app.sessions.begin() as session:
            mark_workspace_uninstalled(session, platform, workspace, self.now())

    def workspace_installed(self, platform: Platform, workspace: str) -> None:
        with self._app.sessions.begin() as session:
            mark_workspace_installed(session, platform, workspace)

    def educator_removed_coach(self, platform: Platform, workspace: str, user: str) -> None:
        """One educator removed the coach (a personal uninstall): their nudges stop, and
        everything about them is deleted after the grace period unless they add it back."""
        self._in_transaction(
            lambda session: mark_educator_removed(session, platform, workspace, user, self.now())
        )

    def channels_removed_coach(
        self, platform: Platform, workspace: str, channels: list[str]
    ) -> None:
        """The coach was removed from these channels or chats: their team prompts stop, and
        their settings are deleted after the grace period unless it is added back."""
        if channels:
            self._in_transaction(
                lambda session: mark_channels_removed(
                    session, platform, workspace, channels, self.now()
                )
            )

    def coach_added_back(
        self, platform: Platform, workspace: str, *, user: str | None, channel: str | None
    ) -> None:
        """The educator, or the channel, has the coach again: nothing of theirs is deleted."""
        with self._app.sessions.begin() as session:
            mark_added_back(session, platform, workspace, user=user, channel=channel)

    def _in_transaction(self, work: Callable[[Session], None]) -> None:
        try:
            with self._app.sessions.begin() as session:
                work(session)
        except IntegrityError:
            # The same removal recorded at the same moment by another process: now it is
            # there, and the second run only turns off what is still on.
            with self._app.sessions.begin() as session:
                work(session)
