"""Enterprise Grid: which organisation a workspace's installation belongs to.

The coach knows a workspace by its team id alone, but slack_sdk's store finds an
installation by (enterprise id, team id): asked with no enterprise id it matches only
installations outside any Grid org, so a Grid school's nudges came back `not_installed`.
Requests carry their enterprise id and Bolt looks them up correctly; the clock's sends have
only the team id, so the enterprise is read back from the stored installations.
"""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from sqlalchemy import desc, select


@dataclass(frozen=True)
class Org:
    """How to ask slack_sdk's store for a workspace's installation."""

    enterprise_id: str | None = None
    # Installed once for the whole org: the installation has no team id of its own.
    org_wide: bool = False


def org_of(store: SQLAlchemyInstallationStore, team_id: str) -> Org:
    """The org of `team_id`'s own installation; else the one org-wide installation, if any.

    An org-wide installation names no workspace, so a workspace under it is matched only
    when exactly one org has installed the coach org-wide (a district's usual setup).
    """
    c = store.installations.c
    own = (
        select(c.enterprise_id)
        .where(c.client_id == store.client_id, c.team_id == team_id)
        .order_by(desc(c.installed_at))
        .limit(1)
    )
    org_wide = (
        select(c.enterprise_id)
        .where(c.client_id == store.client_id, c.is_enterprise_install.is_(True))
        .distinct()
    )
    with store.engine.connect() as connection:
        found = connection.execute(own).first()
        if found is not None:
            return Org(enterprise_id=found[0])
        orgs = [row[0] for row in connection.execute(org_wide) if row[0]]
    if len(orgs) == 1:
        return Org(enterprise_id=orgs[0], org_wide=True)
    return Org()
