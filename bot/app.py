"""Build the coach from settings: the one factory every entry point uses."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Clock, Coach, utc_now
from bot.settings import Settings
from bot.storage.db import ensure_schema, make_engine, make_sessions
from bot.storage.sealing import Sealer, sealer_from_setting
from content.loader import Library, default_library


@dataclass
class CoachApp:
    """Everything a process needs: settings, database, content, and the coach itself."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    library: Library
    coach: Coach


def make_sealer(settings: Settings) -> Sealer:
    """Fernet encryption at rest when COACH_ENCRYPTION_KEY is set, plain text otherwise.

    A malformed key stops start-up with InvalidKeySettingError (naming the setting, never
    its value); a well-formed but wrong key is met per message with a kind explanation.
    """
    return sealer_from_setting(settings.coach_encryption_key)


def build_app(
    settings: Settings | None = None,
    *,
    clock: Clock = utc_now,
    library: Library | None = None,
    migrate: bool = True,
) -> CoachApp:
    settings = settings or Settings()
    engine = make_engine(settings.database_url, settings.coach_db_timeout_s)
    if migrate:
        ensure_schema(engine)
    sessions = make_sessions(engine)
    library = library or default_library()
    coach = Coach(
        sessions=sessions,
        library=library,
        settings=settings,
        sealer=make_sealer(settings),
        clock=clock,
    )
    return CoachApp(
        settings=settings, engine=engine, sessions=sessions, library=library, coach=coach
    )
