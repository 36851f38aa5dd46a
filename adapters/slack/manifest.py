"""`coach manifest slack [--url https://HOST] [--socket-mode]`: the app manifest to paste into
Slack's "Create an app > From a manifest" page.

With `--url` (or COACH_PUBLIC_URL), Slack sends commands, buttons and events to
HOST/slack/events and OAuth installs return to HOST/slack/oauth_redirect. Without it (or
with `--socket-mode`) the app uses Socket Mode and needs no public URL.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any
from urllib.parse import urlsplit

from adapters.slack.config import BOT_SCOPES
from bot.settings import Settings

APP_NAME = "Partnership Coach"
COMMAND = "/coach"
BOT_EVENTS = ("app_home_opened", "app_uninstalled", "message.im", "tokens_revoked")
DESCRIPTION = "A few minutes a week to build strong partnerships with families."
LONG_DESCRIPTION = (
    "Partnership Coach helps K-12 educators build strong, trusting partnerships with families, "
    "a few minutes a week, using the Dual Capacity-Building Framework (Mapp & Kuttner, 2013; "
    "Mapp & Bergman, 2019). Learn the framework one part at a time, reflect on a week with "
    "families in a short guided conversation that ends with one small action, keep a private "
    "journal of how those actions went, and get an optional weekly nudge at a time you choose. "
    "Type /coach help to begin."
)
BAD_URL = "coach manifest slack: --url must be an http(s) URL such as https://coach.example.org"


def build_manifest(url: str | None, *, socket_mode: bool = False) -> dict[str, Any]:
    """The manifest as a dict; `url` is this server's public base URL."""
    socket = socket_mode or not url
    base = (url or "").rstrip("/")
    command: dict[str, Any] = {
        "command": COMMAND,
        "description": "Reflect, learn and plan with your family-engagement coach",
        "usage_hint": "help | learn [topic] | reflect [topic] | journal | nudges",
        "should_escape": False,
    }
    events: dict[str, Any] = {"bot_events": list(BOT_EVENTS)}
    interactivity: dict[str, Any] = {"is_enabled": True}
    oauth: dict[str, Any] = {"scopes": {"bot": list(BOT_SCOPES)}}
    if not socket:
        command["url"] = f"{base}/slack/events"
        events["request_url"] = f"{base}/slack/events"
        interactivity["request_url"] = f"{base}/slack/events"
    if base:
        oauth["redirect_urls"] = [f"{base}/slack/oauth_redirect"]
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": APP_NAME,
            "description": DESCRIPTION,
            "background_color": "#2e5e4e",
            "long_description": LONG_DESCRIPTION,
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": False,
            },
            "bot_user": {"display_name": APP_NAME, "always_online": True},
            "slash_commands": [command],
        },
        "oauth_config": oauth,
        "settings": {
            "event_subscriptions": events,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket,
            "token_rotation_enabled": False,
        },
    }


def _valid_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def print_manifest(args: argparse.Namespace) -> int:
    url: str | None = getattr(args, "url", None) or Settings().coach_public_url
    if url is not None and not _valid_url(url):
        print(BAD_URL, file=sys.stderr)
        return 2
    manifest = build_manifest(url, socket_mode=bool(getattr(args, "socket_mode", False)))
    print(json.dumps(manifest, indent=2))
    return 0
