"""The coach: one neutral message in, a list of neutral reply parts out.

Each message is handled in one database transaction: either everything it
changed is saved, or nothing is. Adapters call `Coach.handle`; nothing here
knows which platform the message came from beyond its name.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import dropwhile

from cryptography.fernet import Fernet
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from bot import messages
from bot.commands.base import CommandHandler
from bot.commands.forget import never_mind_then
from bot.commands.help import help_card
from bot.commands.language import language_picked, switch_language
from bot.commands.profile import ROLE, first_hello, option_typed
from bot.commands.table import (
    TYPO_ALONE,
    TYPO_BEFORE_WORDS,
    command_table,
    command_word,
    is_help_word,
    only_question_marks,
)
from bot.educators import find_or_add_educator
from bot.flows import set_aside
from bot.flows.base import Answer, Flow, match_answer
from bot.flows.checkin import puzzled
from bot.flows.reflection_asides import pick_step_aside
from bot.flows.registry import KIND_STARTED_BY, flow_table
from bot.flows.state import (
    ASKED_FOR_LATER,
    STEPS_ASIDE,
    ActiveFlow,
    discard_flow,
    end_flow,
    load_flow,
    parse_flow_value,
    save_flow,
)
from bot.followthrough import nudge_left_open
from bot.heard_follow_up import follow_up
from bot.i18n import current_language, speaking
from bot.inbound import Inbound
from bot.inbox import store as inbox
from bot.language import (
    accepts_offered_spanish,
    educator_language,
    known_language,
    language_named,
    language_of_locale,
    library_for,
    note_platform_locale,
    spanish_words_for,
)
from bot.nudge_marked import answer_to_marked_done
from bot.numbers import parse_small_int
from bot.offers import (
    ADVISED,
    HEARD,
    HOW_IT_WENT,
    KEEP_GOING,
    LISTENING,
    MARKED_DONE,
    NO_ADVICE,
    NUDGE_CARD,
    OFFER_CHARS,
    PROFILE_QUESTION,
    TAKES_NEXT,
    make_offer,
    profile_question_asked,
    says_no,
    says_yes,
    take_offer,
)
from bot.plain_requests import (
    answer_plain_request,
    answer_to_how_it_went,
    answer_to_keep_going,
    answer_to_nudge_card,
    answer_while_listening,
    aside_in_flow,
    coach_language_asked,
    greet,
    may_offer_spanish,
    reframe_switch_asked,
    stops_to_listen,
    with_spanish_offer,
    without_first_hello,
)
from bot.reframe.fallback import find_framing
from bot.replies import Reply, Text
from bot.settings import Settings
from bot.storage.errors import STORAGE_UNAVAILABLE
from bot.storage.keyring import Keyring
from bot.storage.models import Educator, SeenDelivery
from bot.storage.sealing import FernetSealer, SealError
from bot.storage.timeouts import turn_deadline
from bot.text import clean, split_command
from bot.topics import resolve_topic
from bot.turn import Turn
from bot.understanding import understand
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.reader import clauses_of, default_reader
from content.languages import DEFAULT_LANGUAGE
from content.loader import Library
from content.understanding_schema import default_understanding, replies_in

log = logging.getLogger("coach.engine")
# Leaving a conversation in more words than this tells what they left it for.
LEAVE_ALONE_WORDS = 12

CANCEL_WORDS = ("cancel", "stop", "quit", "exit")
# Commands that begin a guided conversation; only one can be open at a time.
FLOW_STARTERS = tuple(KIND_STARTED_BY)
GREETING_WORDS = ("hi", "hello", "hey")
# A message of up to this many words that ends in "back" says the educator is back.
BACK_AGAIN_WORDS = 8


def back_again(text: str) -> bool:
    """ "sorry kid threw up, back", "ok im back", "ya regresé": back from being called away
    (the last clause says so, whole; "she never called back" does not)."""
    clauses = clauses_of(text)
    if not clauses or len(words(for_matching(text))) > BACK_AGAIN_WORDS:
        return False
    fillers = default_reader().opening_fillers
    last = " ".join(dropwhile(fillers.__contains__, words(for_matching(clauses[-1]))))
    endings = default_understanding().intents.sets.get("back-again", [])
    return last in {" ".join(words(for_matching(ending))) for ending in endings}


# Command words whose every phrase is a command, even inside a guided conversation.
PHRASE_COMMANDS = ("nudges",)
# Words only buttons send: a stale click never ends the conversation it lands in.
BUTTON_WORDS = ("checkin", "nudge")
# Conversations whose typed words may be for a family, in the family's language (a draft):
# Spanish typed there says nothing about the language the educator wants to be spoken to in.
WRITES_FOR_FAMILIES = frozenset({"draft"})
# Words of their own, never read as a mistyped command ("forgot honestly" had been asked
# "Did you mean `forget`?").
NOT_TYPOS = frozenset({"forgot", "forgotten", "forgetting", "forgets"})
# Commands a "yes" never runs from "Did you mean ...?": deleting is asked for in its own words.
NEVER_BY_A_YES = ("forget", "olvidar")
# The offer to set a role heard in a sentence ("im a principal": `profile role leader`).
ROLE_OFFERED = "profile role "
Clock = Callable[[], datetime]
# How often a turn runs again after a twin's unique key won (each try sees more of the twins).
TWIN_RETRIES = 2


def utc_now() -> datetime:
    return datetime.now(UTC)


class Coach:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        library: Library,
        settings: Settings,
        sealer: Keyring | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.sessions = sessions
        self.library = library
        self.settings = settings
        # The master key(s); each turn gets a sealer bound to its educator's data key.
        self.sealer: Keyring = sealer or Keyring(FernetSealer([Fernet(Fernet.generate_key())]))
        self.clock = clock
        self.commands: dict[str, CommandHandler] = command_table()
        self.flows: dict[str, Flow] = flow_table()

    def handle(self, inbound: Inbound, inbox_id: int | None = None) -> list[Reply]:
        """Answer one message. Never raises: failures become a kind sentence.

        `inbox_id`: the message's inbox row (bot/inbox): the turn stores its replies there in
        its own transaction, or, when a turn before a restart already did, returns those."""
        try:
            # The whole turn, every statement and a new connection if need be, gets
            # COACH_DB_TIMEOUT_S: the educator hears back within it, whatever the database does.
            # Until the educator is found, their platform's language (an outage is told in it).
            with (
                turn_deadline(self.settings.coach_db_timeout_s),
                speaking(language_of_locale(inbound.locale) or DEFAULT_LANGUAGE),
            ):
                return self._run_turn(inbound, inbox_id)
        except StaleDataError:
            # A duplicate delivery or double click advanced the same flow a moment ago.
            log.info("flow_race_ignored", extra={"platform": inbound.platform.value})
            return []
        except IntegrityError as exc:
            # Not an outage (IntegrityError is a DBAPIError): a conflict a retry did not clear.
            log.error("handle_failed", extra={"error": type(exc).__name__})
            return [Text(str(messages.SOMETHING_WENT_WRONG))]
        except STORAGE_UNAVAILABLE as exc:
            log.warning("storage_unavailable", extra={"error": type(exc).__name__})
            return [Text(str(messages.STORAGE_DOWN))]
        except SealError as exc:
            # The stored text is intact; this process lacks the key that opens it.
            log.error("sealed_text_unreadable", extra={"reason": exc.reason})
            return [Text(str(messages.SEALED_TEXT_UNREADABLE))]
        except Exception as exc:
            # Never log the message itself: it may be about a real student or family.
            log.error("handle_failed", extra={"error": type(exc).__name__})
            return [Text(str(messages.SOMETHING_WENT_WRONG))]

    def _run_turn(self, inbound: Inbound, inbox_id: int | None) -> list[Reply]:
        """One transaction; run again once when a concurrent twin (the same educator's other
        message) committed a row with the same unique key first. Nothing of the first try was
        kept, and the second sees the twin's rows, so it answers as if it had come second."""
        for attempt in range(1 + TWIN_RETRIES):
            try:
                with self.sessions.begin() as session:
                    if inbox_id is None:
                        return self._handle(session, inbound)
                    return self._answer_kept(session, inbound, inbox_id)
            except IntegrityError:
                if attempt == TWIN_RETRIES:
                    raise
                log.info("turn_ran_again_after_twin", extra={"platform": inbound.platform.value})
        raise AssertionError("unreachable")

    def _answer_kept(self, session: Session, inbound: Inbound, inbox_id: int) -> list[Reply]:
        row = inbox.claim_for_turn(session, inbox_id)
        if row is None:
            return []  # finished by another process, or its educator was forgotten since
        sealer = self.sealer.for_educator(session, row.educator_id)
        stored = inbox.stored_replies(sealer, row)
        if stored is not None:
            return stored  # answered before a restart; only the sending was left
        replies = self._handle(session, inbound, first_contact=row.first_contact)
        if not inspect(row).detached:  # `forget` took the row with the educator
            inbox.record_replies(sealer, row, replies)
        return replies

    def turn_for(
        self, session: Session, inbound: Inbound, first_contact: bool | None = None
    ) -> Turn:
        """`first_contact`: known already (the inbox met the educator when it kept the message)."""
        now = self.clock()
        educator, met_now, seen_before = self._educator(session, inbound, now)
        language = educator_language(educator)
        return Turn(
            first_contact=met_now if first_contact is None else first_contact,
            seen_before=seen_before,
            inbound=inbound,
            session=session,
            educator=educator,
            library=library_for(self.library, language),
            language=language,
            sealer=self.sealer.for_educator(session, educator),
            settings=self.settings,
            now=now,
        )

    def _handle(
        self, session: Session, inbound: Inbound, first_contact: bool | None = None
    ) -> list[Reply]:
        if inbound.message_id and self._seen_before(session, inbound):
            return []
        raw = inbound.value if inbound.value is not None else inbound.text
        if len(raw) > messages.MAX_MESSAGE_CHARS:
            # Answered without meeting them (nothing is kept), in the language they have.
            with speaking(known_language(session, inbound)):
                too_long = messages.TOO_LONG.format(
                    length=len(raw), limit=messages.MAX_MESSAGE_CHARS
                )
            return [Text(too_long)]
        turn = self.turn_for(session, inbound, first_contact)
        with speaking(turn.language):
            return self._answer(turn, inbound, raw)

    def _answer(self, turn: Turn, inbound: Inbound, raw: str) -> list[Reply]:
        offered = take_offer(turn.educator, turn.now)  # only the very next message can take it
        try:
            flow = load_flow(turn)
        except SealError:
            if not self._goes_on_without_unreadable_flow(turn, raw):
                raise
            flow = None

        if inbound.value is not None:
            flow_value = parse_flow_value(inbound.value)
            if flow_value is not None:
                return self._on_flow_button(turn, flow, *flow_value)

        text = clean(raw)
        if flow is not None:
            # A conversation set aside or left for days: what the weekly nudge asked since
            # then (read once, for both the choice to set it aside and the reply beside it).
            waited = set_aside.is_parked(flow) or set_aside.has_waited(turn, flow)
            typed = inbound.value is None and bool(text)
            nudge = nudge_left_open(turn) if waited and typed else None
            if self._set_aside_by(turn, flow, text, nudge):
                return self._beside_set_aside(turn, flow, raw, text, nudge)
            return self._in_flow(turn, flow, text)
        if offered is None:  # the weekly nudge came since their last word: what it asked
            offered = nudge_left_open(turn)
        return self._without_flow(turn, raw, text, offered)

    def _without_flow(
        self, turn: Turn, raw: str, text: str, offered: str | None = None
    ) -> list[Reply]:
        if not text:
            return [Text(str(messages.EMPTY_MESSAGE))]
        taken = self._offer_answered(turn, text, offered) if offered is not None else None
        if taken is not None:
            return taken
        word, args = split_command(text)
        word = command_word(word, turn.language)
        rest = never_mind_then(args) if word == "forget" else None
        if rest:  # "forget it, how do i talk to an angry dad": never mind, and the question
            return self._without_flow(turn, rest, rest)
        if only_question_marks(word) and args:
            # "?? anyway real question: the mom asked me if being bilingual is why he talks
            # late...": puzzlement at the last reply, then the question (it had been the menu).
            return self._without_flow(turn, args, args)
        if word in CANCEL_WORDS and (
            not args or understand(text, deficit=False).intent == "cancel"
        ):
            # "stop it": nothing to stop; "stop correcting my wording" is a request.
            return [Text(str(messages.NOTHING_TO_CANCEL))]
        if word in GREETING_WORDS and not args and not turn.first_contact:
            return greet(turn)  # someone the coach knows: a hello, not the whole menu again
        if not any(ch.isalnum() for ch in text) and not is_help_word(word):
            return [Text(str(messages.NO_WORDS))]  # emoji or punctuation only: nothing to act on
        number = parse_small_int(text.rstrip("."))
        if number is not None and (picked := language_picked(turn, number)) is not None:
            # "2" typed under "¿Prefiere que le hable en español? 1. English 2. Español": that
            # language (it had been "There's nothing to pick by number right now").
            return self._run_command(turn, "language", picked)
        if number is not None:
            return [Text(str(messages.NOTHING_NUMBERED))]  # a choice typed after the question went
        if (word not in self.commands and not is_help_word(word)) or (
            args and (word == "help" or word in GREETING_WORDS)
        ):
            # Not a command word: a plain request ("can you help me write a note home?"), or a
            # hello with one ("hey so how do i get newcomer families to trust me").
            understood = answer_plain_request(turn, text, self.commands)
            if understood is not None:
                return understood
        typo = self._close(word, TYPO_BEFORE_WORDS) if args else None
        if word not in self.commands and not is_help_word(word) and args and not typo:
            return [Text(str(messages.NOT_SURE_WHAT_TO_DO))]  # a sentence, not a mistyped word
        return self._run_command(turn, word, args)

    def _offer_answered(self, turn: Turn, text: str, offered: str) -> list[Reply] | None:
        """The message as the answer to what the last reply offered or asked (bot/offers.py),
        or None when it is not one: a command word typed is always that command."""
        if offered.startswith(HOW_IT_WENT) and puzzled(text):  # "?" right after "How did it go?"
            return answer_to_how_it_went(turn, text, offered)
        typed_command = command_word(split_command(text)[0], turn.language)
        if typed_command in self.commands or is_help_word(typed_command):
            return None
        if offered.startswith(TAKES_NEXT):
            # `reframe` alone, then the sentence: the sentence is what it works on.
            return self._run_command(turn, offered.removeprefix(TAKES_NEXT).strip(), text)
        if offered.startswith(HOW_IT_WENT):  # a question asked, not a step offered
            return answer_to_how_it_went(turn, text, offered)
        if offered.startswith(NUDGE_CARD):  # "did it already lol" under the weekly nudge
            return answer_to_nudge_card(turn, text, offered, self.commands)
        if offered.startswith(MARKED_DONE):  # "wait no, i didnt do that one"
            return answer_to_marked_done(turn, text, offered)
        if offered.startswith(KEEP_GOING):  # "less often pls" under the keep-going question
            return answer_to_keep_going(turn, text, offered, self.commands)
        if offered.startswith(PROFILE_QUESTION):  # "6", "Docente", "omitir" under it
            chosen = option_typed(turn, text, offered)
            return None if chosen is None else self._run_command(turn, *split_command(chosen))
        if offered == LISTENING:  # "can you just listen" ... what they tell
            return answer_while_listening(text)
        if offered.startswith((HEARD, ADVISED)):
            # A story heard or things to try given: "what should I do?", "which one first?"
            # ask about them; a yes still takes the offer's command, if it has one.
            answer, offered = follow_up(turn, text, offered)
            if answer or offered == NO_ADVICE:
                return answer or None
        number = parse_small_int(text.strip().rstrip("."))
        role_asked = turn.educator.profile_asked_at is not None and turn.educator.role is None
        if offered.startswith(ROLE_OFFERED) and role_asked and number is not None and number > 1:
            # "2" after "im a principal" answered the role question asked just before it
            # (its "2. School leader"); "1" is the offer's own button.
            chosen = option_typed(turn, text, profile_question_asked(ROLE))
            return None if chosen is None else self._run_command(turn, *split_command(chosen))
        # "Type `reflect time`" ... "ok sure"; a "sí" once Spanish was offered takes Spanish.
        # "1" under an offer's one button ("1. Yes, set family liaison, elementary") is a
        # yes too (it had been "There's nothing to pick by number right now").
        if (says_yes(text) or number == 1) and not accepts_offered_spanish(turn.educator, text):
            return self._run_command(turn, *split_command(offered))
        if says_no(text):
            return [Text(replies_in(current_language()).offer_answers.declined)]
        return None

    def _goes_on_without_unreadable_flow(self, turn: Turn, raw: str) -> bool:
        """No configured key opens the flow in progress: `help` still answers (the flow waits
        for the key), and `forget` or `cancel` drop it, since erasure needs no key."""
        if turn.inbound.value is not None:
            return False
        word = command_word(split_command(clean(raw))[0], turn.language)
        if is_help_word(word):
            return True
        forget = self.commands.get("forget")
        if word in CANCEL_WORDS or (forget is not None and self.commands.get(word) is forget):
            discard_flow(turn)
            return True
        return False

    def _seen_before(self, session: Session, inbound: Inbound) -> bool:
        assert inbound.message_id is not None
        try:
            with session.begin_nested():
                session.add(
                    SeenDelivery(
                        platform=inbound.platform.value,
                        delivery_id=inbound.message_id[:255],
                        seen_at=self.clock(),
                    )
                )
        except IntegrityError:
            return True
        return False

    def _educator(
        self, session: Session, inbound: Inbound, now: datetime
    ) -> tuple[Educator, bool, datetime | None]:
        """The educator, whether met in this message, and when they were last seen before it."""
        educator, met_now = find_or_add_educator(
            session, inbound.platform.value, inbound.workspace, inbound.user, now, lock=True
        )
        seen_before = None if met_now else educator.last_seen_at
        if inbound.timezone and not educator.timezone:
            educator.timezone = inbound.timezone
        note_platform_locale(educator, inbound.locale)
        educator.last_seen_at = now
        return educator, met_now, seen_before

    def _run_command(self, turn: Turn, word: str, args: str) -> list[Reply]:
        if is_help_word(word):
            # The menu, and for someone who has not said who they are, the first hello's
            # question (asked once).
            return [*self.commands["help"](turn, args), *first_hello(turn)]
        handler = self.commands.get(word)
        if handler is None and not args and language_named(word) and "language" in self.commands:
            return self.commands["language"](turn, word)  # "es" alone: `language es`
        if handler is None:
            close = self._close(word)
            meant = f"{close} {args}".strip() if close not in (None, *NEVER_BY_A_YES) else ""
            if meant and len(meant) <= OFFER_CHARS:  # "refelct": a "yes" next runs `reflect`
                make_offer(turn.educator, meant, turn.now)
            return [Text(self._unknown_word(word))]
        return handler(turn, args)

    def _unknown_word(self, word: str) -> str:
        lines = [messages.UNKNOWN_COMMAND.format(word=word[:40])]
        close = self._close(word)
        if close:
            lines.append(messages.DID_YOU_MEAN.format(suggestion=close))
        lines.append(str(messages.TRY_HELP))
        return " ".join(lines)

    def _close(self, word: str, cutoff: float = TYPO_ALONE) -> str | None:
        """The command word a typo most likely meant ("reflet" -> "reflect"), in the words
        of the educator's language ("reflexinar" -> "reflexionar", never "channel")."""
        if word.casefold() in NOT_TYPOS:
            return None
        if current_language() == "es":
            spanish = spanish_words_for(self.commands)
            close = difflib.get_close_matches(word, spanish, n=1, cutoff=cutoff)
        else:
            close = difflib.get_close_matches(word, list(self.commands), n=1, cutoff=cutoff)
        return close[0] if close else None

    def _on_flow_button(
        self, turn: Turn, flow: ActiveFlow | None, version: int, key: str
    ) -> list[Reply]:
        if flow is None:
            return [Text(str(messages.STALE_BUTTON))]
        known_keys = {option_key for _, option_key in flow.data.get("_options", [])}
        if version != flow.version or key not in known_keys:
            return []  # a second click, or a button from an earlier step: already handled
        if set_aside.is_parked(flow):
            return self._set_aside_choice(turn, flow, key)
        return self._advance(turn, flow, Answer(key=key))

    def _set_aside_by(self, turn: Turn, flow: ActiveFlow, text: str, nudge: str | None) -> bool:
        """Whether a typed message goes beside the conversation rather than into it: one set
        aside already (but `cancel` still ends it), or one left for days that this message
        does not answer (`nudge`: what the weekly nudge asked since, bot/followthrough.py).
        A click (a nudge's button) is handled as in any conversation."""
        if turn.inbound.value is not None or not text or flow.kind not in self.flows:
            return False
        if set_aside.is_parked(flow):
            return command_word(text.casefold(), turn.language) not in CANCEL_WORDS
        # "reflect" typed a week after a reflection stopped: a new one, not "still open".
        starts_another = command_word(split_command(text)[0], turn.language)
        if starts_another in FLOW_STARTERS and set_aside.has_waited(turn, flow):
            return True
        if set_aside.has_waited(turn, flow) and nudge is not None:
            # The weekly nudge came since the conversation stopped, and this is the first
            # word after it: "called him tuesday, left a vm" answers the nudge.
            return True
        return set_aside.sets_aside(turn, flow, text)

    def _beside_set_aside(
        self, turn: Turn, flow: ActiveFlow, raw: str, text: str, nudge: str | None
    ) -> list[Reply]:
        """A conversation left for days (bot/flows/set_aside.py): the message is answered
        for itself and the conversation waits beside it, offered once to pick up. Whatever
        the message starts (another reflection, a draft) takes its place."""
        parked = set_aside.is_parked(flow)
        typed = set_aside.typed_choice(text) if parked else None
        if typed is not None:
            return self._set_aside_choice(turn, flow, typed)
        title = self.flows[flow.kind].title(turn, flow)
        stopped = flow.row.updated_at if flow.row is not None else turn.now
        end_flow(turn, flow)
        replies = self._without_flow(turn, raw, text, nudge)
        if load_flow(turn) is not None:
            if parked:  # they saw the offer and chose another: nothing to explain
                return replies
            return [Text(set_aside.let_go_for_new(turn, title, stopped)), *replies]
        # Saved as a new row: the offer's buttons name its first version.
        if flow.kind in set_aside.ENDS_WHEN_SET_ASIDE:
            return replies
        waiting = ActiveFlow(kind=flow.kind, step=flow.step, data=flow.data)
        offer = [] if parked else set_aside.park(turn, waiting, title, stopped)
        save_flow(turn, waiting)
        return [*(without_first_hello(turn, replies) if offer else replies), *offer]

    def _set_aside_choice(self, turn: Turn, flow: ActiveFlow, key: str) -> list[Reply]:
        if key == set_aside.LET_GO:
            title = self.flows[flow.kind].title(turn, flow)
            end_flow(turn, flow)
            return [Text(set_aside.LET_GO_SAID.format(title=title))]
        set_aside.unpark(flow)
        return self._ask_again(turn, flow)

    def _in_flow(self, turn: Turn, flow: ActiveFlow, text: str) -> list[Reply]:
        handler = self.flows.get(flow.kind)
        if handler is None:  # a flow kind this version no longer knows: let the educator go
            end_flow(turn, flow)
            return [Text(messages.CANCELLED.format(title="conversation"))]
        lowered = command_word(text.casefold(), turn.language)
        if lowered in CANCEL_WORDS or _asks_to_leave(text) or _stop_said_plainly(text):
            title = handler.title(turn, flow)
            end_flow(turn, flow)
            left: list[Reply] = [
                Text(messages.CANCELLED.format(title=title)),
                *self._asked_along_the_way(turn, flow),
            ]
            if len(words(for_matching(text))) <= LEAVE_ALONE_WORDS:
                return left
            # "actually can we talk about something else? I have a kid whose mom yells at me
            # in the pickup line": what they left for is answered (it had been dropped).
            return [*left, *(answer_plain_request(turn, text, self.commands) or [])]
        if lowered in GREETING_WORDS:  # back after a while: where we were, not the whole menu
            return [
                Text(replies_in(current_language()).intents.aside_greeting),
                *self._ask_again(turn, flow),
            ]
        if back_again(text):  # "sorry kid threw up, back": never the answer
            return [
                Text(replies_in(current_language()).intents.aside_back_again),
                *self._ask_again(turn, flow),
            ]
        if is_help_word(lowered) and not (
            only_question_marks(lowered) and flow.data.get("_accepts_text")
        ):
            # A lone "?" ("??", "¿?") where words are wanted means "I'm stuck": the flow helps
            # with that.
            in_flow = messages.HELP_IN_FLOW.format(title=handler.title(turn, flow))
            return [help_card(), Text(in_flow), *self._ask_again(turn, flow)]
        if not text:
            return [Text(str(messages.EMPTY_IN_FLOW)), *self._ask_again(turn, flow)]
        word, args = split_command(text)
        word = command_word(word, turn.language)
        steps_aside = handler.optional or bool(flow.data.get(STEPS_ASIDE))
        # "help Kaylee get the dial a ride form to her doctor" where words are asked for: the
        # answer, not the menu (it had ended the check-in and lost the step).
        helps_someone = is_help_word(word) and bool(args) and bool(flow.data.get("_accepts_text"))
        if (
            steps_aside
            and word.casefold() in self.commands
            and word not in BUTTON_WORDS
            and not helps_someone
        ):
            end_flow(turn, flow)
            return self._run_command(turn, word.casefold(), args)
        still_open = Text(messages.STILL_IN_FLOW.format(title=handler.title(turn, flow)))
        if word.casefold() in BUTTON_WORDS:  # a nudge's button clicked mid-conversation
            return [*self._run_command(turn, word.casefold(), args), still_open]
        rest = never_mind_then(args) if word.casefold() == "forget" else None
        if rest:  # "forget it, can we do this later": what follows is the message
            return self._in_flow(turn, flow, rest)
        if word.casefold() == "forget":
            # One guided conversation at a time, and deleting everything asks first: the way
            # to it said plainly (had: only "answer above to go on, or type `cancel`").
            forget = Text(messages.FORGET_IN_FLOW.format(title=handler.title(turn, flow)))
            return [forget, *self._ask_again(turn, flow)]
        if word.casefold() in FLOW_STARTERS:  # "reflect", and "reflexionar" in Spanish
            if handler.untouched(flow) and (args or KIND_STARTED_BY[word.casefold()] != flow.kind):
                # `reflect` at the self-check's first statement, `reflect asset-based` at a
                # reflection's first question: nothing is lost, so the one asked for starts.
                closed = Text(messages.CLOSED_UNTOUCHED.format(title=handler.title(turn, flow)))
                end_flow(turn, flow)
                return [closed, *self._run_command(turn, word.casefold(), args)]
            # One guided conversation at a time: finish or cancel this one first.
            return [still_open, *self._ask_again(turn, flow)]
        chosen = language_named(args) if word.casefold() == "language" else None
        if chosen is not None:
            return self._language_in_flow(turn, flow, chosen)
        if lowered in self.commands or self._is_command_phrase(word.casefold(), args):
            # A command is never a reflection answer ("journal", "nudges on", "learn trust"):
            # run it, keep the place.
            return [*self._run_command(turn, word.casefold(), args), still_open]
        switch = reframe_switch_asked(text) if "reframe" in self.commands else ""
        if switch:  # "quit reframing my stuff", just after a note on wording
            return [*self._run_command(turn, "reframe", switch), *self._ask_again(turn, flow)]
        asked_language = (
            coach_language_asked(text)
            if flow.kind not in WRITES_FOR_FAMILIES and default_reader().cued(text, "language")
            else None
        )
        if asked_language is not None:
            # "can you switch back to english" at a question: switched, and the question asked
            # again in it (it had been saved as the answer). In a note home, the language
            # named is the note's.
            return self._language_in_flow(turn, flow, asked_language)
        answer = match_answer(flow, text)
        aside = (
            aside_in_flow(text, turn.library.profiles)
            if answer is not None and answer.key is None
            else None
        )
        if aside is not None and stops_to_listen(text):  # "i don't want to be alive anymore"
            end_flow(turn, flow)  # no question after it, nor the next "ok" read as an answer
            return [Text(aside)]
        if aside is not None:  # "thx", "im a counselor": answered, never saved as an answer
            return [Text(aside), *self._ask_again(turn, flow)]
        if answer is None:
            if word in self.commands:
                return [*self._run_command(turn, word, args), still_open]
            number = parse_small_int(text.strip().rstrip("."))
            if number is not None and flow.data.get("_accepts_text"):
                not_shown = messages.NOT_AN_OPTION.format(number=number)
                return [Text(not_shown), *self._ask_again(turn, flow)]
            if understand(text, deficit=False).intent == "frustration":
                # "ya me cansé de esto" at the self-check's fifth statement: a way out, kindly.
                weary = messages.WEARY_IN_FLOW.format(title=handler.title(turn, flow))
                return [Text(weary), *self._ask_again(turn, flow)]
            aside = pick_step_aside(text)  # "can we do this later?", "who sees this?"
            said = aside if aside is not None else str(messages.PICK_AN_OPTION)
            return [Text(said), *self._ask_again(turn, flow)]
        if answer.key is None and len(answer.text) > messages.MAX_ANSWER_CHARS:
            too_long = messages.TOO_LONG.format(
                length=len(answer.text), limit=messages.MAX_ANSWER_CHARS
            )
            return [Text(too_long), *self._ask_again(turn, flow)]
        replies = self._advance(turn, flow, answer)
        # An answer in Spanish, in a conversation held in English: offered Spanish, once.
        if (
            answer.key is None
            and flow.kind not in WRITES_FOR_FAMILIES
            and may_offer_spanish(turn)
            and understand(answer.text, deficit=False).language == "es"
        ):
            return with_spanish_offer(turn, replies)
        return replies

    def _language_in_flow(self, turn: Turn, flow: ActiveFlow, language: str) -> list[Reply]:
        """ "language es" (the offer's button) mid-conversation: switched, and the question
        asked again in the new language; the first hello's role question waits for a hello."""
        was = turn.library
        switch_language(turn, language)
        self.flows[flow.kind].say_in(turn, flow, was)
        with speaking(language):
            return [Text(str(messages.LANGUAGE_SET)), *self._ask_again(turn, flow)]

    def _is_command_phrase(self, word: str, args: str) -> bool:
        """A command word with its arguments, typed where an answer was asked for: `nudges`
        with anything after it (no answer starts so), `learn` with a topic it knows.
        "learn more about his family" is an answer."""
        if word in PHRASE_COMMANDS:
            return True
        if word == "reframe" and args:
            # "reframe The dad never comes and doesnt care about homework" at a choice of a note
            # home had been kept for the note; "reframe the talk around his strengths" is a plan.
            return bool(find_framing(args))
        return word == "learn" and bool(args) and resolve_topic(self.library, args) is not None

    def _ask_again(self, turn: Turn, flow: ActiveFlow) -> list[Reply]:
        """The step's question once more, its buttons live: they name the flow's next version,
        so the flow is saved (the buttons shown before this turn stop working, as after any
        step; without the save, a click on the new ones was taken for a stale one and did
        nothing)."""
        replies = self.flows[flow.kind].reprompt(turn, flow)
        save_flow(turn, flow)
        return replies

    def _advance(self, turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
        replies = self.flows[flow.kind].advance(turn, flow, answer)
        if flow.finished:
            end_flow(turn, flow)
            return [*replies, *self._asked_along_the_way(turn, flow)]
        save_flow(turn, flow)
        return replies

    def _asked_along_the_way(self, turn: Turn, flow: ActiveFlow) -> list[Reply]:
        """The question kept in the conversation, answered now that it is over, as it would
        have been outside it."""
        asked = flow.data.get(ASKED_FOR_LATER)
        if not isinstance(asked, dict) or not asked.get("text"):
            return []
        said = replies_in(current_language()).intents
        then = Text(said.draft_kept_then if asked.get("note_home") else said.asked_kept_then)
        return [then, *(answer_plain_request(turn, str(asked["text"]), self.commands) or [])]


def _stop_said_plainly(text: str) -> bool:
    """ "what. no. stop", "pls stop", "ok quit": a cancel word after only a word of protest
    (it had been read as an answer: the self-check put "what. no. stop" down as Not yet)."""
    said = words(for_matching(text))
    return (
        1 < len(said) <= STOP_SAID_WORDS
        and said[-1] in CANCEL_WORDS
        and all(word in _PROTEST_WORDS for word in said[:-1])
    )


# "what. no. stop" is three words; more say something of their own ("tell him to stop").
STOP_SAID_WORDS = 4
_PROTEST_WORDS = frozenset(
    {"no", "nope", "nah", "ok", "okay", "pls", "please", "just", "what", "omg", "ugh", "wait",
     "hey", "oh", "god", "um", "uh", "stop", "seriously", "lol"}
)  # fmt: skip


def _asks_to_leave(text: str) -> bool:
    """ "actually never mind, i want to talk about something else": leave the conversation,
    as `cancel` does (replies.yaml `leave_words`)."""
    leave = replies_in(current_language()).intents.leave_words
    return phrases_pattern(tuple(leave)).search(for_matching(text)) is not None
