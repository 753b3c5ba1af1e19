"""Who acts, and for which organisation: the context every service receives.

The HTTP layer builds these from credentials (``api/deps.py``); the worker, the CLI, the
demo and the integrations build them directly (``OrgContext.system`` or
``OrgContext.member``), so every caller goes through the same services and rules.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from certready.auth.models import User
from certready.core.problems import Forbidden
from certready.orgs.enums import Role
from certready.orgs.models import Membership, Organisation
from certready.orgs.permissions import Action, allows, own_only


@dataclass(frozen=True)
class Actor:
    """The name written into the activity log (``id`` is None for the system)."""

    id: uuid.UUID | None
    name: str


SYSTEM = Actor(id=None, name="system")


@dataclass
class Principal:
    """An authenticated caller: a user (JWT) or an API token acting for one organisation."""

    user: User
    jti: str | None = None
    token_expires_at: datetime | None = None
    token_issued_at: datetime | None = None  # access tokens (JWT) only
    # Set for API tokens: the only organisation and the scopes they act with.
    token_org_id: uuid.UUID | None = None
    token_scopes: frozenset[str] = field(default_factory=frozenset)
    token_id: uuid.UUID | None = None
    # The membership in the organisation the path names, read by the authentication
    # statement itself (``api/deps.py``): ``(slug, organisation, membership)``, either of the
    # last two None when there is no such organisation or membership. None: not looked up.
    path_membership: tuple[str, Organisation | None, Membership | None] | None = None

    @property
    def id(self) -> uuid.UUID:
        return self.user.id

    @property
    def credential_id(self) -> uuid.UUID:
        """The credential making the call (API token, else the user): scopes idempotency keys."""
        return self.token_id or self.user.id

    @property
    def name(self) -> str:
        return self.user.full_name or self.user.email

    @property
    def actor(self) -> Actor:
        return Actor(id=self.user.id, name=self.name)

    def scope_allows(self, action: Action) -> bool:
        """API tokens carry explicit scopes; "read" covers reads, "x:write" implies "x:read"."""
        return self.token_org_id is None or scopes_allow(self.token_scopes, action)


def scopes_allow(scopes: Iterable[str], action: Action) -> bool:
    """Whether an API token with ``scopes`` may perform ``action`` (the contract documents
    which operations some token can call from this rule)."""
    granted = set(scopes)
    if action.value in granted:
        return True
    domain, _, verb = action.value.partition(":")
    return verb == "read" and ("read" in granted or f"{domain}:write" in granted)


@dataclass
class OrgContext:
    """The organisation a call acts in, with the caller's role (the system acts as admin)."""

    org: Organisation
    role: Role
    principal: Principal | None = None
    system_name: str = SYSTEM.name

    @classmethod
    def system(cls, org: Organisation, name: str = SYSTEM.name) -> OrgContext:
        """Act as the system for one organisation (worker, CLI, integrations)."""
        return cls(org=org, role=Role.admin, principal=None, system_name=name)

    @classmethod
    def member(cls, org: Organisation, user: User, role: Role | str) -> OrgContext:
        """Act as a member without a request (demo, CLI): the same rules as over HTTP."""
        return cls(org=org, role=Role(role), principal=Principal(user=user))

    @property
    def org_id(self) -> uuid.UUID:
        return self.org.id

    @property
    def is_system(self) -> bool:
        return self.principal is None

    @property
    def user_id(self) -> uuid.UUID | None:
        return self.principal.id if self.principal is not None else None

    @property
    def credential_id(self) -> uuid.UUID:
        """Scopes idempotency keys: the API token or user, or the nil id for the system."""
        return self.principal.credential_id if self.principal is not None else uuid.UUID(int=0)

    def person_id(self) -> uuid.UUID:
        """The acting person, for rules that need one (the system is refused)."""
        if self.principal is None:
            raise Forbidden("This action needs a person, not the system.")
        return self.principal.id

    @property
    def actor(self) -> Actor:
        if self.principal is None:
            return Actor(id=None, name=self.system_name)
        return self.principal.actor

    def ensure_owns(self, action: Action, owners: Iterable[uuid.UUID | None], what: str) -> None:
        """The ownership rule (orgs.permissions.OWN_ONLY): 403 unless the caller owns it."""
        if own_only(self.role, action) and self.user_id not in set(owners):
            raise Forbidden(f"Your role ({self.role.value}) changes only {what} you own.")

    def default_owner(self, action: Action, owner_id: uuid.UUID | None) -> uuid.UUID | None:
        """What a caller under the ownership rule creates is theirs unless they name themselves."""
        return self.user_id if owner_id is None and own_only(self.role, action) else owner_id

    def can(self, action: Action) -> bool:
        """The role allows it and, for an API token, one of its scopes too."""
        if self.principal is not None and not self.principal.scope_allows(action):
            return False
        return allows(self.role, action)
