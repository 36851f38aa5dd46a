"""Find deficit framing in one sentence and offer asset-based rewrites of it.

Nothing here logs or stores the educator's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.i18n import current_language
from bot.reframe.lexicon import CompiledEntry, CompiledForm, Lexicon, default_lexicon, lexicon_in
from content.reframe_patterns import (
    CompiledPattern,
    fill,
    fold_accents,
    fold_case,
    group_name,
    normalise,
    placeholders,
    text_words,
)

# Where a clause starts: the speaker's "I don't think" before it no longer applies.
_CLAUSE_BREAK = re.compile(r"[.!?;:\n]|\b(?:but|however|although|though|whereas)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?\n]")
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(a|an)(\s+)$", re.IGNORECASE)
# "he's never gonna..." -> "he may go further...": a rewrite that brings its own verb
# ("may", "can") takes the place of the "is" or "'s" before it.
_BE_BEFORE = re.compile(
    r"(?:(?<=\w)(?:'s|’s|'re|’re|'m|’m)|(?<=\bhe)s|(?<=\bshe)s|(?<=\bthey)re|(?<=\bi)m"
    r"|\s+(?:is|are|am))(\s+)$",
    re.IGNORECASE,
)
_MODALS = ("may ", "might ", "can ", "could ", "will ", "would ", "should ")
_DETERMINER_BEFORE = re.compile(
    r"(?<!\w)(?:the|a|an|this|that|these|those|our|their|my|your|his|her)\s+$", re.IGNORECASE
)
_OPENERS = "\"'([{"


@dataclass(frozen=True)
class Finding:
    """One piece of deficit framing in the educator's sentence."""

    id: str
    text: str  # the words matched, exactly as the educator wrote them
    start: int
    end: int
    why: str
    topic: str
    rewrites: list[str] = field(default_factory=list)  # the whole sentence, reframed
    replacements: list[str] = field(default_factory=list)  # what replaced `text` in each
    # For framing no pattern names (bot/reframe/fallback.py): a question to think with, in
    # place of rewrites.
    question: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "why": self.why,
            "topic": self.topic,
            "rewrites": list(self.rewrites),
            "replacements": list(self.replacements),
            "question": self.question,
        }


@dataclass(frozen=True)
class _Candidate:
    order: int
    entry: CompiledEntry
    form: CompiledForm
    pattern: CompiledPattern
    match: re.Match[str]
    start: int
    end: int


def _clause_start(text: str, position: int) -> int:
    start = 0
    for found in _CLAUSE_BREAK.finditer(text, 0, position):
        start = found.end()
    return start


# Someone else's words, quoted: 'in the meeting she say "the Rahimi family doesn't care"' (the
# liaison quoting a teacher had been offered a rewrite of the teacher's words).
_OPEN_QUOTE = re.compile(r"[\"“”]")
_REPORTED_BEFORE = re.compile(
    r"\b(?:he|she|they|teacher|teachers|colleague|principal|admin|someone|somebody|everyone|"
    r"people|staff|maestra|maestro|directora|director|alguien|mr\.?\s*\w+|ms\.?\s*\w+|"
    r"mrs\.?\s*\w+)\s+(?:\w+\s+)?"
    r"(?:said|says|say|told me|tells me|wrote|writes|goes|went|was like|is like|keeps saying|"
    r"kept saying|dijo|dice)\s*[:,]?\s*$",
    re.IGNORECASE,
)


def _quoted_from_someone_else(text: str, start: int) -> bool:
    """The match sits inside a quotation that another person is said to have said, or in what
    a teacher or colleague is told of as telling a family, unquoted ("last year the teacher
    basically told her the boy was headed to juvie")."""
    quotes = [found.start() for found in _OPEN_QUOTE.finditer(text, 0, start)]
    if len(quotes) % 2 == 1:
        return _REPORTED_BEFORE.search(text, 0, quotes[-1]) is not None
    sentence = _SENTENCE_BREAK.split(text[:start])[-1]
    return _A_COLLEAGUE_TOLD.search(sentence) is not None


_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
# Another staff member said to have told someone something, earlier in the same sentence.
_A_COLLEAGUE_TOLD = re.compile(
    r"\b(?:teacher|teachers|colleague|coworker|co-worker|principal|admin|counselor|coach|"
    r"staff|mr\.?\s+\w+|ms\.?\s+\w+|mrs\.?\s+\w+)\s+(?:\w+\s+){0,2}"
    r"(?:told|tells|said|says|kept saying|keeps saying|called|dijo|le dijo)\b",
    re.IGNORECASE,
)


def _is_disavowed(lexicon: Lexicon, text: str, start: int, end: int) -> bool:
    """True when the speaker is questioning the framing rather than using it; start is where
    the whole match begins (with any words before its span)."""
    before = text[_clause_start(text, start) : start]
    if any(pattern.search(before) for pattern in lexicon.disavowals):
        return True
    if _quoted_from_someone_else(text, start):
        return True
    # "he never comes and doesnt care": a negation before "and" or "but" belongs to the verb
    # before them, not to the one the match joins on (it had hidden "doesnt care").
    if not _JOINED.match(text, start) and lexicon.negation_tail.search(before):
        return True
    sentence_end = _SENTENCE_END.search(text, end)
    after = text[end : sentence_end.start() if sentence_end else len(text)]
    return any(pattern.search(after) for pattern in lexicon.after_disavowals)


_JOINED = re.compile(r"(?:and|but|y|pero)\s")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


# A match never crosses punctuation (words are joined only by spaces or hyphens), so each
# pattern is searched only in the stretches between punctuation that hold one of its words.
_STRETCH = re.compile(r"[\w\s'-]+")


def _stretches_per_pattern(
    lexicon: Lexicon, text: str
) -> tuple[list[tuple[int, int]], dict[int, list[int]]]:
    """The text's stretches, and for each pattern worth running the stretches to search."""
    stretches: list[tuple[int, int]] = []
    wanted: dict[int, list[int]] = {}
    by_word, needs = lexicon.by_word, lexicon.needs
    for number, found in enumerate(_STRETCH.finditer(text)):
        stretches.append(found.span())
        present = text_words(found.group())
        orders: set[int] = set(lexicon.unanchored)
        for word in present:
            orders.update(by_word.get(word, ()))
        for order in orders:
            # Each other item the pattern needs has one of its words in the stretch.
            if not any(map(present.isdisjoint, needs[order])):
                wanted.setdefault(order, []).append(number)
    return stretches, wanted


def _candidates(lexicon: Lexicon, text: str) -> list[_Candidate]:
    stretches, wanted = _stretches_per_pattern(lexicon, text)
    protected: dict[int, list[tuple[int, int]]] = {}  # per stretch, found when first needed
    found: list[_Candidate] = []
    for order in sorted(wanted):
        ref = lexicon.patterns[order]
        pattern = ref.pattern
        for number in wanted[order]:
            low, high = stretches[number]
            for match in pattern.regex.finditer(text, low, high):
                start, end = match.span("span") if pattern.has_span else match.span()
                begins = match.start()
                if pattern.context is not None:
                    context = pattern.context.search(text, low, begins)
                    if context is None:
                        continue
                    begins = context.start()
                if number not in protected:
                    protected[number] = [
                        hit.span()
                        for regex in lexicon.protected
                        for hit in regex.finditer(text, low, high)
                    ]
                if _overlaps(start, end, protected[number]):
                    continue
                if _is_disavowed(lexicon, text, begins, match.end()):
                    continue
                found.append(_Candidate(order, ref.entry, ref.form, pattern, match, start, end))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """One finding per stretch of text: the longest wins, then the earliest entry."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.order)):
        if not _overlaps(candidate.start, candidate.end, taken):
            chosen.append(candidate)
            taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: c.start)


def _soften(word: str) -> str:
    """The educator's word, ready to sit mid-sentence: "Parents" -> "parents", "ELL" stays."""
    if len(word) > 1 and word.isupper():
        return word
    return word[:1].lower() + word[1:]


def _at_sentence_start(before: str) -> bool:
    stripped = before.rstrip().rstrip(_OPENERS).rstrip()
    return not stripped or stripped[-1] in ".!?\n"


def _article_for(phrase: str) -> str:
    lowered = phrase.lower()
    if lowered.startswith(("uni", "use", "usu", "one", "eu")):
        return "a"
    if lowered.startswith(("hour", "honest")):
        return "an"
    return "an" if lowered[:1] in ("a", "e", "i", "o", "u") else "a"


def _fit_determiner(before: str, phrase: str) -> str:
    """ "the culture of poverty" -> "the pressures of ...", not "the the pressures of ..."."""
    if _DETERMINER_BEFORE.search(before) and phrase.lower().startswith("the "):
        return phrase[4:]
    return phrase


def rewrite_span(text: str, start: int, end: int, phrase: str) -> str:
    """The sentence with text[start:end] replaced by phrase, capitalised and articled to fit."""
    before, after = text[:start], text[end:]
    phrase = _fit_determiner(before, phrase)
    be = _BE_BEFORE.search(before)
    if be and phrase.lower().startswith(_MODALS):
        before = before[: be.start()] + be.group(1)
    if _at_sentence_start(before):
        phrase = phrase[:1].upper() + phrase[1:]
    article = _ARTICLE_BEFORE.search(before)
    if article:
        wanted = _article_for(phrase)
        if article.group(1).lower() != wanted:
            if article.group(1)[:1].isupper():
                wanted = wanted.capitalize()
            before = before[: article.start()] + wanted + article.group(2)
    return before + phrase + after


def _replacements(text: str, candidate: _Candidate) -> list[str]:
    phrases: list[str] = []
    for template in candidate.form.rewrites:
        values = {
            name: _soften(text[slice(*candidate.match.span(group_name(name)))])
            for name in placeholders(template)
        }
        phrases.append(_fit_determiner(text[: candidate.start], fill(template, values)))
    return phrases


def _finding(text: str, candidate: _Candidate) -> Finding:
    phrases = _replacements(text, candidate)
    return Finding(
        id=candidate.entry.id,
        text=text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        why=candidate.entry.why,
        topic=candidate.entry.topic,
        rewrites=[rewrite_span(text, candidate.start, candidate.end, p) for p in phrases],
        replacements=phrases,
    )


def find_deficit_framing(text: str, lexicon: Lexicon | None = None) -> list[Finding]:
    """Every deficit framing in text, in order, at most one per stretch of words."""
    lexicon = lexicon or default_lexicon()
    # Accents folded and letters lowered one for one, so offsets still point into the
    # educator's text.
    candidates = _select(_candidates(lexicon, fold_case(fold_accents(normalise(text)))))
    return [_finding(text, candidate) for candidate in candidates]


def is_protected(text: str, start: int, end: int, lexicon: Lexicon | None = None) -> bool:
    """Whether text[start:end] lies wholly inside phrasing the lexicon never flags
    (`protected`): what the fallback model finds there is left alone too ("that won't work,
    she'll think..."); a clause that only contains such phrasing ("those immigrant families
    keep to themselves") is still the model's to judge."""
    lexicon = lexicon or default_lexicon()
    folded = fold_case(fold_accents(normalise(text)))
    return any(
        hit.start() <= start and end <= hit.end()
        for regex in lexicon.protected
        for hit in regex.finditer(folded)
    )


def rewrite_all(text: str, findings: list[Finding], choice: int = 0) -> str:
    """The sentence with every finding replaced: by its rewrite number `choice`, or its last."""
    result = text
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        if finding.replacements:
            phrase = finding.replacements[min(choice, len(finding.replacements) - 1)]
            result = rewrite_span(result, finding.start, finding.end, phrase)
    return result


def general_tip(seed: int, lexicon: Lexicon | None = None) -> str:
    """One general tip for when nothing was found; the same seed gives the same tip."""
    tips = (lexicon or lexicon_in(current_language())).tips
    return tips[seed % len(tips)]
