"""Download routes of the OSCAL documents, included in the exports router
(``/orgs/{org}/exports``): ``oscal/catalog.json``, ``audits/{audit_id}/oscal/
assessment-results.json`` and ``oscal/poam.json``, sent whole as attachments named
``certready-<org>-[A-<n>-]oscal-<model>-<YYYYMMDD>.json``.

OSCAL classes are not response models (INTEGRATIONS.md 2.3): the contract documents an
``application/json`` object and links the model's NIST reference.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from certready.api.deps import DatabaseDep, SessionDep
from certready.audits.deps import AuditDep
from certready.exports.deps import ExportsReader
from certready.exports.oscal import service
from certready.exports.oscal.ids import MEDIA_TYPE, OSCAL_VERSION

router = APIRouter()
REFERENCE = "https://pages.nist.gov/OSCAL-Reference/models/v" + OSCAL_VERSION + "/"


class OscalResponse(Response):
    media_type = MEDIA_TYPE


def _responses(model: str, root: str, name: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "content": {
                MEDIA_TYPE: {
                    "schema": {
                        "type": "object",
                        "required": [root],
                        "description": f"An OSCAL {OSCAL_VERSION} {model} document "
                        f"(JSON format, root `{root}`): see {REFERENCE}{model}/json-reference/",
                    }
                }
            },
            "headers": {
                "X-Data-SHA256": {
                    "description": "SHA-256 of the document's content (its metadata.version "
                    "is the first 16 hex digits).",
                    "schema": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                }
            },
            "description": f"The document, as an attachment named `{name}`.",
        }
    }


def _json(document: service.JsonFile) -> OscalResponse:
    return OscalResponse(
        document.content,
        headers={
            "Content-Disposition": f'attachment; filename="{document.filename}"',
            "X-Data-SHA256": document.data_sha256,
        },
    )


@router.get(
    "/oscal/catalog.json",
    response_class=OscalResponse,
    responses=_responses("catalog", "catalog", "certready-<org>-oscal-catalog-<YYYYMMDD>.json"),
)
async def export_oscal_catalog(
    ctx: ExportsReader, session: SessionDep, db: DatabaseDep
) -> OscalResponse:
    """Download the ISO/IEC 20000-1 catalogue as an OSCAL catalog: a group per clause, a
    control per assessable requirement (id `iso20000-1_<ref>`, our title, our guidance, an
    assessment objective); never the standard's requirement text."""
    return _json(await service.catalog_json(session, db, ctx))


@router.get(
    "/audits/{audit_id}/oscal/assessment-results.json",
    response_class=OscalResponse,
    responses=_responses(
        "assessment-results",
        "assessment-results",
        "certready-<org>-A-<n>-oscal-assessment-results-<YYYYMMDD>.json",
    ),
)
async def export_oscal_assessment_results(
    ctx: ExportsReader, audit: AuditDep, session: SessionDep, db: DatabaseDep
) -> OscalResponse:
    """Download one audit as OSCAL assessment-results: the audit as the result, its
    checklist lines as reviewed controls and observations, every finding (nonconformities,
    observations, OFIs) targeting the catalog's control objectives."""
    return _json(await service.assessment_results_json(session, db, ctx, audit))


@router.get(
    "/oscal/poam.json",
    response_class=OscalResponse,
    responses={
        **_responses(
            "plan-of-action-and-milestones",
            "plan-of-action-and-milestones",
            "certready-<org>-oscal-poam-<YYYYMMDD>.json",
        ),
    },
)
async def export_oscal_poam(
    ctx: ExportsReader, session: SessionDep, db: DatabaseDep
) -> OscalResponse:
    """Download the corrective measures as an OSCAL plan of action and milestones: a
    poam-item per measure with its findings, a risk with deadline and status, the planned
    actions as milestones. 409 while there is no measure (OSCAL needs one item)."""
    return _json(await service.poam_json(session, db, ctx))
