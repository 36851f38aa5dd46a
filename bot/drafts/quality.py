"""What `coach content check` holds every message-home template to, filled with sample
specifics (with a child's name and without): at most four sentences, readable at or below a
6th-grade level (Flesch-Kincaid for English; Fernández Huerta for Spanish, whose 70-80 band
is sixth grade), no deficit framing by our reframe lexicon (English and Spanish), and an open
door at the end (a question, or an invitation to reply). textstat is imported here only,
when checking."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.drafts.compose import compose
from bot.reframe import find_deficit_framing
from content.drafts_schema import DraftContent, Language, Purpose, Tone

MAX_GRADE = 6.0
MIN_FERNANDEZ_HUERTA = 70.0  # its scale's sixth grade starts at 70
MAX_SENTENCES = 4
SAMPLES: Mapping[Language, Mapping[str, str]] = {
    Language.ENGLISH: {
        "child": "Maya",
        "observation": "she helped a new student find the library",
        "home_step": "read together for ten minutes before bed",
        "invitation": "a short call next week, any day after four",
        "my_name": "Ms. Rivera",
        "about_me": "I teach fourth grade and I love to read",
        "event": "Family Math Night on Thursday at 5:30 in the cafeteria, with dinner and games",
    },
    Language.SPANISH: {
        "child": "Maya",
        "observation": "ayudó a un estudiante nuevo a encontrar la biblioteca",
        "home_step": "leer juntos diez minutos antes de dormir",
        "invitation": "una llamada corta la próxima semana",
        "my_name": "la maestra Rivera",
        "about_me": "enseño cuarto grado y me encanta leer",
        "event": "la Noche de Matemáticas, el jueves a las 5:30 en la cafetería, con cena",
    },
}
# An ending that asks the family to answer, when it is not a question.
_OPEN_DOOR = {
    Language.ENGLISH: re.compile(
        r"\b(reply|write|call|text|let me know|hear|tell me|share|reach)\b", re.IGNORECASE
    ),
    Language.SPANISH: re.compile(
        r"(respond|escrib|llám|llam|avís|avis|saber|cuént|cuent|comparta|compartir|dígame)",
        re.IGNORECASE,
    ),
}
# Titles that end in a full stop without ending a sentence.
_TITLES = re.compile(r"\b(Ms|Mr|Mrs|Dr|Sra|Sr|Srta)\.")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(_TITLES.sub(r"\1", text.strip())) if part]


def reading_level(text: str, language: Language) -> float:
    """Flesch-Kincaid grade (English) or Fernández Huerta ease (Spanish)."""
    import textstat  # type: ignore[import-untyped]

    if language is Language.SPANISH:
        textstat.set_lang("es")
        try:
            return float(textstat.fernandez_huerta(text))
        finally:
            textstat.set_lang("en")
    return float(textstat.flesch_kincaid_grade(text))


def readable(text: str, language: Language) -> bool:
    level = reading_level(text, language)
    return level >= MIN_FERNANDEZ_HUERTA if language is Language.SPANISH else level <= MAX_GRADE


def has_open_door(text: str, language: Language) -> bool:
    said = sentences(text)
    last = said[-1] if said else ""
    return last.endswith("?") or bool(_OPEN_DOOR[language].search(last))


def draft_faults(content: DraftContent) -> list[str]:
    """Every template that fails a rule, named by language, purpose, tone and number."""
    faults: list[str] = []
    for language in Language:
        for purpose in Purpose:
            for tone in Tone:
                for number in range(len(content.templates_for(language, purpose, tone))):
                    where = f"drafts.yaml: {language}/{purpose}/{tone} #{number + 1}"
                    faults += [
                        f"{where}: {fault}"
                        for fault in _template_faults(content, language, purpose, tone, number)
                    ]
    return faults


def _template_faults(
    content: DraftContent, language: Language, purpose: Purpose, tone: Tone, number: int
) -> list[str]:
    faults: list[str] = []
    for child in (SAMPLES[language]["child"], ""):
        sample = {**SAMPLES[language], "child": child}
        text = compose(content, language, purpose, tone, number, sample)
        count = len(sentences(text))
        if count > MAX_SENTENCES:
            faults.append(f"{count} sentences (at most {MAX_SENTENCES}): {text}")
        if not readable(text, language):
            level = reading_level(text, language)
            faults.append(f"reading level {level:.1f} is above sixth grade: {text}")
        if not has_open_door(text, language):
            faults.append(f"does not end with a question or an invitation to reply: {text}")
        if find_deficit_framing(text):
            faults.append(f"reads as deficit framing: {text}")
    return sorted(set(faults))
