"""Every sentence on the educator's home page (bot/home.py), reviewed in one place."""

from __future__ import annotations

from bot.i18n import Msg

HOME_TITLE = Msg("Partnership Coach")
HOME_WELCOME = Msg(
    "Hi! I'm Partnership Coach. A few minutes a week, I help you build strong partnerships "
    "with families using the Dual Capacity-Building Framework. Start with a reflection, or "
    "learn the framework one part at a time. Everything here stays private to you."
)
HOME_START_TITLE = Msg("What would you like to do?")
HOME_START_BODY = Msg(
    "You can also type any of these words to me in Messages, or use `/coach help`."
)

HOME_FOCUS_TITLE = Msg("Your focus")
HOME_FOCUS_FROM_NUDGES = Msg("_You chose this focus for your weekly nudges._")
HOME_FOCUS_FROM_ASSESSMENT = Msg("_Suggested by your latest self-assessment._")
HOME_FOCUS_FROM_ROTATION = Msg("_This week's topic: the next one after your last reflection._")

HOME_NUDGES_TITLE = Msg("Weekly nudges")
HOME_NUDGES_OFF = Msg(
    "Weekly nudges are off. Turn them on for one short prompt a week, at a day and time you choose."
)
HOME_NUDGES_ON = Msg("On: every *{day}* at *{time}* ({zone}).")
HOME_NUDGES_FOCUS = Msg("Topic: always *{focus}*.")
HOME_NUDGES_ROTATE = Msg("Topic: rotating through the framework.")
HOME_NUDGES_PAUSED = Msg("Paused until {date}.")
HOME_NUDGES_CHANGE = Msg(
    "Change the day or time below, or type `nudges time HH:MM` for another time."
)

HOME_REFLECTIONS_TITLE = Msg("Your recent reflections")
