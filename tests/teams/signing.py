"""A local stand-in for Microsoft's token-signing keys: OpenID metadata and a key set served
on 127.0.0.1 the way login.botframework.com serves them (keys endorsed for `msteams`), with
botbuilder's own setting for the channel's metadata address pointing at it. Tokens signed
with it pass the real Bot Framework authentication."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import AsyncIterator

import jwt
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from botframework.connector.auth import ChannelValidation
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

APP_ID = "00000000-1111-2222-3333-444444444444"

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
