"""The requirement catalogue as an OSCAL catalog.

One group per top-level clause (4 to 10), one control per assessable requirement (the 57
leaves of ISO/IEC 20000-1) in clause order. An OSCAL group holds either groups or controls,
never both, and clause 8 has leaves beside sub-clauses, so the intermediate headings
(``8.3.4 Supplier management``) are the controls' ``parent-clause`` props rather than groups.

Each control has our title (the public clause heading), its clause number as ``label``, a
``guidance`` part with our own guidance prose, and an ``assessment-objective`` part (our
words) that the assessment results' findings target. The standard's requirement text is
never part of the catalogue data, so it cannot be exported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from certready.exports.oscal.ids import (
    OSCAL_VERSION,
    clean,
    control_id,
    objective_id,
    organisation_party,
    prop,
    stable_uuid,
    timestamp,
)
from certready.orgs.models import Organisation
from certready.requirements.models import Framework, Requirement


def catalog_uuid(framework: Framework) -> str:
    return stable_uuid("catalog", framework.code)


def _control(node: Requirement, by_ref: dict[str, Requirement]) -> dict[str, Any]:
    props = [prop("label", node.ref, ours=False), prop("sort-id", node.sort_key, ours=False)]
    parent = by_ref.get(node.parent_ref or "")
    if parent is not None and parent.depth > 1:  # an intermediate heading, not the group
        props += [prop("parent-clause", parent.ref), prop("parent-clause-title", parent.title)]
    return {
        "id": control_id(node.ref),
        "class": "requirement",
        "title": node.title,
        "props": props,
        "parts": [
            {
                "id": control_id(node.ref) + "_gdn",
                "name": "guidance",
                "prose": node.guidance,
            },
            {
                "id": objective_id(node.ref),
                "name": "assessment-objective",
                "prose": f"The service management system conforms to clause {node.ref} "
                f"({node.title}), as shown by its evidence and the audit of the clause.",
            },
        ],
    }


def build(
    framework: Framework, requirements: Sequence[Requirement], org: Organisation
) -> dict[str, Any]:
    """The catalog document (``requirements``: the framework's nodes in clause order)."""
    by_ref = {r.ref: r for r in requirements}
    groups: list[dict[str, Any]] = []
    index: dict[str, dict[str, Any]] = {}
    for node in requirements:
        if node.depth == 1:
            group: dict[str, Any] = {
                "id": control_id(node.ref),
                "class": "clause",
                "title": node.title,
                "props": [prop("label", node.ref, ours=False)],
                "controls": [],
            }
            index[node.ref] = group
            groups.append(group)
    for node in requirements:
        if node.assessable:
            index[node.root_ref]["controls"].append(_control(node, by_ref))
    party = organisation_party(org.id, org.name, org.slug)
    document = {
        "catalog": {
            "uuid": catalog_uuid(framework),
            "metadata": {
                "title": f"{framework.name} ({framework.version}): requirement catalogue "
                "with Certready guidance",
                "last-modified": timestamp(framework.updated_at),
                "version": framework.catalogue_version,
                "oscal-version": OSCAL_VERSION,
                "props": [prop("framework", framework.code)],
                "roles": [{"id": "prepared-for", "title": "Organisation"}],
                "parties": [party],
                "responsible-parties": [
                    {"role-id": "prepared-for", "party-uuids": [party["uuid"]]}
                ],
                "remarks": "Clause numbers and headings with Certready's own guidance. The "
                f"requirement text of the standard is not included; it is published by "
                f"{framework.publisher}.",
            },
            "groups": groups,
        }
    }
    return dict(clean(document))
