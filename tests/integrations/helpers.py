"""Signing like each vendor does, over the shared samples (copied from shared/samples)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from tests.factories.auth import OrgFixture

SAMPLES = Path(__file__).parent / "samples"
VECTORS: dict[str, Any] = json.loads((SAMPLES / "signature_test_vectors.json").read_text())
PROBLEM = "application/problem+json"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def integrations_url(org: OrgFixture) -> str:
    return f"/api/v1/orgs/{org.slug}/integrations"


async def create_integration(
    client: httpx.AsyncClient,
    org: OrgFixture,
    source: str,
    secret: str | None = None,
    mapping: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"name": f"{source} desk", "source": source}
    if secret is not None:
        body["secret"] = secret
    if mapping is not None:
        body["mapping"] = mapping
    r = await client.post(integrations_url(org), json=body, headers=org.admin.headers)
    assert r.status_code == 201, r.text
    created: dict[str, Any] = r.json()
    return created


def hub(secret: str, body: bytes, digest: str = "sha256") -> str:
    return f"{digest}=" + hmac.new(secret.encode(), body, digest).hexdigest()


def glpi_headers(secret: str, body: bytes, stamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if stamp is None else stamp)
    sig = hmac.new(secret.encode(), body + ts.encode(), hashlib.sha256).hexdigest()
    return {"X-GLPI-signature": sig, "X-GLPI-timestamp": ts}


def standard_headers(
    secret: str, msg_id: str, body: bytes, stamp: int | None = None
) -> dict[str, str]:
    ts = str(int(time.time()) if stamp is None else stamp)
    key = base64.b64decode(secret.removeprefix("whsec_"))
    sig = base64.b64encode(hmac.new(key, f"{msg_id}.{ts}.".encode() + body, "sha256").digest())
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": ts,
        "webhook-signature": f"v1,{sig.decode()}",
    }


async def post_hook(
    client: httpx.AsyncClient,
    integration: dict[str, Any],
    body: bytes,
    headers: dict[str, str],
    params: dict[str, str] | None = None,
) -> httpx.Response:
    return await client.post(
        integration["receiver_path"],
        content=body,
        headers={"Content-Type": "application/json", **headers},
        params=params,
    )


async def records(
    client: httpx.AsyncClient, org: OrgFixture, **params: str
) -> list[dict[str, Any]]:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/itsm-records", params=params, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def record(client: httpx.AsyncClient, org: OrgFixture, record_id: str) -> dict[str, Any]:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/itsm-records/{record_id}", headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


async def deliveries(
    client: httpx.AsyncClient, org: OrgFixture, integration: dict[str, Any]
) -> list[dict[str, Any]]:
    r = await client.get(
        f"{integrations_url(org)}/{integration['id']}/deliveries", headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def read_integration(
    client: httpx.AsyncClient, org: OrgFixture, integration: dict[str, Any]
) -> dict[str, Any]:
    r = await client.get(f"{integrations_url(org)}/{integration['id']}", headers=org.admin.headers)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


# --- one adapter per source: what each tool sends and how it signs (the test matrix) ------

BASE = datetime(2025, 11, 24, 8, 0, tzinfo=UTC)
NOT_JSON = b"not json at all"


def _stamp(hours: float, fmt: str) -> str:
    return (BASE + timedelta(hours=hours)).strftime(fmt)


@dataclass(frozen=True)
class Source:
    """How one tool builds and signs a delivery, over the shared samples and vectors.

    ``body(ticket, version)`` is the tool's body for its record number ``ticket`` at
    ``version`` (1, 2, 3: later versions are newer by the tool's change counter or
    modification time, with ``status(version)``); ticket 0 is the sample's record.
    ``sign(body, delivery)`` the headers of a delivery with the tool's replay handle
    ``delivery`` where the tool has one (a retry keeps it)."""

    name: str
    secret: str
    sample: bytes
    # the shared vector's headers for ``sample`` (None: no vector for this tool)
    vector: dict[str, str] | None
    # what the sample becomes
    expected: dict[str, Any]
    verification: str
    signature_headers: tuple[str, ...]
    # settings a vector needs (its timestamp is fixed)
    vector_settings: dict[str, Any] = field(default_factory=dict)
    # a timestamped scheme: the setting of its window
    window_setting: str | None = None
    # the normalised status of versions 1, 2, 3 (Zammad closes where others resolve)
    statuses: tuple[str, str, str] = ("open", "in_progress", "resolved")

    def __str__(self) -> str:
        return self.name

    def status(self, version: int) -> str:
        return self.statuses[version - 1]

    def body(self, ticket: int = 0, version: int = 1) -> bytes:
        return _BODIES[self.name](self, ticket, version)

    def sign(
        self,
        body: bytes,
        delivery: str = "d-1",
        secret: str | None = None,
        stamp: int | None = None,
    ) -> dict[str, str]:
        return _SIGNERS[self.name](secret or self.secret, body, delivery, stamp)

    def another_secret(self) -> str:
        """A secret of the tool's form that is not this integration's."""
        other = "another-secret-value-0123"
        if self.name == "generic":
            return "whsec_" + base64.b64encode(other.encode()).decode()
        return other

    def wrong_scheme(self, body: bytes, delivery: str = "d-1") -> dict[str, str]:
        """Signed with the right secret, but not the tool's scheme (algorithm, message)."""
        return _WRONG[self.name](self.secret, body, delivery)

    def unmappable(self) -> list[bytes]:
        """Signed-able bodies no record can be built from (not JSON, no id)."""
        return [NOT_JSON, b"[1, 2]", _NO_ID[self.name]]

    def vector_delivery(self) -> dict[str, str]:
        """The headers the shared vector gives the sample (plus a replay handle)."""
        if self.vector is None:
            return self.sign(self.sample)
        extra = {"jira": {"X-Atlassian-Webhook-Identifier": "vector-1"}}.get(self.name, {})
        return {**self.vector, **extra}


def _jira_body(src: Source, ticket: int, version: int) -> bytes:
    body = json.loads(src.sample)
    issue = body["issue"]
    if ticket:
        issue["id"], issue["key"] = str(20000 + ticket), f"ITSM-{20000 + ticket}"
    body["webhookEvent"] = "jira:issue_created" if version == 1 else "jira:issue_updated"
    body["timestamp"] = int((BASE + timedelta(hours=version)).timestamp() * 1000)
    fields = issue["fields"]
    category, name = {1: ("new", "Waiting for support"), 2: ("indeterminate", "In progress")}.get(
        version, ("done", "Resolved")
    )
    fields["status"]["statusCategory"]["key"], fields["status"]["name"] = category, name
    fields["updated"] = _stamp(version, "%Y-%m-%dT%H:%M:%S.000+0000")
    fields["resolutiondate"] = fields["updated"] if version >= 3 else None
    return json.dumps(body).encode()


def _snow_body(src: Source, ticket: int, version: int) -> bytes:
    body = json.loads(src.sample)
    rec = body["result"]
    if ticket:
        rec["sys_id"], rec["number"] = f"{ticket:032x}", f"INC{ticket:07d}"
    rec["state"] = {1: "1", 2: "2"}.get(version, "6")
    rec["sys_mod_count"] = str(version)
    rec["sys_updated_on"] = _stamp(version, "%Y-%m-%d %H:%M:%S")
    rec["resolved_at"] = rec["sys_updated_on"] if version >= 3 else ""
    rec["closed_at"] = ""
    return json.dumps(body).encode()


def _glpi_body(src: Source, ticket: int, version: int) -> bytes:
    body = json.loads(src.sample)
    item = body["item"]
    if ticket:
        item["id"] = 50000 + ticket
    item["status"] = {
        1: {"id": 1, "name": "New"},
        2: {"id": 2, "name": "Processing (assigned)"},
    }.get(version, {"id": 5, "name": "Solved"})
    item["date_mod"] = _stamp(version, "%Y-%m-%dT%H:%M:%S+00:00")
    body["event"] = "new" if version == 1 else "update"
    return json.dumps(body, indent=4).encode()


ZAMMAD_SAMPLE = json.dumps(
    {
        "ticket": {
            "id": 77,
            "number": "31077",
            "title": "VPN down",
            "state": "open",
            "priority": "3 high",
            "group": "Users",
            "organization": {"name": "Acme"},
            "created_at": "2025-11-24T08:00:00.000Z",
            "updated_at": "2025-11-24T08:05:00.000Z",
            "custom_field": None,
        },
        "article": {"body": "VPN down", "internal": False},
    }
).encode()


def _zammad_body(src: Source, ticket: int, version: int) -> bytes:
    body = json.loads(src.sample)
    t = body["ticket"]
    if ticket:
        t["id"], t["number"] = 70000 + ticket, str(370000 + ticket)
    # Zammad's default states: new, open, closed (no "resolved")
    t["state"] = {1: "new", 2: "open"}.get(version, "closed")
    t["updated_at"] = _stamp(version, "%Y-%m-%dT%H:%M:%S.000Z")
    return json.dumps(body).encode()


def _generic_body(src: Source, ticket: int, version: int) -> bytes:
    body = json.loads(src.sample)
    data = body["data"]
    if ticket:
        data["id"] = f"NC-{ticket}"
    body["type"] = "finding.created" if version == 1 else "finding.updated"
    updated = _stamp(version, "%Y-%m-%dT%H:%M:%SZ")
    data.update(status=src.status(min(version, 3)), version=version, updated_at=updated)
    data["resolved_at"] = updated if version >= 3 else None
    return json.dumps(body).encode()


_BODIES = {
    "jira": _jira_body,
    "servicenow": _snow_body,
    "glpi": _glpi_body,
    "zammad": _zammad_body,
    "generic": _generic_body,
}

_SIGNERS = {
    "jira": lambda s, b, d, t: {"X-Hub-Signature": hub(s, b), "X-Atlassian-Webhook-Identifier": d},
    "servicenow": lambda s, b, d, t: {"X-Signature": hub(s, b)},
    "glpi": lambda s, b, d, t: glpi_headers(s, b, t),
    "zammad": lambda s, b, d, t: {"X-Hub-Signature": hub(s, b, "sha1"), "X-Zammad-Delivery": d},
    "generic": lambda s, b, d, t: standard_headers(s, d, b, t),
}


def _glpi_without_timestamp(secret: str, body: bytes) -> dict[str, str]:
    sig = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"X-GLPI-signature": sig, "X-GLPI-timestamp": str(int(time.time()))}


def _standard_without_id(secret: str, body: bytes, delivery: str) -> dict[str, str]:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    sig = base64.b64encode(hmac.new(key, body, "sha256").digest()).decode()
    return {
        "webhook-id": delivery,
        "webhook-timestamp": str(int(time.time())),
        "webhook-signature": f"v1,{sig}",
    }


_WRONG = {
    "jira": lambda s, b, d: {
        "X-Hub-Signature": hub(s, b, "sha1"),
        "X-Atlassian-Webhook-Identifier": d,
    },
    "servicenow": lambda s, b, d: {"X-Signature": hub(s, b, "sha1")},
    "glpi": lambda s, b, d: _glpi_without_timestamp(s, b),
    "zammad": lambda s, b, d: {"X-Hub-Signature": hub(s, b), "X-Zammad-Delivery": d},
    "generic": _standard_without_id,
}

_NO_ID = {
    "jira": b'{"webhookEvent": "jira:issue_created", "issue": {"fields": {"summary": "x"}}}',
    "servicenow": b'{"result": {"number": "INC0099999", "state": "1"}}',
    "glpi": b'{"event": "new", "item": {"name": "no id"}}',
    "zammad": b'{"ticket": {"title": "no id", "state": "new"}}',
    "generic": b'{"type": "finding.created", "data": {"title": "no id"}}',
}

SOURCES = (
    Source(
        "jira",
        VECTORS["jira_admin_webhook_created"]["secret"],
        sample("jira_issue_created.json"),
        VECTORS["jira_admin_webhook_created"]["headers"],
        {
            "external_key": "ITSM-142",
            "external_id": "10231",
            "kind": "incident",
            "status": "open",
            "priority": "high",
        },
        "hmac-sha256",
        ("X-Hub-Signature",),
    ),
    Source(
        "servicenow",
        "servicenow-test-secret",
        sample("servicenow_incident.json"),
        None,
        {
            "external_key": "INC0010042",
            "external_id": "1c741bd70b2322007518478d83673af3",
            "kind": "incident",
            "status": "closed",
            "priority": "critical",
            "change_counter": 9,
        },
        "hmac-sha256",
        ("X-Signature",),
    ),
    Source(
        "glpi",
        VECTORS["glpi"]["secret"],
        sample("glpi_ticket_webhook.json"),
        VECTORS["glpi"]["headers"],
        {
            "external_key": "1287",
            "external_id": "Ticket:1287",
            "kind": "incident",
            "status": "open",
            "priority": "critical",
        },
        "hmac-sha256",
        ("X-GLPI-signature",),
        vector_settings={"glpi_timestamp_tolerance_seconds": 10**9},
        window_setting="glpi_timestamp_tolerance_seconds",
    ),
    Source(
        "zammad",
        "zammad-test-secret",
        ZAMMAD_SAMPLE,
        None,
        {
            "external_key": "31077",
            "external_id": "77",
            "kind": "incident",
            "status": "in_progress",
            "priority": "high",
        },
        "hmac-sha1",
        ("X-Hub-Signature",),
        statuses=("open", "in_progress", "closed"),
    ),
    Source(
        "generic",
        VECTORS["standard_webhooks_outbound"]["secret"],
        VECTORS["standard_webhooks_outbound"]["body_utf8"].encode(),
        VECTORS["standard_webhooks_outbound"]["headers"],
        {"external_key": None, "external_id": "NC-2025-04-01", "kind": "other", "status": "open"},
        "standard-webhooks-v1",
        ("webhook-signature",),
        vector_settings={"standard_webhooks_tolerance_seconds": 10**9},
        window_setting="standard_webhooks_tolerance_seconds",
    ),
)
