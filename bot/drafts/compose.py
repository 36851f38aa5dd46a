"""A draft from a template and exactly what the educator typed: nothing is added that they
did not write, and their words are only trimmed (spaces, a final full stop) and, in English,
given the capital I they were typed without."""

from __future__ import annotations

import re
from collections.abc import Mapping

from content.drafts_schema import DraftContent, Language, Purpose, Specific, Tone

_SPACES = re.compile(r"\s+")
# A final full stop, comma or semicolon: the template ends the sentence itself.
_TRAILING = re.compile(r"[\s.,;:]+$")


# The pronoun typed in lower case ("i miss having him", "i'm proud of her").
_LOWER_I = re.compile(r"(?<![\w'’])i(?=$|[\s'’,!?;:]|\.(?!\w))")


def tidy(typed: str) -> str:
    """The educator's words on one line, without the final full stop the template adds."""
    return _TRAILING.sub("", _SPACES.sub(" ", typed).strip())


def for_the_family(content: DraftContent, language: Language, typed: str) -> str:
    """Words typed for a note as the family reads them: shorthand written out, "i" as "I"."""
    written = _written_out(tidy(typed), content.written_out.get(language, {}))
    return _LOWER_I.sub("I", written) if language is Language.ENGLISH else written


def _written_out(typed: str, shorthand: Mapping[str, str]) -> str:
    """Texting shorthand written out, whole words typed in lower case only ("hasnt" ->
    "hasn't"; "Ill" or "IM" are left as typed)."""
    if not shorthand:
        return typed
    return _SHORTHAND_WORD.sub(lambda found: shorthand.get(found[0], found[0]), typed)


# A word as shorthand is typed: lower-case letters, maybe a slash ("b/c", "w/").
_SHORTHAND_WORD = re.compile(r"(?<![\w'’/])[a-z]+(?:/[a-z]*)?(?![\w'’])")


def compose(
    content: DraftContent,
    language: Language,
    purpose: Purpose,
    tone: Tone,
    version: int,
    specifics: Mapping[str, str],
) -> str:
    """The `version`-th template (wrapping) of this purpose, language and tone, filled in.
    A skipped child's name becomes the language's "your child"."""
    templates = content.templates_for(language, purpose, tone)
    template = templates[version % len(templates)]
    values = {name: tidy(specifics.get(name, "")) for name in content.purposes[purpose].asks}
    shorthand = content.written_out.get(language, {})
    values = {name: _written_out(value, shorthand) for name, value in values.items()}
    if language is Language.ENGLISH:  # a family reads "I miss having him", not "i miss"
        values = {name: _LOWER_I.sub("I", value) for name, value in values.items()}
    if values.get(Specific.CHILD):
        values = _name_capitalised(values, values[Specific.CHILD])
    else:
        values[Specific.CHILD] = content.no_name[language]
    return template.format(**values)


def _name_capitalised(values: dict[Specific, str], child: str) -> dict[Specific, str]:
    """ "tamika did great on her fractions test": the child's name typed in lower case in
    what was told, written as the note names them elsewhere ("Tamika")."""
    if not child[:1].isupper():
        return values
    lower = re.compile(rf"(?<![\w'’]){re.escape(child.casefold())}(?![\w])")
    return {
        name: value if name == Specific.CHILD else lower.sub(child, value)
        for name, value in values.items()
    }


def shortest_version(content: DraftContent, language: Language, purpose: Purpose) -> int:
    """The index of the shortest brief template: "Shorter" when already brief."""
    templates = content.templates_for(language, purpose, Tone.BRIEF)
    return min(range(len(templates)), key=lambda i: len(templates[i]))
