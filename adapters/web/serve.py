"""`coach serve`: run the web server until stopped."""

from __future__ import annotations

import argparse
import gc
import logging

from aiohttp import web

from adapters.web.access_log import ACCESS_LOGGER, AccessLog
from adapters.web.server import build_web_app
from bot.app import build_app
from bot.settings import Settings
from bot.understanding import warm_up

log = logging.getLogger("coach.web")


def serve(args: argparse.Namespace) -> int:
    settings = Settings()
    core = build_app(settings)
    warm_up()  # pay the pattern compiling once, before the first request, not during it
    # What start-up loaded (cues, models, patterns, the app: ~190,000 objects) lives as long
    # as the process: keep the collector from walking it again (a full pass took ~0.15 s
    # here, a pause some educator's message would wait for).
    gc.freeze()
    port = args.port or settings.port
    host = settings.host
    log.info("serving", extra={"host": host, "port": port})
    web.run_app(
        build_web_app(core),
        host=host,
        port=port,
        print=None,
        access_log=ACCESS_LOGGER,
        access_log_class=AccessLog,
    )
    return 0
