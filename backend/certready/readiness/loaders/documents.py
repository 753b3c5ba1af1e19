"""Facts of the documented-information rules (RDY-01, RDY-04, RDY-09, RDY-18, RDY-25):
the framework's documented information with the evidence fulfilling each entry, and what
expires soon."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func
from sqlalchemy import select as sa_select
from sqlmodel import col

from certready.db.repository import of_org
from certready.evidence.enums import EvidenceStatus
from certready.evidence.models import Evidence, EvidenceDocument
from certready.readiness.facts import (
    DOCUMENT_KINDS,
    FAILING_LIMIT,
    DocumentFacts,
    Expiring,
    ExpiringItem,
    Facts,
)
from certready.readiness.loaders.base import (
    P_DOCUMENT_UNTIL,
    P_EVIDENCE_UNTIL,
    P_FRAMEWORK,
    P_ORG,
    P_TODAY,
    Run,
    as_date,
    by_list,
    capped_union,
    current,
    flag,
)
from certready.requirements.models import DocumentedInformation

EXPIRING = ("documents", "evidence")


def controlled() -> Any:
    """RDY-11's document control (iso20000.md 6.6): current, with a file version, an
    owner and a review date (``valid_until``, not in the past: ``current()`` checks it)."""
    return and_(
        current(),
        col(Evidence.current_version) > 0,
        col(Evidence.owner_id).is_not(None),
        col(Evidence.valid_until).is_not(None),
    )


def _documents() -> Any:
    di = DocumentedInformation
    return (
        sa_select(
            col(di.id),
            col(di.key),
            col(di.kind),
            col(di.title),
            col(di.clause_refs),
            col(di.mandatory),
            func.count(col(Evidence.id)).label("items"),
            flag(current()).label("current"),
            flag(controlled()).label("controlled"),
            # RDY-04: approved by a member designated top management at the time
            flag(and_(current(), col(Evidence.approved_by_top_management))).label("top"),
        )
        .select_from(di)
        .outerjoin(
            EvidenceDocument,
            and_(
                col(EvidenceDocument.document_id) == di.id,
                of_org(EvidenceDocument, P_ORG),
            ),
        )
        .outerjoin(
            Evidence,
            and_(
                col(Evidence.id) == EvidenceDocument.evidence_id,
                col(Evidence.archived_at).is_(None),
            ),
        )
        .where(col(di.framework_id) == P_FRAMEWORK)
        # the other columns depend on the primary key (valid on both databases; the
        # JSON column could not be grouped on PostgreSQL)
        .group_by(col(di.id))
    )


async def load_documents(run: Run, facts: Facts) -> None:
    """The framework's documented information with the evidence fulfilling each entry
    (from the entries into their links: index ``document_id, org_id, evidence_id``)."""
    for row in await run.rows("documents", _documents):
        facts.documents[row.key] = DocumentFacts(
            id=row.id,
            key=row.key,
            kind=row.kind,
            title=row.title,
            clause_refs=tuple(row.clause_refs or ()),
            mandatory=bool(row.mandatory),
            items=int(row.items),
            current=int(row.current),
            controlled=int(row.controlled),
            top_approved=int(row.top),
        )


def _expiring() -> Any:
    columns: list[Any] = [
        col(Evidence.id).label("id"),
        col(Evidence.number).label("number"),
        col(Evidence.title).label("title"),
        col(Evidence.kind).label("kind"),
        col(Evidence.valid_until).label("valid_until"),
    ]
    order = [col(Evidence.valid_until), col(Evidence.number)]
    return capped_union(
        (
            group,
            columns,
            and_(
                of_org(Evidence, P_ORG),
                col(Evidence.status) == EvidenceStatus.approved,
                col(Evidence.archived_at).is_(None),
                col(Evidence.valid_until) >= P_TODAY,
                col(Evidence.valid_until) <= until,
                kinds,
            ),
            order,
            FAILING_LIMIT,
        )
        for group, until, kinds in (
            ("documents", P_DOCUMENT_UNTIL, col(Evidence.kind).in_(DOCUMENT_KINDS)),
            ("evidence", P_EVIDENCE_UNTIL, col(Evidence.kind).not_in(DOCUMENT_KINDS)),
        )
    )


async def load_expiring(run: Run, facts: Facts) -> None:
    """Approved items whose ``valid_until`` falls in a rule's window, documents (RDY-18)
    and the other kinds (RDY-25) apart: one UNION ALL of two capped, counted selects."""
    found, totals = by_list(await run.rows("expiring", _expiring), EXPIRING)
    ordered = {
        group: tuple(
            sorted(
                (
                    ExpiringItem(
                        r.id, r.number, r.title, r.kind, as_date(r.valid_until) or facts.today
                    )
                    for r in rows
                ),
                key=lambda i: (i.valid_until, i.number),
            )
        )
        for group, rows in found.items()
    }
    facts.expiring_documents = Expiring(ordered["documents"], totals["documents"])
    facts.expiring_evidence = Expiring(ordered["evidence"], totals["evidence"])
