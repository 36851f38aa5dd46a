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


async def measure_in_turn(
    first: RequestFactory,
    settle_first: Callable[[aiohttp.ClientSession], Awaitable[None]],
    second: RequestFactory,
    settle_second: Callable[[aiohttp.ClientSession], Awaitable[None]],
    *,
    requests: int,
    warmup: int = 100,
) -> tuple[LatencyReport, LatencyReport]:
    """Two servers measured in turn, one request each at a time, each request after its
    own `settle` (untimed): both meet the same machine at the same moments, so a quiet or
    busy spell (CPU frequency, another process) falls on both and not on one of them."""
    timings: tuple[list[float], list[float]] = ([], [])
    errors = [0, 0]
    pairs = ((first, settle_first), (second, settle_second))
    async with aiohttp.ClientSession() as session:
        for n in range(warmup + requests):
            for side, (send, settle) in enumerate(pairs):
                started = time.perf_counter()
                status = await send(session, n)
                if n >= warmup:
                    timings[side].append((time.perf_counter() - started) * 1000)
                    errors[side] += status >= 400
                await settle(session)
    first_report, second_report = (
        LatencyReport(
            clients=1,
            requests=len(timings[side]),
            p50_ms=statistics.median(timings[side]),
            p99_ms=percentile(timings[side], 0.99),
            errors=errors[side],
        )
        for side in (0, 1)
    )
    return first_report, second_report


TABLE_HEADER = (
    "| server | clients | requests | p50 ms | p99 ms | p50 vs baseline | errors |\n"
    "|---|---|---|---|---|---|---|"
)
