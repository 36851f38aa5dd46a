"""Sentences the Slack wiring says itself (operators and educators); coaching text lives in bot/."""

from __future__ import annotations

from bot.i18n import Msg

NOT_CONFIGURED = (
    "Slack is not configured on this server: set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN "
    "(one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (OAuth), then restart."
)
OAUTH_NOT_CONFIGURED = (
    "Slack installs are not configured on this server: set SLACK_CLIENT_ID, "
    "SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET, then restart."
)
SOCKET_MODE_ONLY = (
    "This server talks to Slack over Socket Mode; it takes no Slack requests over HTTP."
)
BAD_REQUEST = "That request could not be read."
UNAUTHORIZED = "Invalid or missing Slack signature."

PRODUCTION_NEEDS_SIGNING_SECRET = (
    "COACH_ENV is production but SLACK_SIGNING_SECRET is not set, so anyone could post to "
    "/slack/events. Set SLACK_SIGNING_SECRET (Slack app settings > Basic Information > "
    "Signing Secret), or remove the Slack settings to run without Slack."
)
OAUTH_NEEDS_BOTH = (
    "Slack OAuth needs both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET; only one is set."
)
SOCKET_MODE_NEEDS_TOKEN = (
    "SLACK_APP_TOKEN is set for Socket Mode, but there is no SLACK_BOT_TOKEN (one workspace) "
    "or SLACK_CLIENT_ID/SLACK_CLIENT_SECRET (OAuth) to act with."
)

# Said to an educator in the channel where they started something private.
CONTINUE_IN_DM = Msg(
    "I've sent you a direct message so we can continue privately. "
    "Find me under *Apps* in the sidebar."
)
YOU_CHOSE = Msg("You chose: {label}")

# Said (privately, to whoever used the slash command) when a single-workspace coach hears
# from another workspace: nothing of theirs is kept.
ANOTHER_WORKSPACE = Msg(
    "This coach is set up for another Slack workspace, so it can't answer or keep anything "
    "here. Ask your workspace admin about installing it for your school."
)
