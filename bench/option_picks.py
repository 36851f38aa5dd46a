"""An action option picked in words over the options: is it that option, with what was added?

"2 but on friday", "ill do 2 at pickup tmrw", "the note one", "la de la nota", "the colleague
one, ms rivera": the option is saved with the words that place it beside it ("... (on
friday)"); "call 2 families tmrw", "already did 1 last week", "1 and 2" are no pick and must
never be saved as an option. Each labelled text (tests/data/understanding/option_picks_*.yaml,
written by helpers who read nothing in this repository, against three option lists, A, B and
C, that the coach really shows) is typed over those options by a new educator. `dev` was read
while fixing what it showed, and its misses are listed; `fresh` is only counted.

    python -m bench option-picks
"""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import TYPE_CHECKING

from bench.labelled import labelled_set
from bench.shrugs import replies_after

if TYPE_CHECKING:
    from tests.dialog import Conversation

SETS = {
    "dev": "option_picks_dev.yaml",
    "dev2": "option_picks_dev2.yaml",
    "fresh": "option_picks_fresh.yaml",
}
MEASURING = frozenset({"fresh"})
# Two answers that bring a new educator to each list (what they are about picks the options).
TO_THE_LIST = {
    "A": (
        "reflect relational",
        "the Garcias, mom told me he loves drawing",
        "i only call when there is trouble with Jose",
    ),
    "B": (
        "reflect collaborative",
        "the Nguyens only speak vietnamese so its hard",
        "i dont have time to call everyone",
    ),
    "C": ("reflect cognition", "our ELL families never come to conferences", "idk", "skip"),
}
SAVED = re.compile(r"(?:Your action for this week|Su acción para esta semana): _(.+?)_")
# "What's one small thing you'll do this week?" in English and in Spanish.
OWN = ("What's one small thing you'll do this week?", "¿Qué cosa pequeña hará esta semana?")
WORD = re.compile(r"\w+")
# What became of a pick not read as its option.
_MISSED = {0: "saved as typed", None: "nothing saved", -1: "another option or write-your-own"}


def _is_spanish(text: str) -> bool:
    from bot.understanding.reader import understand

    return understand(text, deficit=False).language == "es"


def play(items: list[dict[str, str]]) -> list[tuple[dict[str, str], list[str], str]]:
    """(item, the options shown, the coach's reply) for each text typed over its list."""
    played: list[tuple[dict[str, str], list[str], str]] = []
    for name, opening in TO_THE_LIST.items():
        for spanish in (False, True):
            group = [
                item
                for item in items
                if item["list"] == name and _is_spanish(item["text"]) == spanish
            ]
            shown: list[list[str]] = []

            def to_the_list(
                educator: Conversation,
                opening: tuple[str, ...] = opening,
                spanish: bool = spanish,
                shown: list[list[str]] = shown,
            ) -> None:
                if spanish:
                    educator.says("language es")
                for said in opening:
                    educator.says(said)
                shown.append([educator.option(n).label for n in (1, 2, 3)])

            replies = replies_after(to_the_list, [item["text"] for item in group])
            played += zip(group, shown, replies, strict=True)
    return played


def outcome(options: list[str], reply: str) -> tuple[int | None, str]:
    """The option saved (1-3), 4 for "write my own" asked, 0 for anything else saved, None
    for nothing saved; and what was saved beside the option, if anything."""
    saved = SAVED.search(reply)
    if saved is None:
        return (4, "") if any(own in reply for own in OWN) else (None, "")
    action = saved.group(1)
    for number, option in enumerate(options, start=1):
        if action.startswith(option.rstrip(".")):
            return number, action[len(option.rstrip(".")) :].strip(" ()")
    return 0, ""


def kept_right(keep: str, beside: str) -> bool:
    """Most of the words the educator added are saved beside the option."""
    wanted = {w for w in WORD.findall(keep.casefold()) if len(w) > 2}
    found = set(WORD.findall(beside.casefold()))
    return not wanted or len(wanted & found) * 2 >= len(wanted)


def main() -> None:
    for name, file in SETS.items():
        items = labelled_set(file)
        started = time.perf_counter()
        played = play(items)
        seconds = time.perf_counter() - started
        counts: Counter[str] = Counter()
        misses: list[str] = []
        for item, options, reply in played:
            pick, keep = int(item["pick"]), item.get("keep", "")
            got, beside = outcome(options, reply)
            kind = "no pick" if pick == 0 else "kept" if keep else "pick"
            counts[f"{kind} items"] += 1
            if pick != 0 and got != pick:
                counts[_MISSED[got if got in (None, 0) else -1]] += 1
            if pick == 0:
                right = got is None or got == 0
            else:
                right = got == pick and (not keep or kept_right(keep, beside))
                counts[f"{kind} option right"] += got == pick
            counts[f"{kind} right"] += right
            if not right:
                misses.append(f"    {kind}: {item['text']!r} -> {got} {beside!r}")
        right = sum(counts[f"{k} right"] for k in ("pick", "kept", "no pick"))
        print(f"{name}: right {right} of {len(played)} in {seconds:.1f} s")
        print(
            f"  picks with nothing added: {counts['pick right']}/{counts['pick items']}"
            f"\n  picks with words to keep: option {counts['kept option right']},"
            f" with the words {counts['kept right']} of {counts['kept items']}"
            f"\n  no pick, never saved as an option: {counts['no pick right']}/"
            f"{counts['no pick items']}"
            f"\n  picks missed: {', '.join(f'{how} {counts[how]}' for how in _MISSED.values())}"
        )
        if name not in MEASURING:
            print("\n".join(misses))


if __name__ == "__main__":
    main()
