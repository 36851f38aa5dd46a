"""A local stand-in for login.microsoftonline.com's token endpoint, on a thread of its own (so
a blocked event loop cannot hide behind it), that can be told to hold its answers.

msal only talks to https authorities it has discovered, so the coach's outbound token
request is pointed here by replacing botbuilder's `MicrosoftAppCredentials.get_access_token`
with the same client-credentials request, made over real HTTP to this server.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import requests

# Long enough for any test to release a held answer; it only ends a test that went wrong.
HOLD_AT_MOST_S = 10.0


class Login:
    def __init__(self, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}/botframework.com/oauth2/v2.0/token"
        self.release = threading.Event()
        self.release.set()
        self.asked = threading.Event()
        self.events: list[str] = []  # "asked", "answered", in order, with the test's own
        self.clients: list[str] = []

    def hold(self) -> None:
        self.release.clear()

    def get_access_token(self, credentials: Any, force_refresh: bool = False) -> str:
        """botbuilder's request for the coach's own token, sent here."""
        form = {
            "grant_type": "client_credentials",
            "client_id": credentials.microsoft_app_id,
            "client_secret": credentials.microsoft_app_password,
            "scope": f"{credentials.oauth_scope}/.default",
        }
        answer = requests.post(self.url, data=form, timeout=HOLD_AT_MOST_S + 5)
        answer.raise_for_status()
        return str(answer.json()["access_token"])


@contextmanager
def login_server() -> Iterator[Login]:
    login: Login | None = None

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            assert login is not None
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode())
            login.clients.append(form["client_id"][0])
            login.events.append("asked")
            login.asked.set()
            login.release.wait(HOLD_AT_MOST_S)
            body = json.dumps(
                {"token_type": "Bearer", "expires_in": 3599, "access_token": "coach-token"}
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            login.events.append("answered")

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    login = Login(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield login
    finally:
        login.release.set()
        server.shutdown()
        server.server_close()
