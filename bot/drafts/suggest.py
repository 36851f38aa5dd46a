"""Which planned actions ask the educator to send a note home: those get a "Draft it now"
button (after a reflection, and on a nudge) that starts `draft` for the likeliest purpose."""

from __future__ import annotations

import re

from bot.drafts import messages as said
from bot.replies import Choice
from content.drafts_schema import Purpose

# Sending a family a note: "send one family a two-sentence note", "write a welcome message",
# "a note home". Not "write down", "note whether" or meeting notes.
_A_NOTE = re.compile(
    r"\b(send|write|draft|mail)\b(?!\s+down)[^.;]{0,60}?\b(note|message|letter|postcard|email)\b",
    re.IGNORECASE,
)
# ... to a colleague rather than a family.
_TO_STAFF = re.compile(
    r"\bto (your |the |a |one )?(principal|staff|colleague|team|teacher|leadership)", re.IGNORECASE
)
# Words that say what the note is for, most specific first.
_PURPOSE_WORDS = (
    (
        Purpose.SYMPATHY,
        # A death or a loss in the family: "a sympathy note... their grandma died", "una nota
        # de pésame" (it had offered a celebration first). Not "the class fish died", nor "her
        # brother passed his driving test".
        re.compile(
            r"\b(sympathy|condolences?|passed away|passing of|funeral|bereave\w*|p[eé]same"
            r"|condolencias?|falleci\w*|muri[oó] (su|el|la) )|\b(his|her|their|the family'?s?)"
            r" (mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|brother|sister|"
            r"aunt|uncle|baby|cousin|parent|abuela|abuelo) (died|passed away|passed on)\b"
            r"|\b(mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|brother|sister|"
            r"aunt|uncle|baby|cousin) (just )?(died|passed away|passed on)\b"
            r"|\b(loss|lost) (in|of) (the|their|his|her) family|\bfamily'?s loss",
            re.IGNORECASE,
        ),
    ),
    (
        Purpose.GET_WELL,
        # Someone ill or in the hospital: "a get well card for Bentleys great grandpa, hes in the
        # hospital with his heart" (the note had mourned him as if he had died).
        re.compile(
            r"\bget[- ]well\b|\b(?:in|at) the hospital\b|\bhospitali[sz]ed|\bsurgery\b"
            r"|\b(?:has|got) cancer\b|\bheart attack\b|\brecover(?:y|ing)\b|\bque se mejore"
            r"|\ben el hospital\b|\bpronta recuperaci[oó]n",
            re.IGNORECASE,
        ),
    ),
    (
        Purpose.EVENT,
        # "a blurb for our fall family night... kids welcome", "a FAFSA night for all senior
        # families": every family invited at once, no one child (it had been a one-family
        # invitation, "One child per note works best").
        re.compile(
            r"\bfamily (night|day|fun night|breakfast|picnic)|\bopen house|\bpotluck"
            r"|\bback[- ]to[- ]school night|\b(math|literacy|reading|science|fafsa|curriculum)"
            r" night|\bnoche (familiar|de)|\bkerm[eé]s|\bconvivio|\bcaf[eé] con (los )?padres"
            r"|\bcafecito"
            r"|\b(for|to) (all|every) (the |our |my )?(senior |\w+ grade )?(famil|parent)"
            r"|\bwhole (class|school|grade)\b|\btodas las familias|\btodos los pap[aá]s",
            re.IGNORECASE,
        ),
    ),
    (
        Purpose.INVITE,
        re.compile(r"\binvit", re.IGNORECASE),
    ),
    (
        Purpose.INTRODUCE,
        re.compile(r"introduc\w* (yourself|myself)|your name|go-to|welcome|\bpresentarme", re.I),
    ),
    (
        Purpose.FOLLOW_UP,
        re.compile(r"\bfollow(ing)?[- ]up|\bafter (a|the) (concern|tense)|\bseguimiento", re.I),
    ),
    (
        Purpose.CONCERN,
        # Hard news about what happened: "let a parent know their son bit another kid today"
        # (someone hit or bitten, not "he hit a home run" or "bit into a lemon").
        re.compile(
            r"\b(hit|bit|bites|punched|kicked|pushed|shoved|scratched|slapped)\s+(an?other|a|his|her"
            r"|their|my|the|one|two|some)?\s*(kid|kids|classmates?|students?|peers?|friends?|boys?"
            r"|girls?|child|teacher|sub|aide|para|someone|somebody)\b"
            r"|\b(fight|fought|hurt|injur|suspen|detention|referral|incident|misbehav|failing"
            r"|retention|retained|cheat|bull(y|ied|ying)|stole|vap(e|ing)|peg[oó]|golpe[oó]"
            r"|mordi[oó]|empuj[oó]|pele[oó]|pelea|suspendid|reprobando|reprob[oó])\w*\b",
            re.I,
        ),
    ),
    (
        Purpose.NEXT_STEP,
        re.compile(r"\bnext step|\bat home\b|\btry\b|\bgoal|\bsiguiente paso|\ben casa\b", re.I),
    ),
    (
        Purpose.CELEBRATE,
        re.compile(
            r"\bgood news|\bpositive|\bstudent of the (month|week)"
            r"|\bdid (so )?(well|great|amazing|awesome)|\bwin\b|\bproud"
            r"|\b(great|good) job|\bshout ?out|\bcelebrat"
            r"|\bfelicit|\bbuen trabajo|\bbuenas noticias|\borgullos"
            r"|\b(le|les) (fue|salió|salio) (muy )?bien|\blo hizo (muy )?bien"
            # Doing better ("he's been doing way better in math", "got a B after failing the
            # last two": it had been a concern, by "failing").
            r"|\b(been|is|he'?s|she'?s|they'?re|hes|shes) doing (way |so much |much |a lot "
            r"|a little )?better|\b(has|have|really|so much|a lot) improved|\b(is|been) improving"
            r"|\b(big|huge|real|great) improvement|\bgot an? (a|b|a-|a\+|b\+|100)\b"
            r"|\bafter failing|\bpassed (his|her|their|the)\b|\bbrought (his|her) grades? up"
            r"|\bmejor[oó]|\bmejorando|\bha mejorado|\bva mejor|\bsac[oó] (una )?(b|a|10|9)\b"
            r"|\baprob[oó]",
            re.I,
        ),
    ),
)


def purpose_in(text: str) -> Purpose | None:
    """What a note is for, when the words say it ("saying jose did great on his spelling
    test" is a celebration); None when they do not. Good news said beside hard words is good
    news ("she did great on her test even after being suspended last year")."""
    found = [p for p, pattern in _PURPOSE_WORDS if pattern.search(text)]
    if Purpose.CONCERN in found and Purpose.CELEBRATE in found:
        found.remove(Purpose.CONCERN)
    return found[0] if found else None


def asks_for_a_note(action: str) -> bool:
    return bool(_A_NOTE.search(action)) and not _TO_STAFF.search(action)


def draft_button(action: str) -> Choice | None:
    """ "Draft it now", naming the purpose when the action says it; None when the action
    does not ask for a note home."""
    if not asks_for_a_note(action):
        return None
    purpose = purpose_in(action)
    return Choice(str(said.DRAFT_IT_NOW), f"draft {purpose.value}" if purpose else "draft")
