"""The weekly nudge's settings asked for in a sentence, anywhere: "can you remind me on
thursdays", "how do i make the reminders monthly instead of weekly", "ya no me mandes los
recordatorios los lunes, mejor los viernes", "can my nudges be about home visits", "stop
sending me these".

Outside a conversation the intent model has already read `nudges`; typed at a reflection's
question it had been saved as the answer ("Got it: 'how do i make the reminders monthly...'
That matters."), so there the nudges' own words must be in it too ("the reminders", "estos
mensajes"): a plan to "set a phone reminder for 6:30 tues" is no setting. Either way, a reminder
the educator sends families ("I send reminders to families every friday", "i call families
every other week") is their routine, not a setting: it had moved the nudges to Friday.
"""

from __future__ import annotations

import re

from bot.commands.nudge_settings import focus_as_asked, handle_nudges, nudges_as_asked
from bot.commands.schedule_settings import pause_ahead_between
from bot.i18n import current_language
from bot.localtime import educator_zone
from bot.nudges.keep_going import answer_keep_going
from bot.nudges.settings import ensure_subscription
from bot.replies import Reply, Text
from bot.turn import Turn
from bot.understanding import understand
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.reader import default_reader, in_phrase_set, is_asked, sentences_of
from bot.weekly.pause_words import pause_named
from bot.weekly.schedule_words import (
    focus_named,
    hour_without_half,
    kind_refused,
    schedule_named,
)
from bot.weekly.subscriptions import subscription_of
from content.understanding_schema import replies_in

# A reminder of one task ("remind me friday to call the nguyens", "recuérdame el lunes que
# llame a la abuela"), not of the weekly nudge.
TASK_REMINDER = re.compile(
    # Within one sentence: "remind me every thursday during nap time? ...5 min to breathe" is
    # the nudge (it had been "I can't remind you about one task").
    r"\b(?:remind me|recu[eé]rdame|recordarme)\b[^.?!]*\b(?:to|about|que|para)\s+"
    # ...but "to do this stuff", "to reflect", "de hacer esto": the coach's own work, which is
    # what the weekly nudge reminds of (it had been "I can't remind you about one task").
    r"(?!(?:do |doing |use |come back to |check in on |hacer |usar )?(?:this|these|esto|"
    r"the coach|you|reflect|reflecting|check in|reflexionar)\b)\w"
)
ABOUT_WORDS = frozenset({"about", "sobre"})
# The nudge by the day or time it comes: "the tuesday reminders", "the monday messages".
DAY_NAMED_NUDGE = re.compile(
    r"\b(?:the|these|those|my|your|los|las|el|la)\s+(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|weekly|morning|"
    r"lunes|martes|miercoles|miércoles|jueves|viernes|sabado|sábado|domingo)\s+"
    r"(?:reminders?|messages?|pings?|tips?|nudges?|check-?ins?|notifications?)\b"
)
INSTEAD_WORDS = frozenset({"instead", "rather"})
# "keep the nudges going", "keep em coming", "keep sending them", "sigan mandándolos".
KEEP_GOING_SAID = re.compile(
    r"\bkeep\b(?:\W+\w+){0,3}?\W+(?:going|coming|sending)\b|\bsig(?:ue|an) (?:mand|envi)"
)
ASKED_HOW = (["how"], ["cómo"], ["como"])
# Turned on in words: "turn on my reminders", "start the nudges", "activa los recordatorios".
TURN_ON_SAID = re.compile(
    r"^\W*(?:(?:please|pls|can you|could you|can u|porfa|por favor|puedes|me puedes)\W+)*"
    r"(?:turn on|switch on|start|enable|activate|resume|activa|active|activar|enciende|prende|"
    r"empieza|inicia|reanuda)\b"
)


def nudges_asked_in_words(turn: Turn, text: str, *, in_a_conversation: bool) -> list[Reply]:
    """The settings the sentence asks of the weekly nudge, applied and said; nothing when it
    asks none (the caller reads it as it would have)."""
    said = for_matching(text)
    typed = words(said)
    if TASK_REMINDER.search(said) or not of_the_coach_s_nudges(said, typed):
        return []
    explained = _nudges_explained(text, said, typed, in_a_conversation=in_a_conversation)
    if explained is not None:
        return [Text(explained)]
    focus = focus_named(text)
    # "could the tips be about IEP families": the nudge's words, then what they should be
    # about, is a setting in any conversation (it had been saved as the week's action).
    asked_about = focus is not None and nudge_words_in(said)
    if in_a_conversation and not asked_about and not _nudges_named_outright(text, said):
        return []  # "the monday reminders really help me": an answer, not a setting
    if kind_refused(text):
        # "can you not send me stuff thats for principals": said what does not fit, nothing
        # changed (it had set the nudges' focus on the very part it named).
        return [Text(replies_in(current_language()).nudge_card.kind_not_wanted)]
    paused = _pause_asked(turn, text)
    if paused:
        return paused
    if KEEP_GOING_SAID.search(said) and _keep_going_asked(turn):
        # "keep the nudges going btw. weekly" while the keep-going question waits: kept going
        # (it had shown the settings, "Paused until" four weeks on).
        subscription = subscription_of(turn.session, turn.educator.id)
        if subscription is not None:
            return answer_keep_going(turn, subscription, "keep")
    named = schedule_named(text)
    if named is not None:
        # "every Monday at 7:15am, focused on getting my staff to make positive calls": the
        # focus too (it had been dropped); "a las 7": which 7 asked (07:30 had been kept).
        scheduled = nudges_as_asked(turn, named)  # first: it turns them on when off
        focused = focus_as_asked(turn, focus) if focus is not None else []
        return [*scheduled, *focused, *_which_hour(text)]
    if hour_without_half(text) is not None and focus is None:
        return _which_hour(text) if in_a_conversation or _nudges_on(turn) else []
    if focus is not None:
        return focus_as_asked(turn, focus)
    if TURN_ON_SAID.search(said) and nudge_words_in(said) and not _nudges_on(turn):
        # "turn on my reminders", "activa los recordatorios" (it had shown them off, with how
        # to type `nudges on`).
        return handle_nudges(turn, "on")
    if asks_to_stop_nudges(said, typed) and (in_a_conversation or _nudges_on(turn)):
        # Outside a conversation, "stop sending me these" with nudges off shows where they
        # stand; in one, it is answered (they are off) rather than kept as an answer.
        return handle_nudges(turn, "off")
    return []


def _nudges_explained(
    text: str, said: str, typed: list[str], *, in_a_conversation: bool
) -> str | None:
    """What the nudges are for ("what are the monday messages even for? i thought this was
    optional": it had turned them on, on Mondays), or that they come only here ("can i get
    the reminder by email instead of teams"); None when neither is asked."""
    named = _nudge_named(said)
    replies = replies_in(current_language()).intents
    if named and in_phrase_set("nudges-what-for", said):
        return replies.nudges_what_for
    instead = not INSTEAD_WORDS.isdisjoint(typed) or "en vez" in said or "en lugar" in said
    other_channel = in_phrase_set("other-channel", said) and not default_reader().names_a_family(
        typed
    )
    if other_channel and (named or instead or (not in_a_conversation and is_asked(text))):
        return replies.nudges_only_here
    return None


def _pause_asked(turn: Turn, text: str) -> list[Reply]:
    """ "pause nudges til jan 5", "no nudges next week pls", "pausa hasta el 5 de enero": the
    pause made; a break that starts later, or one with no day back, answered without a change
    (the first had turned the nudges off for good)."""
    language = current_language()
    asked = pause_named(
        text, turn.now.astimezone(educator_zone(turn)).date(), day_first=language == "es"
    )
    if asked is None:
        return []
    replies = replies_in(language).intents
    loss = phrases_pattern(tuple(replies.loss_words)).search(for_matching(text))
    heard = [Text(replies.loss_heard)] if loss is not None else []
    if asked.weeks is not None:
        return [*heard, *handle_nudges(turn, f"pause {asked.weeks}")]
    if asked.until is not None:
        return [*heard, *handle_nudges(turn, f"pause until {asked.until.isoformat()}")]
    if asked.later is not None:
        first, back = asked.later
        return [*heard, *pause_ahead_between(turn, ensure_subscription(turn), first, back)]
    return [*heard, Text(replies.pause_when_back)]


def _which_hour(text: str) -> list[Reply]:
    """ "a las 7", "at 8": morning or evening asked, with the two ways to say it."""
    hour = hour_without_half(text)
    if hour is None:
        return []
    morning, evening = hour % 12, hour % 12 + 12
    asked = replies_in(current_language()).intents.which_hour
    return [Text(asked.format(hour=hour, am=f"{morning:02d}:00", pm=f"{evening:02d}:00"))]


def nudge_words_in(said: str) -> bool:
    """The coach's words for its nudge ("my nudges", "the weekly tips", "los recordatorios")."""
    return in_phrase_set("own-nudges", said) or in_phrase_set("the-reminders", said)


def _nudge_named(said: str) -> bool:
    """The nudge named by the coach's words for it, or by its day ("the tuesday reminders")."""
    return nudge_words_in(said) or DAY_NAMED_NUDGE.search(said) is not None


def of_the_coach_s_nudges(said: str, typed: list[str]) -> bool:
    """Said of the coach's nudge, not of reminders or calls to families: a family named
    needs one of the nudge's own words beside it ("can my nudges be about families who speak
    spanish")."""
    if not default_reader().names_a_family(typed) or in_phrase_set("own-nudges", said):
        return True
    # "puedes hacer que los recordatorios sean sobre familias recién llegadas": the families
    # are what the reminders should be about, named after "sobre" and nowhere before it.
    focus = focus_named(said)
    if focus is None or not in_phrase_set("the-reminders", said):
        return False
    before = said[: said.find(focus)] if focus in said else said
    return not default_reader().names_a_family(words(before))


def _nudges_named_outright(text: str, said: str) -> bool:
    """In a conversation, the nudge's own words ("my nudges", "estos mensajes", or "the
    reminders" or "the tuesday reminders" with no family named), and the message read as
    about them."""
    named = in_phrase_set("own-nudges", said) or (
        (in_phrase_set("the-reminders", said) or DAY_NAMED_NUDGE.search(said) is not None)
        and not default_reader().names_a_family(words(said))
    )
    if not named:
        return False
    return understand(text, deficit=False).intent == "nudges" or default_reader().cued(
        text, "nudges"
    )


def asks_to_stop_nudges(said: str, typed: list[str]) -> bool:
    """ "stop sending me these", "no more nudges pls". Not "stop sending me nudges about home
    visits" (a part named is left as it is), nor "how do I turn these off" (told how). In a
    longer message the sentence that asks to stop names the nudges, or is a few words alone:
    "this nudge is actually relevant... how do i stop that without embarrassing him" asks
    about a student (it had turned the nudges off)."""
    if not in_phrase_set("nudges-stop", said) or not ABOUT_WORDS.isdisjoint(typed):
        return False
    if typed[:1] in ASKED_HOW:  # "how do I turn off these messages": told how
        return False
    asking = [part for part in sentences_of(said) if in_phrase_set("nudges-stop", part)]
    return any(
        _nudge_named(part)
        or not _NUDGE_NOUNS_TOO.isdisjoint(words(part))
        or len(words(part)) <= STOP_ALONE_WORDS
        for part in asking
        if words(part)[:1] not in ASKED_HOW
    )


# A sentence of this many words asks to stop whatever the coach sends ("pls stop", "make them
# stop"); a longer one names what.
STOP_ALONE_WORDS = 5
_NUDGE_NOUNS_TOO = frozenset(
    ["nudge", "nudges", "reminder", "reminders", "messages", "these", "recordatorio",
     "recordatorios", "mensajes", "estos"]
)  # fmt: skip


def _keep_going_asked(turn: Turn) -> bool:
    """Whether the keep-going question is out and unanswered (nudges held till it is)."""
    subscription = subscription_of(turn.session, turn.educator.id)
    return subscription is not None and subscription.asked_at is not None


def _nudges_on(turn: Turn) -> bool:
    subscription = subscription_of(turn.session, turn.educator.id)
    return subscription is not None and subscription.enabled
