"""Import every core module that defines tables, so Base.metadata knows them all.

Alembic's env, privacy's scope and the tests import this; add a line when a core feature
adds tables. Adapter tables (Slack installations, Teams conversation references, the
terminal's inbox) are registered by the composition root, `adapters/tables.py`, which
imports this module first.
"""

from bot.assess import models as assess_models
from bot.calendar import models as calendar_models
from bot.drafts import models as draft_models
from bot.inbox import models as inbox_models
from bot.storage import data_keys as key_models
from bot.storage import models as core_models
from bot.storage.base import Base
from bot.weekly import channel_models as weekly_channel_models
from bot.weekly import models as weekly_models
from bot.weekly import pace_models as weekly_pace_models

__all__ = [
    "Base",
    "assess_models",
    "calendar_models",
    "core_models",
    "draft_models",
    "inbox_models",
    "key_models",
    "weekly_channel_models",
    "weekly_models",
    "weekly_pace_models",
]
