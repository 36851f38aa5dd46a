"""Which intent a message is most like, by a vote of its nearest example messages.

The cues catch the phrasings someone thought of; the examples (content/understanding/
intents.yaml, many per intent) catch the ones nobody wrote a cue for. A message is scored
against every example with rapidfuzz's token sort ratio (typo- and word-order-tolerant, no
model, no download), the `NEIGHBOURS` closest at or above the cut-off vote with their scores,
and the intent with the most votes wins. Deterministic: ties go to the intent listed first.

Chosen on the dev set, by the vote alone (no cues) on sentences the examples were not written
from: at cut-off 70 token sort ratio is right on 95% of the messages it reads and reads no
`unknown` one; token_set_ratio and WRatio match a short example inside a longer message and
were right on 80% and 40%; plain ratio did as well as token sort but reached fewer messages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

# How many of the closest examples vote: several near examples of one intent outvote a single
# lucky look-alike of another (on dev, 3 and 5 read the same and at least as well as 1).
NEIGHBOURS = 5
# An example votes from this score (0-100); below it the message is like none of them.
# Chosen on the dev set (bench/understanding.py); see BENCHMARKS.md.
CUT_OFF = 70.0


# The score of an example that is the message itself, its words in any order.
EXACT = 100.0


@dataclass(frozen=True)
class Vote:
    intent: str
    score: float  # the best single example's score for that intent, 0-100


def _words_in_order(text: str) -> str:
    """The words sorted: `ratio` of two such texts is rapidfuzz's token_sort_ratio ("remind me
    on mondays" is "on mondays remind me"), with the examples sorted once at load rather than
    at every comparison (ten times faster: ~0.05 ms a message for ~650 examples)."""
    return " ".join(sorted(utils.default_process(text).split()))


class ExampleVote:
    """The examples of every intent, prepared once for fast comparison."""

    def __init__(
        self,
        examples: Mapping[str, Sequence[str]],
        *,
        neighbours: int = NEIGHBOURS,
        cut_off: float = CUT_OFF,
    ) -> None:
        self.texts: list[str] = []
        self.intents: list[str] = []
        self.order = {name: index for index, name in enumerate(examples)}
        for name, texts in examples.items():
            for text in texts:
                self.texts.append(_words_in_order(text))
                self.intents.append(name)
        self.neighbours = neighbours
        self.cut_off = cut_off

    def vote(self, normalised: str) -> Vote | None:
        """The intent the message is most like, or None when it is like no example."""
        query = _words_in_order(normalised)
        if not query:
            return None
        closest = process.extract(
            query,
            self.texts,
            scorer=fuzz.ratio,
            limit=self.neighbours,
            score_cutoff=self.cut_off,
        )
        if not closest:
            return None
        _, top, first = closest[0]
        if top >= EXACT:
            # "love this" is a thanks example word for word: several near ones of another
            # intent ("leave this", "stop this") must not outvote it.
            return Vote(self.intents[first], top)
        votes: dict[str, float] = {}
        best: dict[str, float] = {}
        for _, score, index in closest:
            name = self.intents[index]
            votes[name] = votes.get(name, 0.0) + score
            best[name] = max(best.get(name, 0.0), score)
        winner = max(votes, key=lambda name: (votes[name], -self.order[name]))
        return Vote(winner, best[winner])
