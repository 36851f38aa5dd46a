"""`coach manifest teams --out coach.zip [--bot-id ID] [--url https://HOST]`: the app package.

A Teams app package is a zip of `manifest.json` (schema v1.24), a 192x192 colour icon and
a 32x32 outline icon (white on transparent). Upload it in Teams ("Apps > Manage your
apps > Upload an app") or in the Teams admin center. The icons are drawn here, so the
package needs no binary files in the repository.

The package's version is the project's (pyproject.toml), so each release can be uploaded
over the last; the URL is `--url`, else COACH_PUBLIC_URL. The manifest asks for no
`permissions`: the bot only answers and sends in conversations it was added to.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import uuid
import zipfile
import zlib
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.i18n import Msg
from bot.language import SPANISH_COMMANDS
from bot.settings import Settings
from content.languages import DEFAULT_LANGUAGE, LANGUAGES

MANIFEST_VERSION = "1.24"
MANIFEST_SCHEMA = (
    "https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json"
)
DISTRIBUTION = "partnership-coach"
APP_NAME = "Partnership Coach"
FULL_NAME = Msg("Partnership Coach: family engagement for educators")
SHORT_DESCRIPTION = Msg("A few minutes a week to build strong partnerships with families.")
FULL_DESCRIPTION = Msg(
    "Partnership Coach helps K-12 educators build strong, trusting partnerships with families, "
    "a few minutes a week, using the Dual Capacity-Building Framework (Mapp & Kuttner, 2013; "
    "Mapp & Bergman, 2019). Learn the framework one part at a time, reflect on a week with "
    "families in a short guided conversation that ends with one small action, keep a private "
    "journal of how those actions went, and get an optional weekly nudge at a time you choose. "
    "Say help to begin."
)
ACCENT = (0x2E, 0x6B, 0x5E)  # a calm green
# Teams makes a package id from the bot id when there is one; otherwise this fixed id.
PACKAGE_NAMESPACE = uuid.UUID("5d6f7a3e-2f61-4b1e-9c55-6f0a7c1e2b90")
PLACEHOLDER_BOT_ID = "00000000-0000-0000-0000-000000000000"
PLACEHOLDER_URL = "https://partnership-coach.example.org"

PERSONAL_COMMANDS = (
    ("help", Msg("What I can do")),
    ("reflect", Msg("A short guided reflection that ends with one small action")),
    ("learn", Msg("The Dual Capacity-Building Framework, one part at a time")),
    ("journal", Msg("Your recent reflections and how your actions went")),
    ("nudges", Msg("Your weekly nudge: nudges on, nudges day fri, nudges time 15:30")),
    ("assess", Msg("A quick self-check that suggests a focus")),
    ("reframe", Msg("A second look at a sentence you wrote about families")),
    ("export", Msg("Everything I keep about you")),
    ("forget", Msg("Delete everything I keep about you (asks first)")),
    ("cancel", Msg("Leave the current reflection")),
)
TEAM_COMMANDS = (
    ("help", Msg("What I can do")),
    ("learn", Msg("The Dual Capacity-Building Framework, one part at a time")),
    ("channel on", Msg("Weekly discussion prompts in this channel")),
    ("channel off", Msg("Stop the weekly discussion prompts")),
)
# Teams shows the app in the client's language when the package has it (localizationInfo):
# the same names, descriptions and command descriptions from the coach's catalogue, and
# the command words a Spanish speaker types (bot/commands/table.py).
LOCALIZATION_SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.Localization.schema.json"
DEFAULT_LANGUAGE_TAG = "en-us"
BAD_URL = "coach manifest teams: --url must be an https URL such as https://coach.example.org"
BAD_BOT_ID = "coach manifest teams: --bot-id must be the bot's Microsoft app id (a GUID)"


def package_version() -> str:
    """The installed project's version (pyproject.toml), as the x.y.z Teams requires."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a bare source tree: still a valid package
        return "0.0.0"


def _commands(pairs: tuple[tuple[str, Msg], ...]) -> list[dict[str, str]]:
    return [{"title": title, "description": text.english} for title, text in pairs]


def _command_word(command: str, language: str) -> str:
    """ "help" -> "ayuda" for Spanish; "channel on" keeps its words (no Spanish ones)."""
    first, _, rest = command.partition(" ")
    spoken = {english: typed for typed, english in SPANISH_COMMANDS.items()}
    word = spoken.get(first, first) if language == "es" else first
    return f"{word} {rest}".strip()


def localization(language: str) -> dict[str, str]:
    """One additional language's file: every text of the manifest, said in `language`."""
    texts = {
        "$schema": LOCALIZATION_SCHEMA,
        "name.short": APP_NAME,
        "name.full": FULL_NAME.in_language(language),
        "description.short": SHORT_DESCRIPTION.in_language(language),
        "description.full": FULL_DESCRIPTION.in_language(language),
    }
    for list_index, pairs in enumerate((PERSONAL_COMMANDS, TEAM_COMMANDS)):
        for index, (command, text) in enumerate(pairs):
            key = f"bots[0].commandLists[{list_index}].commands[{index}]"
            texts[f"{key}.title"] = _command_word(command, language)
            texts[f"{key}.description"] = text.in_language(language)
    return texts


def _additional_languages() -> list[str]:
    return [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]


def build_manifest(bot_id: str, url: str) -> dict[str, Any]:
    """manifest.json for this bot id and public https base URL."""
    host = urlsplit(url).hostname or ""
    base = url.rstrip("/")
    return {
        "$schema": MANIFEST_SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": package_version(),
        "id": str(uuid.uuid5(PACKAGE_NAMESPACE, bot_id)),
        "developer": {
            "name": APP_NAME,
            "websiteUrl": base,
            "privacyUrl": f"{base}/privacy",
            "termsOfUseUrl": f"{base}/terms",
        },
        "name": {"short": APP_NAME, "full": FULL_NAME.english},
        "description": {"short": SHORT_DESCRIPTION.english, "full": FULL_DESCRIPTION.english},
        "localizationInfo": {
            "defaultLanguageTag": DEFAULT_LANGUAGE_TAG,
            "additionalLanguages": [
                {"languageTag": language, "file": f"{language}.json"}
                for language in _additional_languages()
            ],
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#{:02X}{:02X}{:02X}".format(*ACCENT),
        "bots": [
            {
                "botId": bot_id,
                "scopes": ["personal", "team"],
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [
                    {"scopes": ["personal"], "commands": _commands(PERSONAL_COMMANDS)},
                    {"scopes": ["team"], "commands": _commands(TEAM_COMMANDS)},
                ],
            }
        ],
        "validDomains": [host] if host else [],
    }


def png(width: int, height: int, pixel: Callable[[int, int], tuple[int, int, int, int]]) -> bytes:
    """A valid RGBA PNG, one pixel function call per pixel (small icons only)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def _ring(x: int, y: int, size: int, inner: float, outer: float) -> bool:
    """Two linked rings (two partners) centred in a square of `size`."""
    cy = size / 2
    for cx in (size * 0.38, size * 0.62):
        distance = ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2) ** 0.5
        if inner * size <= distance <= outer * size:
            return True
    return False


def color_icon() -> bytes:
    white, accent = (255, 255, 255, 255), (*ACCENT, 255)
    return png(192, 192, lambda x, y: white if _ring(x, y, 192, 0.17, 0.24) else accent)


def outline_icon() -> bytes:
    white, clear = (255, 255, 255, 255), (0, 0, 0, 0)
    return png(32, 32, lambda x, y: white if _ring(x, y, 32, 0.15, 0.25) else clear)


def write_zip(path: Path, manifest: dict[str, Any]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2) + "\n")
        for language in _additional_languages():
            texts = json.dumps(localization(language), indent=2, ensure_ascii=False)
            package.writestr(f"{language}.json", texts + "\n")
        package.writestr("color.png", color_icon())
        package.writestr("outline.png", outline_icon())


def _is_guid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def write_package(args: argparse.Namespace) -> int:
    bot_id = args.bot_id or Settings().microsoft_app_id or PLACEHOLDER_BOT_ID
    if not _is_guid(bot_id):
        print(BAD_BOT_ID, file=sys.stderr)
        return 2
    url = args.url or Settings().coach_public_url or PLACEHOLDER_URL
    if urlsplit(url).scheme != "https" or not urlsplit(url).hostname:
        print(BAD_URL, file=sys.stderr)
        return 2
    out = Path(args.out)
    write_zip(out, build_manifest(bot_id, url))
    print(f"Wrote {out} (bot id {bot_id}).")
    if bot_id == PLACEHOLDER_BOT_ID:
        print("Pass --bot-id (or set MICROSOFT_APP_ID) before uploading it to Teams.")
    if url == PLACEHOLDER_URL:
        print("Pass --url https://YOUR-HOST (or set COACH_PUBLIC_URL) to name this server.")
    return 0
