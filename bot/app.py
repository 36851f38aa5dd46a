"""Build the coach from settings: the one factory every entry point uses."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Clock, Coach, utc_now
from bot.settings import Settings
from bot.storage.db import ensure_schema, make_engine, make_sessions
from bot.storage.keyring import Keyring
from bot.storage.master_key import master_key_setting
from content.loader import Library, default_library


@dataclass
class CoachApp:
    """Everything a process needs: settings, database, content, and the coach itself."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    library: Library
    coach: Coach


def make_keyring(settings: Settings) -> Keyring:
    """Encryption at rest, always: COACH_ENCRYPTION_KEY, or a development key file.

    Production without a key, or a malformed key, stops start-up with a ConfigurationError
    naming the setting (never its value); a well-formed but wrong key is met per message
    with a kind explanation.
    """
    return Keyring.from_setting(master_key_setting(settings))


def build_app(
    settings: Settings | None = None,
    *,
    clock: Clock = utc_now,
    library: Library | None = None,
    migrate: bool = True,
) -> CoachApp:
    settings = settings or Settings()
    keyring = make_keyring(settings)  # before the database: no key, no start
    engine = make_engine(settings.database_url, settings.coach_db_timeout_s)
    if migrate:
        ensure_schema(engine)
    sessions = make_sessions(engine)
    library = library or default_library()
    coach = Coach(
        sessions=sessions,
        library=library,
        settings=settings,
        sealer=keyring,
        clock=clock,
    )
    return CoachApp(
        settings=settings, engine=engine, sessions=sessions, library=library, coach=coach
    )
