"""How last week's action went: the same steps from a nudge's buttons and inside a reflection.

  Done            -> a specific celebration, "what made it work?" (optional), a step up
  Partly, Not yet -> what got in the way, a reply that fits it, then carry the action into
                     this week (as it was, smaller, or let it go)

Inside a reflection the steps run before the first question, and a carried action is offered
first at the action step. Started from a nudge's buttons they are a short flow of their own
(`checkin`), and a carried action becomes this week's planned action straight away.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import dropwhile

from bot import messages
from bot.commands.nudge_settings import nudges_as_asked
from bot.commands.nudges_in_words import nudges_asked_in_words
from bot.commands.reframe import reframe_offer
from bot.drafts import messages as drafts_said
from bot.drafts.journal import is_a_drafted_message
from bot.flows.base import Answer
from bot.flows.listening import (
    asks_for_a_draft,
    hardest_theme,
    is_action,
    payoff,
    reports_how_it_went,
    what_is_told,
)
from bot.flows.state import ActiveFlow, save_flow
from bot.followthrough import record_outcome
from bot.heard_follow_up import tried_every_channel
from bot.i18n import Msg, _, current_language
from bot.nudges.settings import next_label
from bot.numbers import parse_small_int
from bot.offers import says_no
from bot.replies import AskText, Choices, Reply, Text
from bot.said_to_the_coach import TOLD_YOU, said_to_the_coach
from bot.situation_answers import advice_on_what_was_told, asks_for_advice, situation_aside
from bot.storage.models import Reflection
from bot.turn import Turn
from bot.understanding import understand
from bot.understanding.named import who_is_named
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.own_plan import own_plan
from bot.understanding.plan import names_a_step
from bot.understanding.reader import (
    asks_a_question,
    default_reader,
    is_asked,
    only_symbols,
    sentences_of,
)
from bot.understanding.variants import pick
from bot.weekly.pause_words import names_a_month
from bot.weekly.schedule_words import schedule_named
from bot.weekly.subscriptions import subscription_of
from content.loader import Library
from content.understanding_schema import replies_in

KIND = "checkin"
STEPS = (
    "followup_outcome",
    "followup_note",
    "followup_barrier",
    "followup_other",
    "followup_carry",
    "followup_smaller",
)
# Which outcome a typed check-in is read as when its words name several ("kinda, not all").
OUTCOME_ORDER = ("partly", "not_yet", "done")
# "not yet", "yes!" or "más o menos" is only the outcome; this many words beside the words
# that said it ("not yet, I forgot") also say why or what worked.
SAYS_MORE_WORDS = 2
# Words typed at "How did it go?" that name no outcome are told how it went (and kept, and
# the outcome asked plainly) when they are at least this many and ask nothing.
TELLS_WORDS = 3
FOLLOWUP_OPTIONS = [(Msg("Done"), "done"), (Msg("Partly"), "partly"), (Msg("Not yet"), "not_yet")]
# Said at "What made it work?", these doubt the step itself ("it felt fake, like checking a
# box"): heard as that, not quoted back as worth keeping.
DOUBTS_ABOUT_IT = frozenset({"felt_forced"})
# What got in the way, said in words of its own: before a family out of reach ("this action
# didnt feel right after the funeral" did not fit).
TOLD_WHY = frozenset({"forgot", "not_fit"})
# A barrier typed in the educator's own words is read for the theme it names.
# In this order when several are read: "no me contestó, creo que trabaja de noche" is no
# reply first (its reply names another time of day); the family's hours are why.
BARRIER_FOR_THEME = {"no-response": "no_reply", "language": "language", "time": "no_time"}

# What runs once the check-in steps are over: the reflection's next question, or the end.
Then = Callable[[Turn, ActiveFlow], list[Reply]]


def begin(
    turn: Turn,
    flow: ActiveFlow,
    pending: Reflection,
    outcome: str,
    then: Then,
    said: str | None = None,
) -> list[Reply]:
    """Record the outcome, then celebrate (done) or ask what got in the way. When the
    educator typed more than the outcome ("not yet, I forgot"; "yes! she wrote back"), those
    words already answer the next question, so it is not asked."""
    flow.data["followup_id"] = pending.id
    flow.data["followup_outcome"] = outcome
    flow.data["drafted"] = is_a_drafted_message(turn, pending.id)
    record_outcome(pending, outcome, None, turn.sealer, turn.now)
    says_more = said is not None and (
        len(_beside_outcome(said, outcome)) >= SAYS_MORE_WORDS
        # "forgot honestly", "no time": the words that said it also said why
        or (outcome != "done" and _barrier(Answer(text=said), said) != "other")
    )
    replies: list[Reply] = []
    if outcome == "done":
        action = turn.sealer.unseal(pending.action)
        cheer = pick(replies_in(current_language()).checkin.done, action).format(action=action)
        replies.append(Text(cheer))
        flow.step = "followup_note"
    else:
        flow.step = "followup_barrier"
    if says_more:
        return [*replies, *advance(turn, flow, Answer(text=str(said)), then)]
    return [*replies, *(ask_note(flow) if outcome == "done" else ask_barrier(flow))]


def typed_outcome(text: str) -> str | None:
    """Done, partly or not yet, read from a typed answer to "How did it go?". A hedge that
    only softens ("it went great! ... kinda made my week") does not make it partly; one that
    opens the answer does."""
    checkin = replies_in(current_language()).checkin
    typed = checkin.typed_outcomes
    outcome = first_typed(text, typed, OUTCOME_ORDER)
    if outcome == "partly" and outcome_first(text) != "partly":  # "kinda, i called" is partly
        unhedged = {**typed, "partly": [p for p in typed["partly"] if p not in checkin.hedges]}
        if first_typed(text, unhedged, OUTCOME_ORDER) == "done":
            outcome = "done"
    if outcome == "not_yet" and outcome_first(text) == "done" and _only_others_did_not(text):
        outcome = "done"  # "done. she said she didn't know he liked science"
    if outcome == "not_yet" and _done_another_way(text):
        outcome = "done"  # "i did not send the text, she cant read it. i called her myself"
    if outcome == "partly" and _done_another_way(text) and _only_hedged(text):
        outcome = "done"  # "kinda? i texted the mom instead of calling and she wrote back!!"
    if outcome == "partly" and outcome_first(text) == "not_yet" and _partly_only_hedges(text):
        # "not yet. i asked tou and he said his grandpa is kinda shy": the hedge is of what
        # someone is like, the answer said first.
        outcome = "not_yet"
    if (
        outcome == "partly"
        and outcome_first(text) == "done"
        and _partly_only_in_what_was_said(text, typed["partly"])
    ):
        # "did it. eli said... the voicemails turn into garbage text on her phone": what
        # someone said, not how the step went (it had been partly, and a bad call).
        outcome = "done"
    if counted_partly(text):
        return "partly"  # "greeted 3 of the 5", "saludé a 3 de las 5 familias"
    if outcome is None:
        outcome = _outcome_from_barrier(text)
    if outcome in ("done", "not_yet") and _turns_after_contrast(text, outcome):
        return "partly"
    tried = (*checkin.phone_tag_words, *checkin.upset_words)
    if outcome == "done" and phrases_pattern(tried).search(for_matching(text)):
        # "she called back while i was teaching": tried, not yet talked; "i did it but it
        # made things worse": done, and it went badly.
        return "partly"
    return outcome


# A later sentence that says the step was done another way: "i did not send the text, she cant
# read it. i called her and said it in pashto myself" (it had been "not yet", and the
# educator, who is the bilingual colleague, was told to find one).
_ANOTHER_WAY = re.compile(
    r"^\W*(?:(?:so|but|then|instead|and|pero|entonces|mejor)\W+)*(?:i|yo)\s+(?:just\s+)?"
    r"(?:called|texted|talked|told|said|went|visited|met|emailed|wrote|walked|drove|"
    r"la llam[eé]|le llam[eé]|le habl[eé]|fui|le escrib[ií])\b"
    r".*\b(?:instead|myself|in person|another way|a different way|face to face|"
    r"en persona|yo mism[ao]|en vez|de otra forma|de otra manera)\b"
)


def _only_hedged(text: str) -> bool:
    """Partly said only by a hedge ("kinda?", "sort of"), no other partly word."""
    checkin = replies_in(current_language()).checkin
    typed = checkin.typed_outcomes
    unhedged = {**typed, "partly": [p for p in typed["partly"] if p not in checkin.hedges]}
    return first_typed(text, unhedged, OUTCOME_ORDER) in (None, "done")


def _partly_only_hedges(text: str) -> bool:
    """Every partly word in the text is a hedge ("kinda", "sort of"), none says some of it
    was done ("started it", "one of them")."""
    checkin = replies_in(current_language()).checkin
    unhedged = [p for p in checkin.typed_outcomes["partly"] if p not in checkin.hedges]
    return phrases_pattern(tuple(unhedged)).search(for_matching(text)) is None


def _done_another_way(text: str) -> bool:
    """The step not done as planned, then done another way, said in a later sentence."""
    later = sentences_of(text)[1:]
    return any(_ANOTHER_WAY.search(for_matching(sentence)) for sentence in later)


def _partly_only_in_what_was_said(text: str, partly: list[str]) -> bool:
    """Every clause with a partly word reports, before it, what someone said ("he also said
    the voicemails..."; not "one said yes, other one left me on read")."""
    pattern = phrases_pattern(tuple(partly))
    clauses = [for_matching(part) for part in _CLAUSE_ENDS.split(text)]
    found = [(clause, match) for clause in clauses if (match := pattern.search(clause))]
    return bool(found) and all(
        (said := _REPORTED.search(clause)) is not None and said.start() < match.start()
        for clause, match in found
    )


# "...uno dijo que sí y el otro ni me contestó": each of its people in a clause of its own.
_CLAUSE_ENDS = re.compile(r"[.!?;,]+|\b(?:and|but|y|pero)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:said|says|told me|dijo|dice|me contó|me conto)\b", re.IGNORECASE)


# "3 of the 5", "2 out of 4", "3 de las 5": some of what was planned, counted.
_COUNTED = re.compile(
    r"(?<!\w)(?:(?:\d+|one|two|three|four|una|uno|dos|tres|cuatro)\s+(?:of|out of|de)\s+"
    r"(?:the\s+|my\s+|las\s+|los\s+|mis\s+)?(?:\d+|two|three|four|five|dos|tres|cuatro|cinco)"
    r"|\d+\s*/\s*\d+)(?!\w)"
)


# A hedge is how it went ("kinda", "sort of did it") in an answer of up to this many words.
HEDGE_ALONE_WORDS = 6


def partly_only_by_a_hedge(text: str) -> bool:
    """ "...a good-news call from me is kind of scary for them": partly, only for a hedge that
    softens something else in a longer message, with nothing else said of how it went."""
    checkin = replies_in(current_language()).checkin
    typed = checkin.typed_outcomes
    if len(words(for_matching(text))) <= HEDGE_ALONE_WORDS or outcome_first(text) == "partly":
        return False
    unhedged = {**typed, "partly": [p for p in typed["partly"] if p not in checkin.hedges]}
    return first_typed(text, typed, OUTCOME_ORDER) == "partly" and (
        first_typed(text, unhedged, OUTCOME_ORDER) is None
        and _outcome_from_barrier(text) is None
        and not counted_partly(text)
    )


def counted_partly(text: str) -> bool:
    """Some of the planned number told, fewer than all ("reached 4 of 6", "2/5 postcards")."""
    found = _COUNTED.search(text.casefold())  # as typed: for_matching spells digits out
    if found is None:
        return False
    numbers = re.findall(r"\d+", found.group(0))
    return len(numbers) < 2 or int(numbers[0]) < int(numbers[1])  # "5 of 5" is all of it


def _only_others_did_not(text: str) -> bool:
    """Every not-yet word in the text is what someone else did not do or know ("she said
    she didn't know he liked science"), none the educator's own ("didnt get to the second
    family")."""
    checkin = replies_in(current_language()).checkin
    said = for_matching(text)
    not_yet = [p for p in checkin.typed_outcomes["not_yet"] if not p.startswith("^")]
    others = phrases_pattern(tuple(checkin.others_said))
    return all(
        re.search(rf"(?:{others.pattern})\s*$", said[: found.start()]) is not None
        or _someone_named_did_not(said[: found.start()])
        for found in phrases_pattern(tuple(not_yet)).finditer(said)
    )


def _someone_named_did_not(before: str) -> bool:
    """ "...mr nguyen wasnt able to come tho": a titled person is who did not (it had turned
    "both happened" into not yet)."""
    return _TITLED_BEFORE.search(before) is not None


_TITLED_BEFORE = re.compile(r"\b(?:mr|mrs|ms|miss|dr|sr|sra|srta)\.?\s+[^\W\d_]+\s*$")


def _outcome_from_barrier(text: str) -> str | None:
    """No word for how it went, but one for why: "honestly this one doesn't fit" is not
    yet; "la mamá se molestó porque pensó que era por conducta" was tried, and went partly."""
    checkin = replies_in(current_language()).checkin
    said = for_matching(text)
    if phrases_pattern(tuple((*checkin.not_fit_words, *checkin.forgot_words))).search(said):
        return "not_yet"  # "honestly this one doesn't fit", "totally slipped my mind"
    if phrases_pattern(tuple(checkin.no_time_words)).search(said):
        return "not_yet"  # "sick all week with the flu"
    if _family_gone(text):
        return "not_yet"  # "Mrs Brown is in the hospital, so no"
    if phrases_pattern(tuple((*checkin.upset_words, *checkin.phone_tag_words))).search(said):
        return "partly"  # tried, and met anger or a busy line
    return None


def _turns_after_contrast(text: str, outcome: str) -> bool:
    """ "called twice but she never picked up" (done, then not), "se me pasó la segunda,
    pero la primera sí la mandé" (not yet, then done): how it went turns after a "but"."""
    checkin = replies_in(current_language()).checkin
    said = for_matching(text)
    contrast = phrases_pattern(tuple(checkin.contrasts)).search(said)
    if contrast is None:
        return False
    after = said[contrast.end() :]
    if outcome == "done":
        turned = (*checkin.negations, *checkin.typed_outcomes["not_yet"])
    else:
        turned = tuple(p for p in checkin.typed_outcomes["done"] if not p.startswith("^"))
    return (
        phrases_pattern(tuple(p for p in turned if not p.startswith("^"))).search(after) is not None
    )


def outcome_first(text: str, *, asked: bool = True) -> str | None:
    """Done, partly or not yet, said by the text's first words ("not yet, she was out", "did
    it!", "no pude"), as an answer to "How did it go?" starts; None when the text only says
    so later ("I haven't had time to breathe" is about the week, maybe not the action).
    Not `asked` (typed out of the blue): only the words that say it went whatever came
    before ("did it!", not "asked my principal about conferences")."""
    checkin = replies_in(current_language()).checkin
    typed = checkin.typed_outcomes
    if not asked:
        broad = set(checkin.done_only_when_asked)
        typed = {**typed, "done": [phrase for phrase in typed["done"] if phrase not in broad]}
    return first_typed(text, typed, OUTCOME_ORDER, at_start=True)


def _beside_outcome(said: str, outcome: str) -> list[str]:
    """The words of a typed check-in besides the phrases that said how it went ("i forgot" in
    "not yet, i forgot"; nothing in "más o menos", three words that only say "partly", nor in
    "yep did it!" or "sí, lo hice", each said twice over)."""
    typed = replies_in(current_language()).checkin.typed_outcomes
    return words(phrases_pattern(tuple(typed.get(outcome, []))).sub(" ", for_matching(said)))


def puzzled(text: str) -> bool:
    """ "?", "huh", "¿qué?": a check-in question not understood (replies.yaml
    `checkin_asked.puzzled_words`; a lone "?" is `help` outside one)."""
    bare = _bare(text)
    if not bare:  # only "?" and "¿" (an emoji alone, "👍", says something else)
        return bool(text.strip()) and set(text) <= set("?¿ ")
    asked = replies_in(current_language()).checkin_asked
    return bare in {_bare(word) for word in asked.puzzled_words}


def _bare(text: str) -> str:
    """A short message without its punctuation ("¿qué?" is "qué", "?" is "")."""
    return " ".join(words(for_matching(text)))


# How often something happens, not how much of the step was done: "they cancel like half the
# time" (it had been "partly", and a nudge Marked done).
# ...nor is a while: "the bus... takes an hour and a half" (a nudge had been Marked done).
_HOW_OFTEN = re.compile(
    r"\b(?:half (?:of )?the time|some of the time|la mitad del tiempo|la mitad de las veces"
    r"|(?:an? |one |two |\d+ )?(?:hour|hr|day|week|year)s? and a half|half an? (?:hour|day)"
    r"|half (?:hour|day)|(?:hora|horas|semana|semanas) y media|media hora|medio d[ií]a)\b"
)


# How it will turn out, not known yet: "las conferencias son mañana, asi q todavia no se como
# sale" after "la nota si la mande!" (it had been "not yet").
_NOT_KNOWN_YET = re.compile(
    r"\b(?:todav[ií]a no s[eé]|a[uú]n no s[eé]|(?:i )?(?:don'?t|dont|do not) know yet|not sure yet"
    r"|no idea yet)\b"
)


# How it felt, not how far the step got: "done! ... hodan wants to be a nurse. i almost cried"
# (it had been partly, and offered as a smaller version).
_FELT = re.compile(
    r"\b(?:almost|nearly|kinda|kind of|a little|casi)\s+(?:cried|cry|teared up|tearing up|"
    r"started crying|lost it|fainted|screamed|died|fell over|choked up|teary|emotional|"
    r"llor[eéo]|me pongo a llorar|me muero)\b"
    # ...nor is who did the talking: "kevon did most of the talking" (it had been partly).
    r"|\b(?:did|does|do|doing) most of the talking\b"
)


# Said to the coach, not of the step: "i told you we dont have conferences here" (it had been
# "told", and the nudge Marked done).
_TOLD_THE_COACH = re.compile(rf"\b(?:{TOLD_YOU})\b")


def first_typed(
    text: str, phrases: dict[str, list[str]], order: tuple[str, ...], *, at_start: bool = False
) -> str | None:
    """The first choice in `order` one of whose content phrases the text holds (`at_start`:
    opens with)."""
    said = _HOW_OFTEN.sub(" ", for_matching(text))
    said = _TOLD_THE_COACH.sub(" ", _FELT.sub(" ", _NOT_KNOWN_YET.sub(" ", said)))
    for choice in order:
        pattern = phrases_pattern(tuple(phrases[choice]))
        if (pattern.match(said) if at_start else pattern.search(said)) is not None:
            return choice
    return None


def tells_how_it_went(text: str) -> bool:
    """ "only got to talk to one, the meeting got taken over by testing stuff": an account
    of the week that names no outcome, not a question or a word or two ("idk", "hmm")."""
    if "?" in text or asks_a_question(text):  # "how do i see my past actions"
        return False
    return len(words(for_matching(text))) >= TELLS_WORDS


def ask_outcome(flow: ActiveFlow, pending: Reflection, said: str) -> list[Reply]:
    """What was told is kept (it answers the next question), and how it went asked plainly."""
    flow.data["followup_id"] = pending.id
    flow.data["followup_said"] = said
    return reask_outcome(flow)


def reask_outcome(flow: ActiveFlow) -> list[Reply]:
    flow.step = "followup_outcome"
    flow.data["_accepts_text"] = True
    unclear = replies_in(current_language()).checkin.outcome_unclear
    return [Choices(unclear, flow.options(FOLLOWUP_OPTIONS))]


def _outcome_told(turn: Turn, flow: ActiveFlow, answer: Answer, then: Then) -> list[Reply]:
    """Done, partly or not yet, after words that did not say which: what they told is what
    the next question would have asked, so it answers it. A question typed there ("que hago
    si la evaluacion solo es entre semana...") is answered, and how it went asked again."""
    pending = _pending(turn, flow)
    if answer.key is None and _only_asks(answer.text):
        aside = situation_aside(answer.text)
        asked = replies_in(current_language()).checkin_asked.asked_at_outcome
        return [Text(aside or asked), *reask_outcome(flow)]
    if answer.key is None and _not_about_the_step(answer.text):
        # "done what? i'm talking about the robocall": nothing recorded, the step still waits.
        flow.finished = True
        return [Text(replies_in(current_language()).checkin_asked.not_about_the_step)]
    outcome = answer.key or typed_outcome(answer.text)
    if pending is None or outcome is None:
        return [Text(str(messages.PICK_AN_OPTION)), *reask_outcome(flow)]
    said = str(flow.data.pop("followup_said", ""))
    more = answer.text if answer.key is None else ""
    return begin(turn, flow, pending, outcome, then, said=f"{more} {said}".strip())


def _not_about_the_step(text: str) -> bool:
    words_for_it = replies_in(current_language()).checkin_asked.not_about_the_step_words
    return phrases_pattern(tuple(words_for_it)).search(for_matching(text)) is not None


def ask_note(flow: ActiveFlow) -> list[Reply]:
    flow.step = "followup_note"
    flow.data["_accepts_text"] = True
    if flow.data.get("followup_outcome") == "done":
        checkin = replies_in(current_language()).checkin
        # A message home that went out: did the family answer? (instead of what worked)
        asked = (
            str(drafts_said.FAMILY_ANSWERED) if flow.data.get("drafted") else checkin.what_worked
        )
        return [Choices(asked, flow.options([(checkin.what_worked_skip, "none")]))]
    return [Choices(str(messages.FOLLOWUP_NOTE), flow.options([(messages.NO_NOTE, "none")]))]


def ask_barrier(flow: ActiveFlow) -> list[Reply]:
    flow.step = "followup_barrier"
    flow.data["_accepts_text"] = True
    checkin = replies_in(current_language()).checkin
    pairs = [(label, key) for key, label in checkin.barriers.items()]
    return [Choices(checkin.barrier_question, flow.options(pairs))]


def ask_other(flow: ActiveFlow) -> list[Reply]:
    """ "Something else": what it was, so the reply can fit it."""
    flow.step = "followup_other"
    flow.data["_accepts_text"] = True
    checkin = replies_in(current_language()).checkin
    return [Choices(checkin.other_question, flow.options([(checkin.other_skip, "none")]))]


def ask_carry(flow: ActiveFlow) -> list[Reply]:
    flow.step = "followup_carry"
    # Typed words are read too: "yes", "smaller", "let it go", or more about the week.
    flow.data["_accepts_text"] = True
    checkin = replies_in(current_language()).checkin
    pairs = [
        (checkin.carry_same, "same"),
        (checkin.carry_smaller, "smaller"),
        (checkin.carry_no, "no"),
    ]
    return [Choices(checkin.carry_over_question, flow.options(pairs))]


def ask_smaller(flow: ActiveFlow, *, again: bool = False) -> list[Reply]:
    """What smaller step; `again` after an answer that was not one ("yes", "idk")."""
    flow.step = "followup_smaller"
    flow.data["_accepts_text"] = True
    flow.data["_options"] = []
    checkin = replies_in(current_language()).checkin
    return [AskText(checkin.smaller_not_yet if again else checkin.smaller_question)]


def reprompt(flow: ActiveFlow) -> list[Reply]:
    match flow.step:
        case "followup_outcome":
            return reask_outcome(flow)
        case "followup_note":
            return ask_note(flow)
        case "followup_barrier":
            return ask_barrier(flow)
        case "followup_other":
            return ask_other(flow)
        case "followup_carry":
            return ask_carry(flow)
        case _:
            return ask_smaller(flow)


def advance(turn: Turn, flow: ActiveFlow, answer: Answer, then: Then) -> list[Reply]:
    """One check-in step; `then` runs when the check-in is over."""
    checkin = replies_in(current_language()).checkin
    pending = _pending(turn, flow)
    own = own_words(answer)
    if own is not None and puzzled(own):  # "?" where a choice or a few words are asked
        explained = replies_in(current_language()).checkin_asked.puzzled_steps
        return [Text(explained[flow.step]), *reprompt(flow)]
    loss = _own_loss_heard(turn, pending, own) if answer.key is None and own and pending else []
    if loss:
        flow.finished = True
        return loss
    match flow.step:
        case "followup_outcome":
            return _outcome_told(turn, flow, answer, then)
        case "followup_note":
            if own is not None and only_symbols(own):
                own = None  # "🎉", "🙃": a reaction to the question, no note to keep or quote
            if own is not None and asks_for_a_draft(own, understand(own, deficit=False)):
                # "done! also can you help me write a note to invite families to the art
                # show?": a request, said so, and never kept as what made it work.
                return [Text(checkin.draft_asked), *then(turn, flow)]
            replies: list[Reply] = reminder_asked(turn, own)
            if pending is not None and own and not _only_asks(own):
                # "que hago si la evaluacion solo es entre semana...?" asks what next: answered
                # below, never kept as how it went (it had been the journal's note).
                pending.outcome_note = turn.sealer.seal(own)
                replies += wording_note(turn, own)
            if flow.data.get("followup_outcome") == "done":
                worked = _what_worked_heard(own) if own and not replies else None
                if worked is not None:  # a wording note (or a reminder) already answers them
                    replies.append(Text(worked))
                return [*replies, Text(checkin.step_up), *then(turn, flow)]
            return [*replies, Text(str(messages.FOLLOWUP_THANKS)), *then(turn, flow)]
        case "followup_barrier" if answer.key == "other":
            return ask_other(flow)
        case "followup_barrier" | "followup_other":
            barrier = _barrier(answer, own)
            if pending is not None:
                pending.outcome_note = turn.sealer.seal(own or checkin.barriers[barrier])
            if own and _tells_a_death(own):
                # "we lost jaylen last night. he got shot": heard, and nothing carried.
                nudges_set = nudges_asked_in_words(turn, own, in_a_conversation=True)
                return [Text(checkin.death_reply), *nudges_set, *then(turn, flow)]
            note = wording_note(turn, own) if own else []
            if own and barrier not in TOLD_WHY and _family_gone(own):
                # "the family moved away", "mom's in the hospital": nothing to carry
                return [Text(checkin.gone_reply), *note, *then(turn, flow)]
            partly = flow.data.get("followup_outcome") == "partly"
            step = turn.sealer.unseal(pending.action) if pending is not None else None
            heard = Text(_barrier_reply(barrier, own, partly=partly, step=step))
            if own and asks_a_question(own) and _typed_carry(own) == "smaller":
                # "not yet, what's a smaller version i could do?": the smaller version asked.
                return [heard, *note, *ask_smaller(flow)]
            return [heard, *note, *reminder_asked(turn, own), *ask_carry(flow)]
        case "followup_carry":
            if answer.key is None and pending is not None and own and _done_since(own):
                # "ok called her. went really well actually...": done after all, since the
                # "not yet" (its "ok" had carried it into the week as it was, still undone).
                return begin(turn, flow, pending, "done", then, said=own)
            if answer.key is None and own and _tells_a_death(own):
                # "bro. did you hear what i said. jaylen is dead" (it had been kept with how it
                # went, and the carry question asked again).
                nudges_set = nudges_asked_in_words(turn, own, in_a_conversation=True)
                return [Text(checkin.death_reply), *nudges_set, *then(turn, flow)]
            nudges_set = nudges_asked_in_words(turn, own, in_a_conversation=True) if own else []
            if answer.key is None and nudges_set:
                # "pausa los recordatorios hasta el 10 de enero, me voy pa Orlando": the pause
                # (it had been carried into the week as the new action).
                return [*nudges_set, *ask_carry(flow)]
            if answer.key is None and own and _reminder_for_a_later_month(own):
                # "not this week, its in january. can u remind me in jan?" (it had been "Okay,
                # let it go. A new week, a new start.").
                return [Text(checkin.later_month), *then(turn, flow)]
            typed = _typed_carry(own) if answer.key is None else answer.key
            if typed is None and pending is not None and own and says_a_day_only(own):
                # "tal vez el viernes", "maybe thursday": carried as it was, the day kept with
                # how it went (it had been kept, and the question asked again).
                before = turn.sealer.unseal(pending.outcome_note) if pending.outcome_note else ""
                pending.outcome_note = turn.sealer.seal(f"{before} / {own}" if before else own)
                return _carry(turn, flow, turn.sealer.unseal(pending.action), then)
            if typed is None and own and _a_new_step(own):
                # "mejor le digo en persona cuando recoge a Jonathan": the week's action in
                # new words, carried (it had been kept with how it went, and the old one
                # carried on the next "sí").
                step = own_plan(own) or own
                return [*wording_note(turn, own), *_carry(turn, flow, step, then)]
            if typed is None:
                return [*_heard_more(turn, pending, own), *ask_carry(flow)]
            answer = Answer(key=typed)
            if answer.key == "smaller":
                return ask_smaller(flow)
            if answer.key == "same" and pending is not None:
                return _carry(turn, flow, turn.sealer.unseal(pending.action), then)
            return [Text(checkin.let_go), *then(turn, flow)]
        case _:
            # A bare number here is a slip (a choice typed after the buttons went), not an action.
            if own is None or not is_action(own) or parse_small_int(own.rstrip(".")) is not None:
                return ask_smaller(flow, again=own is not None)
            step = _with_what_it_shrinks(turn, own, pending)
            return [*wording_note(turn, own), *_carry(turn, flow, step, then)]


def _reminder_for_a_later_month(own: str) -> bool:
    reminder = replies_in(current_language()).checkin.reminder_words
    asked = phrases_pattern(tuple(reminder)).search(for_matching(own)) is not None
    return asked and names_a_month(own)


def _only_asks(own: str) -> bool:
    """A question and nothing told: it opens as a question does ("que hago si...", "what
    should i do if...")."""
    opening = words(for_matching(own))[:1]
    openers = default_reader().question_openers | _WHAT_WORDS
    return is_asked(own) and bool(opening) and opening[0] in openers


# Question words the content's question openers leave out, as they open reports too ("what i
# did was...", "que bueno que vino"): here they count only beside is_asked.
_WHAT_WORDS = frozenset(["what", "que", "which", "cual", "cuál"])


def _done_since(own: str) -> bool:
    """Done since it was said not to be: its words say so, with no negation just before."""
    done_since = replies_in(current_language()).checkin.done_since_words
    return _said_unnegated(for_matching(own), done_since)


def _a_new_step(own: str) -> bool:
    """A step of its own typed where carrying is asked: not a question, not how it went,
    and one the plan model finds a step in."""
    if asks_a_question(own) or "?" in own or reports_how_it_went(own):
        return False
    return is_action(own) and names_a_step(own)


def _what_worked_heard(own: str) -> str | None:
    """What made it work, said back ("Worth keeping: ..."); a doubt about the step ("i feel
    like it was fake, like i was just checking a box") heard as that; a question answered
    when it is about a situation ("what should I say at the meeting?"), or when it asks
    what made it work, and never quoted back as worth keeping (it had been: "Worth keeping:
    “can you tell me”")."""
    told = what_is_told(own)
    question = asks_a_question(own) or "?" in own
    asked = situation_aside(own) if question else None
    if told is not None and (told[0] in DOUBTS_ABOUT_IT or question):
        return told[1].acknowledge if asked is None else f"{told[1].acknowledge}\n\n{asked}"
    if question and asked is None and asks_for_advice(own):
        return None  # "what should i say at the meeting?", with no situation to answer
    if question:
        return asked or replies_in(current_language()).checkin.what_worked_asked
    checkin = replies_in(current_language()).checkin
    return checkin.what_worked_heard.format(snippet=payoff(own))


def reminder_asked(turn: Turn, own: str | None) -> list[Reply]:
    """ "forgot again, can you remind me wednesday?": the weekly nudge is the reminder the
    coach can send, so a day named moves it there (turned on if it was off), as the same
    words would outside a check-in; with no day named, where it stands and how to move it."""
    checkin = replies_in(current_language()).checkin
    if not own or phrases_pattern(tuple(checkin.reminder_words)).search(for_matching(own)) is None:
        return []
    named = schedule_named(own)
    if named is not None:
        return nudges_as_asked(turn, named)
    subscription = subscription_of(turn.session, turn.educator.id)
    if subscription is None or not subscription.enabled:
        return [Text(checkin.reminder_off)]
    return [Text(checkin.reminder_how.format(next=next_label(subscription)))]


def _with_what_it_shrinks(turn: Turn, step: str, pending: Reflection | None) -> str:
    """ "text one of them": who "them" is lives in the action it shrinks, so that is kept
    beside it. A step that stands alone ("text Ana's mom on Friday") is kept as typed."""
    checkin = replies_in(current_language()).checkin
    if pending is None or who_is_named(step) is not None:
        return step
    if phrases_pattern(tuple(checkin.refers_back)).search(for_matching(step)) is None:
        return step
    action = turn.sealer.unseal(pending.action).rstrip(".")
    return checkin.smaller_of.format(step=step.rstrip("."), action=action)


# A day said alone at "carry it into this week?" is a yes with a when: at most this many words.
DAY_ONLY_WORDS = 5


def says_a_day_only(own: str) -> bool:
    """ "tal vez el viernes", "maybe friday", "thursday prob": a day named, and little else."""
    if len(words(for_matching(own))) > DAY_ONLY_WORDS:
        return False
    named = schedule_named(own)
    return named is not None and named.weekday is not None


def _typed_carry(own: str | None) -> str | None:
    """same, smaller or no, read from a typed answer to "Want to carry it into this week?";
    None for anything else ("i wrote it but never sent it")."""
    if own is None:
        return None
    if says_no(own):  # "no", "nah, maybe later", "no gracias"
        return "no"
    typed = replies_in(current_language()).checkin.typed_carry
    return first_typed(own, typed, ("smaller", "no", "same"))


def _heard_more(turn: Turn, pending: Reflection | None, own: str | None) -> list[Reply]:
    """More about the week, typed where a choice was asked: kept with the check-in's note
    (never dropped), and said so, before the question again."""
    if pending is None or not own:
        return [Text(str(messages.PICK_AN_OPTION))]
    before = turn.sealer.unseal(pending.outcome_note) if pending.outcome_note else ""
    advice = advice_on_what_was_told(own, [before]) if asks_a_question(own) else None
    if advice is not None:
        # "what do i say to dad" after "...forgot to send the same to dad and now he's mad":
        # asked, and answered from what the note told (it had been kept as how it went).
        return [Text(advice)]
    if asks_a_question(own) and not _about_the_step(own):
        # "what do I do when a parent keeps emailing every day even after I set up a weekly
        # update": a question of its own, answered when the content can, never kept as how
        # the step went (it had been: "I've kept that with how it went").
        aside = situation_aside(own)
        return [Text(aside or replies_in(current_language()).checkin_asked.asked_at_carry)]
    pending.outcome_note = turn.sealer.seal(f"{before} / {own}" if before else own)
    replies = replies_in(current_language())
    if tried_every_channel(own):
        # "like what channel tho. ive called, emailed, texted": kept, and another messenger
        # said (it had been "a different way in may reach them", once more).
        return [Text(replies.intents.tried_them_all), *wording_note(turn, own)]
    # What it was about, in one line ("he works two jobs i think": time is tight).
    theme = hardest_theme(understand(own, deficit=False).themes)
    heard = replies.checkin.carry_heard
    if theme is not None:
        heard = f"{heard} {replies.acknowledge_also[theme]}"
    return [Text(heard), *wording_note(turn, own)]


# Words of a question about the step itself, typed where carrying it is asked ("can i do it
# smaller?", "should i try again?"): the carry question's own business.
_ABOUT_THE_STEP = re.compile(
    r"\b(?:it|this|that|the (?:step|action|same)|again|smaller|this week|next week|lo|otra vez)"
    r"\b",
    re.IGNORECASE,
)


def _about_the_step(own: str) -> bool:
    return len(words(for_matching(own))) <= STEP_QUESTION_WORDS and bool(
        _ABOUT_THE_STEP.search(own)
    )


# A question about the step is short ("should i try it again?"); a longer one asks its own.
STEP_QUESTION_WORDS = 8


def _carry(turn: Turn, flow: ActiveFlow, action: str, then: Then) -> list[Reply]:
    flow.data["carried"] = action
    checkin = replies_in(current_language()).checkin
    said = checkin.carry_kept if flow.kind != KIND else checkin.carry_planned
    # The sentence's own full stop closes the quote: no '"...attached.". I'll ask'.
    return [Text(said.format(action=action.rstrip("."))), *then(turn, flow)]


def _barrier(answer: Answer, own: str | None) -> str:
    barriers = replies_in(current_language()).checkin.barrier_replies
    if answer.key in barriers:
        return answer.key
    if own is None:
        return "other"
    checkin = replies_in(current_language()).checkin
    # "she answered and it went great, we talked in spanish for 10 min! just didnt get to the
    # second family": what went well is no barrier (its Spanish had been read as language).
    own = _without_what_went_well(own)
    said = for_matching(own)
    if phrases_pattern(tuple(checkin.forgot_words)).search(said):
        return "forgot"
    if phrases_pattern(tuple(checkin.not_fit_words)).search(said):
        return "not_fit"  # "the action didn't make sense for me, i'm a counselor"
    themes = understand(own, deficit=False).themes
    if "language" in themes and _family_replied(said):
        return "language"  # "mom replied in vietnamese and i couldnt read it": not silence
    found = (barrier for theme, barrier in BARRIER_FOR_THEME.items() if theme in themes)
    by_theme = next(found, None)
    if by_theme is not None:
        return by_theme
    if not family_upset(own, themes) and phrases_pattern(tuple(checkin.no_time_words)).search(said):
        # "was out sick mon-tues", "tuve que cubrir salones"; not a dad "busy" as he hung up
        return "no_time"
    return "other"


def _without_what_went_well(text: str) -> str:
    """The parts of a partly's story that are not a bright spot (a clause with the positive
    theme and no negation), where some parts are one and some are not; the text as it is
    otherwise."""
    parts = [part.strip() for part in _CLAUSES.split(text) if part and part.strip()]
    negations = set(replies_in(current_language()).checkin.negations)

    def bright(part: str) -> bool:
        reading = understand(part, deficit=False)  # the bright spot in its words, not a guess
        return "positive" in reading.cued and not negations & set(words(for_matching(part)))

    # Only what the story opens with: "...tired of getting calls from school. i told her it
    # was good news and she softened a bit" ends on a bright spot, and its barrier stands.
    rest = list(dropwhile(bright, parts))
    # One part alone, or every part bright, is read whole ("mom replied in vietnamese and i
    # couldnt read it" names its barrier in the same breath).
    return " ".join(rest) if 0 < len(rest) < len(parts) else text


# A partly's story in parts: its sentences, and its clauses either side of a contrast.
_CLAUSES = re.compile(
    r"[.!?;]+|\b(?:but|though|tho|although|except|pero|aunque|solo que)\b", re.IGNORECASE
)


def _tells_a_death(text: str) -> bool:
    """A death told ("we lost him last night", "he got shot", "jaylen is dead", "lo mataron");
    a family's loss far away is the family out of reach (_family_gone)."""
    death = replies_in(current_language()).checkin.death_words
    return phrases_pattern(tuple(death)).search(for_matching(text)) is not None


def _family_gone(text: str) -> bool:
    """The family is out of reach for now: moved away, in the hospital, a death; said of
    them, not of the educator ("i switched schools" is not this)."""
    gone = replies_in(current_language()).checkin.gone_words
    said = for_matching(text)
    return any(
        said[: found.start()].split()[-1:] not in (["i"], ["we"], ["yo"])
        for found in phrases_pattern(tuple(gone)).finditer(said)
    )


def _family_replied(said: str) -> bool:
    """The family answered: a reply word with no negation in the two words before it."""
    return _said_unnegated(said, replies_in(current_language()).checkin.replied_words)


def _said_unnegated(said: str, phrases: list[str]) -> bool:
    """One of the phrases in the (normalised) text with no negation in the two words before."""
    negations = set(replies_in(current_language()).checkin.negations)
    return any(
        not negations & set(said[: found.start()].split()[-2:])
        for found in phrases_pattern(tuple(phrases)).finditer(said)
    )


_ONLY_SOME = frozenset(["only", "just", "solo", "sólo", "nomas", "nomás"])


def _answered_after_all(text: str) -> bool:
    """ "tried calling tuesday and nobody answered but then mom called back thursday and we
    talked for 20 min": after the silence the story turns, and the family did answer (it had
    been told that not hearing back is common). Not when the answer was an angry one."""
    said = for_matching(text)
    contrast = phrases_pattern(tuple(replies_in(current_language()).checkin.contrasts))
    turns = list(contrast.finditer(said))
    if not turns or family_upset(text, understand(text, deficit=False).themes):
        return False
    after = said[turns[-1].end() :]
    # "...pero solo contestó una. Las demás nada": one of several, the rest still silent.
    return _family_replied(after) and _ONLY_SOME.isdisjoint(words(after))


def family_upset(text: str, themes: tuple[str, ...]) -> bool:
    """ "dad said he was busy and hung up", "started going off about the bus": the family
    answered the step with anger (the `conflict` theme, or the check-in's own words for it)."""
    upset = replies_in(current_language()).checkin.upset_words
    return (
        "conflict" in themes or phrases_pattern(tuple(upset)).search(for_matching(text)) is not None
    )


def _barrier_reply(
    barrier: str, own: str | None, *, partly: bool = False, step: str | None = None
) -> str:
    """The reply that fits what got in the way; phone tag ("dad called back but i missed
    it") is a family that did answer, whatever else the words sound like."""
    checkin = replies_in(current_language()).checkin
    if own and phrases_pattern(tuple(checkin.phone_tag_words)).search(for_matching(own)):
        return checkin.phone_tag_reply
    if own and phrases_pattern(tuple(checkin.not_sent_words)).search(for_matching(own)):
        return checkin.not_sent_reply  # "wrote it but never hit send": no family was silent
    if own and phrases_pattern(tuple(checkin.wrong_contact_words)).search(for_matching(own)):
        return checkin.wrong_contact_reply  # "the number was wrong": it never reached them
    if own and _answered_after_all(own):
        return checkin.answered_after_all_reply
    told = what_is_told(own) if own and barrier == "other" else None
    if told is not None:  # "honestly i chickened out, i was scared she'd be mad": nerves
        return told[1].acknowledge
    if barrier == "other" and own and family_upset(own, understand(own, deficit=False).themes):
        return checkin.hard_moment_reply
    if barrier == "other" and partly:  # "halfway there, got one family": what happened counts
        return checkin.partly_reply
    calls = phrases_pattern(tuple(checkin.call_words))
    if barrier == "no_time" and step and calls.search(for_matching(step)) is None:
        return checkin.no_time_not_a_call  # "answer parent email only tues and thurs"
    return checkin.barrier_replies[barrier]


def _pending(turn: Turn, flow: ActiveFlow) -> Reflection | None:
    pending = turn.session.get(Reflection, flow.data.get("followup_id"))
    return pending if pending is not None and pending.educator_id == turn.educator.id else None


def wording_note(turn: Turn, own: str | None, *, asked: str | None = None) -> list[Reply]:
    """At most one reframe offer per answer, and only when the educator wants them; `asked`:
    the question answered, whose own words in the answer are no framing of the educator's."""
    note = reframe_offer(turn, False, own or "", asked=asked)
    return [] if note is None else [note]


def own_words(answer: Answer) -> str | None:
    """The educator's text, or None when they chose to skip."""
    if answer.key is not None:
        return None
    text = answer.text.strip()
    return None if not text or messages.says_skip(text) else text


# ---- the check-in on its own, from a nudge's Done / Partly / Not yet buttons -----------


def start_checkin(
    turn: Turn, pending: Reflection, outcome: str, said: str | None = None
) -> list[Reply]:
    if said and (loss := _own_loss_heard(turn, pending, said)):
        return loss
    flow = ActiveFlow(kind=KIND, step="", data={"topic": pending.topic})
    replies = begin(turn, flow, pending, outcome, _finish, said)
    if not flow.finished:  # "yes! she came, the invite in spanish did it" can end it at once
        save_flow(turn, flow)
    return replies


def start_checkin_told(turn: Turn, pending: Reflection, said: str) -> list[Reply]:
    """How it went, told in words that do not say done, partly or not yet: kept, and asked."""
    if loss := _own_loss_heard(turn, pending, said):
        return loss
    flow = ActiveFlow(kind=KIND, step="", data={"topic": pending.topic})
    replies = ask_outcome(flow, pending, said)
    save_flow(turn, flow)
    return replies


def _own_loss_heard(turn: Turn, pending: Reflection, said: str) -> list[Reply]:
    """ "...also we had a family emergency over break, my aunt passed, so im slow this week":
    the educator's own loss, told with how the step went. Heard first; the step is set down
    as not yet, with none of what they told kept beside it, and nothing carries into the
    week (it had been "Would you call that done, partly, or not yet?", then "Weeks fill up")."""
    found = said_to_the_coach(said)
    if found is None or found[0] != OWN_LOSS:
        return []
    record_outcome(pending, "not_yet", None, turn.sealer, turn.now)
    nudges_set = nudges_asked_in_words(turn, said, in_a_conversation=True)
    return [Text(found[1].answer), *nudges_set]


OWN_LOSS = "own_loss"  # replies.yaml `to_the_coach`


def _finish(turn: Turn, flow: ActiveFlow) -> list[Reply]:
    """A carried action is this week's plan, checked in on next week like any other."""
    flow.finished = True
    carried = flow.data.get("carried")
    if carried:
        turn.session.add(
            Reflection(
                educator_id=turn.educator.id,
                topic=flow.data["topic"],
                created_at=turn.now,
                answers=turn.sealer.seal(json.dumps([])),
                action=turn.sealer.seal(carried),
                action_status="planned",
            )
        )
    return []


class CheckinFlow:
    optional = True

    def say_in(self, turn: Turn, flow: ActiveFlow, was: Library) -> None:
        """Its questions are read from the library each time they are asked."""

    def untouched(self, flow: ActiveFlow) -> bool:
        return True  # it steps aside for any command anyway (optional)

    def title(self, turn: Turn, flow: ActiveFlow) -> str:
        return _("check-in on *{title}*").format(title=turn.library.title(flow.data["topic"]))

    def reprompt(self, turn: Turn, flow: ActiveFlow) -> list[Reply]:
        return reprompt(flow)

    def advance(self, turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
        return advance(turn, flow, answer, _finish)
