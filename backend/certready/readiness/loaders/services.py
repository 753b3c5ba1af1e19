"""Facts of the service rules (RDY-02, RDY-22, RDY-23): the catalogue with its scope marks,
own processes and recorded configuration items, the processes other parties operate, and
the newest CMDB verification. Part of the lists statement (``loaders.lists``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.configuration.enums import RECORDED_STATUSES
from certready.configuration.models import (
    CmdbVerification,
    ConfigurationItem,
    ConfigurationItemService,
)
from certready.db.repository import of_org
from certready.objectives.models import ObjectiveMeasurement
from certready.readiness.facts import Facts, OtherPartyProcess, ServiceFacts
from certready.readiness.loaders.base import P_ORG, as_date, as_uuid
from certready.services.enums import Operator
from certready.services.models import ScopeService, Service, ServiceProcess


def _services() -> Any:
    sp, ss = ServiceProcess, ScopeService
    own = (
        sa_select(col(sp.service_id).label("service_id"), func.count().label("n"))
        .where(of_org(sp, P_ORG), col(sp.operator) == Operator.organisation.value)
        .group_by(col(sp.service_id))
        .subquery()
    )
    named = sa_select(col(ss.service_id)).where(of_org(ss, P_ORG))
    link, ci = ConfigurationItemService, ConfigurationItem
    recorded = (
        sa_select(col(link.service_id).label("service_id"), func.count().label("n"))
        .join(ci, col(ci.id) == col(link.configuration_item_id))
        .where(
            of_org(link, P_ORG),
            col(ci.status).in_([s.value for s in RECORDED_STATUSES]),
        )
        .group_by(col(link.service_id))
        .subquery()
    )
    return (
        sa_select(
            col(Service.id),
            col(Service.number),
            col(Service.name),
            col(Service.status),
            col(Service.in_scope),
            func.trim(col(Service.out_of_scope_reason)) != "",
            case((col(Service.id).in_(named), 1), else_=0),
            func.coalesce(own.c.n, 0),
            func.coalesce(recorded.c.n, 0),
        )
        .outerjoin(own, own.c.service_id == Service.id)
        .outerjoin(recorded, recorded.c.service_id == Service.id)
        .where(of_org(Service, P_ORG))
    )


def _other_party() -> Any:
    sp, om = ServiceProcess, ObjectiveMeasurement
    measured = (
        sa_select(col(om.objective_id)).where(of_org(om, P_ORG)).group_by(col(om.objective_id))
    )
    return sa_select(
        col(sp.service_id),
        col(sp.requirement_ref),
        col(sp.supplier_id).is_not(None),
        col(sp.owner_id).is_not(None),
        case((col(sp.monitoring_objective_id).in_(measured), 1), else_=0),
    ).where(of_org(sp, P_ORG), col(sp.operator) != Operator.organisation.value)


def list_queries() -> dict[str, Any]:
    """This family's part of the lists statement (see ``loaders.lists``)."""
    return {
        "services": _services(),
        "other_party_processes": _other_party(),
        "cmdb_verified": sa_select(func.max(col(CmdbVerification.verified_on))).where(
            of_org(CmdbVerification, P_ORG)
        ),
    }


def read_lists(facts: Facts, rows: dict[str, list[Any]]) -> None:
    facts.services = [
        ServiceFacts(
            id=as_uuid(r[0]),
            number=int(r[1]),
            name=r[2],
            status=r[3],
            in_scope=bool(r[4]),
            has_reason=bool(r[5]),
            named_in_scope=bool(r[6]),
            own_processes=int(r[7]),
            configuration_items=int(r[8]),
        )
        for r in sorted(rows["services"], key=lambda r: r[1])
    ]
    facts.other_party_processes = [
        OtherPartyProcess(
            service_id=as_uuid(r[0]),
            ref=r[1],
            has_supplier=bool(r[2]),
            has_owner=bool(r[3]),
            monitored=bool(r[4]),
        )
        for r in sorted(rows["other_party_processes"], key=lambda r: (str(r[0]), r[1]))
    ]
    verified = rows["cmdb_verified"]
    facts.cmdb_last_verified = as_date(verified[0][0]) if verified else None
