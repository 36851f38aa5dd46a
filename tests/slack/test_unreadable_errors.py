"""Slack (or a proxy in front of it) answering with a body that is not Slack's JSON: the
educator still gets an answer, and the log names the HTTP status instead of hiding it."""

from __future__ import annotations

import logging

import pytest

from tests.slack.fake_slack import Failure
from tests.slack.wire import SlackWire

# (status, content type, body): a gateway's plain-text and HTML pages, a JSON type over
# a body that is not JSON, and a plain-text "success" (slack_sdk itself trips on that one).
BODIES = [
    (502, "text/plain", "upstream connect error or disconnect/reset before headers"),
    (503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>"),
    (200, "application/json", "<html>not json{"),
    (200, "text/plain", "OK"),
]


@pytest.mark.parametrize(("status", "content_type", "body"), BODIES)
async def test_a_users_info_page_that_is_not_json_still_gets_the_educator_an_answer(
    wire: SlackWire, status: int, content_type: str, body: str
) -> None:
    # Every try of users.info gets the page (the client retries server errors twice).
    wire.fake.fail("users.info", *[Failure(status, body=body, content_type=content_type)] * 3)
    response = await wire.command("journal")
    assert response.status == 200
    assert "journal is empty" in wire.fake.posted_text()


@pytest.mark.parametrize(("status", "content_type", "body"), BODIES[:3])
async def test_a_failed_post_is_logged_with_its_status(
    wire: SlackWire,
    caplog: pytest.LogCaptureFixture,
    status: int,
    content_type: str,
    body: str,
) -> None:
    page = Failure(status, body=body, content_type=content_type)
    wire.fake.fail("chat.postMessage", *[page] * 3)
    with caplog.at_level(logging.INFO, logger="coach.slack"):
        await wire.dm("journal")
    failed = [r for r in caplog.records if r.getMessage() == "slack_call_failed"]
    assert [getattr(r, "error", None) for r in failed] == [f"http_{status}"]
    assert not [r for r in caplog.records if r.getMessage() == "slack_work_failed"]
