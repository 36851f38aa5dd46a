"""Which intent a message is most like, by a vote of its nearest example messages.

The cues catch the phrasings someone thought of; the examples (content/understanding/
intents.yaml, many per intent) catch the ones nobody wrote a cue for. A message is scored
against every example with rapidfuzz (typo-tolerant, no model, no download), the `NEIGHBOURS`
closest at or above the cut-off vote with their scores, and the intent with the most votes
wins. Deterministic: ties go to the intent listed first in the content.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process, utils

# How many of the closest examples vote (measured on the dev set: one alone follows a single
# lucky look-alike; more than a handful drowns a small intent in a big one's near misses).
NEIGHBOURS = 5
# An example votes from this score (0-100); below it the message is like none of them.
# Chosen on the dev set (bench/understanding.py); see BENCHMARKS.md.
CUT_OFF = 70.0


@dataclass(frozen=True)
class Vote:
    intent: str
    score: float  # the best single example's score for that intent, 0-100


class ExampleVote:
    """The examples of every intent, prepared once for fast comparison."""

    def __init__(
        self,
        examples: Mapping[str, Sequence[str]],
        *,
        neighbours: int = NEIGHBOURS,
        cut_off: float = CUT_OFF,
        scorer: Callable[..., Any] = fuzz.token_sort_ratio,
    ) -> None:
        self.texts: list[str] = []
        self.intents: list[str] = []
        self.order = {name: index for index, name in enumerate(examples)}
        for name, texts in examples.items():
            for text in texts:
                self.texts.append(utils.default_process(text))
                self.intents.append(name)
        self.neighbours = neighbours
        self.cut_off = cut_off
        self.scorer = scorer

    def vote(self, normalised: str) -> Vote | None:
        """The intent the message is most like, or None when it is like no example."""
        query = utils.default_process(normalised)
        if not query:
            return None
        closest = process.extract(
            query,
            self.texts,
            scorer=self.scorer,
            limit=self.neighbours,
            score_cutoff=self.cut_off,
        )
        if not closest:
            return None
        votes: dict[str, float] = {}
        best: dict[str, float] = {}
        for _, score, index in closest:
            name = self.intents[index]
            votes[name] = votes.get(name, 0.0) + score
            best[name] = max(best.get(name, 0.0), score)
        winner = max(votes, key=lambda name: (votes[name], -self.order[name]))
        return Vote(winner, best[winner])
