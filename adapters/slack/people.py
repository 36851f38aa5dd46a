"""What the coach asks Slack about people and channels, cached per process.

users.info gives an educator's IANA time zone (their nudges' default) and whether they
administer the workspace (who may change a channel's team prompts). conversations.open
gives their DM channel with the coach. Both caches are per workspace, so an uninstall can
drop one workspace's entries, and are cleared whole when they grow past a bound.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.errors import error_code
from adapters.slack.payloads import is_dm_channel

log = logging.getLogger("coach.slack")

MAX_CACHED_PEOPLE = 10_000


@dataclass(frozen=True)
class UserInfo:
    """What the coach reads from users.info: the time zone, the language Slack is set to
    (asked with include_locale), and admin-ness for team prompts."""

    timezone: str | None = None
    is_admin: bool = False
    locale: str | None = None


def _user_info(response_user: dict[str, Any]) -> UserInfo:
    zone = response_user.get("tz")
    return UserInfo(
        timezone=str(zone) if zone else None,
        is_admin=bool(response_user.get("is_admin") or response_user.get("is_owner")),
        locale=str(response_user.get("locale") or "") or None,
    )


class SlackPeople:
    """users.info, conversations.open and conversations.info, asked as rarely as possible."""

    def __init__(self) -> None:
        self._users: dict[tuple[str, str], UserInfo] = {}
        self._dm_channels: dict[tuple[str, str], str] = {}

    async def user_info(
        self, client: AsyncWebClient, team: str, user: str, *, fresh: bool = False
    ) -> UserInfo:
        """users.info, cached per process; `fresh` asks again (admin-ness can change)."""
        key = (team, user)
        if key in self._users and not fresh:
            return self._users[key]
        try:
            response = await client.users_info(user=user, include_locale=True)
            info = _user_info(response.get("user") or {})
        except Exception as exc:
            # Only a default (time zone, admin-ness) is at stake: answer without it, whatever
            # came back (slack_sdk raises AttributeError on a plain-text body with status 200).
            log.info("users_info_failed", extra={"error": error_code(exc)})
            return self._users.get(key, UserInfo())
        if len(self._users) >= MAX_CACHED_PEOPLE:
            self._users.clear()
        self._users[key] = info
        return info

    async def can_post(self, client: AsyncWebClient, channel: str) -> bool | None:
        """Whether the coach is a member of the channel (it must be, to post the weekly team
        prompt); None when Slack does not say: the manifest leaves channels:read and
        groups:read out (least privilege), so only a workspace that added them gets an answer."""
        if not channel or is_dm_channel(channel):
            return None
        try:
            response = await client.conversations_info(channel=channel)
            member = (response.get("channel") or {}).get("is_member")
        except SlackApiError as exc:
            # A private channel the coach is not in is invisible to it.
            return False if error_code(exc) == "channel_not_found" else None
        except Exception:  # any other failure, whatever the body: Slack did not say
            return None
        return bool(member) if member is not None else None

    def remember_dm(self, team: str, user: str, channel: str) -> None:
        """An educator wrote from their DM: its id saves a conversations.open later."""
        self._dm_channels[(team, user)] = channel

    async def dm_channel(self, client: AsyncWebClient, team: str, user: str) -> str:
        key = (team, user)
        if key not in self._dm_channels:
            response = await client.conversations_open(users=user)
            if len(self._dm_channels) >= MAX_CACHED_PEOPLE:
                self._dm_channels.clear()
            self._dm_channels[key] = str((response.get("channel") or {})["id"])
        return self._dm_channels[key]

    def forget_team(self, team: str) -> None:
        """Drop a workspace's entries (the coach was uninstalled there)."""
        caches: tuple[dict[tuple[str, str], Any], ...] = (self._users, self._dm_channels)
        for cache in caches:
            for key in [k for k in cache if k[0] == team]:
                del cache[key]
