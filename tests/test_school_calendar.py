"""A school calendar, on both databases: `coach calendar import|list`, bad files refused
whole, and a 14-week run where a winter break, a monthly staff day and a snow day move each
nudge and team prompt to the next open school day at the same local time, once."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from adapters.calendar_cli import import_calendar, list_closed_days
from bot.app import CoachApp
from bot.calendar.service import list_calendar
from bot.inbound import Platform
from bot.settings import Settings
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import FakePlatform, senders_for, tick
from tests.test_channel_prompts import ChannelMember

DISTRICT = Path(__file__).parent / "data" / "district.ics"
NEW_YORK = ZoneInfo("America/New_York")
START = datetime(2026, 11, 16, 14, 0, tzinfo=UTC)  # Monday
SNOW_DAY = """BEGIN:VEVENT
UID:snow-2027-01-19@riverside.example
DTSTAMP:20270118T220000Z
SUMMARY:Snow Day - Schools Closed
DTSTART;VALUE=DATE:20270119
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
def platform() -> FakePlatform:
    return FakePlatform(Platform.SLACK)


@pytest.fixture
def coach_cli(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> CalendarCommands:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    return CalendarCommands(capsys)


class CalendarCommands:
    """`coach calendar ...` as an operator runs it: exit code, what it printed, what it said."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def import_(self, path: Path, workspace: str = "slack:T1") -> tuple[int, str, str]:
        code = import_calendar(argparse.Namespace(file=str(path), workspace=workspace))
        out, err = self.capsys.readouterr()
        return code, out, err

    def list_(self, workspace: str = "slack:T1") -> str:
        assert list_closed_days(argparse.Namespace(workspace=workspace)) == 0
        return self.capsys.readouterr().out


def with_snow_day(tmp_path: Path) -> Path:
    text = DISTRICT.read_text().replace("END:VCALENDAR\n", SNOW_DAY)
    path = tmp_path / "district-after-snow.ics"
    path.write_text(text)
    return path


def closed(app: CoachApp) -> list[date]:
    return [c.day for c in list_calendar(app.sessions, ("slack", "T1")).days]


# --- importing -------------------------------------------------------------------------------


def test_import_reads_all_day_breaks_and_recurring_days_and_list_shows_them(
    app: CoachApp, coach_cli: CalendarCommands
) -> None:
    code, out, _ = coach_cli.import_(DISTRICT)
    assert code == 0 and "district.ics" in out and "closed days" in out
    days = closed(app)
    # Thanksgiving Wed-Fri, all 12 days of winter break, the first Tuesday of each month.
    assert [d for d in days if d.month == 11] == [date(2026, 11, d) for d in (25, 26, 27)]
    assert date(2026, 12, 21) in days and date(2027, 1, 1) in days
    assert date(2027, 1, 2) not in days  # DTEND is the first day back
    assert {date(2026, 12, 1), date(2027, 1, 5), date(2027, 2, 2), date(2027, 6, 1)} <= set(days)
    assert date(2026, 12, 8) not in days  # an evening board meeting closes nothing
    listing = coach_cli.list_()
    assert "Winter Break" in listing and "2026-11-26 Thu  Thanksgiving Break - No School" in listing
    assert f"{len(days)} closed days" in listing


def test_importing_again_replaces_and_never_duplicates(
    app: CoachApp, coach_cli: CalendarCommands, tmp_path: Path
) -> None:
    coach_cli.import_(DISTRICT)
    first = closed(app)
    coach_cli.import_(DISTRICT)
    assert closed(app) == first
    coach_cli.import_(with_snow_day(tmp_path))
    assert sorted(set(closed(app)) - set(first)) == [date(2027, 1, 19)]
    assert "district-after-snow.ics" in coach_cli.list_()
    # Another workspace's calendar is its own.
    assert "No school calendar for teams:TENANT" in coach_cli.list_("teams:TENANT")


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    body = DISTRICT.read_text()
    files = {
        "not_ics": ("This is the lunch menu.\nMonday: tacos\n", "not an iCalendar (.ics) file"),
        "no_calendar": ("BEGIN:VEVENT\nUID:x\nEND:VEVENT\n", "no VCALENDAR"),
        "no_date": (
            body.replace("DTSTART;VALUE=DATE:20261221\n", ""),
            "event 2 (Winter Break) has no start date",
        ),
        "bad_zone": (
            body.replace("TZID=America/New_York", "TZID=Mars/Olympus"),
            "'Mars/Olympus', which does not exist",
        ),
    }
    found = {}
    for name, (text, expected) in files.items():
        path = tmp_path / f"{name}.ics"
        path.write_text(text)
        found[name] = (path, expected)
    huge = tmp_path / "huge.ics"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, without writing them
    found["huge"] = (huge, "the file is 50 MB")
    found["missing"] = (tmp_path / "nowhere.ics", "cannot be read")
    return found


@pytest.mark.parametrize(
    "bad", ["not_ics", "no_calendar", "no_date", "bad_zone", "huge", "missing"]
)
def test_a_bad_file_gets_a_clear_error_and_changes_nothing(
    app: CoachApp, coach_cli: CalendarCommands, tmp_path: Path, bad: str
) -> None:
    coach_cli.import_(DISTRICT)
    before = coach_cli.list_()
    path, expected = _bad_files(tmp_path)[bad]
    code, out, err = coach_cli.import_(path)
    assert code == 1 and out == ""
    assert expected in err and "Nothing was changed." in err, err
    assert coach_cli.list_() == before


@pytest.mark.parametrize("workspace", ["T1", "fax:T1", "slack:", ":T1"])
def test_a_workspace_must_name_its_platform(
    coach_cli: CalendarCommands, capsys: pytest.CaptureFixture[str], workspace: str
) -> None:
    code, _, err = coach_cli.import_(DISTRICT, workspace)
    assert code == 2 and "PLATFORM:WORKSPACE" in err


# --- fourteen weeks of a school year ------------------------------------------------------


def test_fourteen_weeks_with_a_winter_break_a_staff_day_and_a_snow_day(
    app: CoachApp,
    clock: FakeClock,
    platform: FakePlatform,
    coach_cli: CalendarCommands,
    tmp_path: Path,
) -> None:
    educator = Conversation(
        app.coach, "U1", platform=Platform.SLACK, workspace="T1", timezone="America/New_York"
    )
    educator.says("nudges on")
    keeper = ChannelMember(app, "U2")
    keeper.says("channel on")
    keeper.says("channel time 09:00")
    assert coach_cli.import_(DISTRICT)[0] == 0

    sent: list[tuple[str, str]] = []  # (kind, local date and time)
    for day in range(14 * 7 + 1):
        if START + timedelta(days=day) == datetime(2027, 1, 18, 14, 0, tzinfo=UTC):
            # Monday night: the district calls a snow day for Tuesday and sends a new file.
            assert coach_cli.import_(with_snow_day(tmp_path))[0] == 0
        for half_hour in range(24, 40):  # every half hour of the school day
            clock.set(START.replace(hour=0) + timedelta(days=day, minutes=30 * half_hour))
            before = len(platform.delivered)
            tick(app, senders_for(platform), clock.now)
            for delivery in platform.delivered[before:]:
                kind = "channel" if delivery.address.conversation else "nudge"
                sent.append((kind, f"{clock.now.astimezone(NEW_YORK):%a %b %d %H:%M}"))
                # Each answers (a click), so the coach never backs off from their silence.
                clock.advance(minutes=5)
                if kind == "nudge":
                    educator.clicks_value(delivery.card.buttons[1])
                else:
                    keeper.clicks_value(delivery.card.buttons[0])  # "We talked about it"

    nudges = [when for kind, when in sent if kind == "nudge"]
    assert nudges == [
        "Tue Nov 17 07:30",
        "Tue Nov 24 07:30",
        "Wed Dec 02 07:30",  # Tue Dec 1: staff development day
        "Tue Dec 08 07:30",
        "Tue Dec 15 07:30",
        "Mon Jan 04 07:30",  # Dec 22 and 29: winter break; the first day back, once
        "Tue Jan 12 07:30",
        "Wed Jan 20 07:30",  # Tue Jan 19: the snow day
        "Tue Jan 26 07:30",
        "Wed Feb 03 07:30",  # Tue Feb 2: staff development day
        "Tue Feb 09 07:30",
        "Tue Feb 16 07:30",
    ]
    prompts = [when for kind, when in sent if kind == "channel"]
    assert prompts[:3] == ["Tue Nov 17 09:00", "Tue Nov 24 09:00", "Wed Dec 02 09:00"]
    assert "Mon Jan 04 09:00" in prompts and "Wed Jan 20 09:00" in prompts
    assert len(prompts) == 12


def test_a_reminder_due_on_a_closed_day_is_called_off_and_next_week_goes_ahead(
    app: CoachApp, clock: FakeClock, platform: FakePlatform, coach_cli: CalendarCommands
) -> None:
    educator = Conversation(
        app.coach, "U1", platform=Platform.SLACK, workspace="T1", timezone="America/New_York"
    )
    educator.says("nudges on")
    assert coach_cli.import_(DISTRICT)[0] == 0
    tuesday = datetime(2026, 11, 24, 12, 30, tzinfo=UTC)
    educator.says("nudges pause until 2026-11-24")
    clock.set(tuesday)
    tick(app, senders_for(platform), tuesday)
    clock.advance(hours=1)
    (snooze,) = [b for b in platform.delivered[0].card.buttons if b.label == "Remind me tomorrow"]
    assert "Wed Nov 25, 07:30" in educator.clicks_value(snooze)  # Thanksgiving break
    clock.set(tuesday + timedelta(days=1))
    report = tick(app, senders_for(platform), clock.now)
    assert [(line.outcome, line.reason) for line in report.lines] == [("skipped", "closed_day")]
    assert len(platform.delivered) == 1
    # Tue Dec 1 is a staff day: the settings say where it really goes.
    assert "Next nudge: Wed Dec 2, 07:30" in educator.says("nudges")
