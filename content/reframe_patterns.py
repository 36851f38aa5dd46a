"""A small pattern language for the reframe lexicon, compiled to regular expressions.

Content authors write word sequences, not regexes. A pattern is items separated by spaces:

    word        one word, case-insensitive; a hyphen inside means "hyphen or space"
                ("hard-to-reach" matches "hard to reach"), an apostrophe is optional
                ("don't" matches "dont"); curly quotes are straightened before matching
    word~       the word and its simple inflections: care, cares, cared, caring
    _           any one word
    {name}      any member of the named set (sets are patterns too, and may nest)
    (a b|c)     one of several alternatives, each a sequence of items
    [ ... ]     the part of the match that is reported and rewritten; the words
                around it must be there but are left alone (default: the whole match)
    item?       optional
    item*       zero to three times
    !item       not followed by this (checks the next words, consumes nothing)
    ^           (first, only) the match starts a clause: the start of the text, after
                punctuation, or after a joining word ("but", "so", "porque", "y")

Words are matched whole: "kid" never matches inside "kidding". Between two words any
run of spaces or a single hyphen is accepted, never other punctuation, so a pattern
does not reach across a comma into the next clause.

A set used once, required, at the top of a pattern (or inside its [ ]) is captured, so a
rewrite may repeat the educator's own word: "{family} we have not yet reached" keeps
"parents" or "guardians" as typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

# Between two words: any run of spaces and hyphens ("hard-to-reach", "hard to reach").
SEP = r"[\s-]+"
MAX_REPEAT = 3
_WORD_RUN = re.compile(r"[\w'-]*")
_NAME = re.compile(r"[a-z][a-z0-9-]*")
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9-]*)\}")

# One character in, one character out, so offsets in the normalised text are offsets
# in the educator's own text.
_STRAIGHTEN = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def normalise(text: str) -> str:
    """Straighten quotes and dashes; the result has the same length as the input."""
    return text.translate(_STRAIGHTEN)


# Precomposed accented Latin letters and their plain letter, one character for one, so a
# lexicon compiled with fold=True matches "educación" and "educacion" alike ("papás",
# "papas") while offsets still point into the educator's own text.
_ACCENTED = "áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ"
_PLAIN = "aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC"
_FOLD = str.maketrans(_ACCENTED, _PLAIN)


def fold_accents(text: str) -> str:
    """Accents removed from precomposed letters; the result has the same length as the input."""
    return text.translate(_FOLD)


# The letters Python's case-insensitive matching takes for an ASCII letter that str.lower()
# does not make one ("İ" would even become two characters).
_CASE_EXTRA = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold_case(text: str) -> str:
    """Lower case, one character for one: the text every compiled pattern searches.

    The patterns are lower case and compiled without re.IGNORECASE, which made Python's
    regex compiler about three times slower (a case-insensitive literal is a set of
    characters to it) and every search slower too; lowering the text once matches the same.
    """
    lowered = text.translate(_CASE_EXTRA).lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


# Where a clause starts, for patterns written with a leading ^: the start of the text, or
# after punctuation or a joining word (and up to two spaces). Python needs each look-behind
# to have one width, so every joiner and every run of spaces gets its own.
_JOINERS = (
    "and", "but", "so", "because", "cause", "cuz", "bc", "then", "or", "though",
    "y", "e", "pero", "porque", "que", "pues", "entonces", "o", "ni", "aunque",
)  # fmt: skip
_BEFORE_CLAUSE = [r"[.!?;:,()\n\"'*]", *(rf"(?<!\w){word}" for word in _JOINERS)]
CLAUSE_START = (
    r"(?:^|(?<=^\s)|(?<=^\s\s)"
    + "".join(
        f"|(?<={before}{spaces})" for before in _BEFORE_CLAUSE for spaces in ("", r"\s", r"\s\s")
    )
    + ")"
)


class PatternError(ValueError):
    """A pattern that cannot be parsed or compiled; the message says where and why."""


# --- syntax tree -----------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str
    inflect: bool = False


@dataclass(frozen=True)
class AnyWord:
    pass


@dataclass(frozen=True)
class SetRef:
    name: str


@dataclass(frozen=True)
class Group:
    alternatives: tuple[tuple[Item, ...], ...]


@dataclass(frozen=True)
class Span:
    items: tuple[Item, ...]


Atom = Word | AnyWord | SetRef | Group | Span


@dataclass(frozen=True)
class Item:
    atom: Atom
    quantifier: str = ""  # "", "?" or "*"
    negative: bool = False


# --- parsing ---------------------------------------------------------------------------


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0
        self.spans = 0

    def fail(self, message: str) -> PatternError:
        return PatternError(f"{message} at position {self.pos} in {self.source!r}")

    def peek(self) -> str:
        return self.source[self.pos] if self.pos < len(self.source) else ""

    def skip_spaces(self) -> None:
        while self.peek().isspace():
            self.pos += 1

    def sequence(self, stops: str, depth: int) -> tuple[Item, ...]:
        items: list[Item] = []
        while True:
            self.skip_spaces()
            char = self.peek()
            if not char or char in stops:
                break
            items.append(self.item(depth))
        return tuple(items)

    def item(self, depth: int) -> Item:
        negative = False
        if self.peek() == "!":
            negative = True
            self.pos += 1
        atom = self.atom(depth)
        quantifier = ""
        if self.peek() in ("?", "*"):
            quantifier = self.peek()
            self.pos += 1
        if negative and quantifier:
            raise self.fail("a !item cannot also be optional")
        if isinstance(atom, Span) and (negative or quantifier):
            raise self.fail("the [ ] span cannot be optional or negative")
        return Item(atom, quantifier, negative)

    def atom(self, depth: int) -> Atom:
        char = self.peek()
        if char == "(":
            self.pos += 1
            alternatives: list[tuple[Item, ...]] = []
            while True:
                alternative = self.sequence("|)]", depth + 1)
                if not alternative:
                    raise self.fail("empty alternative")
                alternatives.append(alternative)
                if self.peek() == "|":
                    self.pos += 1
                    continue
                if self.peek() == ")":
                    self.pos += 1
                    return Group(tuple(alternatives))
                raise self.fail("missing )")
        if char == "[":
            if depth > 0:
                raise self.fail("a [ ] span must be at the top of the pattern")
            self.spans += 1
            if self.spans > 1:
                raise self.fail("only one [ ] span is allowed")
            self.pos += 1
            items = self.sequence("]|)", depth + 1)
            if self.peek() != "]":
                raise self.fail("missing ]")
            self.pos += 1
            if not any(not item.negative for item in items):
                raise self.fail("empty [ ] span")
            return Span(items)
        if char == "{":
            end = self.source.find("}", self.pos)
            name = self.source[self.pos + 1 : end] if end > 0 else ""
            if end < 0 or not _NAME.fullmatch(name):
                raise self.fail("a set is written {lowercase-name}")
            self.pos = end + 1
            return SetRef(name)
        if char == "_":
            self.pos += 1
            return AnyWord()
        start = self.pos
        run = _WORD_RUN.match(self.source, self.pos)
        self.pos = run.end() if run else self.pos
        word = self.source[start : self.pos]
        if not word.strip("-'"):
            raise self.fail(f"unexpected {char!r}")
        inflect = False
        if self.peek() == "~":
            inflect = True
            self.pos += 1
        return Word(word.lower(), inflect)


def parse(source: str) -> tuple[Item, ...]:
    """The syntax tree of one pattern; PatternError if it is malformed."""
    parser = _Parser(source)
    items = parser.sequence("", 0)
    if parser.pos < len(source):
        raise parser.fail(f"unexpected {parser.peek()!r}")
    if not any(not item.negative and item.quantifier == "" for item in _top_items(items)):
        raise PatternError(f"a pattern needs at least one required word: {source!r}")
    return items


def parse_entry(source: str) -> tuple[Item, ...]:
    """The syntax tree of a lexicon entry's pattern, which may start with ^ (clause start)."""
    return parse_cached(_split_clause_start(source)[1])


def _top_items(items: tuple[Item, ...]) -> list[Item]:
    flat: list[Item] = []
    for item in items:
        if isinstance(item.atom, Span):
            flat.extend(item.atom.items)
        else:
            flat.append(item)
    return flat


def set_names(items: tuple[Item, ...]) -> set[str]:
    """Every set a pattern refers to, at any depth (not through other sets)."""
    names: set[str] = set()
    for item in items:
        atom = item.atom
        if isinstance(atom, SetRef):
            names.add(atom.name)
        elif isinstance(atom, Group):
            for alternative in atom.alternatives:
                names |= set_names(alternative)
        elif isinstance(atom, Span):
            names |= set_names(atom.items)
    return names


def placeholders(template: str) -> set[str]:
    """The {set} names a rewrite repeats from the educator's sentence."""
    return set(_PLACEHOLDER.findall(template))


def fill(template: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


# --- compiling -------------------------------------------------------------------------


def inflections(word: str) -> list[str]:
    """Simple English inflections; over-generating a non-word is harmless."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    consonant_vowel_consonant = (
        len(word) > 2
        and word[-1] not in "aeiouwxy"
        and word[-2] in "aeiou"
        and word[-3] not in "aeiou"
    )
    if consonant_vowel_consonant:  # "drop" -> "dropped", "dropping"
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return sorted(forms, key=lambda form: (-len(form), form))


def _literal(part: str) -> str:
    return "".join("'?" if char == "'" else re.escape(char) for char in part)


@lru_cache(maxsize=16384)
def _word_regex(atom: Word, fold: bool) -> str:
    text = fold_accents(atom.text) if fold else atom.text
    parts = [part for part in text.split("-") if part]
    if not parts:
        raise PatternError(f"empty word {atom.text!r}")
    if atom.inflect:
        last = "|".join(_literal(form) for form in inflections(parts[-1]))
        compiled = [_literal(part) for part in parts[:-1]] + [f"(?:{last})"]
    else:
        compiled = [_literal(part) for part in parts]
    return SEP.join(compiled)


def group_name(set_name: str) -> str:
    return "s_" + set_name.replace("-", "_")


@lru_cache(maxsize=8192)
def parse_cached(source: str) -> tuple[Item, ...]:
    """parse(), remembered: a lexicon is validated and then compiled from the same text."""
    return parse(source)


@dataclass
class _Compiler:
    """Compiles one pattern; set bodies come from (and go into) the shared cache."""

    sets: Mapping[str, Sequence[str]]
    capture: bool
    set_bodies: dict[str, str]
    fold: bool = False
    stack: list[str] = field(default_factory=list)
    captured: set[str] = field(default_factory=set)
    required: set[str] = field(default_factory=set)

    def word(self, atom: Word) -> str:
        return _word_regex(atom, self.fold)

    def set_body(self, name: str) -> str:
        if name in self.set_bodies:
            return self.set_bodies[name]
        if name not in self.sets:
            raise PatternError(f"unknown set {{{name}}}")
        if name in self.stack:
            raise PatternError(f"set {{{name}}} refers to itself")
        self.stack.append(name)
        members: list[str] = []
        for source in self.sets[name]:
            try:
                members.append(self.sequence(parse_cached(source), top=False))
            except PatternError as exc:
                raise PatternError(f"in set {{{name}}}: {exc}") from exc
        self.stack.pop()
        # Longest first, so "do not" is tried before "do".
        body = "|".join(sorted(members, key=lambda regex: -len(regex)))
        self.set_bodies[name] = body
        return body

    def atom(self, atom: Atom, top: bool, required: bool) -> str:
        if isinstance(atom, Word):
            return self.word(atom)
        if isinstance(atom, AnyWord):
            return r"[\w'][\w']*"
        if isinstance(atom, Group):
            alternatives = [self.sequence(alt, top=False) for alt in atom.alternatives]
            return "(?:" + "|".join(alternatives) + ")"
        if isinstance(atom, Span):
            inner = self.sequence(atom.items, top=True)
            return f"(?P<span>{inner})" if self.capture else f"(?:{inner})"
        body = self.set_body(atom.name)
        if self.capture and top and required and atom.name not in self.captured:
            self.captured.add(atom.name)
            self.required.add(atom.name)
            return f"(?P<{group_name(atom.name)}>{body})"
        return f"(?:{body})"

    def sequence(self, items: tuple[Item, ...], top: bool) -> str:
        first_required = next(
            (
                index
                for index, item in enumerate(items)
                if not item.negative and item.quantifier == ""
            ),
            None,
        )
        if first_required is None:
            raise PatternError("a sequence needs at least one required word")
        out: list[str] = []
        for index, item in enumerate(items):
            required = item.quantifier == "" and not item.negative
            regex = self.atom(item.atom, top, required)
            if item.negative:
                lead = "" if index == 0 else SEP
                out.append(rf"(?!{lead}(?:{regex})(?!\w))")
            elif required:
                out.append(regex if index == first_required else SEP + regex)
            else:
                repeat = "?" if item.quantifier == "?" else f"{{0,{MAX_REPEAT}}}"
                chunk = f"(?:{regex}){SEP}" if index < first_required else f"{SEP}(?:{regex})"
                out.append(f"(?:{chunk}){repeat}")
        return "".join(out)


@dataclass(frozen=True)
class CompiledPattern:
    """One pattern, ready to search normalised text put through fold_case().

    The regular expressions are compiled on first use (and then shared): a big lexicon has
    hundreds of patterns, Python compiles each in milliseconds, and the anchor words mean
    most of them are never needed for a given message.
    """

    source: str
    regex_text: str
    body: str  # the regex text without the outer word boundaries
    captures: frozenset[str]  # sets captured on every match, usable as {placeholders}
    has_span: bool
    # The words before the [span] ("{subject}" in "{subject} [don't care]"), when split off:
    # `regex` then starts at the span, and a match stands only if `context` matches the
    # text just before it (ending at the span, as searched with endpos=span start). Shared
    # contexts are compiled once for the whole lexicon instead of inside every pattern.
    context_text: str | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        return _regex(self.regex_text)

    @property
    def context(self) -> re.Pattern[str] | None:
        return None if self.context_text is None else _regex(self.context_text)


@lru_cache(maxsize=8192)
def _regex(text: str) -> re.Pattern[str]:
    """re.compile, remembered: validating and then loading a lexicon compile the same text.
    Case-sensitive: the pattern is lower case and searches text through fold_case()."""
    try:
        return re.compile(text)
    except re.error as exc:  # pragma: no cover - the compiler never emits a bad regex
        raise PatternError(f"does not compile ({exc})") from exc


class PatternCompiler:
    """Compiles patterns against one mapping of named sets, compiling each set only once.

    With fold=True every word is compiled without its accents, for text that has been
    through fold_accents() too: accents become optional on both sides.
    """

    def __init__(self, sets: Mapping[str, Sequence[str]], *, fold: bool = False) -> None:
        self.sets = sets
        self.fold = fold
        self._set_bodies: dict[str, str] = {}
        self._set_anchors: dict[str, frozenset[str] | None] = {}
        self._compiled: dict[tuple[str, bool], CompiledPattern] = {}

    def compile(self, source: str, *, capture: bool = True) -> CompiledPattern:
        """Compile one pattern (once per compiler); PatternError if it cannot be used."""
        key = (source, capture)
        if key not in self._compiled:
            self._compiled[key] = self._compile(source, capture)
        return self._compiled[key]

    def _compile(self, source: str, capture: bool) -> CompiledPattern:
        anchored, rest = _split_clause_start(source)
        items = parse_cached(rest)
        compiler = _Compiler(
            sets=self.sets, capture=capture, set_bodies=self._set_bodies, fold=self.fold
        )
        has_span = any(isinstance(item.atom, Span) for item in items)
        split = (
            next(i for i, item in enumerate(items) if isinstance(item.atom, Span))
            if (has_span)
            else 0
        )
        before = items[:split]
        if any(not item.negative and not item.quantifier for item in before):
            context_compiler = _Compiler(
                sets=self.sets, capture=False, set_bodies=self._set_bodies, fold=self.fold
            )
            lead = CLAUSE_START if anchored else ""
            context_body = context_compiler.sequence(before, top=False)
            context: str | None = rf"(?<!\w){lead}(?:{context_body}){SEP}\Z"
            body = compiler.sequence(items[split:], top=True)
        else:
            context = None
            body = (CLAUSE_START if anchored else "") + compiler.sequence(items, top=True)
        return CompiledPattern(
            source, rf"(?<!\w){body}(?!\w)", body, frozenset(compiler.required), has_span, context
        )

    def anchors(self, source: str) -> frozenset[str] | None:
        """Words of which at least one is in every text the pattern matches (as text_words()
        spells them), or None when no such small set exists. A matcher may skip the
        pattern's regex for a text that has none of them."""
        return self._sequence_anchors(parse_cached(_split_clause_start(source)[1]))

    def anchor_sets(self, source: str) -> tuple[frozenset[str], ...]:
        """For each item every match goes through, the words of which one is in any text it
        matches (items with no such small set left out): a text that has none of one set's
        words cannot match, so a matcher may skip the regex."""
        items = _top_items(parse_cached(_split_clause_start(source)[1]))
        found = (self._atom_anchors(i.atom) for i in items if not (i.negative or i.quantifier))
        return tuple(words for words in found if words is not None)

    def _sequence_anchors(self, items: tuple[Item, ...]) -> frozenset[str] | None:
        best: frozenset[str] | None = None
        for item in _top_items(items):
            if item.negative or item.quantifier:
                continue
            found = self._atom_anchors(item.atom)
            if found is not None and (best is None or _anchor_cost(found) < _anchor_cost(best)):
                best = found
        return best

    def _atom_anchors(self, atom: Atom) -> frozenset[str] | None:
        if isinstance(atom, Word):
            text = fold_accents(atom.text) if self.fold else atom.text
            parts = [part.replace("'", "") for part in text.split("-") if part]
            if atom.inflect and len(parts) == 1:
                return frozenset(form.replace("'", "") for form in inflections(parts[0]))
            return frozenset(parts[:1]) if parts and parts[0] else None
        if isinstance(atom, Group):
            union: set[str] = set()
            for alternative in atom.alternatives:
                found = self._sequence_anchors(alternative)
                if found is None:
                    return None
                union |= found
            return frozenset(union)
        if isinstance(atom, SetRef):
            return self._set_anchor(atom.name)
        return None  # any word

    def _set_anchor(self, name: str) -> frozenset[str] | None:
        if name not in self._set_anchors:
            self._set_anchors[name] = None  # a set that refers to itself has no anchor
            union: set[str] = set()
            for member in self.sets.get(name, ()):
                found = self._sequence_anchors(parse_cached(member))
                if found is None:
                    return None
                union |= found
            self._set_anchors[name] = frozenset(union)
        return self._set_anchors[name]


# Words in almost every message: a pattern anchored on one of them would run on every text,
# so each counts as many rarer words when choosing a pattern's anchors.
# fmt: off
_COMMON_WORDS = frozenset((
    "a", "an", "the", "to", "of", "on", "in", "at", "for", "and", "or", "but", "so", "is", "are",
    "was", "were", "be", "been", "it", "its", "i", "you", "we", "he", "she", "they", "them",
    "their", "his", "her", "my", "our", "me", "us", "this", "that", "these", "those", "not",
    "no", "do", "does", "did", "don't", "dont", "doesnt", "didnt", "have", "has", "had", "just",
    "really", "all", "with", "from", "by", "as", "if", "then", "there", "what", "who", "can",
    "cant", "will", "wont", "would", "get", "got", "about", "up", "out", "very", "la", "el",
    "los", "las", "de", "que", "y", "en", "un", "una", "no", "se", "lo", "le", "les", "es",
    "son", "con", "por", "para", "su", "sus", "mi",
))
# fmt: on
COMMON_WORD_COST = 50


def _anchor_cost(words: frozenset[str]) -> int:
    return sum(COMMON_WORD_COST if word in _COMMON_WORDS else 1 for word in words)


_TEXT_WORD = re.compile(r"[\w']+")


def text_words(text: str) -> set[str]:
    """The words of a (normalised, maybe folded) text, lower case, apostrophes dropped.

    A pattern's word may also start or end at an apostrophe inside one ("'ll" matches in
    "she'll", "she" too), so a word with apostrophes also gives each run of its parts:
    "she'll" gives "shell", "she" and "ll".
    """
    words: set[str] = set()
    for token in _TEXT_WORD.findall(text.lower()):
        if "'" not in token:
            words.add(token)
            continue
        parts = token.split("'")
        words.update(
            "".join(parts[start:end])
            for start in range(len(parts))
            for end in range(start + 1, len(parts) + 1)
        )
    words.discard("")
    return words


def _split_clause_start(source: str) -> tuple[bool, str]:
    stripped = source.lstrip()
    if stripped.startswith("^"):
        return True, stripped[1:]
    return False, source


def compile_pattern(
    source: str, sets: Mapping[str, Sequence[str]], *, capture: bool = True
) -> CompiledPattern:
    """Compile one pattern against the named sets; PatternError if it cannot be used."""
    return PatternCompiler(sets).compile(source, capture=capture)
