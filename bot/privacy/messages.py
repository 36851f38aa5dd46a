"""Every sentence the coach says about an educator's data: export, forget, retention."""

from __future__ import annotations

PART_LIMIT = 3000
"""No chat message about data is longer than this (Slack and Teams both take it whole)."""

EXPORT_HEADER = "Here's everything I keep about you, as of {date}."
EXPORT_NOTHING = (
    "I don't have anything saved about you: no reflections, plans, self-assessments or "
    "settings. All I keep is who you are on {platform} (so I can answer you) and when we last "
    "talked. Type `forget` if you'd like me to delete that too."
)
EXPORT_PROFILE = (
    "*Profile*: {platform} user `{user}` in workspace `{workspace}`. First talked {created}, "
    "last talked {last_seen}. Role: {role}. Grades: {grades}. Time zone: {timezone}. "
    "Reframe offers: {reframe}."
)
EXPORT_SECTION = "*{title}* ({count})"
EXPORT_REFLECTION = "• {date}, *{topic}*"
EXPORT_QA = "    Q: {prompt}\n    A: {answer}"
EXPORT_ACTION = "    Action: {action} ({status})"
EXPORT_OUTCOME_NOTE = "    How it went, in your words: {note}"
EXPORT_ASSESSMENT = "• {date}: {scores}"
EXPORT_IN_PROGRESS = "• A {kind} you're in the middle of (step: {step})"
EXPORT_RECORD = "• {fields}"
EXPORT_JSON_INTRO = (
    "The same data as a JSON document follows in {count} part(s); put the parts together "
    "in order for the whole document."
)
EXPORT_JSON_PART = "JSON part {number} of {total}:\n```\n{chunk}\n```"
EXPORT_WITHHELD = "[withheld: a credential, not your data]"

SECTION_TITLES = {
    "subscriptions": "Weekly nudge settings",
    "reflections": "Reflections, plans and outcomes",
    "assessment_results": "Self-assessments",
    "flow_states": "Conversation in progress",
    "nudge_ledger": "Weekly nudges sent",
    "nudge_inbox": "Nudges waiting in the terminal",
}
KIND_NAMES = {
    "educators": ("profile", "profiles"),
    "reflections": ("reflection", "reflections"),
    "assessment_results": ("self-assessment", "self-assessments"),
    "flow_states": ("conversation in progress", "conversations in progress"),
    "subscriptions": ("nudge setting", "nudge settings"),
    "nudge_ledger": ("record of a nudge sent", "records of nudges sent"),
    "nudge_inbox": ("waiting nudge", "waiting nudges"),
}

FORGET_TITLE = "request to delete your data"
FORGET_CONFIRM = (
    "This deletes everything I keep about you: your profile, settings, weekly nudges, every "
    "reflection, plan and outcome, and your self-assessments. It can't be undone. "
    "(Type `export` first if you'd like a copy.) Delete everything?"
)
FORGET_YES = "Yes, delete everything"
FORGET_NO = "No, keep it"
FORGET_KEPT = "Okay, I haven't deleted anything. Everything you've saved is still here."
FORGET_DONE = (
    "Done. I deleted {what}, and destroyed the key that sealed your words, so no copy of "
    "them anywhere in my storage can be read again. If you write to me again I'll start "
    "fresh, remembering only who you are so I can answer."
)
FORGET_NOTHING = (
    "Done. There was nothing saved about you beyond your profile, and I've deleted that too. "
    "If you write to me again I'll start fresh."
)


def kind_count(table: str, count: int) -> str:
    singular, plural = KIND_NAMES.get(
        table, (f"{table.replace('_', ' ')} record", f"{table.replace('_', ' ')} records")
    )
    return f"{count} {singular if count == 1 else plural}"


def join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
