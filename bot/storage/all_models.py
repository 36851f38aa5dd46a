"""Import every module that defines tables, so Base.metadata knows them all.

Alembic's env and the tests import this; add a line when a feature adds tables.
"""

from adapters.teams import models as teams_models  # noqa: F401
from bot.assess import models as assess_models
from bot.storage import models as core_models
from bot.storage.base import Base
from scheduler import channel_models  # noqa: F401
from scheduler import models as nudge_models  # noqa: F401

__all__ = ["Base", "assess_models", "core_models"]
