"""The ownership rule (orgs.permissions.OWN_ONLY), one test per kind of owned object.

A process owner changes only what they own, and cannot hand it to someone else (403);
an SMS manager changes everything. Each kind below makes one object owned by the
process owner and one owned by someone else; add a kind when it gets an owner.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.factories.auth import OrgFixture, Session, add_member, first_run
from tests.factories.corrective_measures import measures_url, open_measure
from tests.factories.objectives import create_objective, objectives_url
from tests.factories.requirements import patch_requirement, read_requirement, requirements_url

PROBLEM = "application/problem+json"


@dataclass
class Kind:
    # makes an object owned by `owner_id` (as the admin) and returns its URL
    make: Callable[[httpx.AsyncClient, OrgFixture, str], Awaitable[str]]
    change: dict[str, Any]  # a change anyone allowed may make
    read: Callable[[dict[str, Any]], Any]  # the changed value as read back


async def _requirement(client: httpx.AsyncClient, org: OrgFixture, owner_id: str) -> str:
    ref = "8.6.1"
    if (await read_requirement(client, org, ref)).json()["owner_id"] is not None:
        ref = "8.6.2"  # the first one is taken: the next leaf
    r = await patch_requirement(client, org, ref, {"owner_id": owner_id})
    assert r.status_code == 200, r.text
    return requirements_url(org, ref)


async def _objective(client: httpx.AsyncClient, org: OrgFixture, owner_id: str) -> str:
    objective = await create_objective(client, org, owner_id=owner_id)
    return objectives_url(org, objective["id"])


async def _measure(client: httpx.AsyncClient, org: OrgFixture, owner_id: str) -> str:
    measure = await open_measure(client, org, owner_id=owner_id)
    return measures_url(org, measure["id"])


KINDS = {
    "corrective_measure": Kind(_measure, {"extent": "Also in releases"}, lambda b: b["extent"]),
    "requirement": Kind(_requirement, {"notes": "Reviewed"}, lambda body: body["notes"]),
    "objective": Kind(_objective, {"target": 90}, lambda body: body["target"]),
}


async def _patch(
    client: httpx.AsyncClient, url: str, who: Session, body: dict[str, Any]
) -> httpx.Response:
    etag = (await client.get(url, headers=who.headers)).headers["etag"]
    return await client.patch(url, json=body, headers={**who.headers, "If-Match": etag})


@pytest.mark.parametrize("kind", sorted(KINDS))
async def test_process_owners_change_only_what_they_own(
    client: httpx.AsyncClient, kind: str
) -> None:
    spec = KINDS[kind]
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    manager = await add_member(client, org, "sms_manager")
    own = await spec.make(client, org, owner.user_id)
    others = await spec.make(client, org, manager.user_id)

    before = (await client.get(others, headers=org.admin.headers)).json()
    refused = await _patch(client, others, owner, spec.change)
    assert refused.status_code == 403, refused.text
    assert refused.headers["content-type"] == PROBLEM
    assert "you own" in refused.json()["detail"]
    assert (await client.get(others, headers=org.admin.headers)).json() == before

    done = await _patch(client, own, owner, spec.change)
    assert done.status_code == 200, done.text
    assert spec.read(done.json()) == spec.read(spec.change)

    # what they own stays theirs: handing it to someone else is refused, nothing changes
    handed = await _patch(client, own, owner, {"owner_id": manager.user_id})
    assert handed.status_code == 403, handed.text
    assert "hand" in handed.json()["detail"]
    read = (await client.get(own, headers=org.admin.headers)).json()
    assert read["owner_id"] == owner.user_id


@pytest.mark.parametrize("kind", sorted(KINDS))
async def test_sms_managers_are_not_bound_by_ownership(
    client: httpx.AsyncClient, kind: str
) -> None:
    spec = KINDS[kind]
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    manager = await add_member(client, org, "sms_manager")
    theirs = await spec.make(client, org, owner.user_id)
    r = await _patch(client, theirs, manager, spec.change)
    assert r.status_code == 200, r.text
    assert spec.read(r.json()) == spec.read(spec.change)
    r = await _patch(client, theirs, manager, {"owner_id": manager.user_id})
    assert r.status_code == 200, r.text
    assert r.json()["owner_id"] == manager.user_id
