"""Screenshots of what an educator sees, made from the coach's own output so they can be remade.

    python -m bench.screenshots [--out docs/screenshots]

One short conversation per platform is held with the real coach (a throwaway SQLite
database, a fixed clock, one weekly nudge sent by the real tick). Its Teams replies are
rendered by the Teams adapter into Adaptive Cards and drawn by the official `adaptivecards`
renderer (tests/teams/cardcheck) in headless Chromium; its Slack replies are rendered by the
Slack adapter into Block Kit and drawn as a plain HTML likeness of Slack. Cards that were
clicked show what Teams and Slack show after a click: the choice, and no more buttons.

    python -m bench.screenshots --playground

The coach in Microsoft's own local Teams client, the Agents Playground (playground.py): a
real `coach serve` and the Playground, driven in headless Chromium (cdp.py).
"""
