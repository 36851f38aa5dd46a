"""A TCP proxy to PostgreSQL on 127.0.0.1 that can turn into a black hole.

Forwarding, it pipes bytes both ways. As a black hole it keeps every connection open and
accepts new ones, but moves no bytes: the kernel acknowledges everything, so no TCP timeout
or keepalive ever fires; only the coach's own limits end the wait. `restore` forwards new
connections again; connections caught in the hole stay silent until they are closed.

It runs its own event loop in a thread, so it keeps working while a test's loop or a
worker thread is blocked on the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Iterator

from bot.storage.db import make_engine
from tests.databases import empty_all_tables

UPSTREAM = ("127.0.0.1", 5432)


class BlackHoleProxy:
    def __init__(self, upstream: tuple[str, int] = UPSTREAM) -> None:
        self.upstream = upstream
        self.forwarding = True
        self.accepted = 0
        self._generation = 0  # bumped by cut(): pipes of an older generation stop moving
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self._sock = sock
        self.port: int = sock.getsockname()[1]

    def start(self) -> None:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(5)

    async def _serve(self) -> None:
        self._server = await asyncio.start_server(self._client, sock=self._sock)

    def url_for(self, database_url: str) -> str:
        host, port = self.upstream
        return database_url.replace(f"{host}:{port}/", f"127.0.0.1:{self.port}/")

    def cut(self) -> None:
        """From now on nothing moves, on open connections or new ones."""
        self.forwarding = False
        self._generation += 1

    def restore(self) -> None:
        self.forwarding = True

    def stop(self) -> None:
        async def close() -> None:
            for writer in list(self._writers):
                writer.transport.abort()
            if self._server is not None:
                self._server.close()
            pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(close(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.accepted += 1
        self._writers.add(writer)
        generation = self._generation
        if not self.forwarding:
            with contextlib.suppress(asyncio.CancelledError):
                await self._hold(writer)
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            writer.transport.abort()
            return
        self._writers.add(up_writer)

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.CancelledError):
                while data := await src.read(65536):
                    if generation != self._generation:
                        await self._hold(dst)  # cut mid-conversation: swallow, never answer
                        return
                    dst.write(data)
                    await dst.drain()
            dst.close()

        with contextlib.suppress(asyncio.CancelledError):  # the proxy is stopping
            await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    async def _hold(self, writer: asyncio.StreamWriter) -> None:
        """Keep the connection open and silent until the peer closes it or the proxy stops."""
        with contextlib.suppress(OSError, asyncio.CancelledError):
            await writer.wait_closed()


@contextlib.contextmanager
def black_hole_proxy(upstream: tuple[str, int] = UPSTREAM) -> Iterator[BlackHoleProxy]:
    proxy = BlackHoleProxy(upstream)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()


def emptied(postgres_url: str) -> None:
    """Start from empty tables in the session's PostgreSQL database (not through the proxy)."""
    engine = make_engine(postgres_url)
    try:
        empty_all_tables(engine)
    finally:
        engine.dispose()
