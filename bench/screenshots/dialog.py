"""The conversation the screenshots show, held with the real coach on both platforms."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from bot.api import CoachAPI
from bot.app import CoachApp, build_app
from bot.delivery import Address, DeliveryOutcome, DeliveryResult
from bot.inbound import Inbound, Platform
from bot.replies import Card, Choice, Choices, Reply
from bot.settings import Settings
from scheduler.tick import run_tick
from tests.clock import FakeClock

ZONE = "America/Chicago"
START = datetime(2026, 11, 16, 15, 0, tzinfo=UTC)  # a Monday, 09:00 in Chicago
NUDGE_AT = datetime(2026, 11, 17, 13, 30, tzinfo=UTC)  # the default slot: Tuesday 07:30


@dataclass
class Turn:
    """One message on screen: the educator's words, or the coach's replies. `chosen` maps a
    reply's index to the option clicked on it (the card then shows the choice)."""

    who: str  # "you" or "coach"
    text: str = ""
    replies: list[Reply] = field(default_factory=list)
    chosen: dict[int, Choice] = field(default_factory=dict)
    at: datetime = START


@dataclass
class Scene:
    name: str
    caption: str
    turns: list[Turn] = field(default_factory=list)


class Recorder:
    """A Sender for the tick that keeps the nudge instead of sending it."""

    def __init__(self, platform: Platform) -> None:
        self.platform = platform
        self.sent: list[list[Reply]] = []

    def deliver(self, address: Address, replies: list[Reply]) -> DeliveryResult:
        self.sent.append(replies)
        return DeliveryResult(DeliveryOutcome.SENT)


class Educator:
    def __init__(self, app: CoachApp, clock: FakeClock, platform: Platform) -> None:
        self.app, self.api, self.clock = app, CoachAPI(app), clock
        self.platform = platform
        self.ids = count(1)
        self.scenes: list[Scene] = []

    def scene(self, name: str, caption: str) -> None:
        number = len(self.scenes) + 1
        self.scenes.append(Scene(f"{self.platform.value}-{number}-{name}", caption))

    @property
    def turns(self) -> list[Turn]:
        return self.scenes[-1].turns

    def says(self, text: str) -> None:
        self.turns.append(Turn("you", text=text, at=self.clock.now))
        self._coach(Inbound(**self._who(), text=text))

    def clicks(self, label: str) -> None:
        """Click the option starting with `label` on the coach's last message."""
        turn = next(t for t in reversed(self.turns) if t.who == "coach")
        for index, reply in enumerate(turn.replies):
            options = reply.options if isinstance(reply, Choices) else ()
            options = reply.buttons if isinstance(reply, Card) else options
            for choice in options:
                if choice.label.startswith(label):
                    turn.chosen[index] = choice
                    self._coach(Inbound(**self._who(), value=choice.value))
                    return
        raise LookupError(f"no option {label!r} on the last message")

    def sees(self, replies: list[Reply]) -> None:
        self.turns.append(Turn("coach", replies=replies, at=self.clock.now))

    def gets_the_weekly_nudge(self) -> None:
        self.clock.set(NUDGE_AT)
        recorder = Recorder(self.platform)
        run_tick(self.app, {self.platform: recorder}, NUDGE_AT)
        for replies in recorder.sent:
            self.sees(replies)

    def _coach(self, inbound: Inbound) -> None:
        self.clock.advance(minutes=1)
        self.sees(self.api.handle(inbound))

    def _who(self) -> dict[str, object]:
        return {
            "platform": self.platform,
            "workspace": "district",
            "user": f"educator-{self.platform.value}",
            "message_id": f"m{next(self.ids)}",
            "timezone": ZONE,
        }


def converse(educator: Educator) -> None:
    """What a new educator does in their first week."""
    if educator.platform is Platform.TEAMS:  # Teams sends the coach an install event
        educator.scene("welcome", "Added to a chat: the welcome, then help")
        educator.sees([educator.api.welcome_card(in_channel=False)])
        educator.says("help")

    educator.scene("reflection", "A reflection: two questions, then one small action")
    educator.says("reflect relational")
    educator.says("I greeted every family at pickup on Friday and asked about their weekend.")
    educator.says("Jamal's family. I could tell them how well he led his reading group.")
    educator.clicks("Send one family a two-sentence note")
    educator.says("nudges on")

    educator.scene("nudge", "The weekly nudge, and the journal")
    educator.gets_the_weekly_nudge()
    educator.clicks("Done")
    educator.says("His mom wrote back the same evening, with a photo of his reading log.")
    educator.says("journal")


def hold_conversations() -> list[Scene]:
    """Every scene, for Teams then Slack, from one throwaway database."""
    scenes: list[Scene] = []
    with tempfile.TemporaryDirectory(prefix="coach-screens-") as folder:
        url = f"sqlite:///{Path(folder) / 'coach.db'}"
        settings = Settings(database_url=url, _env_file=None)  # type: ignore[call-arg]
        for platform in (Platform.TEAMS, Platform.SLACK):
            clock = FakeClock(START)
            app = build_app(settings, clock=clock)
            try:
                educator = Educator(app, clock, platform)
                converse(educator)
                scenes += educator.scenes
            finally:
                app.engine.dispose()
    return scenes
