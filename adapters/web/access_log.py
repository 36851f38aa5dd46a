"""One line per HTTP request, as a coach event: method, path, status, milliseconds.

aiohttp's own access log writes the request line with its query string (Slack's OAuth
redirect carries a one-time code there) and headers of the sender's choosing; this writes
only what an operator needs to see traffic, under the coach's own logger.
"""

from __future__ import annotations

import logging

from aiohttp.abc import AbstractAccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

ACCESS_LOGGER = logging.getLogger("coach.web.access")


class AccessLog(AbstractAccessLogger):
    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        self.logger.info(
            "http_request",
            extra={
                "method": request.method,
                "path": request.rel_url.path,
                "status": response.status,
                "ms": round(time * 1000, 1),
            },
        )
