"""The sentences of a weekly schedule's settings: the ones every kind shares, and the list of
those each kind (an educator's nudges, a channel's team prompts) words its own way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

FOCUS_ROTATE = "rotating through all 13 topics (next: {topic})"
FOCUS_ONE = "{title} only"
SETTINGS_PAUSED = "• Paused until: {until}"
RHYTHM_WORDS = {1: "every week", 2: "every 2 weeks", 4: "every 4 weeks"}
MISSING_VALUE = "Please add a value, for example `{example}`."
# What follows the command word in the example a MISSING_VALUE answer gives.
EXAMPLES = {
    "day": "day tue",
    "time": "time 07:30",
    "tz": "tz America/Chicago",
    "focus": "focus rotate",
    "pause": "pause 2",
    "every": "every 2",
}


@dataclass(frozen=True)
class ScheduleWords:
    """One kind's own sentences; `{next}` is the next send, `{day}`, `{time}`, `{zone}` the rule."""

    command: str  # the word that changes them: "nudges" or "channel"
    # Showing the settings
    settings_on: str
    settings_off: str
    settings_help: str
    off_reasons: Mapping[str, str]  # why delivery stopped, by the subscription's off_reason
    off_reason_other: str
    # Confirming a change
    turned_on: str
    already_on: str
    resumed: str
    turned_off: str
    already_off: str
    day_set: str
    time_set: str
    zone_set: str
    focus_set: str
    rotate_set: str
    paused: str
    paused_until: str  # {until}: the local date sends start again
    every_set: str  # {rhythm}: one of RHYTHM_WORDS
    next_send: str
    not_on_note: str
    # Mistakes
    unknown_setting: str
    bad_day: str
    bad_time: str
    bad_zone: str
    bad_pause: str
    bad_pause_date: str  # {date} as typed
    pause_date_passed: str  # {date}: today or before
    pause_date_far: str  # {limit}: weeks
    bad_every: str
    learn_only_focus: str
