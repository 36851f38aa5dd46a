"""Time zones as US educators name them ("arizona", "mountain", "pacific time", "PST"): the
IANA zone each means, so `nudges tz arizona` works (it had asked for an Area/City name, and
took six tries to find America/Phoenix). Arizona keeps standard time all year, which its own
zone knows; "mountain" is the zone that changes its clocks."""

from __future__ import annotations

import re

from bot.text import without_accents

_ZONES = {
    "eastern": "America/New_York",
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "este": "America/New_York",
    "central": "America/Chicago",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "centro": "America/Chicago",
    "mountain": "America/Denver",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "montana": "America/Denver",
    "pacific": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pacifico": "America/Los_Angeles",
    "arizona": "America/Phoenix",
    "az": "America/Phoenix",
    "alaska": "America/Anchorage",
    "akst": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "hst": "Pacific/Honolulu",
    "puerto rico": "America/Puerto_Rico",
    "atlantic": "America/Puerto_Rico",
    "guam": "Pacific/Guam",
}
# "pacific time", "hora del pacifico", "mountain standard time", "(az)".
_FILLER = re.compile(
    r"\b(?:hora|del|de|la|time|zone|standard|daylight|tz|us|usa)\b|[^\w\s]", re.IGNORECASE
)


def zone_named(value: str) -> str | None:
    """The IANA zone a US name for it means, or None."""
    said = without_accents(value.casefold())
    key = " ".join(_FILLER.sub(" ", said).split())
    return _ZONES.get(key)
