"""`coach export --user PLATFORM:WORKSPACE:USER` and `coach db rotate-key`, for operators."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from bot.app import make_keyring
from bot.errors import ConfigurationError
from bot.privacy.export import export_json
from bot.privacy.operator import export_educator, rotate_stored_keys
from bot.privacy.rotation import RotationError
from bot.settings import Settings
from bot.storage.db import ensure_schema, make_engine, make_sessions
from bot.storage.sealing import SealError

USAGE_USER = "coach export: --user must look like PLATFORM:WORKSPACE:USER, e.g. slack:T0123:U0456"


def parse_address(address: str) -> tuple[str, str, str] | None:
    """PLATFORM:WORKSPACE:USER; the user part may itself hold colons (Teams ids do)."""
    platform, _, rest = address.partition(":")
    workspace, _, user = rest.partition(":")
    if not (platform and workspace and user):
        return None
    return platform.strip().lower(), workspace.strip(), user.strip()


def export(args: argparse.Namespace) -> int:
    parsed = parse_address(str(args.user))
    if parsed is None:
        print(USAGE_USER, file=sys.stderr)
        return 2
    settings = Settings()
    try:
        keyring = make_keyring(settings)
    except ConfigurationError as exc:
        print(f"coach export: {exc}", file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    try:
        ensure_schema(engine)
        try:
            document = export_educator(make_sessions(engine), parsed, keyring, datetime.now(UTC))
        except SealError as exc:
            print(
                f"coach export: stored text cannot be opened ({exc.reason}): "
                "check COACH_ENCRYPTION_KEY lists the key it was written with.",
                file=sys.stderr,
            )
            return 1
        if document is None:
            print(f"coach export: nothing is stored about {':'.join(parsed)}.", file=sys.stderr)
            return 1
        print(export_json(document))
        return 0
    finally:
        engine.dispose()


def rotate_key(args: argparse.Namespace) -> int:
    settings = Settings()
    if not settings.coach_encryption_key:
        print(
            "coach db rotate-key: COACH_ENCRYPTION_KEY is not set. Set it to the new key "
            "(followed by any older keys, comma-separated) and run this again.",
            file=sys.stderr,
        )
        return 2
    try:
        keyring = make_keyring(settings)
    except ConfigurationError as exc:
        print(f"coach db rotate-key: {exc}", file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    try:
        ensure_schema(engine)
        report = rotate_stored_keys(make_sessions(engine), keyring)
    except RotationError as exc:
        print(
            f"coach db rotate-key: {exc}. Add the key it was written with to "
            "COACH_ENCRYPTION_KEY (after the new one). Nothing was changed.",
            file=sys.stderr,
        )
        return 1
    finally:
        engine.dispose()
    moved = sum(report.moved.values())
    plain = sum(report.newly_sealed.values())
    print(
        f"Re-encrypted {report.data_keys} educator data key(s) under the newest key; "
        f"moved {moved} older sealed value(s) and {plain} plain one(s) under their "
        f"educator's data key or the newest key; re-sealed "
        f"{sum(report.resealed.values())} workspace secret(s)."
    )
    for where, number in sorted((report.moved + report.newly_sealed + report.resealed).items()):
        print(f"  {where}: {number}")
    return 0
