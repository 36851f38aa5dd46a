"""The guided reflection: check in on last week's action, two questions, one new action.

Steps, each saved before the next question is asked:
  followup -> the check-in steps of bot/flows/checkin.py (only when the last action has
              not been checked in on)
  prompt (or probe, or help when stuck) for each question
  action -> action_own        (own words, when no suggested action fits)
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from sqlalchemy import func, select

from bot import messages
from bot import profile_messages as profile_said
from bot.commands.nudges_in_words import nudges_asked_in_words
from bot.drafts import messages as drafts_said
from bot.drafts.suggest import draft_button
from bot.flows import checkin, listening
from bot.flows.base import Answer
from bot.flows.checkin import own_words, says_a_day_only, wording_note
from bot.flows.correction import correction_of_last_answer, mend
from bot.flows.option_words import (
    asks_to_write_own,
    option_by_its_words,
    option_in_passing,
    option_named,
    several_named,
)
from bot.flows.reflection_asides import (
    action_step_aside,
    phrased_aside,
    read_pick_step_aside,
    reflection_aside,
    take_back,
    takes_back,
)
from bot.flows.state import ASKED_FOR_LATER, ActiveFlow, save_flow
from bot.followthrough import ACTION_TOO_NEW_TO_ASK, action_awaiting_check_in
from bot.i18n import _, current_language
from bot.localtime import educator_zone, local_date_label
from bot.numbers import parse_small_int
from bot.planned_day import day_still_ahead
from bot.profiles import offered_texts, profile_of
from bot.replies import AskText, Card, Choices, Reply, Text
from bot.situation_answers import (
    OWN_ROLE_OPENERS,
    advice_on_what_was_told,
    asked_not_answered,
    asks_about_a_family_at_the_end,
    question_put_at_the_end,
    situation_aside,
)
from bot.storage.models import Reflection
from bot.turn import Turn
from bot.understanding import Understanding, understand
from bot.understanding.action_questions import action_question
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.own_plan import naming_who, own_plan, step_asked_leave_for, without_hedge
from bot.understanding.plan import names_a_step
from bot.understanding.reader import asks_a_question, is_asked, sentences_of
from bot.weekly.schedule import parse_weekday
from content.fit import Profile
from content.loader import Library
from content.schema import Role
from content.understanding_schema import replies_in

KIND = "reflection"
PROMPTS_PER_REFLECTION = 2
# Where a text typed over the action options, and not taken as a step, waits: typed again as
# it was, it is saved (the educator meant it), so a step the model misreads never loops.
NOT_A_STEP = "_not_a_step"
# The role an answer said ("im a counselor, not a teacher"), when no profile is set.
ROLE_SAID = "_role_said"
# The journal entry whose action the one picked takes the place of ("can i change my
# action?", bot/flows/action_change.py); that action is not offered again.
REPLACES = "replaces"
# At most this many words lead up to a step ("i guess i could", "maybe i'll just"); more are
# part of the plan itself.
LEAD_IN_MOST_WORDS = 6
NOT_AGAIN = "not_again"
# Themes what was told settles for the action options, and the options it brings
# (replies.yaml told `settles` and `actions`).
SETTLED = "_settled"
# A day typed over the action options alone ("tuesday nights like 8:30"), kept with the step.
DAY_FOR_STEP = "_day_for_step"
TOLD_ACTIONS = "_told_actions"


def _rotating(items: list[str], start: int, count: int) -> list[str]:
    return [items[(start + i) % len(items)] for i in range(min(count, len(items)))]


def start_reflection(turn: Turn, slug: str) -> list[Reply]:
    """Begin a reflection on one topic; earlier reflections on it pick fresh prompts, those
    written for the educator's role and grades first."""
    topic = turn.library.topics[slug]
    profile = profile_of(turn.educator)
    done_before = reflections_on(turn, slug)
    flow = ActiveFlow(
        kind=KIND,
        step="",
        data={
            "topic": slug,
            "prompts": _rotating(
                offered_texts(topic.reflection_prompts, profile),
                done_before * PROMPTS_PER_REFLECTION,
                PROMPTS_PER_REFLECTION,
            ),
            "actions": _rotating(
                offered_texts(topic.quick_actions, profile),
                done_before * listening.ACTIONS_OFFERED,
                listening.ACTIONS_OFFERED,
            ),
            "rotation": done_before,
            "answers": [],
            "themes": [],
        },
    )
    replies: list[Reply] = [
        Text(messages.REFLECT_INTRO.format(title=topic.title, summary=topic.summary))
    ]
    pending = action_awaiting_check_in(turn)
    if pending is not None and _set_just_now(turn, pending):
        # Carried into the week or drafted a minute ago: "How did it go?" would only be
        # answered "not yet" and count as a miss in the journal.
        action = turn.sealer.unseal(pending.action)
        chosen = replies_in(current_language()).change_action.chosen_today
        replies.append(Text(chosen.format(action=action.rstrip("."))))
        pending = None
    if pending is not None:
        # "I said Thursday and it's only Tuesday lol": not asked before its day.
        action = turn.sealer.unseal(pending.action)
        ahead = day_still_ahead(action, pending.created_at, turn.now, educator_zone(turn))
        if ahead is not None:
            later = replies_in(current_language()).change_action.day_ahead
            replies.append(Text(later.format(action=action.rstrip("."), day=ahead)))
            pending = None
    if pending is not None:
        flow.data["followup_id"] = pending.id
        replies += _ask_followup(turn, flow, pending)
    else:
        replies += _ask_prompt(flow)
    save_flow(turn, flow)
    return replies


def _set_just_now(turn: Turn, pending: Reflection) -> bool:
    """An action set outside a reflection (carried into this week at a check-in, or a saved
    draft's "send it": no answers of its own) within ACTION_TOO_NEW_TO_ASK."""
    if turn.now - pending.created_at >= ACTION_TOO_NEW_TO_ASK:
        return False
    return not json.loads(turn.sealer.unseal(pending.answers) or "[]")


def reflections_on(turn: Turn, slug: str) -> int:
    """How many reflections the educator has saved on one topic (where its options rotate to)."""
    saved = turn.session.scalar(
        select(func.count())
        .select_from(Reflection)
        .where(Reflection.educator_id == turn.educator.id, Reflection.topic == slug)
    )
    return saved or 0


def _then_questions(turn: Turn, flow: ActiveFlow) -> list[Reply]:
    """After the check-in, the reflection's own questions."""
    return _ask_prompt(flow)


def _ask_followup(turn: Turn, flow: ActiveFlow, pending: Reflection) -> list[Reply]:
    flow.step = "followup"
    flow.data["_accepts_text"] = True  # "not yet, I forgot" is read as well as a click
    question = messages.FOLLOWUP_QUESTION.format(
        date=local_date_label(pending.created_at, turn),
        title=turn.library.title(pending.topic),
        action=turn.sealer.unseal(pending.action),
    )
    return [Choices(question, flow.options(checkin.FOLLOWUP_OPTIONS))]


def _ask_prompt(flow: ActiveFlow, *, again: bool = False) -> list[Reply]:
    """The next question. `again`: the same question re-asked after an aside, with the options
    shown with it before (the stuck help's Skip), so a number picks what it picked then."""
    number = len(flow.data["answers"]) + 1
    shown = [(label, key) for label, key in flow.data.get("_options", [])] if again else []
    flow.step = "prompt"
    flow.data["_accepts_text"] = True
    flow.data["_options"] = []
    prompt = flow.data["prompts"][number - 1]
    total = len(flow.data["prompts"])
    question = messages.PROMPT_LABEL.format(number=number, total=total, prompt=prompt)
    if shown:
        return [Choices(question, flow.options(shown))]
    return [AskText(question)]


def _told_so_far(flow: ActiveFlow) -> list[str]:
    """This reflection's answers, and the thin one its probe asks more about."""
    return [*flow.data["answers"], str(flow.data.get("thin_answer", ""))]


def _next_question(turn: Turn, flow: ActiveFlow) -> list[Reply]:
    """The next question, or the action options after the last."""
    if len(flow.data["answers"]) < len(flow.data["prompts"]):
        return _ask_prompt(flow)
    return ask_action(turn, flow)


def _ask_unstuck(flow: ActiveFlow) -> list[Reply]:
    """Stay on the question: an example, a starter, an easier version, or a skip. Stuck
    again, the educator gets the next example rather than the same words twice."""
    flow.data["stuck_times"] = int(flow.data.get("stuck_times", 0)) + 1
    number = len(flow.data["answers"]) + flow.data["stuck_times"] - 1
    flow.data["_accepts_text"] = True
    skip = replies_in(current_language()).stuck.skip
    return [Choices(listening.stuck_help(number), flow.options([(skip, "skip")]))]


def _ask_probe(flow: ActiveFlow, text: str) -> list[Reply]:
    flow.step = "probe"
    flow.data["_accepts_text"] = True
    skip = replies_in(current_language()).probe_skip
    return [Choices(listening.probe(text), flow.options([(skip, "skip")]))]


def ask_action(turn: Turn, flow: ActiveFlow) -> list[Reply]:
    flow.step = "action"
    flow.data["_accepts_text"] = True
    if "rotation" in flow.data:  # fitted to what was said (reflections begun before: as they were)
        settled = flow.data.get(SETTLED, [])
        brought = flow.data.get(TOLD_ACTIONS, [])
        fitted = listening.fitted_actions(
            turn.library,
            flow.data["topic"],
            _profile_for_actions(turn, flow),
            [t for t in flow.data.get("themes", []) if t not in settled],
            flow.data["rotation"],
            leave_out=flow.data.get(NOT_AGAIN),
        )
        told_first = [*brought, *(a for a in fitted if a not in brought)]
        flow.data["actions"] = told_first[: max(len(fitted), len(brought))]
    carried = flow.data.get("carried")
    if carried and carried not in flow.data["actions"]:
        flow.data["actions"] = [carried, *flow.data["actions"]]
    named = _step_named_in_answers(flow)
    if named is not None:  # their own idea first, in place of the last suggestion
        flow.data["actions"] = [named, *flow.data["actions"][: listening.ACTIONS_OFFERED - 1]]
    pairs = [(action, f"a{i}") for i, action in enumerate(flow.data["actions"])]
    pairs.append((_("Write my own"), "own"))
    question = Choices(str(messages.ACTION_QUESTION), flow.options(pairs))
    if named is None:
        return [question]
    return [Text(replies_in(current_language()).own_plan.first_is_yours), question]


def keep_role_said(turn: Turn, flow: ActiveFlow, answer: str) -> None:
    """ "I'm a counselor, not a teacher, so I don't have lesson plans": the role an answer
    says, for this reflection's action options, before any profile is set."""
    profiles = turn.library.profiles
    role = profiles.role_in(answer)
    if role is not None and not profiles.works_beside(answer):
        flow.data[ROLE_SAID] = role.value


def _profile_for_actions(turn: Turn, flow: ActiveFlow) -> Profile:
    """The profile the action options fit: the stored one, or, with no role stored, the
    role an answer said (the options fit a counselor at once, not after `profile`)."""
    profile = profile_of(turn.educator)
    said = flow.data.get(ROLE_SAID)
    if profile.role is not None or said not in {role.value for role in Role}:
        return profile
    return replace(profile, role=Role(said))


def _step_named_in_answers(flow: ActiveFlow) -> str | None:
    """A step of their own the answers named ("i could text mom about..."), the latest
    answer's first; None when none did or it is already offered."""
    answers: list[str] = flow.data["answers"]
    for answer in reversed(answers):
        named = own_plan(answer)
        if named is not None:
            named = naming_who(named, answer)  # "Text the Johnsons...", not "Text them..."
            offered = {action.casefold() for action in flow.data["actions"]}
            return None if named.casefold() in offered else named
    return None


def _ask_own_action(flow: ActiveFlow) -> list[Reply]:
    flow.step = "action_own"
    flow.data["_accepts_text"] = True
    flow.data["_options"] = []
    return [AskText(str(messages.ACTION_OWN))]


def _save(turn: Turn, flow: ActiveFlow, action: str) -> list[Reply]:
    day = flow.data.pop(DAY_FOR_STEP, None)
    if day and day.casefold() not in action.casefold():
        action = f"{action.rstrip('.')} ({day})"
    replaced = _replaced(turn, flow)
    if replaced is not None:
        replaced.action = turn.sealer.seal(action)
        changed = replies_in(current_language()).change_action.changed
        return [Text(changed), *_saved(flow, action)]
    prompts: list[str] = flow.data["prompts"]
    answers: list[str] = flow.data["answers"]
    turn.session.add(
        Reflection(
            educator_id=turn.educator.id,
            topic=flow.data["topic"],
            created_at=turn.now,
            answers=turn.sealer.seal(
                json.dumps(
                    [{"prompt": p, "answer": a} for p, a in zip(prompts, answers, strict=False)],
                    ensure_ascii=False,
                )
            ),
            action=turn.sealer.seal(action),
            action_status="planned",
        )
    )
    return _saved(flow, action)


def _replaced(turn: Turn, flow: ActiveFlow) -> Reflection | None:
    """The journal entry whose action this one takes the place of, while it still waits for
    its check-in (one told in between is kept as it was told)."""
    if flow.data.get(REPLACES) is None:
        return None
    entry = turn.session.get(Reflection, flow.data[REPLACES])
    if entry is None or entry.educator_id != turn.educator.id:
        return None
    return entry if entry.action_status == "planned" else None


def _saved(flow: ActiveFlow, action: str) -> list[Reply]:
    flow.finished = True
    saved = messages.REFLECTION_SAVED.format(action=action)
    # A note home asked for along the way is begun right after this: no second offer of one.
    button = None if flow.data.get(ASKED_FOR_LATER) else draft_button(action)
    if button is not None:  # the action is a note home: offer to write it now
        return [Card(str(drafts_said.DRAFT_IT_NOW_TITLE), saved, (button,))]
    return [Text(saved)]


class ReflectionFlow:
    optional = False

    def say_in(self, turn: Turn, flow: ActiveFlow, was: Library) -> None:
        say_in(turn, flow, was)

    def untouched(self, flow: ActiveFlow) -> bool:
        # Last week's check-in or the first question, not answered and no help asked for.
        begun = flow.data["answers"] or flow.data.get("stuck_times")
        changing = flow.data.get(REPLACES) is not None and flow.step == "action"
        return changing or (not begun and flow.step in ("followup", "prompt"))

    def title(self, turn: Turn, flow: ActiveFlow) -> str:
        return _("reflection on *{title}*").format(title=turn.library.title(flow.data["topic"]))

    def reprompt(self, turn: Turn, flow: ActiveFlow) -> list[Reply]:
        # Re-asking rebuilds the same step's question; the options keep their keys.
        match flow.step:
            case "followup":
                pending = turn.session.get(Reflection, flow.data.get("followup_id"))
                if pending is not None:
                    return _ask_followup(turn, flow, pending)
                return _ask_prompt(flow)
            case "prompt":
                return _ask_prompt(flow, again=True)
            case "probe":
                return _ask_probe(flow, str(flow.data.get("thin_answer", "")))
            case step if step in checkin.STEPS:
                return checkin.reprompt(flow)
            case "action":
                return ask_action(turn, flow)
            case _:
                return _ask_own_action(flow)

    def _after_answer(self, turn: Turn, flow: ActiveFlow, full: str) -> list[Reply]:
        """Keep the answer, say one thing that shows it was read, then move on. What was
        taken back within it ("i had a real convo with ahmed abdi's... no wait, i havent talked
        to them at all") is kept, and not what is read or said back."""
        saved, full = full, _after_taking_back(full)
        reading = understand(full, deficit=False)  # the wording note reads deficit itself
        asked = flow.data["prompts"][len(flow.data["answers"])]
        flow.data["answers"].append(saved)
        _keep_themes(flow, reading, full)
        note = wording_note(turn, full, asked=asked)
        second_look = flow.data.pop("_noted", False) and listening.takes_a_second_look(full)
        if note:
            flow.data["_noted"] = True  # the next answer may look again at these words
        heard = (
            replies_in(current_language()).second_look.acknowledge
            if second_look
            else self._heard(turn, flow, full, reading, noted=bool(note))
        )
        replies: list[Reply] = [*([Text(heard)] if heard else []), *note]
        return [*replies, *_next_question(turn, flow)]

    def _heard(
        self, turn: Turn, flow: ActiveFlow, full: str, reading: Understanding, *, noted: bool
    ) -> str | None:
        """What shows the answer was read; each acknowledgement said once a conversation.
        None when a note on its wording follows and there is nothing more to say than "let's
        build on that" (the note quotes the words; agreeing with them first would jar)."""
        own_role = _own_role_heard(turn, full, reading.intent)
        if own_role is not None:
            keep_role_said(turn, flow, full)
            # "im a counselor and honestly there's no time for any of this": the week too,
            # when the answer's own words name it (the model alone heard "I don't have
            # lesson plans" as time).
            said = listening.theme_heard(full, reading, cued_only=True)
            return own_role if said is None else f"{own_role} {said}"
        said_before: list[str] = flow.data.setdefault("acknowledged", [])
        ack = listening.heard(full, reading, said_before, at_a_question=True)
        if noted and ack.key.startswith(listening.GENERAL + ":"):
            return None
        said_before.append(ack.key)
        return listening.in_brief_when_told(ack, full)

    def _followup(self, turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
        pending = turn.session.get(Reflection, flow.data.get("followup_id"))
        if pending is None or pending.educator_id != turn.educator.id:
            return _ask_prompt(flow)
        outcome = answer.key or checkin.typed_outcome(answer.text)
        how_long = replies_in(current_language()).reflection_asides.at_a_pick.how_long_checkin
        aside = read_pick_step_aside(answer.text, how_long) if outcome is None else None
        # Asked, before it is read as how it went: "wait who can see this", "how long is this?"
        if aside is not None and aside.asked:
            return [Text(aside.reply), *_ask_followup(turn, flow, pending)]
        if outcome is None and checkin.tells_how_it_went(answer.text):
            # "only got to talk to one, the meeting got taken over": kept, outcome asked.
            return checkin.ask_outcome(flow, pending, answer.text)
        if outcome is None and checkin.puzzled(answer.text):  # "?", "huh": what it asks
            explained = replies_in(current_language()).checkin_asked.puzzled
            return [Text(explained), *_ask_followup(turn, flow, pending)]
        if aside is not None:  # "bell just rang, later"
            return [Text(aside.reply), *_ask_followup(turn, flow, pending)]
        if outcome is None:  # "hmm", "idk": not clearly done, partly or not yet
            return [Text(str(messages.PICK_AN_OPTION)), *_ask_followup(turn, flow, pending)]
        said = answer.text if answer.key is None else None
        return checkin.begin(turn, flow, pending, outcome, _then_questions, said)

    def advance(self, turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
        number = parse_small_int(answer.text.strip().rstrip(".")) if answer.key is None else None
        if number is not None:  # a bare number that picks no option shown: a slip, not an answer
            not_shown = Text(messages.NOT_AN_OPTION.format(number=number))
            return [not_shown, *self.reprompt(turn, flow)]
        match flow.step:
            case "followup":
                return self._followup(turn, flow, answer)
            case step if step in checkin.STEPS:
                return checkin.advance(turn, flow, answer, _then_questions)
            case "prompt" | "probe" | "action" if (
                answer.key is None and (number := takes_back(flow, answer.text)) is not None
            ):
                # "actually can you delete what i just wrote": that answer is emptied, not
                # this saved as one (the journal had kept both).
                step = flow.step
                removed = Text(take_back(flow, number))
                if step == "probe":  # the probe's answer is given up, and so is the probe
                    return [removed, *_next_question(turn, flow)]
                # The options are fitted again: none is drawn from the answer taken back.
                return [
                    removed,
                    *(ask_action(turn, flow) if step == "action" else _ask_prompt(flow)),
                ]
            case "prompt" | "probe" | "action" if answer.key is None and (
                mended := correction_of_last_answer(flow, answer.text)
            ):
                # "sorry i meant the Nguyen family not the Tran family": the answer before
                # mended (it had been kept as this question's answer), the question kept.
                mend(flow, mended)
                return [Text(mended.said), *self.reprompt(turn, flow)]
            case "prompt" | "probe" if answer.key is None and (
                advice := advice_on_what_was_told(answer.text, _told_so_far(flow))
            ):
                # "what should i say to her tomorrow", after "a parent yelled at me at pickup":
                # answered from what was told (it had been the stuck help), the question kept.
                return [Text(advice), *self.reprompt(turn, flow)]
            case "prompt" | "probe" if answer.key is None and (
                nudges_set := nudges_asked_in_words(turn, answer.text, in_a_conversation=True)
            ):
                # "how do i make the reminders monthly instead of weekly": set, not saved as
                # the answer (it had been "Got it: ... That matters."), the question kept.
                return [*nudges_set, *self.reprompt(turn, flow)]
            case "prompt" | "probe" if (
                answer.key is None
                and listening.asks_about_several(answer.text)
                and phrased_aside(replies_in(current_language()).reflection_asides, answer.text)
                is None
            ):
                # "wait before I answer - is it ok if I talk about more than one family?": it
                # is (it had been "No, you don't have to", and then kept as the answer).
                several = replies_in(current_language()).stuck.several
                return [Text(several), *self.reprompt(turn, flow)]
            case "prompt" | "probe" if (
                answer.key is None
                and not messages.says_skip(answer.text)
                and (aside := reflection_aside(flow, answer.text))
            ):
                # "how long is this?", "can we finish this later?": answered, not saved.
                return [Text(aside), *self.reprompt(turn, flow)]
            case "prompt" | "probe" | "action" | "action_own" if (
                answer.key is None
                and listening.draft_asked_of_the_coach(
                    answer.text, understand(answer.text, deficit=False)
                )
                # Over the options, a question about them has its own answer ("can you write
                # the note for the second one?").
                and (flow.step in ("prompt", "probe") or action_question(answer.text) is None)
            ):
                # "write me a text to send a dad who keeps no-showing conferences": kept, and
                # the note written with them once the reflection ends (it had been saved as the
                # answer, or as the week's action).
                flow.data[ASKED_FOR_LATER] = {"text": answer.text, "note_home": True}
                kept = replies_in(current_language()).intents.draft_kept_for_later
                return [Text(kept), *self.reprompt(turn, flow)]
            case "prompt" | "probe" if answer.key is None and (
                applies := _asks_if_it_applies(turn, flow, answer.text)
            ):
                # "i'm a school nurse not a teacher - does this apply?": it does, said for
                # their role, and the question asked again (it had been kept as the answer).
                return [Text(applies), *self.reprompt(turn, flow)]
            case "prompt" | "probe" if answer.key is None and (
                asked := question_put_at_the_end(answer.text)
            ):
                # "a parent wants my cell number. do i give it??": answered beside the
                # question (it had been kept as the answer), the question kept.
                back = replies_in(current_language()).intents.aside_back
                said = asked if asked.endswith(back) else f"{asked}\n\n{back}"
                return [Text(said), *self.reprompt(turn, flow)]
            case "prompt" | "probe" if answer.key is None and asked_not_answered(answer.text):
                # "wait before that, can i ask something. ... is that normal or did i do
                # something wrong": answered when the content can, else kept for after the
                # reflection; never the answer (it had been "Noted, ...").
                aside = situation_aside(answer.text)
                if aside is not None:
                    return [Text(aside), *self.reprompt(turn, flow)]
                flow.data[ASKED_FOR_LATER] = {"text": answer.text, "note_home": False}
                kept = replies_in(current_language()).intents.asked_kept_for_later
                return [Text(kept), *self.reprompt(turn, flow)]
            case "prompt" | "probe" if answer.key is None and asks_about_a_family_at_the_end(
                answer.text
            ):
                # "what do i do if a grandparent shows up to pick up and isnt on the list":
                # nothing ready for it here; kept, and answered once the reflection ends.
                flow.data[ASKED_FOR_LATER] = {"text": answer.text, "note_home": False}
                kept = replies_in(current_language()).intents.asked_kept_for_later
                return [Text(kept), *self.reprompt(turn, flow)]
            case "prompt":
                if answer.key == "skip" or messages.says_skip(answer.text):
                    flow.data["answers"].append("")
                    return _next_question(turn, flow)
                own = own_words(answer)
                if own is not None and listening.asks_what_counts(own):
                    counts = replies_in(current_language()).stuck.what_counts
                    return [Text(counts), *self.reprompt(turn, flow)]
                if own is not None and listening.asks_how_to_answer(own):
                    how = replies_in(current_language()).stuck.how_to_answer
                    return [Text(how), *self.reprompt(turn, flow)]
                reading = understand(own, deficit=False) if own else None
                if own is None or reading is None or listening.is_stuck(own, reading):
                    return _ask_unstuck(flow)
                if listening.is_thin(own, reading):
                    flow.data["thin_answer"] = own
                    return _ask_probe(flow, own)
                return self._after_answer(turn, flow, own)
            case "probe":
                first = str(flow.data.pop("thin_answer", ""))
                more = own_words(answer)
                if more is not None and listening.is_stuck(more, understand(more, deficit=False)):
                    more = None  # "not sure what else": the first answer stands alone
                return self._after_answer(turn, flow, listening.joined(first, more))
            case "action":
                if answer.key == "own":
                    return _ask_own_action(flow)
                if answer.key is not None and answer.key.startswith("a"):
                    index = int(answer.key[1:])
                    return _save(turn, flow, flow.data["actions"][index])
                return self._own_action(turn, flow, answer, asked_for_own=False)
            case _:
                return self._own_action(turn, flow, answer, asked_for_own=True)

    def _own_action(
        self, turn: Turn, flow: ActiveFlow, answer: Answer, *, asked_for_own: bool
    ) -> list[Reply]:
        """An action in the educator's words; a non-answer, a question ("qué es esto") or
        how last week went ("kinda, i called but mom got mad") is never saved as one. Typed
        over the action options, a text is saved only when it names a step (the plan model,
        bot/understanding/plan.py: "he works two jobs" is heard and the options asked again,
        and the same text typed again is saved), and one that frames families by deficits
        ("those parents just don't care") is a feeling about the week: it gets the wording
        note and the options again. A question about the action ("can i pick two?") gets
        its answer (bot/understanding/action_questions.py), and an option named among other
        words ("i think 3") is that option. After "Write my own", what is written is the
        plan."""
        own = own_words(answer)
        # What was typed over the options last time and not taken as a step (see below).
        set_aside = flow.data.pop(NOT_A_STEP, None)
        said = replies_in(current_language())
        not_yet = Text(said.stuck.not_an_action)
        if own is not None and not asked_for_own and several_named(own):  # "2 and 3"
            return [Text(str(messages.ONE_FOR_THIS_WEEK)), *ask_action(turn, flow)]
        if own is not None and not asked_for_own and asks_to_write_own(own):  # "my own pls"
            return _ask_own_action(flow)
        if own is not None and _refuses_a_step(own):
            # "wait is this going to make me call mr hargrove because i will not be doing
            # that": it had been saved as the week's action, "Make me call mr hargrove".
            return [Text(said.own_plan.refused), *ask_action(turn, flow)]
        if own is not None and not asked_for_own and _PUSHES_BACK.search(own):
            # "um get brynns mom out the door?? 😂 no thats theo's dad and i dont want to kick
            # anyone out lol": not that one (it had been saved, her words beside it).
            return [Text(said.own_plan.not_that_one), *ask_action(turn, flow)]
        in_words = _option_in_words(flow, own) if own is not None and not asked_for_own else None
        if in_words is not None:  # "option 2 but with the hernandez family instead"
            return _save(turn, flow, in_words)
        picked = option_in_passing(own) if own is not None and not asked_for_own else None
        actions: list[str] = flow.data["actions"]
        if picked is not None and picked <= len(actions):  # "i think 3", "going w 1"
            return _save(turn, flow, actions[picked - 1])
        if picked == len(actions) + 1:  # "ok i'll do 4": Write my own
            return _ask_own_action(flow)
        if own is not None and not asked_for_own and listening.asks_to_change_action(own):
            # "wait can i change my action": none is saved yet, these are the ones to choose.
            changed = replies_in(current_language()).change_action.not_saved_yet
            return [Text(changed), *ask_action(turn, flow)]
        nudges_set = nudges_asked_in_words(turn, own, in_a_conversation=True) if own else []
        if nudges_set:  # "ya no me mandes los recordatorios los lunes, mejor los viernes"
            return [*nudges_set, *ask_action(turn, flow)]
        allowed = step_asked_leave_for(own) if own is not None else None
        if allowed is not None:  # "can i just text his mom instead?": yes, and it is saved
            return [Text(said.own_plan.leave_given), *_save(turn, flow, allowed)]
        pause = action_step_aside(own) if own is not None else None
        if pause is not None:  # "bell rang, can i pick one tmrw?": the options keep
            return [Text(pause), *ask_action(turn, flow)]
        # After "Write my own", a step with no question mark is the step ("ask destiny, marcus
        # and andre who THEY want me to call... even if the answer is nobody" had been answered
        # "if no one answers, one more try another way is enough").
        # A "?" in brackets doubts a detail, not the step: "call Kaylee's mom on her day off
        # (tues?) with the thrift store thing".
        written = asked_for_own and own is not None and "?" not in listening.without_brackets(own)
        asks = own is not None and own != set_aside and not written
        asked = action_question(own) if own is not None and asks else None
        if own is not None and asked is not None:
            # "can i pick two?", "what if they don't speak english?": answered, then the
            # options again; typed again as it was, it is their plan (a step misread as a
            # question never loops). A step named beside the question is not offered back:
            # read out of a question it was mostly a choice ("Call or text", "Do the first
            # two"), measured on the examples.
            flow.data[NOT_A_STEP] = own
            return [Text(said.action_questions[asked]), *ask_action(turn, flow)]
        if own is not None and not asked_for_own and says_a_day_only(own) and not own_plan(own):
            # "tuesday nights like 8:30": when, not what (it had been heard as no time); after
            # the action questions, which a day asked about is ("can i do it friday?"); "text
            # the lopez family friday" is a step with its day, saved as it is.
            flow.data[DAY_FOR_STEP] = own.strip().rstrip(".")
            day = said.own_plan.day_only.format(day=flow.data[DAY_FOR_STEP])
            return [Text(day), *ask_action(turn, flow)]
        situation = _situation_asked_over_the_options(own, set_aside) if own else None
        if situation is not None:
            # "how do i find time for this with 150 students": answered beside the options
            # (it had been "that doesn't look like an action yet"); typed again, it is kept.
            flow.data[NOT_A_STEP] = own
            return [Text(situation), *ask_action(turn, flow)]
        if own is not None and listening.reports_how_it_went(own):
            # "kinda, i called but mom got mad": heard, not saved as the plan.
            heard = _heard_not_saved(flow, own, said.own_plan.report_heard)
            return [*heard, *ask_action(turn, flow)]
        if own is not None and listening.is_stuck(own, understand(own, deficit=False)):
            # "can u give me an example of a small thing? everything feels big": help, not
            # "that doesn't look like an action yet".
            return [Text(said.stuck.action_help), *ask_action(turn, flow)]
        if own is None or not listening.is_action(own):
            return [not_yet, *ask_action(turn, flow)]
        note = wording_note(turn, own)
        if note and not asked_for_own:
            return [*note, not_yet, *ask_action(turn, flow)]
        if not (asked_for_own or note or own == set_aside or names_a_step(own)):
            # "he works two jobs", typed over the options: heard, not saved as the plan.
            # Typed again as it was, or after "Write my own", it is their plan.
            flow.data[NOT_A_STEP] = own
            heard = _heard_not_saved(flow, own, said.own_plan.not_a_step)
            return [*heard, *ask_action(turn, flow)]
        step = _without_lead_in(own)
        if own != set_aside and _only_a_verb(step):
            # "actually not email. text maybe": "Text maybe" had been the week's action.
            flow.data[NOT_A_STEP] = own
            thin = said.own_plan.too_thin.format(step=step.rstrip(". "))
            return [*note, Text(thin), *ask_action(turn, flow)]
        return [*note, *_said_beside_the_step(flow, own, step), *_save(turn, flow, step)]


# When a plan is for, said before its step ("Thursday I'll...", "mañana le llamo"): kept.
# Days of the week are weekly/schedule.py's parse_weekday; these are the days it does not name.
_RELATIVE_DAYS = frozenset(["tomorrow", "tmrw", "tonight", "today", "weekend", "mañana", "hoy"])
# Said against an option, typed over the options: "no thats theo's dad", "not that one".
_PUSHES_BACK = re.compile(
    r"\b(?:no|nah|nope)\W+(?:that'?s|thats|it'?s|its|not)\b"
    r"|\bnot (?:that|this) one\b|\bno,? (?:esa|ese) no\b",
    re.IGNORECASE,
)


# Said to take back what came before it in the same message.
_TAKEN_BACK = re.compile(
    r"(?:\.\.\.|[,.;:!-])?\s*\b(?:no wait|wait no|wait,? no|actually no|no actually|scratch that|"
    r"never ?mind|nvm|correction|no espera|espera no|mejor dicho)\b"
    r"[\s,.:;!-]*",
    re.IGNORECASE,
)


def _after_taking_back(text: str) -> str:
    """What follows the last taking back, when it says something (three words or more)."""
    found = list(_TAKEN_BACK.finditer(text))
    if not found:
        return text
    rest = text[found[-1].end() :].strip()
    return rest if len(words(for_matching(rest))) >= 3 else text


def _refuses_a_step(own: str) -> bool:
    """Said against doing a step at all, or asking whether one is required, with no step of
    one's own offered instead ("im not calling him, i'll email instead" is a step)."""
    said = replies_in(current_language()).own_plan
    matched = for_matching(own)
    return (
        phrases_pattern(tuple(said.refusals)).search(matched) is not None
        and phrases_pattern(tuple(said.instead_words)).search(matched) is None
    )


def _only_a_verb(step: str) -> bool:
    """A step with nothing beside its verb but fillers ("Text maybe", "Call i guess")."""
    fillers = set(replies_in(current_language()).own_plan.fillers) | _HEDGES
    return len([word for word in words(for_matching(step)) if word not in fillers]) <= 1


# Said after a step's verb, they add nothing to it ("text maybe", "call i guess").
_HEDGES = frozenset({"maybe", "i", "guess", "perhaps", "idk", "or", "something", "lol", "quizá"})


def _situation_asked_over_the_options(own: str, set_aside: object) -> str | None:
    """A question about an everyday situation typed over the action options ("how do i find
    time for this with 150 students", "how do i get dads to come"): its answer as an aside,
    or None for a step (even one put as a question: "should i call his mom thursday?") or
    for the same text typed a second time."""
    if own == set_aside or not asks_a_question(own):
        return None
    if names_a_step(own) and _HOW_ASKED.match(own) is None:
        return None  # ("how do i find time for this with 32 kids" asks, whatever its words)
    return situation_aside(own)


# A question that opens asking how ("how do i...", "cómo le hago...") is never a step; "how
# about I call her thursday" is one.
_HOW_ASKED = re.compile(r"^\W*(?:so |but |ok )?(?:how(?! about)|c[oó]mo)\b", re.IGNORECASE)


def _option_in_words(flow: ActiveFlow, own: str) -> str | None:
    """An action option named with a change ("option 2 but with the hernandez family
    instead", "2 but on friday", "the first one, for the okafors"), or by what it says ("the
    note one", "la de la nota"): the option, and the change in their words."""
    actions: list[str] = flow.data["actions"]
    named = option_named(own)
    if named is None or not named.change:
        named = option_by_its_words(own, actions)
    if named is None or not 1 <= named.number <= len(actions):
        return None
    action = actions[named.number - 1]
    return f"{action.rstrip('.')} ({named.change})" if named.change else action


def _keep_themes(flow: ActiveFlow, reading: Understanding, text: str) -> None:
    """What the educator's words were about, for the action options to fit, and what they
    told that settles a theme or brings options of its own ("i speak spanish myself": no
    interpreter to book)."""
    themes: list[str] = flow.data.setdefault("themes", [])
    themes.extend(t for t in reading.themes if t not in themes and t != "unsure")
    told = listening.what_is_told(text)
    if told is None:
        return
    settled: list[str] = flow.data.setdefault(SETTLED, [])
    settled.extend(t for t in told[1].settles if t not in settled)
    brought: list[str] = flow.data.setdefault(TOLD_ACTIONS, [])
    brought.extend(a for a in told[1].actions if a not in brought)


def _heard_not_saved(flow: ActiveFlow, own: str, why: str) -> list[Reply]:
    """What the text was about (its theme, when it names one), and why it was not saved; the
    options asked again fit it ("he works two jobs": the smallest ones first)."""
    reading = understand(own, deficit=False)
    _keep_themes(flow, reading, own)
    # A theme this conversation already acknowledged is not said again ("the garcias, mom
    # works nights", then "he works two jobs" at the action step).
    acknowledged = listening.acknowledged_themes(flow.data.get("acknowledged", []))
    said_before = listening.hardest_theme(reading.themes) in acknowledged
    heard = None if said_before else listening.theme_heard(own, reading)
    return [*([Text(heard)] if heard is not None else []), Text(why)]


def _said_beside_the_step(flow: ActiveFlow, own: str, step: str) -> list[Reply]:
    """ "i guess i could call when a kid does something good but i have 400 kids on my
    caseload": the step is saved, and what was said around it is heard (its theme, when this
    conversation has not acknowledged it yet), not dropped with the lead-in."""
    start = own.casefold().find(step.casefold())
    if step == own or start < 0:
        return []
    rest = f"{own[:start]} {own[start + len(step) :]}".strip()
    reading = understand(rest, deficit=False)
    theme = listening.hardest_theme([t for t in reading.themes if t in reading.cued])
    acknowledged = listening.acknowledged_themes(flow.data.get("acknowledged", []))
    if theme is None or theme in acknowledged:
        return []
    heard = listening.theme_heard(rest, reading, cued_only=True)
    return [Text(heard)] if heard is not None else []


def _without_lead_in(action: str) -> str:
    """ "i guess i could write her a quick note" is saved as "Write her a quick note" and
    "maybe text mom" as "Text mom": the step in their words, without what led up to it. An
    action that starts with its step is kept exactly as typed."""
    step = own_plan(action) or without_hedge(action)
    if step is None or action.casefold().startswith(step.casefold()):
        return action
    at = action.casefold().find(step.casefold()[:24])
    lead_in = set(words(for_matching(action[:at]))) if at >= 0 else set()
    if lead_in & _RELATIVE_DAYS or any(parse_weekday(word) is not None for word in lead_in):
        return action  # "Thursday I'll book the interpreter...": the day is part of the plan
    if at < 0 or len(lead_in) > LEAD_IN_MOST_WORDS:
        # "Before Thursday, ask my principal about make-up sessions, so I can bring it up
        # first": the step is the whole of it, not the clause after "so I can".
        return action
    return step


def _own_role_heard(turn: Turn, answer: str, intent: str) -> str | None:
    """An answer that says who the educator is ("I'm a counselor, not a teacher, so I don't
    have lesson plans"), when the profile says otherwise or nothing: heard as that, with how
    to set it (the answer is kept as it is)."""
    if intent != "profile":
        return None
    profiles = turn.library.profiles
    role = profiles.role_in(answer)
    if role is None or role.value == turn.educator.role:
        return None
    if profiles.works_beside(answer):  # "as a para i don't plan lessons": not "a teacher"
        return str(profile_said.OFFER_ASIDE_UNCLEAR)
    described = profiles.roles[role].described
    band = profiles.band_in(answer) if turn.educator.grade_band is None else None
    # "im a 3rd grade teacher and...": role and grades in the one command it names.
    setting = role.value if band is None else f"{role.value} {band.value}"
    return profile_said.OFFER_ASIDE.format(described=described, role=setting)


# A role said with a question about it ("im the front office secretary, do i even answer
# this") is asked, not answered, up to this many words; a longer one tells a story.
ROLE_ASKED_WORDS = 16
# ...or up to this many when the last sentence asks whether it applies in so many words.
ROLE_ASKED_AT_THE_END_WORDS = 40


def _asks_if_it_applies(turn: Turn, flow: ActiveFlow, text: str) -> str | None:
    """ "im a counselor not a classroom teacher, does this even apply to me", "soy la
    trabajadora social, esto es para mí también?": yes, and how to answer it from that role
    (with how to set the role, when the profile says otherwise), or None."""
    profiles = turn.library.profiles
    role = profiles.role_in(text)
    said = words(for_matching(text))
    own = bool(said) and (said[0] in OWN_ROLE_OPENERS or said[:2] == ["i", "am"])
    asks = phrases_pattern(tuple(replies_in(current_language()).reflection_asides.applies_asks))
    last = (sentences_of(text) or [text])[-1]
    # "I'm a resource teacher, I don't really have a class. My kids come from eleven
    # classrooms. Does this question even apply to me?": asked in so many words at the end.
    most = ROLE_ASKED_AT_THE_END_WORDS if asks.search(for_matching(last)) else ROLE_ASKED_WORDS
    if role is None or not own or len(said) > most:
        return None
    if not (is_asked(text) or asks.search(for_matching(text))):
        return None
    keep_role_said(turn, flow, text)
    applies = replies_in(current_language()).reflection_asides.applies_to_every_role
    heard = _own_role_heard(turn, text, "profile")
    return applies if heard is None else f"{heard} {applies}"


def say_in(turn: Turn, flow: ActiveFlow, was: Library) -> None:
    """The reflection's questions in the language just chosen mid-way (the offer of Spanish
    tapped at question 1): each stored question, found in the content it was taken from
    (`was`), becomes the same question in `turn.library`. The action options follow by
    themselves: they are chosen again when asked."""
    then = [p.text for p in was.topics[flow.data["topic"]].reflection_prompts]
    now = [p.text for p in turn.library.topics[flow.data["topic"]].reflection_prompts]
    flow.data["prompts"] = [
        now[then.index(prompt)] if prompt in then else prompt for prompt in flow.data["prompts"]
    ]
