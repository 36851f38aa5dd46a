"""Closed-loop HTTP load: C clients each send requests back to back; latencies in ms."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiohttp

RequestFactory = Callable[[aiohttp.ClientSession, int], Awaitable[int]]


@dataclass(frozen=True)
class LatencyReport:
    clients: int
    requests: int
    p50_ms: float
    p99_ms: float
    errors: int

    def row(self, label: str, baseline: LatencyReport | None = None) -> str:
        ratio = f"{self.p50_ms / baseline.p50_ms:.2f}x" if baseline and baseline.p50_ms else "-"
        return (
            f"| {label} | {self.clients} | {self.requests} | {self.p50_ms:.2f} | "
            f"{self.p99_ms:.2f} | {ratio} | {self.errors} |"
        )


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


async def measure(
    send: RequestFactory, *, clients: int, requests: int, warmup: int = 100
) -> LatencyReport:
    """Run `requests` requests over `clients` concurrent loops; `send` returns the status."""
    latencies: list[float] = []
    errors = 0
    counter = iter(range(10**9))
    connector = aiohttp.TCPConnector(limit=clients * 2)
    async with aiohttp.ClientSession(connector=connector) as session:
        for _ in range(warmup):
            await send(session, next(counter))
        remaining = requests

        async def client() -> None:
            nonlocal remaining, errors
            while remaining > 0:
                remaining -= 1
                started = time.perf_counter()
                status = await send(session, next(counter))
                latencies.append((time.perf_counter() - started) * 1000)
                if status >= 400:
                    errors += 1

        await asyncio.gather(*(client() for _ in range(clients)))
    return LatencyReport(
        clients=clients,
        requests=len(latencies),
        p50_ms=statistics.median(latencies),
        p99_ms=percentile(latencies, 0.99),
        errors=errors,
    )


async def measure_one_at_a_time(
    send: RequestFactory,
    settle: Callable[[aiohttp.ClientSession], Awaitable[None]],
    *,
    requests: int,
    warmup: int = 100,
) -> LatencyReport:
    """One client whose next request waits for `settle` (untimed): an educator who reads
    the coach's answer before writing again, so each acknowledgement is measured on a
    server that is not still answering the message before."""
    latencies: list[float] = []
    errors = 0
    async with aiohttp.ClientSession() as session:
        for n in range(warmup + requests):
            started = time.perf_counter()
            status = await send(session, n)
            if n >= warmup:
                latencies.append((time.perf_counter() - started) * 1000)
                errors += status >= 400
            await settle(session)
    return LatencyReport(
        clients=1,
        requests=len(latencies),
        p50_ms=statistics.median(latencies),
        p99_ms=percentile(latencies, 0.99),
        errors=errors,
    )


TABLE_HEADER = (
    "| server | clients | requests | p50 ms | p99 ms | p50 vs baseline | errors |\n"
    "|---|---|---|---|---|---|---|"
)
