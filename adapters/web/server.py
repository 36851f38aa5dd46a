"""Build the aiohttp application `coach serve` runs: Slack, Teams and /healthz on one port."""

from __future__ import annotations

import logging

from aiohttp import web

from adapters.slack.mount import mount_slack
from adapters.teams.mount import mount_teams
from bot.app import CoachApp

log = logging.getLogger("coach.web")

CORE_KEY = web.AppKey("coach_core", CoachApp)


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def build_web_app(core: CoachApp) -> web.Application:
    """The whole web surface. Each platform mounts its own routes; none is required."""
    # Slack's and Teams' payloads are small; refuse anything far larger before parsing it.
    app = web.Application(client_max_size=1024 * 1024)
    app[CORE_KEY] = core
    app.router.add_get("/healthz", healthz)
    _mount_platforms(app, core)
    return app


def _mount_platforms(app: web.Application, core: CoachApp) -> None:
    mount_slack(app, core)
    mount_teams(app, core)
