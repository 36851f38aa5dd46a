"""The OAuth install an admin clicks through, played against the fake Slack."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from tests.slack.wire import SlackWire

CLIENT_ID = "111.222"
# The workspace and installer the fake Slack's oauth.v2.access names.
INSTALLED_TEAM = "T0002"
INSTALLER = "UADMIN"


async def install_through_oauth(wire: SlackWire) -> None:
    """Open the install page, follow its link's state back to the callback, as a browser would."""
    fake = wire.fake
    page = await wire.client.get("/slack/install")
    assert page.status == 200
    html = await page.text()
    link = re.search(r'href="(http[^"]+)"', html)
    assert link is not None
    authorize = urlsplit(link.group(1).replace("&amp;", "&"))
    # SLACK_API_URL moves the OAuth URLs too.
    assert f"{authorize.scheme}://{authorize.netloc}/" == fake.url
    assert authorize.path == "/oauth/v2/authorize"
    query = parse_qs(authorize.query)
    assert query["client_id"] == [CLIENT_ID]
    assert "im:history" in query["scope"][0]
    cookie = page.headers["Set-Cookie"].split(";")[0]

    callback = await wire.client.get(
        "/slack/oauth_redirect",
        params={"code": "code-1", "state": query["state"][0]},
        headers={"Cookie": cookie},
    )
    assert callback.status == 200
    assert fake.of("oauth.v2.access")[0].args["code"] == "code-1"
