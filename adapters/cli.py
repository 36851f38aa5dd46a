"""The `coach` command line, and the composition root: one subcommand per entry of the
contract, each wired here to the layer that does the work (the clock gets its senders from
the adapters here; nothing below imports upward).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from pydantic import ValidationError

import adapters.tables  # noqa: F401  (every adapter's tables on the core's metadata)
from bot.errors import ConfigurationError
from bot.logging_setup import configure_logging


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach",
        description="Partnership Coach: family-engagement coaching for educators.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    chat = sub.add_parser("chat", help="talk to the coach in the terminal")
    chat.add_argument("--user", help="your name in this terminal (default: your login)")

    serve = sub.add_parser("serve", help="run the web server for Slack and Teams")
    serve.add_argument("--port", type=int, help="port to listen on (default: $PORT or 3000)")

    sub.add_parser("clock", help="run the weekly-nudge scheduler until stopped")

    nudge = sub.add_parser("nudge", help="weekly nudges")
    nudge_sub = nudge.add_subparsers(dest="nudge_command", required=True, metavar="ACTION")
    tick = nudge_sub.add_parser("tick", help="send the nudges that are due, once")
    tick.add_argument("--at", help="act as if now were this ISO-8601 time")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("upgrade", help="apply database migrations")
    db_sub.add_parser("rotate-key", help="re-encrypt stored text under the newest key")

    manifest = sub.add_parser("manifest", help="app manifests for Slack and Teams")
    manifest_sub = manifest.add_subparsers(dest="platform", required=True, metavar="PLATFORM")
    slack = manifest_sub.add_parser("slack", help="print the Slack app manifest")
    slack.add_argument("--url", help="public https URL of this server (omit for Socket Mode)")
    slack.add_argument("--socket-mode", action="store_true", help="the Socket Mode variant")
    teams = manifest_sub.add_parser("teams", help="write the Teams app package")
    teams.add_argument("--out", required=True, help="zip file to write")
    teams.add_argument("--bot-id", help="the bot's Microsoft app id")
    teams.add_argument("--url", help="public https URL of this server")

    content = sub.add_parser("content", help="framework content")
    content_sub = content.add_subparsers(dest="content_command", required=True, metavar="ACTION")
    content_sub.add_parser("check", help="validate everything in content/")

    reframe = sub.add_parser("reframe", help="asset-based coaching on one sentence")
    reframe.add_argument("text", nargs="+", help="the sentence")
    reframe.add_argument("--json", action="store_true", help="print findings as JSON")

    understand = sub.add_parser("understand", help="what the coach reads in one message")
    understand.add_argument("text", nargs="+", help="the message")
    understand.add_argument("--json", action="store_true", help="print it as one JSON object")
    understand.add_argument(
        "--lang", choices=("en", "es"), default="en", help="the educator's own language"
    )

    export = sub.add_parser("export", help="everything stored about one educator, as JSON")
    export.add_argument("--user", required=True, help="PLATFORM:WORKSPACE:USER")

    calendar = sub.add_parser("calendar", help="a school calendar's closed days")
    calendar_sub = calendar.add_subparsers(dest="calendar_command", required=True, metavar="ACTION")
    calendar_import = calendar_sub.add_parser("import", help="read closed days from an .ics file")
    calendar_import.add_argument("file", help="the district's iCalendar (.ics) file")
    calendar_import.add_argument("--workspace", required=True, help="PLATFORM:WORKSPACE")
    calendar_list = calendar_sub.add_parser("list", help="show a workspace's closed days")
    calendar_list.add_argument("--workspace", required=True, help="PLATFORM:WORKSPACE")
    return parser


# Each subcommand's code is imported when it runs (not at start-up), so `coach chat` starts
# without loading Slack or Teams libraries. Plain imports inside small functions keep every
# dependency visible to the import checker.
Command = Callable[[argparse.Namespace], int]


def _chat(args: argparse.Namespace) -> int:
    from adapters.console.commands import chat

    return chat(args)


def _serve(args: argparse.Namespace) -> int:
    from adapters.web.serve import serve

    return serve(args)


def _clock(args: argparse.Namespace) -> int:
    from adapters.senders import build_senders
    from scheduler.cli import clock

    return clock(args, build_senders=build_senders)


def _nudge_tick(args: argparse.Namespace) -> int:
    from adapters.senders import build_senders
    from scheduler.cli import tick

    return tick(args, build_senders=build_senders)


def _db_upgrade(args: argparse.Namespace) -> int:
    from adapters.maintenance import db_upgrade

    return db_upgrade(args)


def _rotate_key(args: argparse.Namespace) -> int:
    from adapters.privacy_cli import rotate_key

    return rotate_key(args)


def _manifest_slack(args: argparse.Namespace) -> int:
    from adapters.slack.manifest import print_manifest

    return print_manifest(args)


def _manifest_teams(args: argparse.Namespace) -> int:
    from adapters.teams.manifest import write_package

    return write_package(args)


def _content_check(args: argparse.Namespace) -> int:
    from adapters.maintenance import content_check

    return content_check(args)


def _reframe(args: argparse.Namespace) -> int:
    from adapters.reframe_cli import reframe_command

    return reframe_command(args)


def _understand(args: argparse.Namespace) -> int:
    from adapters.understand_cli import understand_command

    return understand_command(args)


def _calendar_import(args: argparse.Namespace) -> int:
    from adapters.calendar_cli import import_calendar

    return import_calendar(args)


def _calendar_list(args: argparse.Namespace) -> int:
    from adapters.calendar_cli import list_closed_days

    return list_closed_days(args)


def _export(args: argparse.Namespace) -> int:
    from adapters.privacy_cli import export

    return export(args)


ENTRY_POINTS: dict[str, Command] = {
    "chat": _chat,
    "serve": _serve,
    "clock": _clock,
    "nudge tick": _nudge_tick,
    "db upgrade": _db_upgrade,
    "db rotate-key": _rotate_key,
    "manifest slack": _manifest_slack,
    "manifest teams": _manifest_teams,
    "content check": _content_check,
    "reframe": _reframe,
    "export": _export,
    "understand": _understand,
    "calendar import": _calendar_import,
    "calendar list": _calendar_list,
}


def _entry_name(args: argparse.Namespace) -> str:
    detail = getattr(args, "nudge_command", None) or getattr(args, "db_command", None)
    detail = detail or getattr(args, "platform", None) or getattr(args, "content_command", None)
    detail = detail or getattr(args, "calendar_command", None)
    return f"{args.command} {detail}" if detail else str(args.command)


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    name = _entry_name(args)
    configure_logging(
        quiet=name
        in (
            "chat",
            "reframe",
            "understand",
            "content check",
            "export",
            "manifest slack",
            "calendar import",
            "calendar list",
        )
    )
    function = ENTRY_POINTS[name]
    try:
        return function(args)
    except ValidationError as exc:
        # Bad settings: name the setting, never dump a traceback on an operator.
        print("coach: a setting is not valid:", file=sys.stderr)
        for error in exc.errors():
            setting = ".".join(str(part) for part in error["loc"]).upper()
            print(f"  {setting}: {error['msg']}", file=sys.stderr)
        return 2
    except ConfigurationError as exc:
        # Settings that cannot run safely: one sentence naming the setting, no traceback.
        print(f"coach {name}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        logging.getLogger("coach.cli").error("command_failed", extra={"error": type(exc).__name__})
        print(f"coach {name}: failed ({type(exc).__name__}). See the log above.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
