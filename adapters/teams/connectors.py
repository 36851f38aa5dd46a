"""Connector clients kept per service URL, so Teams turns share connections.

botbuilder builds a new ConnectorClient for every turn and every proactive send (two per
turn), and each client has its own requests session: every turn opened a new connection to
the Bot Framework connector, a TLS handshake with the real one. `KeptConnectorsAuthentication`
is botbuilder's configuration-driven authentication whose connector factories hand out one
kept client per (service URL, credential). The credential factory still runs for every
client asked for (adapters/teams/credentials.py: it makes sure the kept token is fresh);
only the client around it, with its sessions, is reused.

msrest keeps one requests session per thread in a client, so a kept client's calls, made
from the loop's worker threads, reuse at most one connection per thread.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    ClaimsIdentity,
    ConnectorFactory,
)

# Service URLs are a handful per cloud region; far above what one bot meets.
MAX_KEPT = 64


class KeptConnectors:
    """The kept clients, by service URL and the credential they send with."""

    def __init__(self, limit: int = MAX_KEPT) -> None:
        self.limit = limit
        self._clients: OrderedDict[tuple[str, int], ConnectorClient] = OrderedDict()

    def keep(self, service_url: str, fresh: ConnectorClient) -> ConnectorClient:
        """The kept client for `fresh`'s URL and credential, else `fresh`, kept from now on.
        A discarded fresh client never sent anything, so it holds no connection."""
        credentials = fresh.config.credentials
        key = (service_url, id(credentials))
        kept = self._clients.get(key)
        if kept is not None and kept.config.credentials is credentials:
            self._clients.move_to_end(key)
            return kept
        self._clients[key] = fresh
        while len(self._clients) > self.limit:
            self._clients.popitem(last=False)
        return fresh

    def factory(self, inner: ConnectorFactory) -> ConnectorFactory:
        return _KeptFactory(inner, self)


class _KeptFactory(ConnectorFactory):  # type: ignore[misc]
    def __init__(self, inner: ConnectorFactory, kept: KeptConnectors) -> None:
        self.inner = inner
        self.kept = kept

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        return self.kept.keep(service_url, await self.inner.create(service_url, audience))


class KeptConnectorsAuthentication(ConfigurationBotFrameworkAuthentication):  # type: ignore[misc]
    """Botbuilder's authentication from configuration, with connector clients kept."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kept = KeptConnectors()

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        return self._kept(await super().authenticate_request(activity, auth_header))

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        result = await super().authenticate_streaming_request(auth_header, channel_id_header)
        return self._kept(result)

    def _kept(self, result: AuthenticateRequestResult) -> AuthenticateRequestResult:
        result.connector_factory = self.kept.factory(result.connector_factory)
        return result

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self.kept.factory(super().create_connector_factory(claims_identity))
