"""Readiness: a hand-built ``Facts`` for rule unit tests, and API helpers."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.audits.models import Audit, AuditChecklistLine
from certready.core.clock import add_months, today, utcnow
from certready.corrective_measures.enums import MeasureStatus, RootCauseMethod
from certready.corrective_measures.models import CorrectiveMeasure, CorrectiveMeasureFinding
from certready.db.repository import next_number
from certready.db.session import Database
from certready.evidence.enums import EvidenceKind, EvidenceStatus
from certready.evidence.models import (
    Evidence,
    EvidenceDocument,
    EvidenceRequirement,
    EvidenceVersion,
)
from certready.findings.enums import FindingGrade, FindingSource, FindingStatus
from certready.findings.models import Finding
from certready.readiness.engine import effective_params
from certready.readiness.facts import DocumentFacts, Facts, Leaf, LeafEvidence, ServiceFacts
from certready.readiness.rules import RULES, Outcome
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK, sort_key
from certready.requirements.models import DocumentedInformation, Framework, Requirement
from sqlalchemy import select, update

from tests.factories.auth import OrgFixture

TODAY = date(2026, 6, 15)
LEAF_REFS = ("4.3", "5.2.2", "5.3", "6.3", "7.5.3", "8.6.1", "8.7.2", "9.2", "9.4", "10.1")
DOC_KEYS = {"D1": ("4.3",), "D2": ("5.2",), "D4": ("6.3",), "D8": ("8.7.2",)}


def leaf_id(ref: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"leaf:{ref}")


# One live service in scope, named by the scope statement, one process of its own (RDY-02/23).
GOOD_SERVICE = ServiceFacts(
    uuid.uuid4(), 1, "Managed workplace", "live", True, False, True, 1, configuration_items=3
)


def good_facts(**overrides: Any) -> Facts:
    """Every leaf owned, implemented and evidenced; the documents fulfilled."""
    owner = uuid.uuid4()
    facts = Facts(
        org_id=uuid.uuid4(),
        org_slug="acme",
        today=TODAY,
        framework_code="iso20000-1:2018",
        leaves=[
            Leaf(leaf_id(r), r, r.split(".")[0], r, "implemented", owner, False) for r in LEAF_REFS
        ],
        leaf_evidence={
            leaf_id(r): LeafEvidence(
                links=2,
                current=2,
                current_documents=1,
                current_records=1,
                latest_record_date=TODAY,
            )
            for r in LEAF_REFS
        },
        documents={
            key: DocumentFacts(uuid.uuid4(), key, "document", f"Doc {key}", refs, True, 1, 1, 1, 1)
            for key, refs in DOC_KEYS.items()
        },
        services=[GOOD_SERVICE],
        cmdb_last_verified=TODAY - timedelta(days=30),
        none_exist=frozenset({"internal", "customer_as_supplier"}),
    )
    for name, value in overrides.items():
        setattr(facts, name, value)
    return facts


def itsm_span(facts: Facts, clause: str, oldest: date, latest: date) -> None:
    """ITSM records of ``clause``'s process from ``oldest`` (opened) to ``latest`` (RDY-20)."""
    facts.itsm_oldest[clause] = oldest
    facts.itsm_latest[clause] = latest


def run(rule_id: str, facts: Facts, **params: int) -> Outcome:
    rule = RULES[rule_id]
    values = effective_params({rule_id: params}, rule)
    return rule.evaluate(facts, values)


def keys(outcome: Outcome) -> list[str | None]:
    return [f.key for f in outcome.failures]


def readiness_url(org: OrgFixture | str, *parts: str) -> str:
    slug = org if isinstance(org, str) else org.slug
    return "/".join([f"/api/v1/orgs/{slug}/readiness", *parts])


# The rule tests write rows directly (``Seed``), past the write path that bumps the
# organisation's data version: they ask for a fresh evaluation every time. The cache
# itself is tested through real API writes (tests/readiness/test_cache.py).
FRESH = {"Cache-Control": "no-cache"}


async def get_readiness(
    client: httpx.AsyncClient, org: OrgFixture, **params: Any
) -> dict[str, Any]:
    r = await client.get(readiness_url(org), params=params, headers={**org.admin.headers, **FRESH})
    assert r.status_code == 200, r.text
    assert r.headers["cache-status"] == "certready; fwd=request"
    return dict(r.json())


# --- real rows for the database rule tests (tests/readiness/test_rules_db.py) -------------


async def rule_result(client: httpx.AsyncClient, org: OrgFixture, rule_id: str) -> dict[str, Any]:
    """``GET .../readiness/rules/{id}``: one rule with every failing object (not capped)."""
    r = await client.get(
        readiness_url(org, "rules", rule_id), headers={**org.admin.headers, **FRESH}
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


def named(result: dict[str, Any]) -> list[tuple[str, str | None]]:
    """The failing objects of a rule result as (type, key)."""
    return [(f["type"], f["key"]) for f in result["failing"]]


@dataclass
class Seed:
    """Direct inserts of realistic rows where the API workflow would take too many calls
    (approved evidence needs a second approver, audits need every checklist line ...).

    Numbers come from the organisation's counters, so API-created rows never collide.
    """

    database: Database
    org: OrgFixture
    framework_id: uuid.UUID
    # ref -> requirement id of every assessable leaf, in catalogue order
    leaves: dict[str, uuid.UUID]
    # documented-information key (D1, R3 ...) -> id
    documents: dict[str, uuid.UUID]

    @classmethod
    async def load(cls, database: Database, org: OrgFixture) -> Seed:
        async with database.read_sessions() as session:
            fw = (
                await session.execute(
                    select(Framework.id).where(Framework.code == DEFAULT_FRAMEWORK)
                )
            ).scalar_one()
            leaves = (
                await session.execute(
                    select(Requirement.ref, Requirement.id)
                    .where(Requirement.framework_id == fw, Requirement.assessable.is_(True))
                    .order_by(Requirement.sort_key)
                )
            ).all()
            docs = (
                await session.execute(
                    select(DocumentedInformation.key, DocumentedInformation.id).where(
                        DocumentedInformation.framework_id == fw
                    )
                )
            ).all()
        return cls(database, org, fw, {r: i for r, i in leaves}, {k: i for k, i in docs})

    @property
    def org_id(self) -> uuid.UUID:
        return uuid.UUID(self.org.id)

    @property
    def admin_id(self) -> uuid.UUID:
        return uuid.UUID(self.org.admin.user_id)

    def under(self, *prefixes: str) -> list[str]:
        """Leaf refs equal to or below one of ``prefixes``, in catalogue order."""
        return [
            ref for ref in self.leaves if any(ref == p or ref.startswith(p + ".") for p in prefixes)
        ]

    async def _number(self, session: Any, counter: str) -> int:
        return await next_number(session, self.org_id, counter)

    async def evidence(
        self,
        title: str,
        kind: str,
        refs: Sequence[str] = (),
        docs: Sequence[str] = (),
        *,
        status: str = "approved",
        effective: date | None = None,
        valid_until: date | None = None,
        archived: bool = False,
        owned: bool = True,
        versioned: bool = True,
        top_management: bool = False,
    ) -> tuple[uuid.UUID, str]:
        """An evidence item linked to requirements and documented-information keys;
        returns its id and key (``E-7``). ``valid_until`` defaults to a year ahead.

        ``top_management``: the approver held the designation (RDY-04).
        ``versioned`` records a version row (the rules read only that it exists; no file
        is stored: these facts tests never download)."""
        now = utcnow()
        day = today()
        async with self.database.transaction() as session:
            number = await self._number(session, "evidence")
            item = Evidence(
                org_id=self.org_id,
                number=number,
                title=title,
                kind=EvidenceKind(kind),
                source="api",
                owner_id=self.admin_id if owned else None,
                effective_date=effective or day - timedelta(days=30),
                valid_until=valid_until or add_months(day, 12),
                status=EvidenceStatus(status),
                approved_by=self.admin_id if status == "approved" else None,
                approved_at=now if status == "approved" else None,
                approved_by_top_management=top_management,
                approved_on=now.date() if status == "approved" else None,
                archived_at=now if archived else None,
                archived_by=self.admin_id if archived else None,
                created_by=self.admin_id,
                current_version=1 if versioned else 0,
            )
            session.add(item)
            await session.flush()
            if versioned:
                session.add(
                    EvidenceVersion(
                        org_id=self.org_id,
                        evidence_id=item.id,
                        number=1,
                        sha256=hashlib.sha256(title.encode()).hexdigest(),
                        size=len(title),
                        media_type="text/plain",
                        filename="seed.txt",
                        uploaded_by=self.admin_id,
                        uploaded_at=now,
                    )
                )
            for ref in dict.fromkeys(refs):
                session.add(
                    EvidenceRequirement(
                        evidence_id=item.id,
                        requirement_id=self.leaves[ref],
                        org_id=self.org_id,
                        created_at=now,
                    )
                )
            for key in dict.fromkeys(docs):
                session.add(
                    EvidenceDocument(
                        evidence_id=item.id,
                        document_id=self.documents[key],
                        org_id=self.org_id,
                        created_at=now,
                    )
                )
            return item.id, f"E-{number}"

    async def update(self, model: Any, row_id: uuid.UUID, **values: Any) -> None:
        """Change one row of ``model`` (what a workflow step would have written)."""
        async with self.database.transaction() as session:
            result = await session.execute(update(model).where(model.id == row_id).values(**values))
            assert result.rowcount == 1  # type: ignore[attr-defined]

    async def audit(
        self,
        *,
        type: str = "internal",
        status: str = "closed",
        ended: date | None = None,
        planned_end: date | None = None,
        programme_id: uuid.UUID | None = None,
        lead: uuid.UUID | None = None,
        lines: Mapping[str, str] | None = None,
        assessed_by: uuid.UUID | None = None,
        **fields: Any,
    ) -> tuple[uuid.UUID, str]:
        """An audit with checklist lines ``{ref: result}``; returns its id and key."""
        reported = status in ("reporting", "closed")
        end = ended or planned_end
        values: dict[str, Any] = {
            "title": f"{type.title()} audit",
            "scope": sorted({ref.split(".")[0] for ref in lines or {}}) or ["8"],
            "criteria": "ISO/IEC 20000-1:2018 and the SMS documentation.",
            "report_summary": "Conforming overall; see the checklist." if reported else "",
            "distribution": ["SMS manager", "Executive board"] if reported else [],
            **fields,
        }
        async with self.database.transaction() as session:
            number = await self._number(session, "audit")
            audit = Audit(
                org_id=self.org_id,
                number=number,
                programme_id=programme_id,
                framework_id=self.framework_id,
                type=AuditType(type),
                status=AuditStatus(status),
                planned_start_date=end - timedelta(days=3) if end else None,
                planned_end_date=planned_end or ended,
                actual_start_date=ended - timedelta(days=3) if ended else None,
                actual_end_date=ended,
                lead_auditor_id=lead,
                closed_at=utcnow() if status == "closed" else None,
                closed_on=(ended or today()) if status == "closed" else None,
                **values,
            )
            session.add(audit)
            await session.flush()
            for ref, result in (lines or {}).items():
                assessed = result != "not_assessed"
                session.add(
                    AuditChecklistLine(
                        org_id=self.org_id,
                        audit_id=audit.id,
                        requirement_id=self.leaves[ref],
                        ref=ref,
                        sort_key=sort_key(ref),
                        result=ChecklistResult(result),
                        assessed_by_id=(assessed_by or lead) if assessed else None,
                        assessed_at=utcnow() if assessed else None,
                        assessed_on=(ended or today()) if assessed else None,
                    )
                )
            return audit.id, f"A-{number}"

    async def finding(
        self,
        grade: str,
        status: str = "open",
        *,
        source: str = "internal_audit",
        ref: str | None = "8.5.1.2",
        audit_id: uuid.UUID | None = None,
        **fields: Any,
    ) -> tuple[uuid.UUID, str]:
        async with self.database.transaction() as session:
            number = await self._number(session, "finding")
            finding = Finding(
                org_id=self.org_id,
                number=number,
                grade=FindingGrade(grade),
                status=FindingStatus(status),
                source=FindingSource(source),
                statement=f"{grade} on {ref}: 2 of 10 sampled records incomplete.",
                requirement_id=self.leaves[ref] if ref else None,
                requirement_ref=ref,
                audit_id=audit_id,
                raised_by_id=self.admin_id,
                raised_at=utcnow(),
                raised_on=today(),
                closed_at=utcnow() if status == "closed" else None,
                closed_on=today() if status == "closed" else None,
                **fields,
            )
            session.add(finding)
            return finding.id, f"F-{number}"

    async def measure(
        self,
        status: str,
        findings: Sequence[uuid.UUID] = (),
        *,
        root_cause: str = "The approval field was optional in the tool.",
        due: date | None = None,
        owner: bool = True,
        **fields: Any,
    ) -> tuple[uuid.UUID, str]:
        """A corrective measure in ``status`` linked to ``findings``."""
        async with self.database.transaction() as session:
            number = await self._number(session, "corrective_measure")
            measure = CorrectiveMeasure(
                org_id=self.org_id,
                number=number,
                title="Make change approval mandatory",
                status=MeasureStatus(status),
                owner_id=self.admin_id if owner else None,
                due_date=due or today() + timedelta(days=30),
                root_cause_method=RootCauseMethod.five_whys if root_cause else None,
                root_cause=root_cause,
                closed_at=utcnow() if status == "closed" else None,
                closed_on=today() if status == "closed" else None,
                **fields,
            )
            session.add(measure)
            await session.flush()
            for finding_id in findings:
                session.add(
                    CorrectiveMeasureFinding(
                        measure_id=measure.id, finding_id=finding_id, org_id=self.org_id
                    )
                )
            return measure.id, f"CM-{number}"
