"""Whose silence: the educator's own unanswered messages, or a family's.

"3 parent emails i havent answered" is the educator's backlog; "mom hasnt answered" is a
family's silence (`no-response`), and the coach answers the two differently. Each labelled
message (tests/data/understanding/backlog_*.yaml, written by helpers who read nothing in this
repository) is read once: `family` and `both` should carry `no-response`, `own` should not.
`dev` was read while fixing what it showed; `fresh` is only counted.

    python -m bench whose-silence
"""

from __future__ import annotations

from collections import Counter

from bench.labelled import labelled_set
from bot.understanding import understand

SETS = {"dev": "backlog_dev.yaml", "fresh": "backlog_fresh.yaml"}
SILENT_FAMILY = frozenset({"family", "both"})


def main() -> None:
    for name, file_name in SETS.items():
        items = labelled_set(file_name)
        right: Counter[str] = Counter()
        labelled: Counter[str] = Counter()
        for item in items:
            heard = "no-response" in understand(item["text"], deficit=False).themes
            labelled[item["label"]] += 1
            right[item["label"]] += heard == (item["label"] in SILENT_FAMILY)
        figures = ", ".join(
            f"{label} {right[label]}/{labelled[label]}" for label in ("own", "family", "both")
        )
        print(f"{name} ({len(items)}): read right {figures}")


if __name__ == "__main__":
    main()
