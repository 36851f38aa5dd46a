"""Settings from the environment or a `.env` file, named as in the contract."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", env_ignore_empty=True)

    database_url: str = Field(default_factory=lambda: f"sqlite:///{Path.cwd() / 'coach.db'}")
    port: int = Field(default=3000, ge=1, le=65535)
    # Unset: loopback in development (nothing on the network reaches a laptop's coach),
    # every interface in production (behind the platform's router).
    coach_host: str | None = None
    coach_log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    # Where admins and platforms reach this coach (https://coach.example.org): the manifests'
    # privacy and terms links, and the URLs they give Slack and Teams.
    coach_public_url: str | None = None

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_api_url: str = "https://slack.com/api/"

    microsoft_app_id: str | None = None
    microsoft_app_password: str | None = None
    # New Azure bot registrations are single-tenant (MultiTenant creation is deprecated).
    microsoft_app_type: Literal["MultiTenant", "SingleTenant", "UserAssignedMSI"] = "SingleTenant"
    microsoft_app_tenant_id: str | None = None

    coach_env: Literal["development", "production"] = "development"
    coach_default_tz: str = "America/New_York"
    coach_retention_days: int = Field(default=365, ge=1)
    coach_encryption_key: str | None = None
    coach_uninstall_grace_days: int = Field(default=30, ge=0)
    coach_db_timeout_s: float = Field(default=5.0, gt=0, le=300)
    # Threads in `coach clock` sending nudges at once. Each mostly waits on the platform, so
    # several overlap; fewer spare a small machine's CPU, more help a slow network.
    coach_clock_senders: int = Field(default=8, ge=1, le=64)

    @field_validator("database_url")
    @classmethod
    def _psycopg_driver(cls, value: str) -> str:
        """Heroku, Render and others hand out postgres:// URLs; the coach's driver is psycopg 3."""
        for scheme in ("postgres://", "postgresql://"):
            if value.startswith(scheme):
                return "postgresql+psycopg://" + value.removeprefix(scheme)
        return value

    @field_validator("coach_default_tz")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"{value!r} is not an IANA time zone such as America/Chicago") from exc
        return value

    @field_validator("coach_env", mode="before")
    @classmethod
    def _lower_env(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("coach_log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @property
    def host(self) -> str:
        """The address `coach serve` listens on (COACH_HOST, else by environment)."""
        if self.coach_host:
            return self.coach_host.strip()
        return "0.0.0.0" if self.is_production else "127.0.0.1"

    @property
    def is_production(self) -> bool:
        return self.coach_env == "production"
