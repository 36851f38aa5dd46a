"""Every sentence about team prompts (a channel's weekly discussion prompt), for review."""

from __future__ import annotations

from bot.i18n import Msg
from bot.weekly.messages import ScheduleWords

# The weekly post
POST_TITLE = Msg("This week's team prompt: {title}")
POST_BODY = Msg("{framing}\n\n*For discussion:* {question}\n\n{invite}")
POST_INVITE = Msg(
    "Reply in this thread with a thought, a story or a question of your own. "
    "Short answers are welcome, and so is reading along."
)
# I never read the channel, so this button is how the team tells me the prompts are in use.
BUTTON_HEARD = Msg("We talked about it")
HEARD_THANKS = Msg("Thank you for letting me know! I'll keep the prompts coming. Next one: {next}.")
HEARD_OFF = Msg(
    "Thank you for letting me know! Team prompts are off here now; `channel on` brings them back."
)

# Backing off: asked once after 6 weeks of prompts with no word back from the channel
KEEP_GOING_QUESTION = Msg(
    "{who}: for 6 weeks I haven't heard back from this channel about the weekly team "
    "prompts (I don't read the threads, only the *We talked about it* button and `channel` "
    "words), and that's fine: school weeks are full. Should I keep posting them, "
    "post one every 4 weeks instead, or stop for now?\n"
    "I'll hold off until I hear. If nobody answers, I'll come back in 4 weeks and then "
    "post once every 4 weeks."
)
ASK_WHO_OTHER = Msg("To the colleague who turned on these team prompts")
ASK_WHO_NOBODY = Msg("To whoever looks after these team prompts")
KEPT_GOING = Msg("Lovely, the team prompts carry on. Next one: {next}.")
WENT_MONTHLY = Msg("Done: one team prompt every 4 weeks. Next one: {next}.")
STOPPED = Msg(
    "I've stopped the team prompts here. Thank you for the weeks you gave them. "
    "Type `channel on` whenever you'd like them back."
)
PROMPT_UNKNOWN = Msg(
    "That team prompt is no longer in my records for this channel. "
    "Type `channel` here to see the settings."
)

# `channel` said outside a channel
NOT_IN_A_CHANNEL = Msg(
    "Team prompts are for a team channel, so say this in the channel itself: in Slack, "
    "type `/coach channel on` there; in Teams, @mention me in the team channel with "
    "`channel on`. Each week I'll post one discussion question your colleagues can answer "
    "in a thread. For prompts just for you, type `nudges on`."
)

# Settings
SCHEDULE = ScheduleWords(
    command="channel",
    settings_on=(
        Msg(
            "*Team prompts in this channel: on*\n"
            "• Day: {day}\n"
            "• Time: {time} ({zone})\n"
            "• Focus: {focus}\n"
            "• How often: {rhythm}\n"
            "• Next post: {next}\n"
            "• Language of the prompts: {language}\n"
            "• Turned on by: {who}"
        )
    ),
    settings_off=(
        Msg(
            "*Team prompts in this channel: off*\n"
            "Type `channel on` for one discussion question a week, posted here on {day}s at "
            "{time} ({zone}) for colleagues to answer in a thread."
        )
    ),
    settings_help=(
        Msg(
            "Change them with `channel day DAY`, `channel time HH:MM`, `channel tz AREA/CITY`, "
            "`channel focus TOPIC` or `channel focus rotate`, `channel every 1|2|4`, `channel off`."
        )
    ),
    off_reasons={
        "workspace_uninstalled": Msg(
            "They stopped because the coach was removed from the workspace."
        ),
        "not_in_channel": (
            Msg(
                "They stopped because I'm no longer a member of this channel. Add me to the "
                "channel again, then type `channel on`."
            )
        ),
        "channel_not_found": Msg("They stopped because I couldn't find this channel any more."),
        "is_archived": Msg("They stopped because the channel was archived."),
        "bot_removed": Msg("They stopped because I was removed from this team."),
    },
    off_reason_other=Msg("They stopped because I couldn't post here."),
    turned_on=(
        Msg(
            "Team prompts are on for this channel. The first discussion question arrives {next}. "
            "Anyone here can reply in its thread; nothing said there is stored."
        )
    ),
    already_on=Msg("Team prompts are already on here. The next one arrives {next}."),
    # `channel` has no `pause` (the parser refuses the word there), so the three pause
    # sentences are never said today; they keep the kind's wording whole for when it does.
    resumed=Msg("Team prompts are on again after their pause. The next one arrives {next}."),
    paused=Msg("Team prompts are paused for {weeks} week{plural}."),
    paused_until=Msg("Team prompts are paused until {until}."),
    every_set=Msg("Team prompts will come {rhythm}."),
    turned_off=Msg("Team prompts are off for this channel. Type `channel on` to bring them back."),
    already_off=Msg("Team prompts are already off here. Type `channel on` to start them."),
    day_set=Msg("Team prompts will be posted on {day}s."),
    time_set=Msg("Team prompts will be posted at {time}."),
    zone_set=Msg("Team prompts will follow the time zone {zone}."),
    focus_set=Msg("Team prompts will stay on *{title}*, a different question each week."),
    rotate_set=Msg("Team prompts will rotate through all 13 topics, starting with *{title}*."),
    next_send=Msg(" Next post: {next}."),
    not_on_note=Msg(" Saved; team prompts are off for now, so type `channel on` to start them."),
    unknown_setting=Msg("I don't know the team prompt setting `{word}`."),
    bad_day=(
        Msg(
            "I don't know the day `{day}`. Try a weekday name such as `channel day tue` "
            "(mon, tue, wed, thu, fri, sat or sun)."
        )
    ),
    bad_time=(
        Msg(
            "`{time}` isn't a time I can use. Please give a 24-hour time as HH:MM, "
            "for example `channel time 07:30` or `channel time 15:45`."
        )
    ),
    bad_zone=(
        Msg(
            "I don't know the time zone `{zone}`. Please use an Area/City name, for example "
            "`channel tz America/Chicago`."
        )
    ),
    bad_pause=Msg("Team prompts can't be paused; type `channel off` to stop them for now."),
    bad_pause_date=Msg("Team prompts can't be paused; type `channel off` to stop them for now."),
    pause_date_passed=Msg("Team prompts can't be paused; type `channel off` to stop them for now."),
    pause_date_far=Msg("Team prompts can't be paused; type `channel off` to stop them for now."),
    bad_every=(
        Msg(
            "Team prompts can come every week, every 2 weeks or every 4 weeks: "
            "type `channel every 1`, `channel every 2` or `channel every 4`."
        )
    ),
    learn_only_focus=(
        Msg(
            "*{title}* is for reading rather than weekly prompts. Pick one of the conditions or "
            "4 Cs, "
            "for example `channel focus collaborative`, or `channel focus rotate`."
        )
    ),
)
SETTINGS_NEVER = Msg(
    "*Team prompts in this channel: off*\n"
    "Type `channel on` and I'll post one discussion question a week here, for colleagues "
    "to answer in a thread (Tuesdays at 07:30 unless you choose another day and time)."
)
NOBODY = Msg("nobody now (the next person to change them looks after them)")
WHO_SLACK = Msg("<@{user}>")
WHO_OTHER = Msg("the colleague who turned them on")

# Asking someone else
NOT_YOURS = Msg(
    "Only {who} (who turned on team prompts here) or a workspace admin can change them. "
    "Please ask {who} or an admin; you can always see the settings with `channel`."
)
CANNOT_POST_SLACK = Msg(
    "One more step: I'm not a member of this channel yet, so I can't post here. "
    "Type `/invite @Partnership Coach` in this channel, and the prompts will arrive."
)
CANNOT_POST_OTHER = Msg(
    "One more step: I can't post in this channel yet. Add me to it, and the prompts will arrive."
)

LANGUAGE_SET = Msg("Team prompts in this channel will be in English from now on.")
LANGUAGE_CHOICES = Msg(
    "Team prompts can be in English or Spanish: type `channel language en` or "
    "`channel language es`."
)
