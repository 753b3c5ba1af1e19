"""Integration, delivery and ITSM record shapes of the API (issue 15)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.core.pagination import Page
from certready.integrations.enums import (
    MappingState,
    RecordKind,
    RecordPriority,
    RecordStatus,
    SourceType,
)

Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
RuleKey = Annotated[str, StringConstraints(min_length=1, max_length=200)]
ServiceKey = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Secret = Annotated[str, StringConstraints(min_length=16, max_length=500, pattern=r"^[\x21-\x7e]+$")]


class MappingRules(BaseModel):
    """Per integration: the record kind from the tool's own type, the service from its
    project / category / CI / group (matched case-insensitively), and a kind for the rest."""

    model_config = ConfigDict(extra="forbid")

    kinds: dict[RuleKey, RecordKind] = Field(
        default_factory=dict,
        max_length=500,
        description='Tool type -> kind, e.g. {"[System] Incident": "incident"}; Jira issue '
        'type, ServiceNow table, GLPI "Ticket:incident" / "Change", Zammad ticket type.',
    )
    services: dict[RuleKey, ServiceKey] = Field(
        default_factory=dict,
        max_length=2000,
        description="Project key, category, CI or assignment group -> service.",
    )
    default_kind: RecordKind | None = None


class IntegrationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    source: SourceType
    secret: Secret | None = Field(
        default=None,
        description="Only where the tool generates the secret itself (Jira can): otherwise "
        "leave it out and Certready generates one, shown once.",
    )
    mapping: MappingRules = Field(default_factory=MappingRules)


class IntegrationUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    enabled: bool | None = None
    mapping: MappingRules | None = None


class SecretRotation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    grace_hours: int = Field(
        default=24, ge=0, le=24 * 14, description="How long the previous secret still verifies."
    )
    secret: Secret | None = None


class IntegrationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    source: SourceType
    enabled: bool
    mapping: MappingRules
    receiver_path: str
    secret_rotated_at: datetime | None
    previous_secret_expires_at: datetime | None
    delivery_count: int
    mapping_error_count: int
    record_count: int
    last_delivery_at: datetime | None
    rejected_count: int
    last_rejected_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class IntegrationSecret(IntegrationRead):
    """The answer that shows the secret: once, at creation or rotation."""

    secret: str


class IntegrationPage(Page[IntegrationRead]):
    pass


class DeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    integration_id: uuid.UUID
    received_at: datetime
    dedupe_key: str
    body_sha256: str
    verification: str
    event: str | None
    mapping_state: MappingState
    mapping_error: str | None
    record_id: uuid.UUID | None


class DeliveryDetail(DeliveryRead):
    """The delivery as received (authorization headers redacted)."""

    headers: dict[str, Any]
    body: str = Field(description="The raw body as text (invalid UTF-8 replaced).")


class DeliveryPage(Page[DeliveryRead]):
    pass


class HookAccepted(BaseModel):
    """The delivery is committed (or was already): the sender may forget it."""

    delivery_id: uuid.UUID
    duplicate: bool
    mapping_state: MappingState
    record_id: uuid.UUID | None


class PreviewRecord(BaseModel):
    """What a delivery would become under the rules tried."""

    external_key: str | None
    kind: RecordKind
    clause: str | None
    service_key: str | None
    title: str
    status: RecordStatus
    priority: RecordPriority | None


class PreviewLine(BaseModel):
    delivery_id: uuid.UUID
    received_at: datetime
    event: str | None
    record: PreviewRecord | None = Field(description="Null when the body cannot be mapped.")
    error: str | None = Field(description="Why the body cannot be mapped under these rules.")
    changed: bool = Field(
        description="The outcome differs from the integration's current rules (kind, clause, "
        "service or mappable at all)."
    )


class MappingPreview(BaseModel):
    """The rules tried against the newest deliveries; nothing is stored."""

    items: list[PreviewLine]
    mapped: int
    errors: int
    changed: int


class RecordFilters(BaseModel):
    """Which records a list or an audit population holds (``opened_*``: days, inclusive)."""

    model_config = ConfigDict(extra="forbid")

    integration_id: uuid.UUID | None = None
    kind: RecordKind | None = None
    status: RecordStatus | None = None
    priority: RecordPriority | None = None
    service_key: str | None = None
    clause: str | None = None
    clauses: list[str] | None = None
    opened_from: date | None = None
    opened_to: date | None = None


class RecordRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    integration_id: uuid.UUID
    source: SourceType
    external_id: str
    external_key: str | None
    kind: RecordKind
    kind_raw: str | None
    clause: str | None
    title: str
    status: RecordStatus
    status_raw: str | None
    priority: RecordPriority | None
    priority_raw: str | None
    opened_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    service_key: str | None
    assignment_group: str | None
    change_counter: int | None
    source_updated_at: datetime | None
    delivery_count: int
    created_at: datetime
    updated_at: datetime


class RecordDetail(RecordRead):
    history: list[DeliveryRead]


class RecordPage(Page[RecordRead]):
    pass
