"""The one permission table: role x action (SECURITY.md API5).

Routes declare the action they need with ``Requires(Action.x)``; nothing else
decides what a role may do. ``OWN_ONLY`` is the object-level half of the same
table: for those (role, action) pairs the caller changes only what they own
(``owner_id``) and the actions assigned to them; the services apply it through
``OrgContext.ensure_owns`` (one rule for requirements, evidence, measures and objectives).
"""

from __future__ import annotations

from enum import StrEnum

from certready.orgs.enums import Role


class Action(StrEnum):
    org_read = "org:read"
    org_update = "org:update"
    members_read = "members:read"
    members_manage = "members:manage"
    activity_read = "activity:read"
    tokens_manage = "tokens:manage"
    requirements_read = "requirements:read"
    requirements_edit = "requirements:edit"
    requirements_edit_own = "requirements:edit_own"
    evidence_read = "evidence:read"
    evidence_write = "evidence:write"
    evidence_approve = "evidence:approve"
    audits_read = "audits:read"
    audits_manage = "audits:manage"
    audits_conduct = "audits:conduct"
    findings_read = "findings:read"
    findings_write = "findings:write"
    measures_read = "measures:read"
    measures_write = "measures:write"
    reviews_read = "reviews:read"
    reviews_write = "reviews:write"
    training_read = "training:read"
    training_write = "training:write"
    objectives_read = "objectives:read"
    objectives_write = "objectives:write"
    suppliers_read = "suppliers:read"
    suppliers_write = "suppliers:write"
    risks_read = "risks:read"
    risks_write = "risks:write"
    risks_manage = "risks:manage"
    context_read = "context:read"
    context_write = "context:write"
    services_read = "services:read"
    services_write = "services:write"
    readiness_read = "readiness:read"
    operations_read = "operations:read"
    operations_write = "operations:write"
    readiness_manage = "readiness:manage"
    integrations_manage = "integrations:manage"
    itsm_read = "itsm:read"
    # every export (matrix, CSV, reports, the evidence pack): what the role may read anyway
    exports_read = "exports:read"


_READ = frozenset(
    {
        Action.org_read,
        Action.members_read,
        Action.activity_read,
        Action.requirements_read,
        Action.evidence_read,
        Action.audits_read,
        Action.findings_read,
        Action.measures_read,
        Action.reviews_read,
        Action.training_read,
        Action.objectives_read,
        Action.suppliers_read,
        Action.services_read,
        Action.readiness_read,
        Action.risks_read,
        Action.context_read,
        Action.operations_read,
        Action.itsm_read,
        Action.exports_read,
    }
)

_MANAGER = _READ | {
    Action.requirements_edit,
    Action.requirements_edit_own,
    Action.evidence_write,
    Action.evidence_approve,
    Action.audits_manage,
    Action.findings_write,
    Action.measures_write,
    Action.reviews_write,
    Action.training_write,
    Action.objectives_write,
    Action.suppliers_write,
    Action.services_write,
    Action.readiness_manage,
    Action.risks_write,
    Action.risks_manage,
    Action.context_write,
    Action.operations_write,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.admin: frozenset(set(Action)),
    Role.sms_manager: frozenset(_MANAGER),
    Role.process_owner: _READ
    | {
        Action.requirements_edit_own,
        Action.evidence_write,
        Action.measures_write,
        Action.objectives_write,
        Action.risks_write,
    },
    Role.auditor: _READ
    | {Action.audits_manage, Action.audits_conduct, Action.findings_write, Action.evidence_write},
    # Certification-body auditors read, and raise findings on certification-body audits only
    # (that object-level restriction is enforced in the findings service).
    Role.external_auditor: _READ | {Action.audits_conduct, Action.findings_write},
    Role.viewer: _READ,
}


def allows(role: Role | str, action: Action) -> bool:
    return action in PERMISSIONS.get(Role(role), frozenset())


def actions_for(role: Role | str) -> list[Action]:
    """Every action the role may take, sorted by value (reported per membership by /me)."""
    return sorted(PERMISSIONS.get(Role(role), frozenset()))


def roles_allowing(action: Action) -> list[Role]:
    """The roles that may take the action, in the table's order (the members `can` filter)."""
    return [role for role, actions in PERMISSIONS.items() if action in actions]


# The ownership rule: process owners create and change only what they own.
OWN_ONLY: dict[Role, frozenset[Action]] = {
    Role.process_owner: frozenset(
        {
            Action.requirements_edit_own,
            Action.evidence_write,
            Action.measures_write,
            Action.objectives_write,
            Action.risks_write,
        }
    ),
}


def own_only(role: Role | str, action: Action) -> bool:
    """Whether ``role`` may use ``action`` only on objects it owns."""
    return action in OWN_ONLY.get(Role(role), frozenset())
