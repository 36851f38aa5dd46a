"""Asset-based reframing: spot deficit framing about families and students, offer rewrites.

    from bot.reframe import find_deficit_framing, general_tip

    for finding in find_deficit_framing("Those parents just don't care."):
        finding.id, finding.why, finding.topic, finding.rewrites

The lexicon lives in content/reframe.yaml and is loaded and compiled once per process.
"""

from bot.reframe.lexicon import Lexicon, LexiconError, check_lexicon, default_lexicon, load_lexicon
from bot.reframe.matcher import Finding, find_deficit_framing, general_tip, rewrite_all

__all__ = [
    "Finding",
    "Lexicon",
    "LexiconError",
    "check_lexicon",
    "default_lexicon",
    "find_deficit_framing",
    "general_tip",
    "load_lexicon",
    "rewrite_all",
]
