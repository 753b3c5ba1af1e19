"""Producing an OSCAL document: load (a fixed number of statements), build, serialise, log.

``metadata.version`` is the first 16 hex digits of the SHA-256 of the document's content
without it: the same data gives byte for byte the same document (stable UUIDs, timestamps
from the data, not from the clock), and any change of the data gives another version. The
full digest is in the activity entry and the ``X-Data-SHA256`` header.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from certready.audits.models import Audit
from certready.audits.report import audit_report
from certready.audits.rules import audit_key
from certready.context import OrgContext
from certready.core.problems import Conflict, NotFound
from certready.db.session import Database
from certready.exports.meta import ExportMeta, log_export
from certready.exports.oscal import assessment, catalog, poam
from certready.exports.oscal.ids import OSCAL_VERSION
from certready.exports.oscal.repository import OscalRepository
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from certready.requirements.models import Framework, Requirement
from certready.requirements.repository import CatalogueRepository


@dataclass
class JsonFile:
    filename: str
    content: bytes
    data_sha256: str


def finish(document: dict[str, Any]) -> tuple[bytes, str]:
    """Set ``metadata.version`` (unless the builder gave one) and serialise the document."""
    (model,) = document.values()
    digest = hashlib.sha256(
        json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    ).hexdigest()
    metadata = model["metadata"]
    if not metadata.get("version"):
        ordered = {}
        for name, value in metadata.items():
            ordered[name] = value
            if name == "last-modified":
                ordered["version"] = digest[:16]
        model["metadata"] = ordered
    return json.dumps(document, ensure_ascii=False, indent=2).encode() + b"\n", digest


async def _publish(
    db: Database,
    ctx: OrgContext,
    document: dict[str, Any],
    *,
    export: str,
    stem: str,
    kind: str,
    about: dict[str, str] | None = None,
) -> JsonFile:
    content, digest = finish(document)
    meta = ExportMeta.for_context(ctx, export)
    name = "certready-" + meta.filename(stem, "json")
    await log_export(
        db,
        ctx,
        object_id=kind,
        summary=f"Exported the {export} ({name})",
        after={
            "file": name,
            "data_sha256": digest,
            "oscal_version": OSCAL_VERSION,
            **(about or {}),
        },
    )
    return JsonFile(name, content, digest)


async def _catalogue(session: AsyncSession) -> tuple[Framework, list[Requirement]]:
    repo = CatalogueRepository(session)
    framework = await repo.framework_by_code(DEFAULT_FRAMEWORK)
    if framework is None:
        raise NotFound(f"No framework '{DEFAULT_FRAMEWORK}'.")
    return framework, list(await repo.requirements(framework.id))


async def catalog_json(session: AsyncSession, db: Database, ctx: OrgContext) -> JsonFile:
    """The ISO/IEC 20000-1 catalogue as an OSCAL catalog."""
    framework, requirements = await _catalogue(session)
    document = catalog.build(framework, requirements, ctx.org)
    return await _publish(
        db, ctx, document, export="OSCAL catalog", stem="oscal-catalog", kind="oscal-catalog"
    )


def _in_scope(refs: list[str], scope: list[str]) -> list[str]:
    return [r for r in refs if any(r == s or r.startswith(s + ".") for s in scope)]


async def assessment_results_json(
    session: AsyncSession, db: Database, ctx: OrgContext, audit: Audit
) -> JsonFile:
    """One audit of the caller's organisation as OSCAL assessment-results."""
    report = await audit_report(session, audit)
    last_modified = await OscalRepository(session, ctx.org_id).audit_last_modified(audit)
    leaves: list[str] = []
    if not report.lines:  # not started: the leaves its checklist will have
        _, requirements = await _catalogue(session)
        leaves = _in_scope([r.ref for r in requirements if r.assessable], audit.scope)
    document = assessment.build(
        ctx.org, audit, report, last_modified=last_modified, scope_leaves=leaves
    )
    key = audit_key(audit)
    return await _publish(
        db,
        ctx,
        document,
        export="OSCAL assessment results",
        stem=f"{key}-oscal-assessment-results",
        kind="oscal-assessment-results",
        about={"audit": key, "audit_id": str(audit.id)},
    )


async def poam_json(session: AsyncSession, db: Database, ctx: OrgContext) -> JsonFile:
    """The caller's organisation's corrective measures as an OSCAL POA&M."""
    repo = OscalRepository(session, ctx.org_id)
    measures = await repo.measures()
    if not measures:
        raise Conflict(
            "There are no corrective measures yet: an OSCAL plan of action and milestones "
            "needs one item at least."
        )
    links = await repo.measure_findings()
    actions = await repo.actions()
    moments: list[datetime] = [m.updated_at for m, _ in measures]
    moments += [f.updated_at for _, f, _ in links]
    moments += [a.done_at or a.created_at for a in actions]
    document = poam.build(ctx.org, measures, links, actions, last_modified=max(moments))
    return await _publish(
        db,
        ctx,
        document,
        export="OSCAL plan of action and milestones",
        stem="oscal-poam",
        kind="oscal-poam",
    )
