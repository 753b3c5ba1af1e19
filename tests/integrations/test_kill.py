"""SIGKILL a real server during a burst of signed deliveries: every delivery that got a 2xx
is there after the restart (the answer comes only after the delivery's commit)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from tests.evidence.live import LiveServer, database_url
from tests.factories.auth import first_run
from tests.integrations.helpers import hub

SENDERS = 8
BURST = 400
KILL_AFTER = 60  # acknowledged deliveries before the kill


def _body(n: int) -> bytes:
    return json.dumps(
        {"ticket": {"id": n, "number": str(30000 + n), "title": f"T{n}", "state": "new"}}
    ).encode()


async def _burst(server: LiveServer, path: str, secret: str) -> tuple[set[str], int]:
    acked: set[str] = set()
    failures = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(BURST):
        queue.put_nowait(n)
    killed = asyncio.Event()

    async def sender() -> None:
        nonlocal failures
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as c:
            while not queue.empty():
                n = queue.get_nowait()
                body = _body(n)
                headers = {
                    "X-Hub-Signature": hub(secret, body, "sha1"),
                    "X-Zammad-Delivery": f"d{n}",
                }
                try:
                    r = await c.post(path, content=body, headers=headers)
                except httpx.HTTPError:
                    failures += 1
                    if killed.is_set():
                        return
                    continue
                if r.status_code == 200:
                    acked.add(r.json()["delivery_id"])
                if len(acked) >= KILL_AFTER and not killed.is_set():
                    killed.set()
                    await asyncio.to_thread(server.kill)

    await asyncio.gather(*(sender() for _ in range(SENDERS)))
    return acked, failures


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_every_acknowledged_delivery_survives_sigkill(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if kind == "postgresql":
        request.getfixturevalue("postgresql_target")  # skips/fails like every PostgreSQL test
    with database_url(kind, tmp_path) as url:
        server = LiveServer(tmp_path / "data", url)
        server.start()
        try:

            async def prepare() -> tuple[str, dict[str, str], str, str, str]:
                async with httpx.AsyncClient(base_url=server.url, timeout=60) as c:
                    org = await first_run(c)
                    r = await c.post(
                        f"/api/v1/orgs/{org.slug}/integrations",
                        json={"name": "Zammad", "source": "zammad"},
                        headers=org.admin.headers,
                    )
                    assert r.status_code == 201, r.text
                    body = r.json()
                    return (
                        org.slug,
                        org.admin.headers,
                        body["id"],
                        body["receiver_path"],
                        body["secret"],
                    )

            slug, headers, integration_id, path, secret = asyncio.run(prepare())
            acked, failures = asyncio.run(_burst(server, path, secret))
            assert len(acked) >= KILL_AFTER
            assert failures > 0 and len(acked) < BURST  # the kill did interrupt the burst
            server.start()

            async def stored() -> set[str]:
                found: set[str] = set()
                cursor = None
                async with httpx.AsyncClient(base_url=server.url, timeout=60) as c:
                    while True:
                        params = {"limit": "500", **({"cursor": cursor} if cursor else {})}
                        r = await c.get(
                            f"/api/v1/orgs/{slug}/integrations/{integration_id}/deliveries",
                            params=params,
                            headers=headers,
                        )
                        assert r.status_code == 200, r.text
                        found |= {d["id"] for d in r.json()["items"]}
                        cursor = r.json()["next_cursor"]
                        if not cursor:
                            return found

            present = asyncio.run(stored())
            assert acked <= present, f"{len(acked - present)} acknowledged deliveries lost"
        finally:
            server.stop()
