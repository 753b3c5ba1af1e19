"""Authentication costs one statement per request (issue 20): the user, the revocation
checks and, under ``/orgs/{org}``, the organisation and the membership are read together;
API tokens the same. The answers (401, 404, 403) are unchanged by the single statement."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import QueryCounter
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.evidence import bearer, create_token


def _reads(counter: QueryCounter) -> list[str]:
    return [s for s in counter.statements if s.lstrip().upper().startswith("SELECT")]


async def test_a_session_authenticates_in_one_statement(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    count_queries.statements.clear()
    r = await client.get("/api/v1/me", headers=org.admin.headers)
    assert r.status_code == 200
    me = list(count_queries.statements)
    count_queries.statements.clear()
    r = await client.get(f"/api/v1/orgs/{org.slug}", headers=org.admin.headers)
    assert r.status_code == 200 and r.json()["slug"] == org.slug
    # GET /orgs/{org} needs nothing but the organisation: the authentication statement
    # (user, revocation, organisation, membership) is all it sends
    assert len(count_queries.statements) == 1, count_queries.statements
    (statement,) = count_queries.statements
    assert "organisation" in statement and "membership" in statement
    assert "revoked_access_token" in statement and "refresh_token" in statement
    # outside /orgs/{org} the authentication statement reads no organisation
    assert "revoked_access_token" in me[0] and "membership" not in me[0], me


async def test_an_api_token_authenticates_in_one_statement(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    token = bearer((await create_token(client, org, ["read"]))["secret"])
    await client.get(f"/api/v1/orgs/{org.slug}", headers=token)  # records the first use
    count_queries.statements.clear()
    r = await client.get(f"/api/v1/orgs/{org.slug}", headers=token)
    assert r.status_code == 200
    assert len(count_queries.statements) == 1, count_queries.statements
    assert "api_token" in count_queries.statements[0]


@pytest.mark.parametrize("case", ["unknown slug", "other tenant", "removed member"])
async def test_not_a_member_is_404_after_the_same_single_read(
    client: httpx.AsyncClient, count_queries: QueryCounter, case: str
) -> None:
    org = await first_run(client)
    other = await second_org(client, org)
    viewer = await add_member(client, org, "viewer")
    slug, session = {
        "unknown slug": ("nowhere", org.admin),
        "other tenant": (other.slug, org.admin),
        "removed member": (org.slug, other.admin),  # second_org removed them from acme
    }[case]
    count_queries.statements.clear()
    r = await client.get(f"/api/v1/orgs/{slug}", headers=session.headers)
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    assert len(_reads(count_queries)) == 1, count_queries.statements
    # and a member still gets in (the same statement answered both ways)
    assert (await client.get(f"/api/v1/orgs/{org.slug}", headers=viewer.headers)).status_code == 200


async def test_an_api_token_is_refused_outside_its_organisation(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    other = await second_org(client, org)
    token = bearer((await create_token(client, org, ["read"]))["secret"])
    count_queries.statements.clear()
    # an API token acts in its own organisation only: anywhere else it is not valid
    r = await client.get(f"/api/v1/orgs/{other.slug}", headers=token)
    assert r.status_code == 401
    assert len(_reads(count_queries)) == 1, count_queries.statements
