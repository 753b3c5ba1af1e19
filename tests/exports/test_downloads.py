"""Download tickets and HEAD on the downloads (issue 16).

A browser saves an export by navigating to a ticketed URL (no bearer token, streamed to
disk): the ticket works once, for its URL and user, within 60 seconds; anything else is
the same 401. HEAD answers the headers without making the file (nothing logged).
"""

from __future__ import annotations

import io
import uuid
import zipfile
from datetime import datetime, timedelta
from typing import Any

import httpx
from certready.config import Settings
from certready.core.clock import utcnow
from certready.core.security import create_access_token, create_download_ticket

from tests.conftest import QueryCounter
from tests.factories.auth import OrgFixture, Session, add_member, first_run, second_org
from tests.factories.evidence import bearer, create_token, pdf_bytes, upload_new

PACK = "evidence-pack.zip"
MATRIX = "compliance-matrix.xlsx"
READINESS = "readiness-report.pdf"


def export_url(slug: str, name: str, query: str = "") -> str:
    return f"/api/v1/orgs/{slug}/exports/{name}" + (f"?{query}" if query else "")


async def ticket(
    client: httpx.AsyncClient, slug: str, url: str, who: Session, expect: int = 200
) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/orgs/{slug}/exports/download-tickets", json={"url": url}, headers=who.headers
    )
    assert r.status_code == expect, r.text
    return dict(r.json())


async def exports_logged(client: httpx.AsyncClient, org: OrgFixture) -> list[dict[str, Any]]:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "export.generated"},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def test_a_ticket_downloads_once_without_the_header(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    data = pdf_bytes(2000)
    await upload_new(client, org, data, params={"requirement": "8.5.1.2"})
    url = export_url(org.slug, PACK, "versions=all&clause=8.5")
    t = await ticket(client, org.slug, url, org.admin)
    # the parameters are put in one order; the ticket names the URL it is for
    assert t["url"].startswith(export_url(org.slug, PACK, "clause=8.5&versions=all&ticket="))
    assert 0 < (datetime.fromisoformat(t["expires_at"]) - utcnow()).total_seconds() <= 60
    r = await client.get(t["url"])  # no Authorization header
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/zip"
    assert int(r.headers["content-length"]) == len(r.content)
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        assert any(n.endswith("/SHA256SUMS") for n in z.namelist())
    (entry,) = await exports_logged(client, org)
    assert entry["actor_name"] == "Ada Admin"
    again = await client.get(t["url"])
    assert again.status_code == 401
    assert again.headers["content-type"] == "application/problem+json"
    assert len(await exports_logged(client, org)) == 1
    # the matrix and the PDF the same way
    for name, media in ((MATRIX, "spreadsheetml"), (READINESS, "application/pdf")):
        t = await ticket(client, org.slug, export_url(org.slug, name), org.admin)
        r = await client.get(t["url"])
        assert r.status_code == 200 and media in r.headers["content-type"], name
    # and an evidence file
    content = f"/api/v1/orgs/{org.slug}/evidence/E-1/versions/1/content"
    t = await ticket(client, org.slug, content, org.admin)
    r = await client.get(t["url"])
    assert r.status_code == 200 and r.content == data


async def test_a_ticket_is_for_its_url_user_and_minute(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    org = await first_run(client)
    await upload_new(client, org, pdf_bytes(500))
    pack = export_url(org.slug, PACK)
    t = await ticket(client, org.slug, pack + "?clause=8.5", org.admin)
    token = t["url"].rsplit("ticket=", 1)[1]
    # another download, other filters, a second ticket, a write method: refused
    for url in (
        export_url(org.slug, MATRIX, f"ticket={token}"),
        export_url(org.slug, PACK, f"ticket={token}"),
        export_url(org.slug, PACK, f"clause=8.6&ticket={token}"),
        export_url(org.slug, PACK, f"clause=8.5&ticket={token}&ticket={token}"),
        f"/api/v1/orgs/{org.slug}/evidence?clause=8.5&ticket={token}",
    ):
        r = await client.get(url)
        assert r.status_code == 401, (url, r.status_code)
    r = await client.post(t["url"])
    assert r.status_code in (401, 405)
    # a ticket is no bearer token, and a bearer token is no ticket
    r = await client.get(f"/api/v1/orgs/{org.slug}/evidence", headers=bearer(token))
    assert r.status_code == 401
    access = org.admin.headers["Authorization"].removeprefix("Bearer ")
    r = await client.get(export_url(org.slug, PACK, f"ticket={access}"))
    assert r.status_code == 401
    # expired (made a minute and a half ago) and forged (other key)
    user = uuid.UUID(org.admin.user_id)
    old, _ = create_download_ticket(settings, user, 0, pack, now=utcnow() - timedelta(seconds=90))
    assert (await client.get(f"{pack}?ticket={old}")).status_code == 401
    other = settings.model_copy(update={"secret_key": None, "data_dir": settings.data_dir / "x"})
    forged, _ = create_download_ticket(other, user, 0, pack)
    assert (await client.get(f"{pack}?ticket={forged}")).status_code == 401
    # an access token's claims in a ticket's place: wrong type and audience
    wrong, _ = create_access_token(settings, user, 0, uuid.uuid4())
    assert (await client.get(f"{pack}?ticket={wrong}")).status_code == 401
    # still good: the ticket itself, for its URL
    assert (await client.get(t["url"])).status_code == 200


async def test_ticket_urls_are_the_organisations_downloads(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    globex = await second_org(client, org)
    # another organisation's ticket endpoint is the same 404 as one that does not exist
    await ticket(client, globex.slug, export_url(globex.slug, PACK), org.admin, expect=404)
    # another organisation's download, or anything but a download: 422
    for url in (
        export_url(globex.slug, PACK),
        f"/api/v1/orgs/{org.slug}/evidence",
        f"https://evil.example/api/v1/orgs/{org.slug}/exports/{PACK}",
        export_url(org.slug, PACK, "ticket=x"),
    ):
        body = await ticket(client, org.slug, url, org.admin, expect=422)
        assert body["type"].endswith("validation-error"), url
    # a globex ticket cannot be moved to acme's URL
    t = await ticket(client, globex.slug, export_url(globex.slug, PACK), globex.admin)
    moved = t["url"].replace(f"/orgs/{globex.slug}/", f"/orgs/{org.slug}/")
    assert (await client.get(moved)).status_code == 401
    # a member of acme only cannot use a ticket naming globex: 404 like any other route
    viewer = await add_member(client, org, "viewer")
    own = await ticket(client, org.slug, export_url(org.slug, PACK), viewer)
    assert (await client.get(own["url"])).status_code == 200
    # API tokens send their header: no tickets for them
    token = await create_token(client, org, ["read"])
    r = await client.post(
        f"/api/v1/orgs/{org.slug}/exports/download-tickets",
        json={"url": export_url(org.slug, PACK)},
        headers=bearer(token["secret"]),
    )
    assert r.status_code == 403


async def test_a_ticket_is_checked_against_the_role_when_used(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    viewer = await add_member(client, org, "viewer")
    t = await ticket(client, org.slug, export_url(org.slug, READINESS), viewer)
    r = await client.delete(
        f"/api/v1/orgs/{org.slug}/members/{viewer.user_id}", headers=org.admin.headers
    )
    assert r.status_code == 204, r.text
    assert (await client.get(t["url"])).status_code in (401, 404)


async def test_head_answers_headers_without_making_the_file(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    for i in range(3):
        await upload_new(client, org, pdf_bytes(3000 + i), title=f"Policy {i}")
    pack = export_url(org.slug, PACK)
    count_queries.count = 0
    head = await client.head(pack, headers=org.admin.headers)
    head_cost = count_queries.count
    assert head.status_code == 200, head.text
    assert head.content == b""
    assert head.headers["content-type"] == "application/zip"
    assert await exports_logged(client, org) == []
    count_queries.count = 0
    get = await client.get(pack, headers=org.admin.headers)
    get_cost = count_queries.count
    assert get.status_code == 200
    assert head.headers["content-length"] == get.headers["content-length"]
    assert head.headers["content-disposition"] == get.headers["content-disposition"]
    assert head_cost < get_cost, (head_cost, get_cost)
    assert len(await exports_logged(client, org)) == 1
    # with the matrix inside the size is known only once it is written: no length, no matrix
    head = await client.head(pack + "?compliance_matrix=true", headers=org.admin.headers)
    assert head.status_code == 200 and "content-length" not in head.headers
    for name, media in ((MATRIX, "spreadsheetml"), (READINESS, "application/pdf")):
        head = await client.head(export_url(org.slug, name), headers=org.admin.headers)
        assert head.status_code == 200 and media in head.headers["content-type"], name
        assert "content-length" not in head.headers
        assert head.headers["content-disposition"].startswith("attachment; filename=")
    assert len(await exports_logged(client, org)) == 1
    # the filters are still checked (422), and HEAD keeps the ticket for the GET
    r = await client.head(pack + "?clause=99", headers=org.admin.headers)
    assert r.status_code == 422
    t = await ticket(client, org.slug, pack, org.admin)
    assert (await client.head(t["url"])).status_code == 200
    assert (await client.get(t["url"])).status_code == 200
    assert (await client.get(t["url"])).status_code == 401
