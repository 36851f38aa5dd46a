"""Cues matched word by word, with dictionary lookups instead of regular expressions.

A cue in the pattern language (content/reframe_patterns.py) is a sequence of items; each
item stands for a set of word sequences: a word (and its inflections with `~`), a group of
alternatives, a named set. Compiled to one regex per theme the cues took a second to compile
at start-up (Python compiles regexes in Python) and a scan of the text per theme per message.
Here each item becomes a set of phrases once, and each cue is indexed by the first words it
can start with: for every word of a message only the cues that can start there are tried,
each step a set lookup. `_` is any one word, `item?` optional, `item*` up to three times,
`!item` not followed by it, as in the pattern language.

Words compare as the regexes compared them, nearly: the text is case-folded and shorthand
spelled out (normalise.for_matching); a hyphen between words is a space ("asset-based" is
"asset based"), apostrophes are left out on both sides ("dont" is "don't"), and punctuation
ends a cue, as it ended a regex match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from content.reframe_patterns import (
    MAX_REPEAT,
    AnyWord,
    Group,
    Item,
    PatternError,
    SetRef,
    Span,
    Word,
    inflections,
    parse,
)

Phrase = tuple[str, ...]
# An item that stands for more phrases than this is refused (a content fault, not a hang).
MAX_PHRASES = 50_000
# A plain word sequence needs no parser: most set members and many alternatives are one.
_PLAIN = re.compile(r"[^\W_][\w'-]*(?: [^\W_][\w'-]*)*")
# One item of a simple cue: !? then a group of alternatives, a {set} or a word, then ? or *.
_CHUNK = re.compile(
    r"\s*(!?)(?:\(([^()\[\]{}]*)\)|\{([a-z][a-z0-9-]*)\}|([^\s(){}!?*\[\]]+))([?*]?)\s*"
)
# Words shorter than this are never taken for typos.
MIN_TYPO_LENGTH = 5
# How many words before a cue a negation still turns it around ("no one from her family came").
NEGATION_REACH = 5
# Words that start another clause: "didn't call, but mom came" is not "didn't ... came".
CLAUSE_WORDS = frozenset(["but", "and", "so", "because", "then", "though", "pero", "y", "porque"])
# Words that turn what follows around, a few words before it, in the same clause.
NEGATORS = frozenset(
    ["no", "not", "never", "nobody", "nothing", "none", "without", "hardly", "barely",
     "nadie", "nunca", "ni", "sin"]
)  # fmt: skip


def key(word: str) -> str:
    return word.replace("'", "")


def _plain(text: str) -> Phrase:
    """The phrase of a plain word sequence ("hard-to-reach families")."""
    return tuple(w for word in text.split() for w in _word(word, False)[0])


def _word(text: str, inflect: bool) -> list[Phrase]:
    words = [key(part) for part in text.lower().split("-") if key(part)]
    if not words:
        return [()]
    if not inflect:
        return [tuple(words)]
    return [(*words[:-1], key(form)) for form in inflections(words[-1])]


@dataclass(frozen=True)
class Slot:
    """One item of a cue: the phrases it matches (None: any one word)."""

    phrases: frozenset[Phrase] | None
    optional: bool = False
    repeat: bool = False  # item*: up to MAX_REPEAT times
    negative: bool = False  # !item: not followed by it
    # For each first word of a phrase, the lengths of the phrases starting with it (longest
    # first): most words of a text start none, and one lookup says so.
    starts: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def required(self) -> bool:
        """A slot every match goes through, on one of its phrases."""
        return self.phrases is not None and not (self.optional or self.repeat or self.negative)

    @classmethod
    def of(cls, phrases: frozenset[Phrase], optional: bool, repeat: bool, negative: bool) -> Slot:
        starts: dict[str, set[int]] = {}
        for phrase in phrases:
            starts.setdefault(phrase[0], set()).add(len(phrase))
        ordered = {w: tuple(sorted(n, reverse=True)) for w, n in starts.items()}
        return cls(phrases, optional, repeat, negative, ordered)

    def ends(self, words: Sequence[str], at: int) -> list[int]:
        """Where a match of this item starting at `at` ends (longest first)."""
        if at >= len(words):
            return []
        if self.phrases is None:
            return [at + 1] if words[at][:1].isalnum() else []
        lengths = self.starts.get(words[at])
        if not lengths:
            return []
        return [
            at + length
            for length in lengths
            if length == 1 or tuple(words[at : at + length]) in self.phrases
        ]


@dataclass(frozen=True)
class Cue:
    label: str
    slots: tuple[Slot, ...]
    # For each item the cue cannot do without (after its first, which the index checks), the
    # words its phrases start with: a text that has none of one item's words cannot match, so
    # a set test rules the cue out before a walk.
    needs: tuple[frozenset[str], ...] = field(init=False, compare=False, repr=False)
    # When the cue's first item is one word and its second is required: the words that may
    # come next (a cue started by "i" is mostly ruled out by the word after it).
    follow: frozenset[str] | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        required = [slot for slot in self.slots if slot.required]
        first = self.slots[0]
        if required and required[0] is first:
            required = required[1:]  # the cue is only tried where one of its words stands
        object.__setattr__(self, "needs", tuple(frozenset(slot.starts) for slot in required))
        follow = None
        if first.required and all(len(phrase) == 1 for phrase in first.phrases or [()]):
            second = self.slots[1] if len(self.slots) > 1 else None
            if second is not None and second.required:
                follow = frozenset(second.starts)
        object.__setattr__(self, "follow", follow)

    def possible_in(self, present: frozenset[str]) -> bool:
        """Whether a text with these words may match here (if not, it cannot)."""
        return not any(map(present.isdisjoint, self.needs))

    def matches_at(self, words: Sequence[str], at: int) -> bool:
        return self._rest(words, 0, at)

    def _rest(self, words: Sequence[str], index: int, at: int) -> bool:
        if index == len(self.slots):
            return True
        slot = self.slots[index]
        if slot.negative:
            return not slot.ends(words, at) and self._rest(words, index + 1, at)
        if slot.repeat:
            return self._repeat(words, index, at, MAX_REPEAT)
        if any(self._rest(words, index + 1, end) for end in slot.ends(words, at)):
            return True
        return slot.optional and self._rest(words, index + 1, at)

    def _repeat(self, words: Sequence[str], index: int, at: int, left: int) -> bool:
        slot = self.slots[index]
        if left and any(self._repeat(words, index, end, left - 1) for end in slot.ends(words, at)):
            return True
        return self._rest(words, index + 1, at)


class CueCompiler:
    """Items to slots, with the sets a cue may name (each set expanded once)."""

    def __init__(self, sets: Mapping[str, Sequence[str]]) -> None:
        self.sets = sets
        self.memo: dict[str, list[Phrase]] = {}
        self.stack: list[str] = []

    def cue(self, label: str, source: str) -> Cue:
        simple = self.simple_cue(source)
        if simple is not None:
            return Cue(label, simple)
        slots = []
        for item in _flatten(parse(source)):
            if isinstance(item.atom, AnyWord):
                slots.append(Slot(None, item.quantifier == "?", item.quantifier == "*"))
                continue
            phrases = frozenset(p for p in self.atom(item.atom) if p)
            quantifier = item.quantifier
            slots.append(Slot.of(phrases, quantifier == "?", quantifier == "*", item.negative))
        return Cue(label, tuple(slots))

    def simple_cue(self, source: str) -> tuple[Slot, ...] | None:
        """Most cues are plain words and groups of plain alternatives: read without the
        pattern parser, which goes a character at a time (most of the start-up otherwise).
        None: a cue to leave to the parser (`~`, `_`, nested groups, spans)."""
        slots: list[Slot] = []
        position = 0
        while position < len(source):
            chunk = _CHUNK.match(source, position)
            if chunk is None:
                return None
            position = chunk.end()
            negative, group, name, word, quantifier = chunk.groups()
            if group is not None:
                alternatives = group.split("|")
                if not all(_PLAIN.fullmatch(a.strip()) for a in alternatives):
                    return None
                phrases = frozenset(_plain(a) for a in alternatives)
            elif name is not None:
                phrases = frozenset(p for p in self.set_phrases(name) if p)
            elif _PLAIN.fullmatch(word):
                phrases = frozenset([_plain(word)])
            else:
                return None
            if negative and quantifier:
                return None
            slots.append(Slot.of(phrases, quantifier == "?", quantifier == "*", bool(negative)))
        if not any(not (s.optional or s.repeat or s.negative) for s in slots):
            return None  # the parser says what is wrong with it
        return tuple(slots)

    def atom(self, atom: object) -> list[Phrase]:
        if isinstance(atom, Word):
            return _word(atom.text, atom.inflect)
        if isinstance(atom, Group):
            found: list[Phrase] = []
            for alternative in atom.alternatives:
                found.extend(self.sequence(alternative))
            return found
        if isinstance(atom, Span):
            return self.sequence(atom.items)
        if isinstance(atom, SetRef):
            return self.set_phrases(atom.name)
        raise PatternError("`_` (any word) inside a group or set is not supported in cues")

    def set_phrases(self, name: str) -> list[Phrase]:
        if name in self.memo:
            return self.memo[name]
        if name not in self.sets:
            raise PatternError(f"unknown set {{{name}}}")
        if name in self.stack:
            raise PatternError(f"set {{{name}}} refers to itself")
        self.stack.append(name)
        found: list[Phrase] = []
        for member in self.sets[name]:
            if _PLAIN.fullmatch(member):
                found.append(_plain(member))
            else:
                found.extend(self.sequence(parse(member)))
        self.stack.pop()
        self.memo[name] = found
        return found

    def sequence(self, items: tuple[Item, ...]) -> list[Phrase]:
        """Every phrase a sequence inside a group or set stands for."""
        found: list[Phrase] = [()]
        for item in items:
            if item.negative or item.quantifier == "*":
                raise PatternError("`!` and `*` inside a group or set are not supported in cues")
            options = self.atom(item.atom)
            if item.quantifier == "?":
                options = [(), *options]
            if len(found) * len(options) > MAX_PHRASES:
                raise PatternError(f"an item stands for over {MAX_PHRASES} phrases")
            found = [a + b for a in found for b in options]
        return found


def _flatten(items: tuple[Item, ...]) -> list[Item]:
    """A top-level [ ] span only marks what a rewrite replaces: its items are the cue's."""
    flat: list[Item] = []
    for item in items:
        if isinstance(item.atom, Span):
            flat.extend(item.atom.items)
        else:
            flat.append(item)
    return flat


class Speller:
    """Typos fixed against the cues' own words: "voicmail" is "voicemail", "tiem" is "time".

    Only the slips people make typing, which rarely make another word: a letter left out
    ("voicmail"), two letters swapped ("anwser"), a letter doubled ("gratefull"). A letter
    typed for another is not fixed: "next" and "text", "told" and "hold" are both words.
    Words the cues know, words in `known`, short words, and words typed with an apostrophe
    ("there's") are left alone. Candidates come from the cue words' one-letter deletions, so a
    word costs a few dictionary lookups; the choice is deterministic.
    """

    def __init__(self, vocabulary: Iterable[str], known: Iterable[str] = ()) -> None:
        self.vocabulary = frozenset(w for w in vocabulary if w.isalpha())
        self.known = self.vocabulary | frozenset(known)
        self.by_deletion: dict[str, set[str]] = {}
        for word in self.vocabulary:
            if len(word) >= MIN_TYPO_LENGTH:
                for variant in _deletions(word):
                    self.by_deletion.setdefault(variant, set()).add(word)

    def correct(self, word: str) -> str:
        if len(word) < MIN_TYPO_LENGTH or word in self.known or not word.isalpha():
            return word
        # A letter left out, inside the word: a missing ending ("value", "values") is another
        # form of the word, which the cues spell out themselves where it matters.
        missing = sorted(c for c in self.by_deletion.get(word, ()) if not c.startswith(word))
        if missing:
            return missing[0]
        swapped = sorted(
            c
            for variant in _deletions(word)
            for c in self.by_deletion.get(variant, ())
            if len(c) == len(word) and sorted(c) == sorted(word) and OSA.distance(word, c) == 1
        )
        if swapped:
            return swapped[0]
        doubled = sorted(
            word[:i] + word[i + 1 :]
            for i in range(1, len(word))
            if word[i] == word[i - 1] and word[:i] + word[i + 1 :] in self.vocabulary
        )
        return doubled[0] if doubled else word


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass(frozen=True)
class Text:
    """One normalised message, as the cues read it."""

    raw: tuple[str, ...]  # its tokens, punctuation included, hyphens left out
    words: tuple[str, ...]  # the same without apostrophes and typos, as the cues compare

    @classmethod
    def of(cls, normalised: str, speller: Speller | None = None) -> Text:
        raw = tuple(token for token in normalised.split() if token != "-")
        words = tuple(key(token) for token in raw)
        if speller is not None:
            words = tuple(
                word if "'" in token else speller.correct(word)
                for token, word in zip(raw, words, strict=True)
            )
        return cls(raw, words)

    def negated_before(self, at: int) -> bool:
        for token in reversed(self.raw[max(0, at - NEGATION_REACH) : at]):
            if not any(ch.isalnum() for ch in token) or token in CLAUSE_WORDS:
                return False  # punctuation or "but": another clause
            if token in NEGATORS or token.endswith("n't"):
                return True
        return False


class CueSet:
    """The cues of several labels (intents, themes or topics), compiled once."""

    def __init__(self, sets: Mapping[str, Sequence[str]], cues: Mapping[str, Sequence[str]]):
        compiler = CueCompiler(sets)
        self.by_first_word: dict[str, list[Cue]] = {}
        self.anywhere: list[Cue] = []  # cues that may start with any word
        for label, sources in cues.items():
            for source in sources:
                try:
                    cue = compiler.cue(label, source)
                except PatternError as exc:
                    raise PatternError(f"{label}: {exc} in {source!r}") from exc
                self._index(cue)

    def vocabulary(self) -> set[str]:
        """Every word the cues are made of."""
        words: set[str] = set()
        for cue in {id(c): c for cues in self.by_first_word.values() for c in cues}.values():
            for slot in cue.slots:
                for phrase in slot.phrases or ():
                    words.update(phrase)
        return words

    def _index(self, cue: Cue) -> None:
        firsts: set[str] = set()
        for slot in cue.slots:
            if slot.phrases is None or slot.negative:
                self.anywhere.append(cue)
                return
            firsts |= {phrase[0] for phrase in slot.phrases}
            if not (slot.optional or slot.repeat):
                break
        else:
            self.anywhere.append(cue)  # every item optional: cannot happen after parse()
            return
        for word in firsts:
            self.by_first_word.setdefault(word, []).append(cue)

    def counts(self, text: Text, negatable: frozenset[str] = frozenset()) -> dict[str, int]:
        """At how many places each label's cues match (labels that match at all); a match of
        a negatable label just after a negation ("nobody came") does not count."""
        return {label: len(at) for label, at in self.places(text, negatable).items()}

    def places(self, text: Text, negatable: frozenset[str] = frozenset()) -> dict[str, list[int]]:
        """The word positions where each label's cues start to match (labels that match)."""
        found: dict[str, list[int]] = {}
        words = text.words
        present = frozenset(words)
        for at, word in enumerate(words):
            seen: set[str] = set()
            after = words[at + 1] if at + 1 < len(words) else ""
            for cue in (*self.by_first_word.get(word, ()), *self.anywhere):
                if cue.label in seen or (cue.follow is not None and after not in cue.follow):
                    continue
                if cue.needs and not cue.possible_in(present):
                    continue
                if not cue.matches_at(words, at):
                    continue
                if cue.label in negatable and text.negated_before(at):
                    continue
                seen.add(cue.label)
                found.setdefault(cue.label, []).append(at)
        return found
