"""The framework's topic names, in its own order: plain tuples, so a module that only needs
the names (the reframe lexicon's schema, which `understand` loads) does not build the
content's pydantic models to get them."""

# The 13 topics a weekly nudge can be about, in the framework's own order.
PROCESS_CONDITIONS = (
    "relational",
    "linked-to-learning",
    "asset-based",
    "culturally-responsive",
    "collaborative",
    "interactive",
)
ORGANIZATIONAL_CONDITIONS = ("systemic", "integrated", "sustained")
FOUR_CS = ("capabilities", "connections", "confidence", "cognition")
NUDGE_TOPICS = PROCESS_CONDITIONS + ORGANIZATIONAL_CONDITIONS + FOUR_CS
LEARN_ONLY_TOPICS = ("challenge", "outcomes")
ALL_TOPICS = ("challenge", *NUDGE_TOPICS, "outcomes")
