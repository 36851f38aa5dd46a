"""`coach manifest teams`: a package Teams accepts, checked against the official v1.24 schema."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest

from adapters.cli import main
from adapters.teams.manifest import PERSONAL_COMMANDS
from bot.app import CoachApp
from tests.dialog import Conversation
from tests.spoken import language_of

# The official schema, kept in the repository (tests/data/schemas/README.md says where from).
_HERE = Path(__file__).resolve()
SCHEMA = _HERE.parents[1] / "data" / "schemas" / "teams-manifest-v1.24.schema.json"
BOT_ID = "11111111-2222-3333-4444-555555555555"


def _package(tmp_path: Path, *extra: str) -> zipfile.ZipFile:
    out = tmp_path / "coach.zip"
    assert main(["manifest", "teams", "--out", str(out), *extra]) == 0
    return zipfile.ZipFile(out)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_package_validates_against_the_teams_schema(tmp_path: Path) -> None:
    import jsonschema  # type: ignore[import-untyped]

    package = _package(tmp_path, "--bot-id", BOT_ID, "--url", "https://coach.example.org")
    manifest: dict[str, Any] = json.loads(package.read("manifest.json"))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text())).validate(manifest)

    assert manifest["manifestVersion"] == "1.24"
    [bot] = manifest["bots"]
    assert bot["botId"] == BOT_ID
    assert set(bot["scopes"]) >= {"personal", "team"}
    personal = next(c for c in bot["commandLists"] if c["scopes"] == ["personal"])
    titles = [command["title"] for command in personal["commands"]]
    assert titles == [word for word, _ in PERSONAL_COMMANDS]
    assert {"help", "reflect", "learn", "journal", "nudges"} <= set(titles)
    assert manifest["validDomains"] == ["coach.example.org"]


def test_the_icons_are_the_sizes_teams_asks_for(tmp_path: Path) -> None:
    package = _package(tmp_path, "--bot-id", BOT_ID)
    assert sorted(package.namelist()) == ["color.png", "es.json", "manifest.json", "outline.png"]
    assert _png_size(package.read("color.png")) == (192, 192)
    assert _png_size(package.read("outline.png")) == (32, 32)


def test_bad_arguments_are_refused_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.zip")
    assert main(["manifest", "teams", "--out", out, "--bot-id", "not-a-guid"]) == 2
    assert main(["manifest", "teams", "--out", out, "--url", "http://plain.example.org"]) == 2
    assert "--url must be an https URL" in capsys.readouterr().err


def test_the_package_follows_the_project_version_and_public_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    project = tomllib.loads((_HERE.parents[2] / "pyproject.toml").read_text())["project"]
    monkeypatch.setenv("COACH_PUBLIC_URL", "https://coach.district.example")
    manifest: dict[str, Any] = json.loads(
        _package(tmp_path, "--bot-id", BOT_ID).read("manifest.json")
    )
    assert manifest["version"] == project["version"]
    developer = manifest["developer"]
    assert developer["privacyUrl"] == "https://coach.district.example/privacy"
    assert developer["termsOfUseUrl"] == "https://coach.district.example/terms"
    assert manifest["validDomains"] == ["coach.district.example"]


def test_the_package_asks_for_no_permissions(tmp_path: Path) -> None:
    manifest = json.loads(_package(tmp_path, "--bot-id", BOT_ID).read("manifest.json"))
    assert manifest.get("permissions", []) == []


def _at(manifest: dict[str, Any], key: str) -> Any:
    """The manifest value a localization key names ("bots[0].commandLists[1].commands[2].title")."""
    value: Any = manifest
    for part in key.split("."):
        name, _, index = part.partition("[")
        value = value[name]
        if index:
            value = value[int(index.rstrip("]"))]
    return value


def test_spanish_teams_clients_see_the_app_and_its_commands_in_spanish(
    tmp_path: Path, app: CoachApp
) -> None:
    package = _package(tmp_path, "--bot-id", BOT_ID)
    manifest: dict[str, Any] = json.loads(package.read("manifest.json"))
    assert manifest["localizationInfo"]["additionalLanguages"] == [
        {"languageTag": "es", "file": "es.json"}
    ]
    spanish: dict[str, str] = json.loads(package.read("es.json"))
    properties = json.loads(SCHEMA.read_text())["properties"]
    command = properties["bots"]["items"]["properties"]["commandLists"]["items"]["properties"]
    command = command["commands"]["items"]["properties"]
    limits = {  # the same limits the manifest's own texts have
        "name.full": properties["name"]["properties"]["full"]["maxLength"],
        "description.short": properties["description"]["properties"]["short"]["maxLength"],
        "description.full": properties["description"]["properties"]["full"]["maxLength"],
        "title": command["title"]["maxLength"],
        "description": command["description"]["maxLength"],
    }
    for key, text in spanish.items():
        if key == "$schema":
            continue
        english = _at(manifest, key)  # every key names a text the manifest has
        assert isinstance(english, str) and text
        limit = limits.get(key) or limits.get(key.rsplit(".", 1)[1])
        assert limit is None or len(text) <= limit, key
    assert language_of(spanish["description.full"]) == "es"
    # Each personal command a Spanish-speaking educator picks is a word the coach knows.
    educator = Conversation(app.coach, "sra-lopez", locale="es-MX")
    titles = [
        v
        for k, v in spanish.items()
        if k.startswith("bots[0].commandLists[0]") and k.endswith(".title")
    ]
    assert "ayuda" in titles and "reflexionar" in titles
    for title in titles:
        answer = educator.says(title)
        assert "No conozco" not in answer, (title, answer)
        educator.says("cancelar")
