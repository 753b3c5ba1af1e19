"""A real uvicorn server keeps a keep-alive connection open after a 500 and after
hostile requests (the issue: after some 500s the connection was reset).

Starlette's outermost error middleware re-raises after answering, and uvicorn then
closes the connection; ``UnexpectedErrorMiddleware`` answers instead. The 500 here is
a real one: a row corrupted behind the application's back.
"""

from __future__ import annotations

import http.client
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from tests.evidence.live import LiveServer, database_url, setup_org
from tests.factories.evidence import pdf_bytes
from tests.hostile.routes import list_routes
from tests.hostile.test_input import FORGED_CURSORS


@pytest.fixture(params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[LiveServer, str]]:
    try:
        db_ctx = database_url(request.param, tmp_path)
        db_url = db_ctx.__enter__()
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    server = LiveServer(tmp_path / "data", db_url)
    try:
        server.start()
        yield server, db_url
    finally:
        server.stop()
        db_ctx.__exit__(None, None, None)


def _corrupt_kind(db_url: str, evidence_id: str) -> None:
    """An unknown enum value written straight into the table (a bad restore, a bad script)."""
    sql = "UPDATE evidence SET kind = 'not-a-kind' WHERE id = %s"
    if db_url.startswith("sqlite"):
        with sqlite3.connect(db_url.split("///", 1)[1]) as conn:
            conn.execute(sql.replace("%s", "?"), (evidence_id.replace("-", ""),))
        return
    with psycopg.connect(db_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute(sql, (evidence_id,))


class Connection:
    """One HTTP/1.1 connection that must never be replaced."""

    def __init__(self, server: LiveServer, headers: dict[str, str]) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        self.headers = headers
        self.conn.connect()
        self.sock = self.conn.sock
        self.local = self.sock.getsockname()

    def get(self, path: str) -> tuple[int, dict[str, str], Any]:
        self.conn.request("GET", path, headers=self.headers)
        resp = self.conn.getresponse()
        body = resp.read()
        assert not resp.will_close, f"{path}: the server closed the connection"
        # http.client reconnects silently when its socket is gone: it must be the same one
        assert self.conn.sock is self.sock and self.sock.getsockname() == self.local
        headers = {k.lower(): v for k, v in resp.getheaders()}
        return resp.status, headers, json.loads(body) if body else None


@pytest.mark.slow
def test_a_500_and_hostile_requests_keep_the_connection(live: tuple[LiveServer, str]) -> None:
    server, db_url = live
    slug, admin = setup_org(server.url)
    with httpx.Client(base_url=server.url, timeout=30, headers=admin) as c:
        r = c.put(
            f"/api/v1/orgs/{slug}/evidence/upload",
            params={"title": "Policy", "kind": "policy", "filename": "policy.pdf"},
            content=pdf_bytes(),
        )
        assert r.status_code == 201, r.text
        evidence_id = r.json()["id"]
        r = c.post(
            f"/api/v1/orgs/{slug}/objectives",
            json={
                "title": "Resolve incidents on time",
                "metric": "P1 within SLA",
                "unit": "%",
                "target": 95,
                "direction": "at_least",
                "frequency": "quarterly",
            },
        )
        assert r.status_code == 201, r.text
        values = {"org": slug, "evidence_id": evidence_id, "objective_id": r.json()["id"]}
        # the parents of the other sub-lists (every list route is hit below)
        for key, path, body in (
            ("plan_id", "continuity-plans", {"title": "Data centre loss"}),
            ("definition_id", "report-definitions", {"title": "SLA", "frequency": "monthly"}),
            ("supplier_id", "suppliers", {"name": "Northwind", "kind": "external"}),
            ("integration_id", "integrations", {"name": "Jira desk", "source": "jira"}),
        ):
            r = c.post(f"/api/v1/orgs/{slug}/{path}", json=body)
            assert r.status_code == 201, r.text
            values[key] = r.json()["id"]
    conn = Connection(server, admin)
    assert conn.get("/api/v1/health")[0] == 200

    _corrupt_kind(db_url, evidence_id)
    for _ in range(3):
        status, headers, body = conn.get(f"/api/v1/orgs/{slug}/evidence/{evidence_id}")
        assert status == 500
        assert headers["content-type"] == "application/problem+json"
        assert body["detail"] == "An unexpected error occurred."  # no internals
        assert "strict-transport-security" in headers
        assert conn.get("/api/v1/health")[0] == 200

    for case in list_routes():
        for cursor in (FORGED_CURSORS["strings"], FORGED_CURSORS["floats"]):
            status, _h, _b = conn.get(f"{case.url(values)}?cursor={cursor}")
            assert status == 422, case.id
    status, _h, _b = conn.get(f"/api/v1/orgs/{slug}/evidence/{evidence_id}/versions/2147483648")
    assert status == 422
    assert conn.get(f"/api/v1/orgs/{slug}/evidence?q=%00")[0] == 422
    assert conn.get("/api/v1/me")[0] == 200
    assert "unhandled error on GET" in server.log.read_text()
