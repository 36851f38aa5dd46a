"""Every rewrite in the reframe lexicon holds up: put in place of what it replaces, or set in
a few carrier sentences, it never brings deficit framing back, and it reads cleanly.

The example sentences come from the lexicon itself (each form lists the sentences it must
find, which `coach content check` also tries).
"""

from __future__ import annotations

import re

import pytest

from bot.reframe import default_lexicon, find_deficit_framing, rewrite_all
from content.reframe_patterns import fill, placeholders

# What a {placeholder} might hold when a rewrite is read on its own.
SAMPLE_VALUES = {
    "people": "families",
    "family": "parents",
    "student": "students",
    "home": "homes",
    "help-verb": "help",
    "poss": "her",
    "ninos-es": "niños",
    "home-noun": "home life",
    "con-de": "con",
    "casa-plural-es": "familias",
    "casa-singular-es": "familia",
    "obj-pronoun": "him",
}
CARRIERS = (
    "{rewrite}.",
    "Honestly, {rewrite}.",
    "I wrote that {rewrite}, and I will call them on Tuesday.",
    "Last week I noticed {rewrite} when we talked.",
)
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
# Doubled words that are fine in a sentence ("that that", Spanish "que que" never is).
_DOUBLED_OK = frozenset({"that", "had"})


def _examples() -> list[tuple[str, str]]:
    return [
        (entry.id, example)
        for entry in default_lexicon().entries
        for form in entry.forms
        for example in form.examples
    ]


def _rewrites() -> list[tuple[str, str]]:
    return sorted(
        {
            (entry.id, rewrite)
            for entry in default_lexicon().entries
            for form in entry.forms
            for rewrite in form.rewrites
        }
    )


def _reads_cleanly(sentence: str, *, spanish: bool = False) -> list[str]:
    faults = []
    for doubled in _DOUBLED.finditer(sentence):
        if doubled.group(1).lower() not in _DOUBLED_OK:
            faults.append(f"doubled word {doubled.group(0)!r}")
    if "  " in sentence or " ," in sentence or " ." in sentence:
        faults.append("stray spacing")
    if spanish:
        return faults
    if re.search(r"\b[Aa] [aeiouAEIOU]\w", sentence) and not re.search(
        r"\b[Aa] (one|use|uni)", sentence
    ):
        faults.append("'a' before a vowel")
    return faults


def test_every_form_has_examples_and_there_are_many() -> None:
    examples = _examples()
    assert len(examples) >= 150
    ids = {entry_id for entry_id, _ in examples}
    # Every entry of the included files documents itself with examples.
    assert len(ids) >= 30


@pytest.mark.parametrize(("entry_id", "example"), _examples())
def test_an_example_rewritten_raises_no_framing_and_reads_cleanly(
    entry_id: str, example: str
) -> None:
    findings = find_deficit_framing(example)
    # Found, though where patterns overlap another entry's longer match may speak for it.
    assert findings, example
    choices = max(len(finding.replacements) for finding in findings)
    for choice in range(choices):
        rewritten = rewrite_all(example, findings, choice)
        again = find_deficit_framing(rewritten)
        assert not again, f"{rewritten!r} still reads as {[(f.id, f.text) for f in again]}"
        faults = _reads_cleanly(rewritten, spanish=entry_id.startswith("es-"))
        assert not faults, (rewritten, faults)


@pytest.mark.parametrize(("entry_id", "rewrite"), _rewrites())
def test_a_rewrite_in_carrier_sentences_raises_no_framing(entry_id: str, rewrite: str) -> None:
    text = fill(rewrite, {name: SAMPLE_VALUES[name] for name in placeholders(rewrite)})
    for carrier in CARRIERS:
        sentence = carrier.format(rewrite=text)
        found = find_deficit_framing(sentence)
        assert not found, f"{entry_id}: {sentence!r} reads as {[(f.id, f.text) for f in found]}"
