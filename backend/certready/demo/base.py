"""What the demo builders share: the organisation, who acts, the fixed 'today', the staff."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from certready.auth.models import User
from certready.config import Settings
from certready.context import OrgContext
from certready.core.changes import ANY_VERSION
from certready.db.session import Database
from certready.orgs.enums import Role
from certready.orgs.models import Organisation

DEMO_SLUG = "demo"
DEMO_NAME = "Demo Service Desk Ltd"
DEMO_ADMIN_EMAIL = "admin@demo.example"
MISSING_DOCUMENT = "D8"
IN_PROGRESS = ("8.5.3", "8.7.1", "8.7.2", "9.3", "10.2")
NONCONFORMING = ("7.5.3", "8.6.3")
# (email, full name, org role, SMS role key)
STAFF = (
    ("sam.manager@demo.example", "Sam Manager", Role.sms_manager, "sms_manager"),
    ("olivia.owner@demo.example", "Olivia Owner", Role.process_owner, "process_owner"),
    ("peter.process@demo.example", "Peter Process", Role.process_owner, "process_owner"),
    ("dana.desk@demo.example", "Dana Desk", Role.process_owner, "service_desk"),
    ("ian.auditor@demo.example", "Ian Auditor", Role.auditor, "internal_auditor"),
)
EXTRA_PEOPLE = ("Alex Agent", "Bea Agent", "Chris Agent", "Dee Agent", "Eli Agent")
# System changes carry no client ETag.
IF_MATCH = ANY_VERSION


@dataclass
class Demo:
    """One demo being built: the system acts (``ctx``) unless a rule needs a person."""

    session: AsyncSession
    settings: Settings
    db: Database
    org: Organisation
    today: date
    ctx: OrgContext
    staff: dict[str, User] = field(default_factory=dict)
    # the admin account (an SMS role holder: in scope for awareness and competence)
    admin: User | None = None
    # the live catalogue services in scope (their configuration items: RDY-22)
    services_in_scope: list[uuid.UUID] = field(default_factory=list)

    def days(self, n: int) -> date:
        return self.today + timedelta(days=n)

    def user(self, email: str) -> User:
        return self.staff[email]

    @property
    def manager(self) -> User:
        return self.staff[STAFF[0][0]]

    @property
    def auditor(self) -> User:
        return self.staff[STAFF[4][0]]

    def owner_for(self, ref: str) -> uuid.UUID:
        """Who owns a requirement: the SMS manager, Olivia (7), Dana (8.3, 8.6), Peter."""
        if ref.startswith(("4", "5", "6", "9", "10")):
            return self.manager.id
        if ref.startswith("7"):
            return self.staff[STAFF[1][0]].id
        if ref.startswith(("8.6", "8.3")):
            return self.staff[STAFF[3][0]].id
        return self.staff[STAFF[2][0]].id

    def as_member(self, user: User, role: Role) -> OrgContext:
        """A person's context, where the product's rule needs a person (audit checklists)."""
        return OrgContext.member(self.org, user, role)
