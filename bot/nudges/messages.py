"""Every sentence about weekly nudges, in one place for review."""

from __future__ import annotations

# The weekly nudge
CHECKIN_QUESTION = (
    "Before this week's nudge: last time ({date}, {title}) you planned to: _{action}_\n"
    "How did it go?"
)
CHECKIN_DONE = "Done"
CHECKIN_PARTLY = "Partly"
CHECKIN_NOT_YET = "Not yet"
NUDGE_TITLE = "Your weekly nudge: {title}"
NUDGE_BODY = (
    "{why}\n\n*One small action this week:* {action}\n*A question to carry with you:* {question}"
)
BUTTON_REFLECT = "Reflect now"
BUTTON_DONE = "Mark done"
BUTTON_SKIP = "Skip this week"

# Answers to the nudge's buttons
CHECKIN_THANKS = {
    "done": "Wonderful, I've noted it as done. Small steps like that build trust with families.",
    "partly": "Thanks, I've noted it as partly done. Starting counts; you can pick it up again.",
    "not_yet": "Thanks for being honest; I've noted it as not yet. Weeks get full. It'll keep.",
}
CHECKIN_ALREADY = "You've already told me how that one went ({status}). Thanks!"
CHECKIN_UNKNOWN = (
    "I can't find that planned action any more; it may have been deleted. "
    "Type `journal` to see your reflections."
)
NUDGE_MARKED_DONE = (
    "Marked done. Nice work! If you'd like to think it through, type `reflect {topic}`."
)
NUDGE_MARKED_SKIPPED = "No problem, this week is skipped. I'll be back with a new nudge next week."
NUDGE_ALREADY = "Already noted as {response} for that week."
NUDGE_UNKNOWN = "That nudge is no longer in my records. Type `nudges` to see your settings."
NUDGE_ACTION_HELP = "Use the buttons under a nudge to mark it done or skip it."

# `nudges` settings
SETTINGS_ON = (
    "*Weekly nudges: on*\n"
    "• Day: {day}\n"
    "• Time: {time} ({zone})\n"
    "• Focus: {focus}\n"
    "• Next nudge: {next}"
)
SETTINGS_PAUSED = "• Paused until: {until}"
SETTINGS_OFF = (
    "*Weekly nudges: off*\n"
    "Type `nudges on` for one short nudge a week: {day}s at {time} ({zone}). "
    "You can change the day, time, time zone and focus any time."
)
SETTINGS_OFF_REASON = {
    "workspace_uninstalled": "They stopped because the coach was removed from your workspace.",
    "user_gone": "They stopped because I couldn't reach you any more.",
}
SETTINGS_OFF_REASON_OTHER = "They stopped because I couldn't deliver them."
SETTINGS_HELP = (
    "Change them with `nudges day DAY`, `nudges time HH:MM`, `nudges tz AREA/CITY`, "
    "`nudges focus TOPIC` or `nudges focus rotate`, `nudges pause WEEKS`, `nudges off`."
)
FOCUS_ROTATE = "rotating through all 13 topics (next: {topic})"
FOCUS_ONE = "{title} only"

TURNED_ON = "Weekly nudges are on. Your first one arrives {next}."
ALREADY_ON = "Weekly nudges are already on. The next one arrives {next}."
TURNED_OFF = "Weekly nudges are off. Type `nudges on` whenever you'd like them back."
ALREADY_OFF = "Weekly nudges are already off. Type `nudges on` to start them."
RESUMED = "Welcome back! The pause is over and nudges are on again. Next one: {next}."
DAY_SET = "Nudges will come on {day}s."
TIME_SET = "Nudges will come at {time}."
ZONE_SET = "Time zone set to {zone}."
FOCUS_SET = "Nudges will stay on *{title}*, a different nudge each week."
ROTATE_SET = "Nudges will rotate through all 13 topics, starting with *{title}*."
PAUSED = "Nudges are paused for {weeks} week{plural}."
NEXT_SEND = " Next nudge: {next}."
NOT_ON_NOTE = " Saved; nudges are off for now, so type `nudges on` to start them."

BAD_DAY = (
    "I don't know the day `{day}`. Try a weekday name such as `nudges day tue` "
    "(mon, tue, wed, thu, fri, sat or sun)."
)
BAD_TIME = (
    "`{time}` isn't a time I can use. Please give a 24-hour time as HH:MM, "
    "for example `nudges time 07:30` or `nudges time 15:45`."
)
BAD_ZONE = (
    "I don't know the time zone `{zone}`. Please use an Area/City name, for example "
    "`nudges tz America/Chicago`, `nudges tz Europe/Berlin` or `nudges tz Asia/Kolkata`."
)
BAD_PAUSE = (
    "To pause, give a whole number of weeks from 1 to {limit}, for example `nudges pause 2`. "
    "To stop altogether, type `nudges off`."
)
BAD_FOCUS = (
    "To choose a focus, type `nudges focus TOPIC` (for example `nudges focus relational`) "
    "or `nudges focus rotate`."
)
LEARN_ONLY_FOCUS = (
    "*{title}* is for reading rather than weekly nudges. Pick one of the conditions or 4 Cs, "
    "for example `nudges focus relational`, or `nudges focus rotate`."
)
MISSING_VALUE = "Please add a value, for example `{example}`."
UNKNOWN_SETTING = "I don't know the nudge setting `{word}`."
