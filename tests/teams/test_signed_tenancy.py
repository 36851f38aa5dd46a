"""Finding 10 through the real Bot Framework authentication: a token botbuilder accepts, signed
by a key served from a local OpenID endpoint, still cannot bring another tenant's activity
into a SingleTenant coach; the same token from our own tenant is let in.

The signing key is ours, served the way Microsoft serves its keys (OpenID metadata, then a
key set whose keys are endorsed for `msteams`); botbuilder's own setting for the channel's
metadata address points at it. The coach's own outbound token (client credentials from
login.microsoftonline.com, to post its answer) is the one thing handed over without asking
Microsoft: no platform is called for real. Everything else, from the token checks to the
tenant gate, is the code that runs in production.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import jwt
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from botframework.connector.auth import ChannelValidation, MicrosoftAppCredentials
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from adapters.teams.mount import TEAMS_KEY, mount_teams
from bot.api import CoachAPI
from bot.app import CoachApp
from tests.teams import activities
from tests.teams.connector import Connector
from tests.teams.test_gate import APP_ID, OUR_TENANT, in_tenant, stored

ISSUER = "https://api.botframework.com"  # the Bot Framework's channel token issuer
KEY_ID = "coach-test-key"


@dataclasses.dataclass
class SigningKey:
    private_pem: bytes
    metadata_url: str

    def token(self, service_url: str, audience: str = APP_ID) -> str:
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "aud": audience,
            "serviceurl": service_url,
            "nbf": now - 60,
            "exp": now + 3600,
        }
        return jwt.encode(claims, self.private_pem, algorithm="RS256", headers={"kid": KEY_ID})


@pytest.fixture
async def signing_key(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[SigningKey]:
    """A local stand-in for login.botframework.com's OpenID metadata and key set."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_jwk = json.loads(RSAAlgorithm.to_jwk(private.public_key()))
    public_jwk |= {"kid": KEY_ID, "use": "sig", "endorsements": ["msteams"]}
    server = web.Application()
    base: list[str] = []

    async def metadata(_request: web.Request) -> web.Response:
        return web.json_response({"issuer": ISSUER, "jwks_uri": f"{base[0]}/keys"})

    async def keys(_request: web.Request) -> web.Response:
        return web.json_response({"keys": [public_jwk]})

    server.router.add_get("/openid", metadata)
    server.router.add_get("/keys", keys)
    async with TestServer(server, host="127.0.0.1") as running:
        base.append(str(running.make_url("")).rstrip("/"))
        url = f"{base[0]}/openid"
        monkeypatch.setattr(ChannelValidation, "open_id_metadata_endpoint", url)
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        yield SigningKey(private_pem=pem, metadata_url=url)
        JwtTokenExtractor.metadataCache.pop(url, None)


@pytest.fixture
async def single_tenant(
    app: CoachApp, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[TestClient[Any, Any]]:
    monkeypatch.setattr(
        MicrosoftAppCredentials, "get_access_token", lambda self, force_refresh=False: "outbound"
    )
    settings = app.settings.model_copy(
        update={
            "microsoft_app_id": APP_ID,
            "microsoft_app_password": "not-a-real-secret",
            "microsoft_app_type": "SingleTenant",
            "microsoft_app_tenant_id": OUR_TENANT,
        }
    )
    web_app = web.Application()
    mount_teams(web_app, CoachAPI(dataclasses.replace(app, settings=settings)))
    async with TestClient(TestServer(web_app, host="127.0.0.1")) as client:
        yield client


async def _post(client: TestClient[Any, Any], activity: dict[str, Any], token: str) -> int:
    response = await client.post(
        "/api/messages", json=activity, headers={"Authorization": f"Bearer {token}"}
    )
    await response.read()
    await client.app[TEAMS_KEY].drain()
    return response.status


@pytest.mark.parametrize(
    ("channel_data", "conversation"),
    [
        (activities.TENANT, activities.TENANT),  # another tenant throughout
        (OUR_TENANT, activities.TENANT),  # ours in one place, another in the other
        (activities.TENANT, OUR_TENANT),
    ],
)
async def test_a_correctly_signed_activity_from_another_tenant_is_refused(
    app: CoachApp,
    single_tenant: TestClient[Any, Any],
    signing_key: SigningKey,
    connector: Connector,
    channel_data: str,
    conversation: str,
) -> None:
    activity = in_tenant(activities.message(connector.url, "nudges on"), channel_data, conversation)
    status = await _post(single_tenant, activity, signing_key.token(connector.url))
    assert status == 403
    assert stored(app) == 0 and connector.posted == []


async def test_the_same_token_from_our_tenant_is_authenticated_and_answered(
    app: CoachApp,
    single_tenant: TestClient[Any, Any],
    signing_key: SigningKey,
    connector: Connector,
) -> None:
    activity = in_tenant(activities.message(connector.url, "nudges on"), OUR_TENANT, OUR_TENANT)
    assert await _post(single_tenant, activity, signing_key.token(connector.url)) == 200
    assert stored(app) > 0  # the educator and their chat: botbuilder accepted the token
    answers = [sent for sent in connector.posted if sent.authorization == "Bearer outbound"]
    assert any("nudge" in (sent.activity.get("text") or "").lower() for sent in answers)


async def test_a_token_for_another_bot_is_refused_even_from_our_tenant(
    app: CoachApp,
    single_tenant: TestClient[Any, Any],
    signing_key: SigningKey,
    connector: Connector,
) -> None:
    activity = in_tenant(activities.message(connector.url, "nudges on"), OUR_TENANT, OUR_TENANT)
    token = signing_key.token(connector.url, audience="99999999-8888-7777-6666-555555555555")
    assert await _post(single_tenant, activity, token) == 401
    assert stored(app) == 0
