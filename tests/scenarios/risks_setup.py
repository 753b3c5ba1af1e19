"""The SMS registers of the ready scenarios, through the public API: an approved risk method,
two owned and treated risks, and an approved, reviewed context record with internal and
external issues, the climate-change statement and interested parties (RDY-03, RDY-07)."""

from __future__ import annotations

import httpx

from tests.factories.auth import OrgFixture
from tests.factories.risks import approve_method, create_method, create_risk


async def registers(
    client: httpx.AsyncClient, org: OrgFixture, on: str, *, risks: bool = True
) -> None:
    """Risks (unless ``risks`` is false) and context for ``org``, approved and reviewed
    ``on`` (an ISO date)."""
    h = org.admin.headers
    if risks:
        await create_method(client, org)
        await approve_method(client, org, on)
        for title, treatment in (("Hosting site outage", "treat"), ("Licence audit", "accept")):
            await create_risk(
                client, org, title=title, treatment=treatment, owner_id=org.admin.user_id
            )
    url = f"/api/v1/orgs/{org.slug}/context"
    body = {
        "climate_change_relevant": False,
        "climate_change_reasoning": "Offices only; "
        "the hosting provider's sites are assessed in its own SMS.",
    }
    r = await client.post(url, json=body, headers=h)
    assert r.status_code == 201, r.text
    for kind, text in (("internal", "Small team"), ("external", "Cloud competition")):
        r = await client.post(f"{url}/issues", json={"kind": kind, "description": text}, headers=h)
        assert r.status_code == 201, r.text
    party = {"name": "Customers", "kind": "customer", "requirements": "Agreed service levels"}
    r = await client.post(f"{url}/parties", json=party, headers=h)
    assert r.status_code == 201, r.text
    r = await client.patch(
        url,
        json={"approved_on": on, "reviewed_on": on},
        headers={**h, "If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200, r.text
