"""What the coach says during and after the self-assessment."""

from __future__ import annotations

STATEMENT = "({number} of {total}) *{title}*\n{statement}\nHow much is this like your practice?"
RESULTS_HEADER = "Thanks! Here's your self-assessment from {date}."
STRONGEST = "*Your strongest areas:* {areas}"
GROWTH = "*Room to grow:* {areas}"
MOVED_UP = "*Moved up since {date}:* {areas}"
MOVED_DOWN = "*Moved down since {date}:* {areas}"
NOTHING_MOVED = "Nothing moved since {date}; steady is fine."
OFFER = (
    "Want your weekly nudges to help? Focus them on one growth area, "
    "or keep rotating with your growth areas first."
)
FOCUS_BUTTON = "Focus on {title}"
GROWTH_FIRST_BUTTON = "Growth areas first"
REFLECT_BUTTON = "Reflect on {title} now"
TITLE = "self-assessment (question {number} of {total})"
GROWTH_FIRST_SAVED = (
    "Done: when your nudges rotate, they'll start with {areas}, then go on through the rest."
)
GROWTH_FIRST_NEEDS_ASSESSMENT = "Take `assess` first, so I know which areas to put first."
