"""The sentences of a weekly schedule's settings: the ones every kind shares, and the list of
those each kind (an educator's nudges, a channel's team prompts) words its own way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.i18n import Msg

FOCUS_ROTATE = Msg("rotating through all 13 topics (next: {topic})")
FOCUS_ONE = Msg("{title} only")
# After a focus read from words that name no topic ("nudges about home visits").
FOCUS_READ_FROM = Msg("That's where “{typed}” fits in the framework.")
SETTINGS_PAUSED = Msg("• Paused until: {until}")
SETTINGS_PAUSE_AHEAD = Msg("• A break ahead: paused from {first}, back {back}")
# A break asked for ahead ("pause for winter break, dec 21 to jan 4").
PAUSE_AHEAD_SET = Msg(
    "Got it: no nudges from {first}, and they come back {back}. Until then, as usual."
)
RHYTHM_WORDS = {1: Msg("every week"), 2: Msg("every 2 weeks"), 4: Msg("every 4 weeks")}
MISSING_VALUE = Msg("Please add a value, for example `{example}`.")
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
    settings_on: Msg
    settings_off: Msg
    settings_help: Msg
    off_reasons: Mapping[str, Msg]  # why delivery stopped, by the subscription's off_reason
    off_reason_other: Msg
    # Confirming a change
    turned_on: Msg
    already_on: Msg
    resumed: Msg
    turned_off: Msg
    already_off: Msg
    day_set: Msg
    time_set: Msg
    zone_set: Msg
    focus_set: Msg
    rotate_set: Msg
    paused: Msg
    paused_until: Msg  # {until}: the local date sends start again
    every_set: Msg  # {rhythm}: one of RHYTHM_WORDS
    next_send: Msg
    not_on_note: Msg
    # Mistakes
    unknown_setting: Msg
    bad_day: Msg
    bad_time: Msg
    bad_zone: Msg
    bad_pause: Msg
    bad_pause_date: Msg  # {date} as typed
    pause_date_passed: Msg  # {date}: today or before
    pause_date_far: Msg  # {limit}: weeks
    bad_every: Msg
    learn_only_focus: Msg
