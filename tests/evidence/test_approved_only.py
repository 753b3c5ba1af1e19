"""The certification body's auditor sees approved evidence only (issue 16's audit room):
the lists, the item, its versions and its files answer as if a draft did not exist."""

from __future__ import annotations

import httpx

from tests.factories.auth import OrgFixture, Session, add_member, first_run
from tests.factories.evidence import evidence_url, pdf_bytes, upload_new, upload_version


async def _move(
    client: httpx.AsyncClient, org: OrgFixture, item: str, to: str, who: Session
) -> None:
    r = await client.post(
        evidence_url(org, item, "transitions"), json={"to": to}, headers=who.headers
    )
    assert r.status_code == 200, r.text


async def _keys(
    client: httpx.AsyncClient, org: OrgFixture, who: Session, **params: str
) -> list[str]:
    r = await client.get(evidence_url(org), params=params, headers=who.headers)
    assert r.status_code == 200, r.text
    return [i["key"] for i in r.json()["items"]]


async def test_external_auditor_sees_approved_evidence_only(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    external = await add_member(client, org, "external_auditor")
    viewer = await add_member(client, org, "viewer")
    draft = (await upload_new(client, org, title="Draft procedure")).json()
    in_review = (await upload_new(client, org, title="Procedure in review")).json()
    await _move(client, org, in_review["id"], "in_review", org.admin)
    approved = (await upload_new(client, org, title="Approved policy")).json()
    await _move(client, org, approved["id"], "in_review", org.admin)
    await _move(client, org, approved["id"], "approved", manager)

    assert await _keys(client, org, external) == [approved["key"]]
    assert await _keys(client, org, external, status="draft") == []
    assert await _keys(client, org, external, status="approved") == [approved["key"]]
    # everyone else still sees every item
    assert set(await _keys(client, org, viewer)) == {
        draft["key"],
        in_review["key"],
        approved["key"],
    }
    csv = await client.get(evidence_url(org), params={"format": "csv"}, headers=external.headers)
    assert csv.status_code == 200
    assert "Approved policy" in csv.text and "Draft procedure" not in csv.text

    for item in (draft, in_review):
        for ident in (item["id"], item["key"]):
            for path in ((), ("versions",), ("versions", "1"), ("versions", "1", "content")):
                r = await client.get(evidence_url(org, ident, *path), headers=external.headers)
                assert r.status_code == 404, (item["key"], path, r.status_code)
                assert r.headers["content-type"] == "application/problem+json"
        r = await client.get(evidence_url(org, item["id"]), headers=viewer.headers)
        assert r.status_code == 200
    for path in ((), ("versions",), ("versions", "1"), ("versions", "1", "content")):
        r = await client.get(evidence_url(org, approved["key"], *path), headers=external.headers)
        assert r.status_code == 200, (path, r.text)

    # a new version sends the approved item back to draft: it leaves the auditor's view
    await upload_version(client, org, approved["id"], pdf_bytes(500, seed=b"v2"))
    assert await _keys(client, org, external) == []
    r = await client.get(evidence_url(org, approved["id"]), headers=external.headers)
    assert r.status_code == 404
