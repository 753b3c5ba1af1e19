"""The service lifecycle (8.2.4 catalogue, 8.5.1 new or changed services).

pipeline -> live -> retiring -> retired; pipeline -> retired (never launched);
retiring -> live (retirement called off). A service goes live only with an owner.
"""

from __future__ import annotations

from dataclasses import dataclass

from certready.core.workflow import Workflow
from certready.services.enums import ServiceStatus
from certready.services.models import Service

S = ServiceStatus


@dataclass
class ServiceMove:
    service: Service
    note: str


def _owned(move: ServiceMove) -> str | None:
    if move.service.owner_id is None:
        return "A service goes live only with an owner."
    return None


def _reason(move: ServiceMove) -> str | None:
    if move.service.status == S.pipeline and not move.note.strip():
        return "Retiring a service that never went live needs a reason (the note)."
    return None


SERVICE_WORKFLOW: Workflow[ServiceStatus, ServiceMove] = Workflow.build(
    {
        S.pipeline: {S.live, S.retired},
        S.live: {S.retiring},
        S.retiring: {S.retired, S.live},
        S.retired: set(),
    },
    guards={(None, S.live): _owned, (None, S.retired): _reason},
)
