"""Every sentence about weekly nudges, in one place for review."""

from __future__ import annotations

from bot.i18n import Msg
from bot.weekly.messages import ScheduleWords

# The weekly nudge
CHECKIN_QUESTION = Msg(
    "Before this week's nudge: last time ({date}, {title}) you planned to: _{action}_\n"
    "How did it go?"
)
# A day and its time asked for together ("can u make it like wed at 8pm").
DAY_AND_TIME_SET = Msg("Nudges will come on {day}s at {time}.")
CHECKIN_DONE = Msg("Done")
CHECKIN_PARTLY = Msg("Partly")
CHECKIN_NOT_YET = Msg("Not yet")
NUDGE_TITLE = Msg("Your weekly nudge: {title}")
# Nudges asked to be about something in which no part of the framework can be found.
FOCUS_NOT_FOUND = Msg(
    "Nudges follow the framework one part at a time, and I can't tell which part “{typed}” "
    "belongs to. Pick one with `nudges focus TOPIC` (or `nudges focus rotate` for all of them):"
)
NUDGE_BODY = Msg(
    "{why}\n\n*One small action this week:* {action}\n*A question to carry with you:* {question}"
)
BUTTON_REFLECT = Msg("Reflect now")
BUTTON_DONE = Msg("Mark done")
BUTTON_SKIP = Msg("Not this week")
BUTTON_TOMORROW = Msg("Remind me tomorrow")
REMINDER_TITLE = Msg("As promised, here it is again: {title}")

# Backing off: asked once after three nudges in a row with no word back
KEEP_GOING_QUESTION = Msg(
    "I've sent you a few nudges lately without hearing back, and that's completely fine: "
    "school weeks are full. Would you like me to keep going, send one every 4 weeks "
    "instead, or stop for now?\n"
    "I'll hold off until you tell me. If I don't hear from you, I'll come back in 4 weeks "
    "and then once every 4 weeks."
)
KEEP_GOING = Msg("Keep going")
KEEP_GOING_MONTHLY = Msg("Every 4 weeks")
KEEP_GOING_STOP = Msg("Stop for now")
KEPT_GOING = Msg("Lovely, I'll keep them coming. Next nudge: {next}.")
WENT_MONTHLY = Msg("Done: one nudge every 4 weeks. Next one: {next}.")
STOPPED = Msg(
    "I've stopped the nudges. Thank you for the weeks you gave them. "
    "Type `nudges on` whenever you'd like them back."
)

# Answers to the nudge's buttons
CHECKIN_THANKS = {
    "done": Msg(
        "Wonderful, I've noted it as done. Small steps like that build trust with families."
    ),
    "partly": Msg(
        "Thanks, I've noted it as partly done. Starting counts; you can pick it up again."
    ),
    "not_yet": Msg(
        "Thanks for being honest; I've noted it as not yet. Weeks get full. It'll keep."
    ),
}
CHECKIN_ALREADY = Msg("You've already told me how that one went ({status}). Thanks!")
CHECKIN_NOTHING_WAITING = Msg(
    "There's no planned action waiting for a check-in right now. Type `reflect` to plan one."
)
CHECKIN_UNKNOWN = Msg(
    "I can't find that planned action any more; it may have been deleted. "
    "Type `journal` to see your reflections."
)
NUDGE_MARKED_DONE = Msg(
    "Marked done. Nice work! If you'd like to think it through, type `reflect {topic}`."
)
NUDGE_MARKED_SKIPPED = Msg(
    "No problem, this week is skipped. I'll be back with a new nudge next week."
)
NUDGE_ALREADY = Msg("Already noted as {response} for that week.")
NUDGE_UNKNOWN = Msg("That nudge is no longer in my records. Type `nudges` to see your settings.")
NUDGE_ACTION_HELP = Msg(
    "Use the buttons under a nudge to mark it done, leave it for this week, "
    "or have it come back tomorrow."
)
REMIND_SET = Msg("Sure. I'll bring this one back tomorrow, {when}.")
REMIND_ONCE = Msg(
    "I've already brought this one back once, so I'll leave it be. Next nudge: {next}."
)
REMIND_TOO_LATE = Msg("Your next nudge comes before then ({next}), so I'll let that one take over.")
REMIND_NOT_ON = Msg(
    "Nudges are off just now, so there's nothing to bring back. `nudges on` restarts them."
)

# `nudges` settings
SCHEDULE = ScheduleWords(
    command="nudges",
    settings_on=(
        Msg(
            "*Weekly nudges: on*\n"
            "• Day: {day}\n"
            "• Time: {time} ({zone})\n"
            "• Focus: {focus}\n"
            "• How often: {rhythm}\n"
            "• Next nudge: {next}"
        )
    ),
    settings_off=(
        Msg(
            "*Weekly nudges: off*\n"
            "Type `nudges on` for one short nudge a week: {day}s at {time} ({zone}). "
            "You can change the day, time, time zone and focus any time."
        )
    ),
    settings_help=(
        Msg(
            "Change them with `nudges day DAY`, `nudges time HH:MM`, `nudges tz AREA/CITY`, "
            "`nudges focus TOPIC` or `nudges focus rotate`, `nudges every 1|2|4`, "
            "`nudges pause WEEKS`, `nudges pause until YYYY-MM-DD`, `nudges off`."
        )
    ),
    off_reasons={
        "workspace_uninstalled": Msg(
            "They stopped because the coach was removed from your workspace."
        ),
        "user_gone": Msg("They stopped because I couldn't reach you any more."),
        "coach_removed": Msg("They stopped because you removed the coach."),
    },
    off_reason_other=Msg("They stopped because I couldn't deliver them."),
    turned_on=Msg("Weekly nudges are on. Your first one arrives {next}."),
    already_on=Msg("Weekly nudges are already on. The next one arrives {next}."),
    resumed=Msg("Welcome back! The pause is over and nudges are on again. Next one: {next}."),
    turned_off=Msg("Weekly nudges are off. Type `nudges on` whenever you'd like them back."),
    already_off=Msg("Weekly nudges are already off. Type `nudges on` to start them."),
    day_set=Msg("Nudges will come on {day}s."),
    time_set=Msg("Nudges will come at {time}."),
    zone_set=Msg("Time zone set to {zone}."),
    focus_set=Msg("Nudges will stay on *{title}*, a different nudge each week."),
    rotate_set=Msg("Nudges will rotate through all 13 topics, starting with *{title}*."),
    paused=Msg("Nudges are paused for {weeks} week{plural}."),
    paused_until=Msg("Nudges are paused until {until}. Enjoy the break."),
    every_set=Msg("Got it: a nudge {rhythm}."),
    next_send=Msg(" Next nudge: {next}."),
    not_on_note=Msg(" Saved; nudges are off for now, so type `nudges on` to start them."),
    unknown_setting=Msg("I don't know the nudge setting `{word}`."),
    bad_day=(
        Msg(
            "I don't know the day `{day}`. Try a weekday name such as `nudges day tue` "
            "(mon, tue, wed, thu, fri, sat or sun)."
        )
    ),
    bad_time=(
        Msg(
            "`{time}` isn't a time I can use. Please give a 24-hour time as HH:MM, "
            "for example `nudges time 07:30` or `nudges time 15:45`."
        )
    ),
    bad_zone=(
        Msg(
            "I don't know the time zone `{zone}`. Please use an Area/City name, for example "
            "`nudges tz America/Chicago`, `nudges tz Europe/Berlin` or `nudges tz Asia/Kolkata`."
        )
    ),
    bad_pause=(
        Msg(
            "To pause, give a whole number of weeks from 1 to {limit}, for example `nudges pause "
            "2`. "
            "To stop altogether, type `nudges off`."
        )
    ),
    bad_pause_date=(
        Msg(
            "I couldn't read `{date}` as a date. Please write it as YYYY-MM-DD, "
            "for example `nudges pause until 2027-01-05`."
        )
    ),
    pause_date_passed=(
        Msg(
            "{date} is already here, so there's nothing to pause. "
            "Pick a day ahead, for example `nudges pause until 2027-01-05`."
        )
    ),
    pause_date_far=(
        Msg(
            "That's more than {limit} weeks away. Please pick a date within a year, "
            "or type `nudges off` to stop nudges until you turn them back on."
        )
    ),
    bad_every=(
        Msg(
            "Nudges can come every week, every 2 weeks or every 4 weeks: "
            "type `nudges every 1`, `nudges every 2` or `nudges every 4`."
        )
    ),
    learn_only_focus=(
        Msg(
            "*{title}* is for reading rather than weekly nudges. Pick one of the conditions or 4 "
            "Cs, "
            "for example `nudges focus relational`, or `nudges focus rotate`."
        )
    ),
)
