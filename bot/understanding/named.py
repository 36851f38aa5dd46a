"""Who an answer is about: "Jaylen's mom", "Ana's grandmother", "the Nguyens", "Maria", and
failing a name, "his grandma".

What the educator capitalised counts as a name, the first word of a sentence only when a
family word follows it ("Tomás's dad ..."). In lower case, only a word that owns a family
member with an apostrophe ("luis's dad") or names a family ("the martinez family") does, and
is echoed capitalised; a bare "jaylen" or "jaylens mom" is left alone rather than guessed.
Nothing is stored; the name is echoed back in the same reply only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.understanding.normalise import alternation
from content.understanding_schema import default_understanding

_WORD = re.compile(r"[A-ZÁÉÍÓÚÑ][\w'’-]*|[\w'’-]+|[.!?;:]", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$|['’]$")
_SENTENCE_END = frozenset(".!?;:")
# A capitalised word right after these names where, not who.
_PLACE_WORDS = frozenset(("in", "en", "at"))
TITLES = frozenset(("Mr", "Ms", "Mrs", "Dr", "Miss", "Sra", "Sr"))
_LOWER_CASE_TITLES = ("Mrs", "Mr", "Ms", "Sra", "Dr")
# "la mamá de luis": the family member, then whose ("la familia de ana" too).
# Said back with its accent: "el papa de Jonathan", typed on a phone, is the Pope's.
_WITH_ACCENT = {"papa": "papá", "mama": "mamá", "tia": "tía", "tio": "tío"}
_SPANISH_RELATIONS = "mamá|mama|papá|papa|abuela|abuelo|tía|tia|tío|tio|familia|madre|padre"


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    named = default_understanding().replies.named
    relations = tuple(sorted((tuple(w.split()) for w in named.family_words), key=len, reverse=True))
    return frozenset(named.not_names), relations


@lru_cache(maxsize=1)
def _lower_case_name() -> re.Pattern[str]:
    """ "luis's dad", "the martinez family": a lower-case name the words around it vouch for."""
    named = default_understanding().replies.named
    relations = alternation(named.family_words)
    return re.compile(
        rf"(?<![\w'’])(?:(?P<owner>[a-záéíóúñü]+)['’]s\s+(?P<relation>{relations})"
        rf"|the\s+(?P<family>[a-záéíóúñü]+)\s+family"
        rf"|(?P<article>la|el)\s+(?P<relation_es>{_SPANISH_RELATIONS})\s+de\s+"
        rf"(?P<child>[a-záéíóúñü]+)"
        # "mrs p", "mr okafor": a title vouches for the name after it ("miss" is a verb too).
        rf"|(?P<title>{'|'.join(t.casefold() for t in _LOWER_CASE_TITLES)})\.?\s+"
        rf"(?P<surname>[a-záéíóúñü]+))(?![\w'’])"
    )


_SCHOOL_AFTER = frozenset(
    ["Elementary", "Middle", "High", "Academy", "Primary", "Intermediate", "School", "Charter",
     "Montessori", "Magnet", "ES", "MS", "HS", "K-8", "Preschool", "Center"]
)  # fmt: skip


def who_is_named(text: str) -> str | None:
    """The first person the answer names, with the family member when one follows."""
    not_names, relations = _vocabulary()
    tokens = _WORD.findall(text)
    starts_sentence = True
    own_name = False  # "hi. im Renee Cole, Title I family engagement": the educator's name
    for index, token in enumerate(tokens):
        if token in _SENTENCE_END:
            own_name = False  # "im Renee. Jaylen's mom called": Jaylen's is a family
            # "Mrs. Lopez": the dot after a title does not end the sentence.
            starts_sentence = not (token == "." and index and tokens[index - 1] in TITLES)
            continue
        bare = _POSSESSIVE.sub("", token)
        # "Mrs. P": after a title, an initial is a name.
        before = [t for t in tokens[max(0, index - 2) : index] if t != "."]
        titled = bool(before) and before[-1] in TITLES and len(bare) == 1
        # "soy orientadora en un colegio en Lima", "I teach in Houston": a place, not a person.
        placed = bool(before) and before[-1].casefold() in _PLACE_WORDS
        # "the east side of Detroit", "the city of Fresno"
        placed = placed or [t.casefold() for t in before[-2:]] in _PLACE_OF
        # "Lincoln Elementary", "Roosevelt Middle School": a school, not a family.
        schooled = index + 1 < len(tokens) and tokens[index + 1] in _SCHOOL_AFTER
        is_name = (
            bare[:1].isupper()
            and (bare[1:].islower() or titled)
            and bare not in not_names
            and bare.split("-")[0] not in not_names  # "Baptist-adjacent", "Spanish-speaking"
            and not placed
            and not schooled
        )
        own_name = is_name and (own_name or (bool(before) and before[-1].casefold() in _SELF))
        if own_name:
            starts_sentence = False
            continue
        relation = _relation_after(tokens, index + 1, relations) if is_name else None
        if is_name and (not starts_sentence or relation):
            spanish = _spanish_relation_before(tokens, index)
            if spanish is not None:  # "Hablé con la mamá de Luis"
                return f"{spanish} {bare}"
            return _phrase(before[-1] if before else "", token, bare, relation)
        starts_sentence = False
    return _named_in_lower_case(text) or _named_by_pronoun(text)


_PLACE_OF = [[place, "of"] for place in ("side", "city", "town", "part", "outskirts", "county")]
# Words right before the educator's own name: "im Renee Cole", "soy Lupita", "me llamo Ana".
_SELF = frozenset({"im", "i'm", "i’m", "name's", "soy", "llamo"})


def _spanish_relation_before(tokens: list[str], index: int) -> str | None:
    """ "la mamá de" right before a name: who in the family it is ("la mamá de")."""
    before = [t.casefold() for t in tokens[max(0, index - 3) : index]]
    said = len(before) == 3 and before[0] in ("la", "el") and before[2] == "de"
    if said and re.fullmatch(_SPANISH_RELATIONS, before[1]):
        return f"{before[0]} {_WITH_ACCENT.get(before[1], before[1])} de"
    return None


def _named_in_lower_case(text: str) -> str | None:
    not_owners = _not_owners()
    for found in _lower_case_name().finditer(text):
        name = found.group("owner") or found.group("family") or found.group("child")
        if found.group("surname"):
            surname = found.group("surname")
            if surname in not_owners or surname in _NOT_SURNAMES:
                continue
            title = found.group("title").capitalize()
            return f"{title} {surname.capitalize()}"
        if name in not_owners:
            continue
        if found.group("family"):
            return f"the {name.capitalize()} family"
        if found.group("child"):
            relation = found.group("relation_es")
            relation = _WITH_ACCENT.get(relation, relation)
            return f"{found.group('article')} {relation} de {name.capitalize()}"
        return f"{name.capitalize()}'s {found.group('relation')}"
    return None


# After a lower-case title, words that are no surname ("ms i think", "mr and mrs").
_NOT_SURNAMES = frozenset({"i", "a", "and", "or", "the", "to", "y", "de", "is", "was"})


@lru_cache(maxsize=1)
def _pronoun_and_relation() -> re.Pattern[str]:
    """ "his grandma", "her dad", "su abuela": one person, though no name is given. A whole
    family ("their family") is not one person."""
    named = default_understanding().replies.named
    # "their parents work a lot" is a whole family too, not one person to picture.
    people = [
        w for w in named.family_words if w not in ("family", "familia", "parents", "grandparents")
    ]
    relations = alternation(people)
    return re.compile(rf"(?<![\w'’])(?:his|her|their|su)\s+(?:{relations})(?![\w'’])", re.I)


def _named_by_pronoun(text: str) -> str | None:
    found = _pronoun_and_relation().search(text)
    return found.group(0).casefold() if found else None


@lru_cache(maxsize=1)
def _not_owners() -> frozenset[str]:
    return frozenset(default_understanding().replies.named.not_owners)


def _phrase(before: str, token: str, bare: str, relation: str | None) -> str:
    """ "Mrs Lopez", "the Nguyen family", "Ana's grandmother", "Kevin"."""
    if before.casefold() == "the" and relation not in (None, "family"):
        # "the Okafors, mom told me...": the family is named, and the mother is theirs (had:
        # "Okafors's mom").
        return f"the {bare}"
    if relation is None:
        title = before.rstrip(".")
        if title.casefold() == "the":  # "the Garcias"
            return f"the {bare}"
        return f"{title} {bare}" if title in TITLES else bare
    if relation == "family" and token == bare:
        return f"the {bare} family"
    return f"{bare}'s {relation}"


def _relation_after(
    tokens: list[str], start: int, relations: tuple[tuple[str, ...], ...]
) -> str | None:
    following = [t.casefold() for t in tokens[start : start + 2]]
    for relation in relations:
        if tuple(following[: len(relation)]) == relation:
            return " ".join(relation)
    return None
