"""Build the aiohttp application `coach serve` runs: Slack, Teams and /healthz on one port."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from aiohttp import web

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


# Each platform's mount function, imported only when the server starts so the console
# and the clock never load platform SDKs. A platform whose package is absent is skipped.
PLATFORM_MOUNTS = (
    ("adapters.slack.mount", "mount_slack"),
    ("adapters.teams.mount", "mount_teams"),
)


def _mount_platforms(app: web.Application, core: CoachApp) -> None:
    for module_name, function_name in PLATFORM_MOUNTS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module_name.startswith(exc.name):
                raise
            log.warning("platform_not_installed", extra={"module": module_name})
            continue
        mount: Callable[[web.Application, CoachApp], None] = getattr(module, function_name)
        mount(app, core)
