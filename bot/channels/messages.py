"""Every sentence about team prompts (a channel's weekly discussion prompt), for review."""

from __future__ import annotations

# The weekly post
POST_TITLE = "This week's team prompt: {title}"
POST_BODY = "{framing}\n\n*For discussion:* {question}\n\n{invite}"
POST_INVITE = (
    "Reply in this thread with a thought, a story or a question of your own. "
    "Short answers are welcome, and so is reading along."
)

# `channel` said outside a channel
NOT_IN_A_CHANNEL = (
    "Team prompts are for a team channel, so say this in the channel itself: in Slack, "
    "type `/coach channel on` there; in Teams, @mention me in the team channel with "
    "`channel on`. Each week I'll post one discussion question your colleagues can answer "
    "in a thread. For prompts just for you, type `nudges on`."
)

# Settings
SETTINGS_ON = (
    "*Team prompts in this channel: on*\n"
    "• Day: {day}\n"
    "• Time: {time} ({zone})\n"
    "• Focus: {focus}\n"
    "• Next post: {next}\n"
    "• Turned on by: {who}"
)
SETTINGS_OFF = (
    "*Team prompts in this channel: off*\n"
    "Type `channel on` for one discussion question a week, posted here on {day}s at "
    "{time} ({zone}) for colleagues to answer in a thread."
)
SETTINGS_NEVER = (
    "*Team prompts in this channel: off*\n"
    "Type `channel on` and I'll post one discussion question a week here, for colleagues "
    "to answer in a thread (Tuesdays at 07:30 unless you choose another day and time)."
)
OFF_REASON = {
    "workspace_uninstalled": "They stopped because the coach was removed from the workspace.",
    "not_in_channel": (
        "They stopped because I'm no longer a member of this channel. Add me to the "
        "channel again, then type `channel on`."
    ),
    "channel_not_found": "They stopped because I couldn't find this channel any more.",
    "is_archived": "They stopped because the channel was archived.",
    "bot_removed": "They stopped because I was removed from this team.",
}
OFF_REASON_OTHER = "They stopped because I couldn't post here."
SETTINGS_HELP = (
    "Change them with `channel day DAY`, `channel time HH:MM`, `channel tz AREA/CITY`, "
    "`channel focus TOPIC` or `channel focus rotate`, `channel off`."
)
FOCUS_ROTATE = "rotating through all 13 topics (next: {topic})"
FOCUS_ONE = "{title} only"
NOBODY = "nobody now (the next person to change them looks after them)"
WHO_SLACK = "<@{user}>"
WHO_OTHER = "the colleague who turned them on"

TURNED_ON = (
    "Team prompts are on for this channel. The first discussion question arrives {next}. "
    "Anyone here can reply in its thread; nothing said there is stored."
)
ALREADY_ON = "Team prompts are already on here. The next one arrives {next}."
TURNED_OFF = "Team prompts are off for this channel. Type `channel on` to bring them back."
ALREADY_OFF = "Team prompts are already off here. Type `channel on` to start them."
DAY_SET = "Team prompts will be posted on {day}s."
TIME_SET = "Team prompts will be posted at {time}."
ZONE_SET = "Team prompts will follow the time zone {zone}."
FOCUS_SET = "Team prompts will stay on *{title}*, a different question each week."
ROTATE_SET = "Team prompts will rotate through all 13 topics, starting with *{title}*."
NEXT_POST = " Next post: {next}."
NOT_ON_NOTE = " Saved; team prompts are off for now, so type `channel on` to start them."

# Asking someone else
NOT_YOURS = (
    "Only {who} (who turned on team prompts here) or a workspace admin can change them. "
    "Please ask {who} or an admin; you can always see the settings with `channel`."
)
CANNOT_POST_SLACK = (
    "One more step: I'm not a member of this channel yet, so I can't post here. "
    "Type `/invite @Partnership Coach` in this channel, and the prompts will arrive."
)
CANNOT_POST_OTHER = (
    "One more step: I can't post in this channel yet. Add me to it, and the prompts will arrive."
)

# Mistakes
BAD_DAY = (
    "I don't know the day `{day}`. Try a weekday name such as `channel day tue` "
    "(mon, tue, wed, thu, fri, sat or sun)."
)
BAD_TIME = (
    "`{time}` isn't a time I can use. Please give a 24-hour time as HH:MM, "
    "for example `channel time 07:30` or `channel time 15:45`."
)
BAD_ZONE = (
    "I don't know the time zone `{zone}`. Please use an Area/City name, for example "
    "`channel tz America/Chicago`."
)
LEARN_ONLY_FOCUS = (
    "*{title}* is for reading rather than weekly prompts. Pick one of the conditions or 4 Cs, "
    "for example `channel focus collaborative`, or `channel focus rotate`."
)
MISSING_VALUE = "Please add a value, for example `{example}`."
UNKNOWN_SETTING = "I don't know the team prompt setting `{word}`."
