"""One commit point: a commit that fails never follows a 200 (STYLE.md)."""

from __future__ import annotations

import httpx
from sqlalchemy import event
from sqlalchemy.orm import Session

from tests.factories.auth import first_run


async def test_failed_commit_is_an_error_response_and_nothing_changes(
    app, client: httpx.AsyncClient
) -> None:  # type: ignore[no-untyped-def]
    org = await first_run(client)
    # like uvicorn, answer with the 500 instead of re-raising into the test
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    raw = httpx.AsyncClient(transport=transport, base_url="http://testserver")

    def fail(session: Session) -> None:
        raise RuntimeError("disk on fire")

    event.listen(Session, "before_commit", fail)
    try:
        r = await raw.patch(
            f"/api/v1/orgs/{org.slug}",
            json={"name": "Never"},
            headers={**org.admin.headers, "If-Match": "*"},
        )
    finally:
        event.remove(Session, "before_commit", fail)
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/problem+json"
    assert "disk on fire" not in r.text
    after = await client.get(f"/api/v1/orgs/{org.slug}", headers=org.admin.headers)
    assert after.json()["name"] == "Acme IT"
