"""What one handler needs to answer one message: who, where, when, and the tools."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.inbound import Inbound
from bot.settings import Settings
from bot.storage.models import Educator
from bot.storage.sealing import Sealer
from content.loader import Library


@dataclass
class Turn:
    inbound: Inbound
    session: Session
    educator: Educator
    library: Library
    sealer: Sealer
    settings: Settings
    now: datetime
    # The language the coach speaks to this educator in this turn ("en", "es").
    language: str = "en"
    # True when the coach met this educator in this very message (the welcome is for them).
    first_contact: bool = False
    # When their message or click before this one came (None: met in this one).
    seen_before: datetime | None = None
