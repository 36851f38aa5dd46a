"""`coach serve`: run the web server until stopped."""

from __future__ import annotations

import argparse
import logging

from aiohttp import web

from adapters.web.server import build_web_app
from bot.app import build_app
from bot.settings import Settings

log = logging.getLogger("coach.web")


def serve(args: argparse.Namespace) -> int:
    settings = Settings()
    core = build_app(settings)
    port = args.port or settings.port
    log.info("serving", extra={"port": port})
    web.run_app(build_web_app(core), host="0.0.0.0", port=port, print=None)
    return 0
