"""Supplier reviews, evidence owned by suppliers, "none exist" statements; RDY-06."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx
from certready.readiness.facts import OtherPartyEvidence

from tests.factories.auth import add_member, first_run, second_org
from tests.factories.evidence import create_statement
from tests.factories.readiness import good_facts, keys, rule_result, run
from tests.factories.suppliers import create_supplier, statements_url, suppliers_url

TODAY = date.today()


async def _etag(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> str:
    return (await client.get(url, headers=headers)).headers["etag"]


async def test_reviews_are_parts_of_the_supplier(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    s = await create_supplier(client, org)
    minutes = await create_statement(client, org, title="Supplier review minutes")
    url = suppliers_url(org, s["id"], "reviews")
    body = {"reviewed_on": (TODAY - timedelta(days=3)).isoformat(), "result": "satisfactory"}
    r = await client.post(
        url, json={**body, "evidence_id": minutes["id"]}, headers=org.admin.headers
    )
    assert r.status_code == 201, r.text
    review = r.json()
    assert review["evidence_id"] == minutes["id"] and r.headers["etag"] == '"2"'
    for bad in (
        {**body, "reviewed_on": (TODAY + timedelta(days=1)).isoformat()},
        {**body, "result": "great"},
        {**body, "evidence_id": str(uuid.uuid4())},
    ):
        r = await client.post(url, json=bad, headers=org.admin.headers)
        assert r.status_code == 422, (bad, r.text)
    part = f"{url}/{review['id']}"
    headers = org.admin.headers
    change = {"result": "needs_improvement", "summary": "Late reports"}
    assert (await client.patch(part, json=change, headers=headers)).status_code == 428
    r = await client.patch(part, json=change, headers={**headers, "If-Match": '"1"'})
    assert r.status_code == 412
    r = await client.patch(part, json=change, headers={**headers, "If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["result"] == "needs_improvement", r.text
    assert r.headers["etag"] == '"3"'
    listed = (await client.get(url, headers=headers)).json()
    assert listed["total"] == 1 and listed["items"][0]["summary"] == "Late reports"
    acts = await client.get(f"/api/v1/orgs/{org.slug}/activity", headers=headers)
    update = next(a for a in acts.json()["items"] if a["action"] == "supplier.review.update")
    assert update["object_id"] == s["id"] and update["after"]["review_id"] == review["id"]
    other = await second_org(client, org)
    r = await client.get(url, headers=other.admin.headers)
    assert r.status_code == 404
    r = await client.patch(part, json=change, headers={**other.admin.headers, "If-Match": '"3"'})
    assert r.status_code == 404
    viewer = await add_member(client, org, "viewer")
    r = await client.post(url, json=body, headers=viewer.headers)
    assert r.status_code == 403


async def test_none_exist_statements(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    url = statements_url(org)
    body = {"category": "internal", "statement": "All delivery is by our own staff."}
    r = await client.post(url, json=body, headers=org.admin.headers)
    assert r.status_code == 201 and r.json()["status"] == "draft", r.text
    st = r.json()
    assert (await client.post(url, json=body, headers=org.admin.headers)).status_code == 409
    r = await client.post(url, json={"category": "x", "statement": "s"}, headers=org.admin.headers)
    assert r.status_code == 422
    one = statements_url(org, st["id"])
    r = await client.patch(
        one, json={"statement": "Reworded."}, headers={**org.admin.headers, "If-Match": '"1"'}
    )
    assert r.status_code == 200 and r.json()["statement"] == "Reworded."
    r = await client.post(f"{one}/transitions", json={"to": "approved"}, headers=org.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json()["approved_by_id"] == org.admin.user_id and r.json()["approved_on"]
    r = await client.post(f"{one}/transitions", json={"to": "approved"}, headers=org.admin.headers)
    assert r.status_code == 409
    etag = await _etag(client, one, org.admin.headers)
    r = await client.patch(
        one, json={"statement": "Again."}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert r.status_code == 409
    r = await client.post(f"{one}/transitions", json={"to": "draft"}, headers=org.admin.headers)
    assert r.status_code == 200 and r.json()["approved_on"] is None
    owner = await add_member(client, org, "process_owner")
    r = await client.post(f"{one}/transitions", json={"to": "approved"}, headers=owner.headers)
    assert r.status_code == 403
    other = await second_org(client, org)
    assert (await client.get(one, headers=other.admin.headers)).status_code == 404
    assert (await client.get(statements_url(other), headers=other.admin.headers)).json()[
        "total"
    ] == 0


def test_rdy06_pure() -> None:
    assert run("RDY-06", good_facts()).passed
    item = OtherPartyEvidence(uuid.uuid4(), 7, "Scope statement", uuid.uuid4(), 2, "Consultancy")
    outcome = run("RDY-06", good_facts(other_party_evidence=[item]))
    assert not outcome.passed and keys(outcome) == ["E-7"]
    assert "SUP-2" in outcome.failures[0].message
    assert outcome.failures[0].route.endswith(f"/evidence/{item.evidence_id}")


async def test_rdy06_through_the_api(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    consultant = await create_supplier(client, org, name="Policy consultants")
    policy = await create_statement(client, org, title="Policy", requirement_refs=["5.2"])
    ops = await create_statement(client, org, title="Ops record", requirement_refs=["8.5.1"])
    assert (await rule_result(client, org, "RDY-06"))["passed"] is True
    for item in (policy, ops):
        r = await client.post(
            suppliers_url(org, consultant["id"], "evidence"),
            json={"evidence_id": item["id"]},
            headers=org.admin.headers,
        )
        assert r.status_code == 204, r.text
    other = await create_supplier(client, org, name="Second")
    r = await client.post(
        suppliers_url(org, other["id"], "evidence"),
        json={"evidence_id": policy["id"]},
        headers=org.admin.headers,
    )
    assert r.status_code == 409
    result = await rule_result(client, org, "RDY-06")
    assert result["passed"] is False
    assert [(f["type"], f["key"]) for f in result["failing"]] == [("evidence", policy["key"])]
    listed = await client.get(
        suppliers_url(org, consultant["id"], "evidence"), headers=org.admin.headers
    )
    assert {e["evidence_key"] for e in listed.json()["items"]} == {policy["key"], ops["key"]}
    r = await client.delete(
        suppliers_url(org, consultant["id"], "evidence", policy["id"]), headers=org.admin.headers
    )
    assert r.status_code == 204
    assert (await rule_result(client, org, "RDY-06"))["passed"] is True
