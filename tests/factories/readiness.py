"""Readiness: a hand-built ``Facts`` for rule unit tests, and API helpers."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import httpx
from certready.readiness.engine import effective_params
from certready.readiness.facts import DocumentFacts, Facts, Leaf, LeafEvidence
from certready.readiness.rules import RULES, Outcome

from tests.factories.auth import OrgFixture

TODAY = date(2026, 6, 15)
LEAF_REFS = ("4.3", "5.2.2", "5.3", "6.3", "7.5.3", "8.6.1", "8.7.2", "9.2", "9.4", "10.1")
DOC_KEYS = {"D1": ("4.3",), "D2": ("5.2",), "D4": ("6.3",), "D8": ("8.7.2",)}


def leaf_id(ref: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"leaf:{ref}")


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
            key: DocumentFacts(uuid.uuid4(), key, "document", f"Doc {key}", refs, True, 1, 1)
            for key, refs in DOC_KEYS.items()
        },
    )
    for name, value in overrides.items():
        setattr(facts, name, value)
    return facts


def run(rule_id: str, facts: Facts, **params: int) -> Outcome:
    rule = RULES[rule_id]
    values = effective_params({rule_id: params}, rule)
    return rule.evaluate(facts, values)


def keys(outcome: Outcome) -> list[str | None]:
    return [f.key for f in outcome.failures]


def readiness_url(org: OrgFixture | str, *parts: str) -> str:
    slug = org if isinstance(org, str) else org.slug
    return "/".join([f"/api/v1/orgs/{slug}/readiness", *parts])


async def get_readiness(
    client: httpx.AsyncClient, org: OrgFixture, **params: Any
) -> dict[str, Any]:
    r = await client.get(readiness_url(org), params=params, headers=org.admin.headers)
    assert r.status_code == 200, r.text
    return dict(r.json())
