"""Every adapter module that defines tables, registered on the core's metadata.

The core never imports adapters, so it learns of their tables here: importing this module
(the composition root does, and so do the tests) puts the terminal's inbox, Slack's
installations and Teams' conversation references on `Base.metadata`, where `export`,
`forget` and the schema checks find them.
"""

from adapters.console import inbox_table as console_tables
from adapters.slack import tables as slack_tables
from adapters.teams import models as teams_tables
from bot.storage.all_models import Base

__all__ = ["Base", "console_tables", "slack_tables", "teams_tables"]
