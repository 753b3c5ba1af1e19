"""The ownership rule for evidence (issue 11): process owners change only what they own."""

from __future__ import annotations

import httpx

from tests.factories.auth import OrgFixture, Session, add_member, first_run
from tests.factories.evidence import (
    create_statement,
    evidence_url,
    pdf_bytes,
    upload_new,
    upload_version,
)


async def _patch(
    client: httpx.AsyncClient, org: OrgFixture, item: dict, who: Session, body: dict
) -> httpx.Response:
    etag = (await client.get(evidence_url(org, item["id"]), headers=who.headers)).headers["etag"]
    return await client.patch(
        evidence_url(org, item["id"]), json=body, headers={**who.headers, "If-Match": etag}
    )


async def _writes(
    client: httpx.AsyncClient, org: OrgFixture, item: dict, who: Session
) -> dict[str, int]:
    """The status of each kind of change ``who`` attempts on ``item``."""
    out = {"patch": (await _patch(client, org, item, who, {"title": "Renamed"})).status_code}
    r = await client.post(
        evidence_url(org, item["id"], "transitions"),
        json={"to": "in_review"},
        headers=who.headers,
    )
    out["transition"] = r.status_code
    r = await upload_version(
        client, org, item["id"], pdf_bytes(300), headers=who.headers, expect=None
    )
    out["version"] = r.status_code
    r = await client.post(evidence_url(org, item["id"], "requirements", "8.1"), headers=who.headers)
    out["link"] = r.status_code
    r = await client.post(evidence_url(org, item["id"], "archive"), headers=who.headers)
    out["archive"] = r.status_code
    return out


async def test_process_owner_changes_only_their_own_evidence(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    other = await add_member(client, org, "process_owner")
    others = (await upload_new(client, org, params={"owner_id": other.user_id})).json()
    unowned = (await upload_new(client, org, title="Nobody's")).json()
    for item in (others, unowned):
        assert set((await _writes(client, org, item, owner)).values()) == {403}, item["key"]
        after = (await client.get(evidence_url(org, item["id"]), headers=org.admin.headers)).json()
        assert after["title"] == item["title"] and after["status"] == "draft"
        assert after["version_count"] == 1 and after["archived"] is False
        assert after["requirement_refs"] == [] and after["revision"] == item["revision"]
    mine = (await upload_new(client, org, params={"owner_id": owner.user_id})).json()
    assert set((await _writes(client, org, mine, owner)).values()) == {200, 201}
    # archived by its owner, who may bring it back; the other process owner may not
    r = await client.post(evidence_url(org, mine["id"], "unarchive"), headers=other.headers)
    assert r.status_code == 403
    r = await client.post(evidence_url(org, mine["id"], "unarchive"), headers=owner.headers)
    assert r.status_code == 200


async def test_process_owner_creates_evidence_of_their_own(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    owner = await add_member(client, org, "process_owner")
    statement = await create_statement(client, org, headers=owner.headers)
    assert statement["owner_id"] == owner.user_id
    uploaded = (await upload_new(client, org, headers=owner.headers)).json()
    assert uploaded["owner_id"] == owner.user_id
    r = await client.post(
        evidence_url(org),
        json={"title": "Theirs", "kind": "statement", "owner_id": org.admin.user_id},
        headers=owner.headers,
    )
    assert r.status_code == 403
    # nor can they hand their own item to someone else
    r = await _patch(client, org, statement, owner, {"owner_id": org.admin.user_id})
    assert r.status_code == 403
    # the admin's own creations stay unowned unless named (default_owner applies to the rule)
    assert (await create_statement(client, org))["owner_id"] is None


async def test_sms_manager_is_not_bound_by_ownership(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    owner = await add_member(client, org, "process_owner")
    theirs = (await upload_new(client, org, params={"owner_id": owner.user_id})).json()
    unowned = (await upload_new(client, org, title="Nobody's")).json()
    for item in (theirs, unowned):
        assert set((await _writes(client, org, item, manager)).values()) == {200, 201}
    r = await _patch(client, org, theirs, manager, {"owner_id": manager.user_id})
    assert r.status_code == 409  # archived above: the rule is not what refuses it
    await client.post(evidence_url(org, theirs["id"], "unarchive"), headers=manager.headers)
    r = await _patch(client, org, theirs, manager, {"owner_id": manager.user_id})
    assert r.status_code == 200 and r.json()["owner_id"] == manager.user_id
