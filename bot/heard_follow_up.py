"""A question right after a story told: "a mom yelled at me in the parking lot about her son's
grades" is heard, and a reflection offered; "what should I do?" or "ok but how?" next asks
about that story (it had got the general "Good question. The framework...", and "ok but how?"
the whole menu).

What the coach would advise is worked out when the story is heard and kept with the offer
(bot/offers.py `heard_asked`) as a situation's name or a theme's tries by number, never the
educator's words, and used up by the next message like every offer. Once things to try were
given (a situation's, a theme's, a part of the framework's practice: `advised`), "which one
first?" gets where to start and "and if he still doesn't answer?" tries not given yet; after
a safety answer, "what do i do RIGHT NOW" gets that answer again.
"""

from __future__ import annotations

import re
from itertools import dropwhile, pairwise

from bot.closest_lines import closest_indices
from bot.flows.listening import (
    FRICTION_OR_SILENCE,
    asks_what_it_means,
    hardest_theme,
    learned_from_family,
    what_is_told,
)
from bot.i18n import current_language
from bot.offers import (
    COACH_ADVICE,
    HEARD,
    LISTENING,
    SITUATION_ADVICE,
    THEME_ADVICE,
    TOPIC_ADVICE,
    advised,
    heard_asked,
    heard_kept,
    make_offer,
)
from bot.replies import Reply, Text
from bot.said_to_the_coach import said_to_the_coach
from bot.situation_answers import (
    asks_for_advice,
    situation_if_asked,
    situation_named,
    situation_tries,
)
from bot.situation_corrections import situation_corrected
from bot.turn import Turn
from bot.understanding import Understanding, understand
from bot.understanding.family_told import family_told_something
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.reader import (
    SITUATION_CONFIDENCE,
    UNKNOWN,
    asks_a_question,
    default_reader,
)
from bot.weekly.pause_words import asks_for_a_pause
from content.understanding_schema import replies_in

# A follow-up is a few words ("so what do i do now?"); a longer message says something new.
FOLLOW_UP_WORDS = 12
# ...and from this many it must point back at the story ("what should i say to her next
# time?"), or only ask for advice in a few words ("so what do i do now").
FOLLOW_UP_ALONE_WORDS = 5
ADVICE_ALONE_WORDS = 6
REFERS_BACK = frozenset([
    "he", "she", "him", "her", "his", "they", "them", "their", "it", "that", "this", "those",
    "él", "ella", "ellos", "ellas", "le", "lo", "la", "les", "eso", "esto", "su", "sus",
])  # fmt: skip
THE_ONE_NAMED = frozenset([
    "the dad", "the mom", "the father", "the mother", "the parent", "the parents", "the family",
    "the kid", "the child", "the student", "the grandma", "the grandmother", "the teacher",
    "the teachers", "el papá", "el papa", "la mamá", "la mama", "la familia", "el niño",
    "la niña", "los maestros", "la maestra", "el maestro",
])  # fmt: skip
# The educator's own crisis (replies.yaml to_the_coach): the crisis line named again after it.
OWN_CRISIS = "own_crisis"
# "which one first?": a where-to-start question by its word, whatever came before it.
_WHICH = frozenset(["which", "cuál", "cual"])
# A story told on in a second message: from a few words to a few sentences.
STORY_ON_WORDS = (3, 40)
# How many of a theme's tries answer "what should I do?" (as many as a how-to question gets).
TRIES = 2
# What a short question read as alone may be and still ask about the story before it ("should
# i tell my AD?", "and if he still doesnt answer?", which sounds weary); a command, a
# thank-you or a hello is itself.
ASKED_INTENTS = frozenset(["question", "frustration", UNKNOWN])


def follow_up(turn: Turn, text: str, offered: str) -> tuple[list[Reply], str]:
    """The answer to `text` as a follow-up to the story or the advice the last reply kept
    (`offered`, a heard or advised offer), empty when it is none; and the command a yes to
    that reply still means (`NO_ADVICE` after a safety answer: a yes starts nothing)."""
    advice, command = heard_kept(offered)
    corrected = situation_corrected(advice, text)
    if corrected is not None:  # "one dad. not a town hall": the situation misread, owned
        return [Text(corrected)], command
    after_safety = advice is not None and advice.startswith(COACH_ADVICE)
    if offered.startswith(HEARD) and after_safety and tells_more_after_safety(text):
        # "it's been like this for weeks" after a crisis answer (had: "I'm not sure what
        # you'd like me to do with that").
        return told_more_after_safety(turn, advice or "", command, text), command
    if offered.startswith(HEARD) and not after_safety and tells_what_the_family_said(text):
        # "she said he draws at home all the time, didnt know he did that at school too",
        # after a bright spot: what the family told is the news (it had been answered as a
        # child who "doesn't act like that at home").
        return family_said_more(turn, text, advice, command), command
    if offered.startswith(HEARD) and not after_safety and tells_more_of_the_story(text):
        return story_told_on(turn, advice, command), command
    if advice is None:
        return [], command
    if offered.startswith(HEARD):
        safety = advice.startswith(COACH_ADVICE)
        if asks_about_the_story(text, after_safety=safety) or asks_where_to_start(text):
            # ..."which one first?" too: the advice itself comes first (it had started the
            # thirteen-statement self-check).
            return answer_on_the_story(turn, advice, command, text), command
        return [], command
    if asks_where_to_start(text):
        return where_to_start(turn, advice, command, text), command
    if says_tried_them_all(text):  # "i already tried all of those"
        answer = more_tries(turn, text, advice, command)
        if answer:
            return answer, command
        make_offer(turn.educator, advised(advice, command), turn.now)  # asked again: the same
        return [Text(replies_in(current_language()).intents.tried_them_all)], command
    if asks_about_the_story(text):  # "and if he still doesn't answer?"
        # Two more of a theme's; a situation's three were all given, so where to start.
        answer = more_tries(turn, text, advice, command)
        return answer or where_to_start(turn, advice, command, text), command
    if advice == f"{SITUATION_ADVICE}:{default_reader().situation(text)}":
        # "...It has 60 comments. What do I say when I call her?" right after the same
        # situation's answer: the try closest to it, not the whole answer again word for word.
        return where_to_start(turn, advice, command, text), command
    return [], command


def tells_more_of_the_story(text: str) -> bool:
    """ "he just shuts down every time i bring up grades" right after a story was heard: told,
    not asked, pointing back at someone the story named, and with nothing of its own the coach
    could answer (no intent, theme, situation or feeling read in it)."""
    said = words(for_matching(text))
    if not STORY_ON_WORDS[0] <= len(said) <= STORY_ON_WORDS[1] or not _points_back(said):
        return False
    if "?" in text or asks_a_question(text) or what_is_told(text) is not None:
        return False
    reading = understand(text, deficit=False)
    reader = default_reader()
    return (
        reading.intent == UNKNOWN
        and not reading.themes
        and reader.situation(text, SITUATION_CONFIDENCE) is None
    )


def tells_what_the_family_said(text: str) -> bool:
    """Told, not asked, right after a story: what someone in it said ("she said...", "her
    dad told me..."), with no friction or silence in its own words."""
    if "?" in text or asks_a_question(text):
        return False
    if not family_told_something(text, family_named_before=True):
        return False
    reading = understand(text, deficit=False)
    return reading.intent == UNKNOWN and FRICTION_OR_SILENCE.isdisjoint(reading.cued)


def family_said_more(turn: Turn, text: str, advice: str | None, command: str) -> list[Reply]:
    """What the family told, said back as what listening brings; the story stays held."""
    learned = learned_from_family(None, text)
    make_offer(turn.educator, heard_asked(advice, command), turn.now)
    said = replies_in(current_language()).intents
    offer = said.heard_offer.format(topic=_reflect_topic(command))
    return [Text(offer if learned is None else f"{learned.text} {offer}")]


# A request to the coach, however it ends ("can you not send me anything next week either").
_ASKS_THE_COACH = re.compile(r"\b(?:can|could|would) (?:you|u)\b|\b(?:please|pls|plz)\b")


def tells_more_after_safety(text: str) -> bool:
    """Something told (not asked) right after a safety answer, with no safety words of its
    own (those are answered as themselves) and nothing else the coach reads in it."""
    said = words(for_matching(text))
    if not said or "?" in text or asks_a_question(text):
        return False
    to_coach = said_to_the_coach(text)
    if to_coach is not None and not to_coach[1].listens_after:
        # Safety words of its own are answered as themselves; a feeling only listened to
        # ("...I called mom. I'm shaking a little") is part of what is told after it.
        return False
    if asks_for_a_pause(text) or _ASKS_THE_COACH.search(for_matching(text)):
        return False  # "...can you not send me anything next week either": a request
    intent = understand(text, deficit=False).intent
    # A request in its own words ("reflect", "can you help me write a note") is itself; the
    # model's reading alone ("everything is just a lot" as `forget`) is not.
    return intent in (UNKNOWN, "frustration") or not default_reader().cued(text, intent)


def told_more_after_safety(turn: Turn, advice: str, command: str, told: str) -> list[Reply]:
    """Heard, and the same help named again in a line: the educator's own crisis (the crisis
    line), or exhaustion (an answer that asks nothing again: someone to carry it with); any
    other safety answer, that what it said still stands. What is told next is listened to."""
    said = replies_in(current_language())
    name = advice.partition(":")[2]
    entry = said.to_the_coach.get(name)
    own = entry is not None and not entry.asks_again
    # Said once: what is told next is only listened to ("I'm here if you want to say more").
    make_offer(turn.educator, LISTENING, turn.now)
    if name == OWN_CRISIS:
        return [Text(said.intents.told_more_crisis)]
    if own:
        return [Text(said.intents.told_more_weary)]
    over = phrases_pattern(tuple(said.intents.safe_now_words)).search(for_matching(told))
    return [Text(said.intents.told_more_safe_now if over else said.intents.told_more_safety)]


def story_told_on(turn: Turn, advice: str | None, command: str) -> list[Reply]:
    """More of the story heard: the advice kept for it, when there is some, or the way to think
    it through again; the story stays held for "what should i do?" next."""
    said = replies_in(current_language()).intents
    given = [] if advice is None else answer_on_the_story(turn, advice, command, "")
    if given and isinstance(given[0], Text):
        return [Text(f"{said.story_continued}\n\n{given[0].text}"), *given[1:]]
    make_offer(turn.educator, heard_asked(advice, command), turn.now)
    offer = said.heard_offer.format(topic=_reflect_topic(command))
    return [Text(f"{said.story_continued} {offer}")]


def advice_on(text: str, reading: Understanding) -> str | None:
    """What to answer if the story `text` is followed by "what should I do?": the situation it
    would be answered with ("situation:upset_parent"), else the tries closest to it for what
    is in the way ("theme:conflict:0,3"); None when there is neither."""
    situation = situation_if_asked(text, reading.language)
    if situation is not None:
        return f"{SITUATION_ADVICE}:{situation}"
    actions = replies_in(current_language()).theme_actions
    theme = hardest_theme([t for t in reading.themes if t in actions])
    if theme is None:
        return None
    tries = closest_indices(text, actions[theme], TRIES)
    return f"{THEME_ADVICE}:{theme}:{','.join(map(str, tries))}"


def asks_about_the_story(text: str, *, after_safety: bool = False) -> bool:
    """ "what should I do?", "ok but how?", "should i tell my AD?", "qué hago": a few words
    that ask something and name no situation, part of the framework or answer of their own
    ("what do I do about a dad who records meetings" is a new question). Right after a safety
    answer any short question is about it ("should i tell my AD?")."""
    said = words(for_matching(text))
    if len(said) > FOLLOW_UP_WORDS:
        return False
    intent = understand(text, deficit=False).intent
    reader = default_reader()
    if intent == "frustration" and reader.cued(text, "frustration"):
        return False  # "im so done. why do i even bother": weariness, heard as that
    asked = (
        _follows_up(said)
        or asks_for_advice(text)
        or (asks_a_question(text) and intent in ASKED_INTENTS)
    )
    points_back = _points_back(said)
    if len(said) >= FOLLOW_UP_ALONE_WORDS and not points_back and not after_safety:
        # "how do i run a back to school night?", "how do i get better at greeting families at
        # pickup": a question of its own words, with nothing pointing back at the story, is a
        # new one, unless it only asks for advice ("so what do i do now?").
        asked = _follows_up(said) or (asks_for_advice(text) and len(said) <= ADVICE_ALONE_WORDS)
    # "can i include the dad somehow?" after a deployed dad: the model may name a situation
    # of its own for so few words (parents apart); pointing back, it is still the story's.
    own_situation = not points_back and reader.situation(text, SITUATION_CONFIDENCE) is not None
    return (
        asked
        and what_is_told(text) is None  # "si una familia me cuenta que no tiene papeles...?"
        and not own_situation
        and not reader.names_a_topic(text)
    )


def _points_back(said: list[str]) -> bool:
    """ "what should i say to HER", "can i include THE DAD somehow": a word that points back
    at someone the story named."""
    if not REFERS_BACK.isdisjoint(said):
        return True
    pairs = {" ".join(pair) for pair in pairwise(said)}
    return not THE_ONE_NAMED.isdisjoint(pairs)


def asks_where_to_start(text: str) -> bool:
    """ "ok but how?", "what would you do first?", "which one?" after tries were given."""
    said = words(for_matching(text))
    # "ok which one first", "so which one": the same question after a filler.
    bare = list(dropwhile(default_reader().opening_fillers.__contains__, said))
    starts = _phrases(replies_in(current_language()).intents.start_asks)
    return any(_follows_up(asked) or " ".join(asked) in starts for asked in (said, bare) if asked)


def says_tried_them_all(text: str) -> bool:
    """ "i already tried all of those", "ya intenté todo": the tries given were tried."""
    said = for_matching(text)
    if len(words(said)) > FOLLOW_UP_WORDS:
        return False
    tried = replies_in(current_language()).intents.tried_already_words
    return phrases_pattern(tuple(tried)).search(said) is not None


def tried_every_channel(text: str) -> bool:
    """ "ive called, emailed, texted": three ways of reaching a family said tried, in a
    message that asks what else ("like what channel tho")."""
    said = words(for_matching(text))
    tried = {channel for word in said if (channel := _CHANNEL_TRIED.get(word)) is not None}
    return len(tried) >= CHANNELS_TRIED and ("?" in text or asks_a_question(text) or "what" in said)


# Ways to reach a family, as said once tried.
_CHANNEL_TRIED = {
    "called": "call", "calls": "call", "phoned": "call", "voicemail": "call", "voicemails": "call",
    "emailed": "email", "emails": "email", "email": "email", "texted": "text", "texts": "text",
    "txted": "text", "dojo": "app", "remind": "app", "app": "app", "note": "note", "notes": "note",
    "letter": "note", "letters": "note", "visited": "visit", "llamé": "call", "llame": "call",
    "escribí": "email", "escribi": "email", "correo": "email", "correos": "email",
    "mensajes": "text", "mensaje": "text", "nota": "note", "notas": "note",
}  # fmt: skip
CHANNELS_TRIED = 3


def asks_which_one(text: str) -> bool:
    """ "which one first?" alone: a where-to-start question, whatever came before it."""
    return asks_where_to_start(text) and not _WHICH.isdisjoint(words(for_matching(text)))


def where_to_start(turn: Turn, advice: str, command: str, text: str = "") -> list[Reply]:
    """The try given that is closest to what was asked ("can i include the dad somehow?": the
    one about the parent who is away), else the first ("I'd start with..."), with a note home
    and the reflection named as the ways to begin; empty when what was kept names nothing."""
    tries = _tries(turn, advice)
    if not tries:
        return []
    said = replies_in(current_language()).intents
    # "ok" still starts the reflection, and "which one first?" again names the same start.
    make_offer(turn.educator, advised(advice, command), turn.now)
    [closest] = closest_indices(text, tries, 1)
    step = tries[closest].rstrip(".")
    topic = _reflect_topic(command)
    return [Text(said.start_with.format(step=step[:1].lower() + step[1:], topic=topic))]


def more_tries(turn: Turn, text: str, advice: str, command: str) -> list[Reply]:
    """ "and if he still doesn't answer?" after a theme's tries: the two closest of those not
    given yet, kept with the rest so a third ask gets others again; empty when none are left
    (or the advice was a situation's, whose three are all given at once)."""
    kind, _, rest = advice.partition(":")
    theme, _, numbers = rest.partition(":")
    actions = replies_in(current_language()).theme_actions.get(theme, [])
    given = {int(n) for n in numbers.split(",") if n.isdigit()}
    left = [n for n in range(len(actions)) if n not in given]
    if kind != THEME_ADVICE or not left:
        return []
    chosen = [left[n] for n in closest_indices(text, [actions[n] for n in left], TRIES)]
    kept = ",".join(map(str, sorted(given | set(chosen))))
    return _tries_answer(turn, f"{THEME_ADVICE}:{theme}:{kept}", command, chosen)


def _reflect_topic(command: str) -> str:
    """ " relational" for `reflect relational`; "" for `reflect` or another command (the role
    offered beside a story)."""
    return command.removeprefix("reflect") if command.startswith("reflect") else ""


def _follows_up(said: list[str]) -> bool:
    return " ".join(said) in _phrases(replies_in(current_language()).intents.follow_up_asks)


def _phrases(phrases: list[str]) -> set[str]:
    return {" ".join(words(for_matching(phrase))) for phrase in phrases}


def answer_on_the_story(turn: Turn, advice: str, command: str, text: str) -> list[Reply]:
    """The advice kept for the story, with the reflection still offered (`command`), kept so
    "ok but how?" next gets where to start; empty when what was kept no longer names
    anything in the content."""
    kind, _, name = advice.partition(":")
    if kind == SITUATION_ADVICE:
        return situation_named(turn, name)  # kept as advised, with its own reflection
    if kind == COACH_ADVICE:
        # What to do first after a safety answer is what it said; "what do you mean?" is no
        # request for the same paragraph again.
        said = replies_in(current_language()).to_the_coach.get(name)
        return [] if said is None or asks_what_it_means(text) else [Text(said.answer)]
    tries = _tries(turn, advice)
    if not tries:
        return []
    return _tries_answer(turn, advice, command, [])


def _tries_answer(turn: Turn, advice: str, command: str, chosen: list[int]) -> list[Reply]:
    """A theme's tries (those `chosen`, or all `advice` names), the reflection offered after
    them, and the advice kept for "ok but how?" or "what else?" next."""
    replies = replies_in(current_language())
    actions = replies.theme_actions[advice.split(":")[1]]
    tries = [actions[n] for n in chosen] if chosen else _tries(turn, advice)
    make_offer(turn.educator, advised(advice, command), turn.now)
    topic = _reflect_topic(command)
    said = replies.intents
    if not chosen:
        opening = said.heard_then_tries
    else:
        opening = said.heard_more_tries if len(tries) > 1 else said.heard_one_more_try
    lines = [opening, *(f"• {line}" for line in tries)]
    if not chosen:  # the reflection was offered with the first tries; not again and again
        lines += ["", said.heard_offer.format(topic=topic)]
    return [Text("\n".join(lines))]


def _tries(turn: Turn, advice: str) -> list[str]:
    """The things to try that `advice` names: a situation's three, a theme's chosen ones, or
    the practice lines of a part of the framework that answered a question."""
    kind, _, rest = advice.partition(":")
    if kind == SITUATION_ADVICE:
        return situation_tries(rest)
    name, _, numbers = rest.partition(":")
    if kind == THEME_ADVICE:
        lines = replies_in(current_language()).theme_actions.get(name, [])
    elif kind == TOPIC_ADVICE and name in turn.library.topics:
        lines = list(turn.library.topics[name].in_practice)
    else:
        return []
    return [lines[int(n)] for n in numbers.split(",") if n.isdigit() and int(n) < len(lines)]
