"""Who may reach `POST /api/messages`, decided before an activity is authenticated or run.

- **No app id** (local development: nothing is authenticated, so anyone could claim to be
  any educator): only this machine may post, and the coach only sends to this machine. An
  activity from another address, or one whose serviceUrl (where the answer goes) is not on
  this machine, is refused (403), so nobody on the network can ask for an educator's data or
  have it sent where they choose.
- **SingleTenant** (and UserAssignedMSI, also one tenant's bot): an activity that says it is
  from another Microsoft 365 tenant is refused (403) before anything is stored. The tenant is
  what the activity says (channelData.tenant.id, conversation.tenantId): the Bot Framework
  token proves Microsoft sent it, not which tenant it is about.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from botbuilder.schema import Activity

from adapters.teams.auth import BotFrameworkConfig

ONE_TENANT_TYPES = ("SingleTenant", "UserAssignedMSI")


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0]).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: object) -> bool:
    if not isinstance(url, str):
        return False
    try:
        return is_loopback_host(urlsplit(url).hostname)
    except ValueError:
        return False


def unauthenticated_peer_refused(config: BotFrameworkConfig, remote: str | None) -> bool:
    """Without an app id, a peer that is not this machine is refused."""
    return not config.APP_ID and not is_loopback_host(remote)


def unauthenticated_destination_refused(config: BotFrameworkConfig, activity: Activity) -> bool:
    """Without an app id, an answer is only ever sent to this machine."""
    return not config.APP_ID and not is_loopback_url(activity.service_url)


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def claimed_tenants(activity: Activity) -> set[str]:
    tenants = {_as_dict(_as_dict(activity.channel_data).get("tenant")).get("id")}
    if activity.conversation is not None:
        tenants.add(activity.conversation.tenant_id)
    return {str(tenant) for tenant in tenants if tenant}


def foreign_tenant(config: BotFrameworkConfig, activity: Activity) -> bool:
    """A one-tenant bot hears only its tenant; an activity naming no tenant is refused too."""
    if config.APP_TYPE not in ONE_TENANT_TYPES or not config.APP_TENANTID:
        return False
    claimed = claimed_tenants(activity)
    return not claimed or claimed != {config.APP_TENANTID}
