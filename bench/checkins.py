"""How an answer typed under the weekly nudge's "How did it go?" is heard.

Educators often type instead of tapping Done / Partly / Not yet. Each labelled answer
(tests/data/understanding/checkin_typed_*.yaml, written by helpers who read nothing in this
repository) is played through a real nudge: a reflection with its action, `nudges on`, the
clock's tick delivering the nudge with its check-in, then the typed answer that evening.
Counted:

- the path: a done answer celebrated; a partly or not-yet one heard as that (what got in the
  way asked, or already told and answered); an unclear one (a question, another subject) not
  taken for a check-in. Words that name no outcome are kept and "done, partly, or not yet?"
  asked plainly: counted apart from the misread (a wrong outcome, or not taken at all);
- the barrier: where what got in the way was read from the words, whether the reply fits the
  label (no time, no reply, language, it didn't fit, forgot, phone tag, an upset family; for
  "something else", the general, partly or heard reply, or the one for a family out of reach,
  which carries nothing into the week).

`dev` was read while fixing what it showed, and its misses are listed; `fresh` is only
counted.

    python -m bench checkins
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bench.labelled import labelled_set

SETS = {
    "dev": ("checkin_typed_dev.yaml", "checkin_typed_dev_b2.yaml", "checkin_typed_dev_b3.yaml"),
    "fresh": ("checkin_typed_fresh.yaml",),
}
MEASURING = frozenset({"fresh"})
OUTCOMES = ("done", "partly", "not_yet", "unclear")
NUDGE_AT = datetime(2026, 11, 17, 12, 30, tzinfo=UTC)  # a Tuesday, 07:30 in New York
# A label's barrier -> the replies (bot/flows/checkin.py) that fit it. Phone tag heard as
# "no reply" is close enough: the family is hard to reach either way.
FITS = {
    "time": {"no_time", "no_time_not_a_call"},
    "no_reply": {"no_reply"},
    "language": {"language"},
    "not_fit": {"not_fit"},
    "forgot": {"forgot"},
    "phone_tag": {"phone_tag", "no_reply"},
    "upset": {"hard_moment"},
    "other": {"other", "partly", "heard", "gone"},
}


@dataclass(frozen=True)
class Heard:
    path: str  # done | asked_why | why_heard | asked_plainly | not_a_checkin
    reply: str | None  # which barrier reply, when what got in the way was answered


def barrier_replies() -> dict[str, tuple[str, ...]]:
    """Each barrier reply's opening, in English and Spanish."""
    from content.understanding_schema import replies_in

    said: dict[str, list[str]] = {}
    for language in ("en", "es"):
        checkin = replies_in(language).checkin
        for name, text in {
            **checkin.barrier_replies,
            "phone_tag": checkin.phone_tag_reply,
            "hard_moment": checkin.hard_moment_reply,
            "partly": checkin.partly_reply,
            "gone": checkin.gone_reply,
            "no_time_not_a_call": checkin.no_time_not_a_call,
        }.items():
            said.setdefault(name, []).append(text)
    return {name: tuple(texts) for name, texts in said.items()}


def heard_as(reply: str, openings: dict[str, tuple[str, ...]]) -> Heard:
    first = reply.split("\n", 1)[0]
    if "Next step up" in reply or "El siguiente paso" in reply or first.startswith("Done!"):
        return Heard("done", None)
    if "What got in the way?" in reply or "¿Qué se lo impidió?" in reply:
        return Heard("asked_why", None)
    if "done, partly, or not yet?" in reply or "a medias, o que todavía no?" in reply:
        return Heard("asked_plainly", None)
    if "carry it into this week?" in reply or "¿Quiere pasarla a esta semana?" in reply:
        fits = (name for name, texts in openings.items() if first.startswith(texts))
        return Heard("why_heard", next(fits, "heard"))
    if first.startswith(openings["gone"]):  # the family out of reach: heard, nothing to carry
        return Heard("why_heard", "gone")
    return Heard("not_a_checkin", None)


def right_path(outcome: str, heard: Heard) -> bool:
    if outcome == "done":
        return heard.path == "done"
    if outcome == "unclear":
        return heard.path == "not_a_checkin"
    return heard.path in ("asked_why", "why_heard")


def play(items: list[dict[str, str]]) -> list[Heard]:
    """Each answer typed by its own educator under a real nudge, that evening."""
    from bot.app import build_app
    from bot.inbound import Platform
    from bot.settings import Settings
    from tests.clock import FakeClock
    from tests.dialog import Conversation
    from tests.nudging import FakePlatform, senders_for, tick

    openings = barrier_replies()
    platform = FakePlatform(Platform.SLACK)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite:///{folder}/checkins.db", _env_file=None)  # type: ignore[call-arg]
        clock = FakeClock()
        app = build_app(settings, clock=clock)
        educators = []
        clock.set(NUDGE_AT - timedelta(days=6))
        for number in range(len(items)):
            educator = Conversation(
                app.coach, f"U{number}", platform=Platform.SLACK, timezone="America/New_York"
            )
            educator.says("reflect relational")
            educator.says("skip")
            educator.says("skip")
            educator.clicks("Write my own")
            educator.says("Ask two families about their child's favourite hobby")
            educator.says("nudges on")
            educators.append(educator)
        clock.set(NUDGE_AT)
        tick(app, senders_for(platform), NUDGE_AT)
        assert len(platform.delivered) == len(items), "every educator gets the nudge"
        clock.set(NUDGE_AT + timedelta(hours=10))
        answers = zip(educators, items, strict=True)
        heard = [heard_as(educator.says(item["text"]), openings) for educator, item in answers]
        app.engine.dispose()
    return heard


def main() -> None:
    for name, files in SETS.items():
        items = [item for file in files for item in labelled_set(file)]
        started = time.perf_counter()
        heard = play(items)
        right: Counter[str] = Counter()
        total: Counter[str] = Counter(item["outcome"] for item in items)
        fits = answered = asked_plainly = 0
        misses: list[str] = []
        for item, got in zip(items, heard, strict=True):
            outcome, barrier = item["outcome"], item["barrier"]
            if right_path(outcome, got):
                right[outcome] += 1
            else:
                asked_plainly += got.path == "asked_plainly"  # kept, and asked: not misread
                misses.append(f"path {outcome} heard as {got.path}: {item['text']}")
            if got.path == "why_heard" and outcome in ("partly", "not_yet"):
                answered += 1
                if got.reply in FITS[barrier]:
                    fits += 1
                else:
                    misses.append(f"barrier {barrier} answered as {got.reply}: {item['text']}")
        paths = ", ".join(f"{o} {right[o]}/{total[o]}" for o in OUTCOMES)
        misread = len(items) - sum(right.values()) - asked_plainly
        print(
            f"{name}: path right {sum(right.values())} of {len(items)} ({paths}), asked plainly"
            f" {asked_plainly}, misread {misread}; barrier reply fits {fits} of {answered}"
            f" answered ({time.perf_counter() - started:.1f} s)"
        )
        if name not in MEASURING:
            for miss in misses:
                print(f"    {miss[:110]}")


if __name__ == "__main__":
    main()
