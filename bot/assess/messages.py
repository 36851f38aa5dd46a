"""What the coach says during and after the self-assessment."""

from __future__ import annotations

from bot.i18n import Msg

STATEMENT = Msg(
    "({number} of {total}) *{title}*\n{statement}\nHow much is this like your practice?"
)
NO_WRONG_ANSWER = Msg(
    "There's no wrong answer here, and a rough guess is fine: which level is closest?"
)
STATEMENT_MEANING = Msg(
    "Fair question. This one is about *{title}*: {summary} `learn {slug}` says more. "
    "A rough guess is fine: which level is closest?"
)
# The statements are in a teacher's words: how other roles read them.
READ_AS_A_LEADER = Msg(
    "For a school leader, read each statement as your staff's practice and what you make "
    "possible for it: the time, training and systems behind it. A rough guess is fine: which "
    "level is closest?"
)
READ_FROM_YOUR_ROLE = Msg(
    'Read each statement for the families you work with in your own role, wherever "class" '
    'or "teach" appears. A rough guess is fine: which level is closest?'
)
# A level read from a few words ("meh", "pretty good i think"): said back, so a misreading shows.
LEVEL_READ = Msg("Put down as *{label}*.")
# ...and from a longer answer, offered rather than saved ("I don't have my own families, I work
# through principals..." had been scored Not yet, for "I don't").
LEVEL_GUESSED = Msg(
    "From what you wrote I'd guess *{label}*: pick it below, or the level that fits better."
)
RESULTS_HEADER = Msg("Thanks! Here's your self-assessment from {date}.")
STRONGEST = Msg("*Your strongest areas:* {areas}")
ALL_THE_SAME = Msg(
    "You rated every statement *{level}*: an honest place to begin, and a common one. "
    "No area stands out yet, so here are three to start from."
)
GROWTH = Msg("*Room to grow:* {areas}")
MOVED_UP = Msg("*Moved up since {date}:* {areas}")
MOVED_DOWN = Msg("*Moved down since {date}:* {areas}")
NOTHING_MOVED = Msg("Nothing moved since {date}; steady is fine.")
OFFER = Msg(
    "Want your weekly nudges to help? Focus them on one growth area, "
    "or keep rotating with your growth areas first."
)
FOCUS_BUTTON = Msg("Focus on {title}")
GROWTH_FIRST_BUTTON = Msg("Growth areas first")
REFLECT_BUTTON = Msg("Reflect on {title} now")
TITLE = Msg("self-assessment (question {number} of {total})")
GROWTH_FIRST_SAVED = Msg(
    "Done: when your nudges rotate, they'll start with {areas}, then go on through the rest."
)
GROWTH_FIRST_NEEDS_ASSESSMENT = Msg("Take `assess` first, so I know which areas to put first.")
