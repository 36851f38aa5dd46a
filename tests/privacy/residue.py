"""Scan raw database bytes for what an educator wrote: the test behind "forget is erasure".

Reads what the database really keeps, not what queries return: the SQLite file and its WAL,
or every PostgreSQL heap, TOAST and index page (pageinspect's get_raw_page, through the
buffer cache, so dead tuples VACUUM has not removed are seen). It counts
- plaintext: copies of the marker as bytes;
- openable: Fernet tokens that some key at hand opens to text holding the marker. The keys
  at hand are the master keys, every live data key, and every data key a master key can
  recover from the bytes themselves (a wrapped key left behind in a free page or the WAL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

TOKEN = re.compile(rb"gAAAAA[A-Za-z0-9_\-]{40,}={0,2}")
PAGE = 8192


@dataclass(frozen=True)
class Residue:
    bytes_scanned: int
    plaintext: int
    tokens: int
    openable: int
    recovered_keys: int

    def __str__(self) -> str:
        return (
            f"{self.bytes_scanned} bytes, {self.tokens} sealed values: marker in plain text "
            f"{self.plaintext}, openable with a remaining key {self.openable} "
            f"(data keys recoverable from the bytes: {self.recovered_keys})"
        )


def _open(key: Fernet, token: bytes) -> bytes | None:
    try:
        return key.decrypt(token)
    except InvalidToken:
        return None


def _token_lengths(limit: int) -> list[int]:
    """Every length a Fernet token can have in base64, up to limit: 57 bytes of version,
    time, IV and HMAC plus whole 16-byte blocks of ciphertext."""
    lengths: list[int] = []
    blocks = 1
    while (length := 4 * -(-(57 + 16 * blocks) // 3)) <= limit:
        lengths.append(length)
        blocks += 1
    return lengths


def _cuts(run: bytes) -> list[bytes]:
    """A value stored right before other text (SQLite packs a row's columns together) runs
    on into it, so every length a token can have is tried as a cut."""
    return [run[:length] for length in _token_lengths(len(run))]


def scan(blobs: list[bytes], marker: str, master: list[Fernet], live: list[Fernet]) -> Residue:
    needle = marker.encode("utf-8")
    runs = [match.group() for blob in blobs for match in TOKEN.finditer(blob)]
    keys = [*master, *live]
    recovered = 0
    for candidate in {cut for run in runs for cut in _cuts(run)}:
        for key in master:
            opened = _open(key, candidate)
            if opened is not None and len(opened) == 44:  # a wrapped data key
                keys.append(Fernet(opened))
                recovered += 1
    openable = 0
    for run in runs:
        texts = (_open(key, cut) for cut in _cuts(run) for key in keys)
        if any(needle in text for text in texts if text is not None):
            openable += 1
    return Residue(
        bytes_scanned=sum(len(blob) for blob in blobs),
        plaintext=sum(blob.count(needle) for blob in blobs),
        tokens=len(runs),
        openable=openable,
        recovered_keys=recovered,
    )


def sqlite_bytes(engine: Engine) -> list[bytes]:
    """The database file and its -wal, read as they are on disk while the coach runs."""
    database = make_url(str(engine.url)).database
    assert database
    files = [Path(database), Path(f"{database}-wal")]
    return [path.read_bytes() for path in files if path.exists()]


RELATIONS = text(
    "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 't', 'i') AND c.relpersistence = 'p' "
    "AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
)


def postgres_bytes(engine: Engine) -> list[bytes]:
    """Every page of every table, TOAST table and index of this database."""
    blobs: list[bytes] = []
    with engine.connect() as connection:
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS pageinspect"))
        for relation in connection.scalars(RELATIONS).all():
            size = connection.scalar(text("SELECT pg_relation_size(:r)"), {"r": relation}) or 0
            for block in range(int(size) // PAGE):
                page = connection.scalar(
                    text("SELECT get_raw_page(:r, 'main', :b)"), {"r": relation, "b": block}
                )
                blobs.append(bytes(page))
        connection.commit()
    return blobs


def postgres_data_directory_bytes(engine: Engine) -> list[bytes]:
    """Every file of the PostgreSQL data directory as it is on disk: all of pg_wal (live and
    old segments alike), this database's files, the shared catalogs and the rest. Other
    databases' folders under base/ are left out (other test runs share the cluster).
    Needs a superuser (pg_ls_dir, pg_read_binary_file), as the test database's is."""
    blobs: list[bytes] = []
    with engine.connect() as connection:
        own = str(
            connection.scalar(
                text("SELECT oid FROM pg_database WHERE datname = current_database()")
            )
        )
        others = set(connection.scalars(text("SELECT oid::text FROM pg_database")).all()) - {own}
        pending = ["."]
        while pending:
            folder = pending.pop()
            for name in connection.scalars(
                text("SELECT pg_ls_dir(:d, true, false)"), {"d": folder}
            ).all():
                path = name if folder == "." else f"{folder}/{name}"
                if folder == "base" and name in others:
                    continue
                found = connection.execute(
                    text("SELECT s.isdir, s.size FROM pg_stat_file(:p, true) s"), {"p": path}
                ).one()
                if found.isdir:
                    pending.append(path)
                elif found.size:
                    blob = connection.scalar(
                        text("SELECT pg_read_binary_file(:p, 0, :n, true)"),
                        {"p": path, "n": found.size},
                    )
                    if blob is not None:
                        blobs.append(bytes(blob))
    return blobs


def database_bytes(engine: Engine) -> list[bytes]:
    return sqlite_bytes(engine) if engine.dialect.name == "sqlite" else postgres_bytes(engine)


def wal_position(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(connection.scalar(text("SELECT pg_current_wal_lsn()")))


WAL_SEGMENT = 16 * 1024 * 1024


def postgres_wal_bytes(engine: Engine, since: str) -> list[bytes]:
    """pg_wal from an LSN to now (the cluster's WAL, written by every database in it)."""
    with engine.connect() as connection:
        end = str(connection.scalar(text("SELECT pg_current_wal_lsn()")))
        names = [
            str(connection.scalar(text("SELECT pg_walfile_name(CAST(:l AS pg_lsn))"), {"l": lsn}))
            for lsn in (since, end)
        ]
        # TTTTTTTTLLLLLLLLSSSSSSSS: timeline, then the segment number as log * 256 + seg.
        first, last = (int(name[8:16], 16) * 256 + int(name[16:24], 16) for name in names)
        blobs: list[bytes] = []
        for number in range(first, last + 1):
            name = f"{names[0][:8]}{number // 256:08X}{number % 256:08X}"
            blob = connection.scalar(
                text("SELECT pg_read_binary_file(:f, 0, :n, true)"),
                {"f": f"pg_wal/{name}", "n": WAL_SEGMENT},
            )
            if blob is not None:
                blobs.append(bytes(blob))
    return blobs
