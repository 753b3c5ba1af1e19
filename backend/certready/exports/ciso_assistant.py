"""The ISO/IEC 20000-1 catalogue as a CISO Assistant library (YAML), for users of that tool.

The layout is the one CISO Assistant's shipped libraries use (shared/samples/
ciso_assistant_library_iso20000_skeleton.md): a library header (urn, locale, ref_id, name,
description, copyright, version, publication_date, provider, packager) and
``objects.framework`` with a flat ``requirement_nodes`` list in clause order, hierarchy by
``parent_urn`` and ``depth``, only the leaves ``assessable``. A leaf's ``description`` is our
guidance and its ``typical_evidence`` the documented information we list for the clause;
names are the public clause headings. The standard's requirement text is not in the
catalogue data, so it cannot be exported.

The content is deployment-wide catalogue data, the same for every organisation; it is still
served under ``/orgs/{org}/exports`` like every export, so ``exports:read`` decides who may
take it and the export is recorded in the organisation's activity log.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from sqlalchemy.ext.asyncio import AsyncSession

from certready.context import OrgContext
from certready.core.problems import NotFound
from certready.db.session import Database
from certready.exports.meta import ExportMeta, log_export
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK
from certready.requirements.models import DocumentedInformation, Framework, Requirement
from certready.requirements.repository import CatalogueRepository

MEDIA_TYPE = "application/yaml"
PACKAGER = "certready"
SLUG = "iso20000-1-2018"
STANDARD_URL = "https://www.iso.org/standard/70636.html"


def node_urn(ref: str) -> str:
    return f"urn:{PACKAGER}:risk:req_node:{SLUG}:{ref}"


@dataclass
class YamlFile:
    filename: str
    content: bytes
    data_sha256: str


def _evidence(items: Sequence[DocumentedInformation]) -> dict[str, list[str]]:
    by_ref: dict[str, list[str]] = {}
    for item in items:
        for ref in item.clause_refs:
            by_ref.setdefault(ref, []).append(f"{item.key} {item.title}")
    return by_ref


def _node(node: Requirement, evidence: dict[str, list[str]]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "urn": node_urn(node.ref),
        "assessable": node.assessable,
        "depth": node.depth,
    }
    if node.parent_ref:
        entry["parent_urn"] = node_urn(node.parent_ref)
    entry["ref_id"] = node.ref
    entry["name"] = node.title
    if node.guidance:
        entry["description"] = node.guidance
    if node.assessable and evidence.get(node.ref):
        entry["typical_evidence"] = "; ".join(evidence[node.ref])
    return entry


def build(
    framework: Framework,
    requirements: Sequence[Requirement],
    documents: Sequence[DocumentedInformation],
) -> dict[str, Any]:
    """The library (``requirements`` in clause order: parents before their children)."""
    version = framework.catalogue_version
    number = framework.code.split(":")[0].removeprefix("iso")  # iso20000-1:2018 -> 20000-1
    ref_id = f"{framework.publisher} {number}:{framework.version}"
    evidence = _evidence(documents)
    return {
        "urn": f"urn:{PACKAGER}:risk:library:{SLUG}",
        "locale": "en",
        "ref_id": ref_id,
        "name": f"{framework.name} ({framework.version}) with Certready guidance",
        "description": "Clause outline of the standard with Certready's own guidance on what "
        "auditors look for and the documented information that usually evidences each clause.",
        "copyright": "Clause numbers and headings only, with Certready's guidance. The text of "
        f"the standard is not included; it is available from {framework.publisher} at "
        f"{STANDARD_URL}",
        "version": int(version) if version.isdigit() else version,
        "publication_date": framework.updated_at.date(),
        "provider": framework.publisher,
        "packager": PACKAGER,
        "objects": {
            "framework": {
                "urn": f"urn:{PACKAGER}:risk:framework:{SLUG}",
                "ref_id": ref_id,
                "name": f"{framework.name} ({framework.version})",
                "description": "Service management system requirements (clauses 4 to 10).",
                "requirement_nodes": [_node(n, evidence) for n in requirements],
            }
        },
    }


def dump(library: dict[str, Any]) -> bytes:
    """YAML in the libraries' key order (not sorted), UTF-8."""
    text = yaml.safe_dump(library, sort_keys=False, allow_unicode=True, width=100)
    return text.encode()


async def library_yaml(session: AsyncSession, db: Database, ctx: OrgContext) -> YamlFile:
    """The CISO Assistant library of the ISO/IEC 20000-1 catalogue (three statements)."""
    repo = CatalogueRepository(session)
    framework = await repo.framework_by_code(DEFAULT_FRAMEWORK)
    if framework is None:
        raise NotFound(f"No framework '{DEFAULT_FRAMEWORK}'.")
    requirements = await repo.requirements(framework.id)
    documents = await repo.documented_information(framework.id)
    content = dump(build(framework, requirements, documents))
    digest = hashlib.sha256(content).hexdigest()
    meta = ExportMeta.for_context(ctx, "CISO Assistant library")
    name = "certready-" + meta.filename("ciso-assistant-iso20000-1", "yaml")
    await log_export(
        db,
        ctx,
        object_id="ciso-assistant-library",
        summary=f"Exported the CISO Assistant library ({name})",
        after={"file": name, "data_sha256": digest},
    )
    return YamlFile(name, content, digest)
