"""`/privacy` and `/terms`: the readable pages both manifests link to, served by `coach serve`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from adapters.web.pages import DOCS
from adapters.web.server import build_web_app
from bot.app import CoachApp


async def _get(app: CoachApp, path: str) -> tuple[int, str, str]:
    client: TestClient[Any, Any] = TestClient(TestServer(build_web_app(app), host="127.0.0.1"))
    async with client:
        response = await client.get(path)
        return response.status, response.content_type, await response.text()


async def test_the_privacy_page_is_docs_privacy_rendered(app: CoachApp) -> None:
    status, kind, page = await _get(app, "/privacy")
    assert (status, kind) == (200, "text/html")
    first = (DOCS / "PRIVACY.md").read_text().splitlines()[0].lstrip("# ")
    assert f"<h1>{first}</h1>" in page
    assert f"<title>{first}</title>" in page
    assert "<h2>" in page and "## " not in page  # rendered, not shown as markdown
    assert "COACH_RETENTION_DAYS" in page


async def test_the_terms_page_is_readable(app: CoachApp) -> None:
    status, kind, page = await _get(app, "/terms")
    assert (status, kind) == (200, "text/html")
    assert "<h1>Partnership Coach: terms of use</h1>" in page
    assert '<meta name="viewport"' in page


def test_raw_html_in_the_docs_is_shown_not_run(tmp_path: Path) -> None:
    from adapters.web import pages

    rendered = pages._markdown().render("<script>alert(1)</script>")
    assert "<script>" not in rendered
