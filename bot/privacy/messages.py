"""Every sentence the coach says about an educator's data: export, forget, retention."""

from __future__ import annotations

from babel.lists import format_list

from bot.i18n import Msg, current_language

PART_LIMIT = 3000
"""No chat message about data is longer than this (Slack and Teams both take it whole)."""

EXPORT_HEADER = Msg("Here's everything I keep about you, as of {date}.")
EXPORT_NOTHING = Msg(
    "I don't have anything saved about you: no reflections, plans, self-assessments or "
    "settings. All I keep is who you are on {platform} (so I can answer you) and when we last "
    "talked. Type `forget` if you'd like me to delete that too."
)
EXPORT_PROFILE = Msg(
    "*Profile*: {platform} user `{user}` in workspace `{workspace}`. First talked {created}, "
    "last talked {last_seen}. Role: {role}. Grades: {grades}. Time zone: {timezone}. "
    "Reframe offers: {reframe}."
)
EXPORT_SECTION = Msg("*{title}* ({count})")
EXPORT_REFLECTION = Msg("• {date}, *{topic}*")
EXPORT_QA = Msg("    Q: {prompt}\n    A: {answer}")
EXPORT_ACTION = Msg("    Action: {action} ({status})")
EXPORT_OUTCOME_NOTE = Msg("    How it went, in your words: {note}")
EXPORT_ASSESSMENT = Msg("• {date}: {scores}")
EXPORT_IN_PROGRESS = Msg("• A {kind} you're in the middle of (step: {step})")
EXPORT_RECORD = Msg("• {fields}")
EXPORT_JSON_INTRO = Msg(
    "The same data as a JSON document follows in {count} part(s); put the parts together "
    "in order for the whole document."
)
EXPORT_JSON_PART = Msg("JSON part {number} of {total}:\n```\n{chunk}\n```")
EXPORT_WITHHELD = Msg("[withheld: a credential, not your data]")

SECTION_TITLES = {
    "subscriptions": Msg("Weekly nudge settings"),
    "reflections": Msg("Reflections, plans and outcomes"),
    "assessment_results": Msg("Self-assessments"),
    "flow_states": Msg("Conversation in progress"),
    "nudge_ledger": Msg("Weekly nudges sent"),
    "nudge_inbox": Msg("Nudges waiting in the terminal"),
}
KIND_NAMES = {
    "educators": (Msg("profile"), Msg("profiles")),
    "reflections": (Msg("reflection"), Msg("reflections")),
    "assessment_results": (Msg("self-assessment"), Msg("self-assessments")),
    "flow_states": (Msg("conversation in progress"), Msg("conversations in progress")),
    "subscriptions": (Msg("nudge setting"), Msg("nudge settings")),
    "nudge_ledger": (Msg("record of a nudge sent"), Msg("records of nudges sent")),
    "nudge_inbox": (Msg("waiting nudge"), Msg("waiting nudges")),
}

FORGET_TITLE = Msg("request to delete your data")
FORGET_CONFIRM = Msg(
    "This deletes everything I keep about you: your profile, settings, weekly nudges, every "
    "reflection, plan and outcome, and your self-assessments. It can't be undone. "
    "(Type `export` first if you'd like a copy.) Delete everything?"
)
FORGET_YES = Msg("Yes, delete everything")
FORGET_NO = Msg("No, keep it")
FORGET_KEPT = Msg("Okay, I haven't deleted anything. Everything you've saved is still here.")
FORGET_DONE = Msg(
    "Done. I deleted {what}, and destroyed the key that sealed your words, so no copy of "
    "them anywhere in my storage can be read again. If you write to me again I'll start "
    "fresh, remembering only who you are so I can answer."
)
FORGET_NOTHING = Msg(
    "Done. There was nothing saved about you beyond your profile, and I've deleted that too. "
    "If you write to me again I'll start fresh."
)


def kind_count(table: str, count: int) -> str:
    names = KIND_NAMES.get(table)
    if names is None:  # a table added without a name here: still counted, in plain words
        return f"{count} {table.replace('_', ' ')}"
    singular, plural = names
    return f"{count} {singular if count == 1 else plural}"


def join_words(items: list[str]) -> str:
    """'a, b and c' in the language being spoken (Babel's list patterns)."""
    return format_list(items, locale=current_language()) if items else ""
