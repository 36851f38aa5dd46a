"""What a user would otherwise run, for comparison, each as its own process:

    python -m bench.bare bolt --port P --api-url URL   # Bolt AsyncApp that only acks
    python -m bench.bare bolt ... --process-before-response  # the same, answering at once
    python -m bench.bare echo --port P                 # botbuilder CloudAdapter echo bot

Both on aiohttp, like `coach serve`, with default settings. They stop after `--lifetime` s.
"""

from __future__ import annotations

import argparse
import asyncio
import re
from types import SimpleNamespace

from aiohttp import web

SIGNING_SECRET = "bench-signing-secret"
BOT_TOKEN = "xoxb-bench-token"


def bolt_app(api_url: str, process_before_response: bool = False) -> web.Application:
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.app.async_app import AsyncApp
    from slack_bolt.context.ack.async_ack import AsyncAck
    from slack_sdk.web.async_client import AsyncWebClient

    bolt = AsyncApp(
        signing_secret=SIGNING_SECRET,
        client=AsyncWebClient(token=BOT_TOKEN, base_url=api_url),
        process_before_response=process_before_response,
    )

    async def ack_only(ack: AsyncAck) -> None:
        await ack()

    bolt.command(re.compile(".*"))(ack_only)
    bolt.action(re.compile(".*"))(ack_only)

    async def events(request: web.Request) -> web.Response:
        bolt_request = await to_bolt_request(request)
        return await to_aiohttp_response(await bolt.async_dispatch(bolt_request))

    app = web.Application()
    app.router.add_post("/slack/events", events)
    app.router.add_get("/healthz", _ok)
    return app


def echo_app() -> web.Application:
    from botbuilder.core import ActivityHandler, TurnContext
    from botbuilder.integration.aiohttp import (
        CloudAdapter,
        ConfigurationBotFrameworkAuthentication,
    )

    class Echo(ActivityHandler):  # type: ignore[misc]
        async def on_message_activity(self, turn_context: TurnContext) -> None:
            await turn_context.send_activity(f"You said: {turn_context.activity.text}")

    config = SimpleNamespace(APP_ID="", APP_PASSWORD="", APP_TYPE="MultiTenant", APP_TENANTID="")
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(config))
    bot = Echo()

    async def messages(request: web.Request) -> web.Response:
        response: web.Response = await adapter.process(request, bot)
        return response

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", _ok)
    return app


async def _ok(request: web.Request) -> web.Response:
    return web.Response(text="ok")


async def serve(app: web.Application, port: int, lifetime: float) -> None:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        await asyncio.sleep(lifetime)
    finally:
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=("bolt", "echo"))
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--api-url", default="")
    parser.add_argument("--lifetime", type=float, default=1800.0)
    parser.add_argument("--process-before-response", action="store_true")
    args = parser.parse_args()
    if args.kind == "bolt":
        app = bolt_app(args.api_url, args.process_before_response)
    else:
        app = echo_app()
    asyncio.run(serve(app, args.port, args.lifetime))


if __name__ == "__main__":
    main()
