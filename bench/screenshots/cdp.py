"""Headless Chromium driven through the DevTools protocol: type, click, wait, take a picture.

Just what the Agents Playground pictures need (playground.py), over aiohttp's websocket
client, so no browser-automation package (and no browser download) is needed: the machine's
Debian `chromium` is the browser.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import subprocess
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp

from bench.screenshots.shoot import BROWSER_FLAGS, chromium


class PageError(RuntimeError):
    pass


class Page:
    """One browser tab."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.calls = 0

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.calls += 1
        number = self.calls
        await self.socket.send_json({"id": number, "method": method, "params": params})
        while True:  # events arrive in between; only our answer matters
            message = await self.socket.receive_json()
            if message.get("id") == number:
                if "error" in message:
                    raise PageError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result

    async def evaluate(self, script: str) -> Any:
        found = await self.call(
            "Runtime.evaluate", expression=script, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in found:
            raise PageError(f"script failed: {found['exceptionDetails'].get('text')}")
        return found["result"].get("value")

    async def open(self, url: str) -> None:
        await self.call("Page.enable")
        await self.call("Page.navigate", url=url)

    async def wait_for(self, script: str, what: str, timeout: float = 30.0) -> Any:
        """Poll `script` until it gives something truthy."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = await self.evaluate(script)
            if value:
                return value
            await asyncio.sleep(0.25)
        raise PageError(f"gave up waiting for {what} after {timeout:.0f} s")

    async def type_into(self, selector: str, text: str) -> None:
        """Type as a person does (the focused editor gets real input events), then Enter."""
        await self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        await self.call("Input.insertText", text=text)
        enter = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        await self.call("Input.dispatchKeyEvent", type="keyDown", text="\r", **enter)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **enter)

    async def picture(self, png: Path) -> None:
        shot = await self.call("Page.captureScreenshot", format="png")
        png.write_bytes(base64.b64decode(shot["data"]))


async def _devtools_port(profile: Path, browser: subprocess.Popen[bytes]) -> str:
    announced = profile / "DevToolsActivePort"
    for _ in range(300):
        if browser.poll() is not None:
            raise PageError(f"chromium stopped at start (exit {browser.returncode})")
        if announced.exists() and announced.read_text().strip():
            return announced.read_text().split()[0]
        await asyncio.sleep(0.1)
    raise PageError("chromium did not open its DevTools port within 30 s")


@asynccontextmanager
async def browser_page(
    profile: Path, width: int, height: int, timezone: str = "UTC"
) -> AsyncIterator[Page]:
    """A fresh headless Chromium (its own profile folder) and its one tab; pages read
    `timezone` as the computer's."""
    binary = chromium()
    if binary is None:
        raise PageError("chromium is not installed (apt-get install chromium)")
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "DevToolsActivePort").unlink(missing_ok=True)
    browser = subprocess.Popen(
        [
            binary,
            *BROWSER_FLAGS,
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ | {"TZ": timezone},
    )
    try:
        port = await _devtools_port(profile, browser)
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as listing:
                tabs = await listing.json()
            address = next(tab["webSocketDebuggerUrl"] for tab in tabs if tab["type"] == "page")
            async with http.ws_connect(address, max_msg_size=0) as socket:
                yield Page(socket)
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait()
