"""Build the aiohttp application `coach serve` runs: Slack, Teams, /healthz and the admins'
/privacy and /terms pages on one port."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web

from adapters.slack.mount import mount_slack
from adapters.teams.mount import mount_teams
from adapters.web.pages import mount_pages
from adapters.web.platforms import require_a_platform
from bot.api import CoachAPI
from bot.app import CoachApp

log = logging.getLogger("coach.web")


# Worker threads for the coach's synchronous database work (asyncio.to_thread). The default,
# min(32, CPUs + 4), is 6 on two cores: while the database hangs, six turns waiting out
# COACH_DB_TIMEOUT_S would hold every thread and queue all the others behind them. Threads
# beyond the database pool's 20 connections wait for one at most COACH_DB_TIMEOUT_S.
WORKER_THREADS = 64


async def _worker_threads(app: web.Application) -> None:
    loop = asyncio.get_running_loop()
    loop.set_default_executor(
        ThreadPoolExecutor(max_workers=WORKER_THREADS, thread_name_prefix="coach-turn")
    )


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


# A platform's routes: `mount(web_app, core)` adds them (and their start-up and clean-up).
# The whole app stops here: each platform is handed the coach's API only.
Mount = Callable[[web.Application, CoachApp], None]


def mount_slack_api(app: web.Application, core: CoachApp) -> None:
    """Slack gets the coach's API, and the engine only for slack_sdk's installation stores."""
    mount_slack(app, CoachAPI(core), core.engine)


def mount_teams_api(app: web.Application, core: CoachApp) -> None:
    mount_teams(app, CoachAPI(core))


EVERY_PLATFORM: tuple[Mount, ...] = (mount_slack_api, mount_teams_api)


def build_web_app(core: CoachApp, platforms: Sequence[Mount] = EVERY_PLATFORM) -> web.Application:
    """The whole web surface. Each platform mounts its own routes when it is set up;
    production needs at least one."""
    require_a_platform(core.settings)
    # Slack's and Teams' payloads are small; refuse anything far larger before parsing it.
    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_get("/healthz", healthz)
    mount_pages(app)
    app.on_startup.append(_worker_threads)
    for mount in platforms:
        mount(app, core)
    return app
