"""Hostile input on every route: forged cursors, deep JSON, control characters, integers.

Every case is answered with an RFC 9457 problem and changes nothing, identically on
SQLite and PostgreSQL (SECURITY.md I1, I5; the issue "nothing acknowledged is ever lost").
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from tests.factories.auth import PASSWORD
from tests.factories.evidence import evidence_url, pdf_bytes
from tests.factories.findings import findings_url
from tests.hostile.conftest import World
from tests.hostile.routes import RouteCase, json_body_routes, list_routes, route_app

PROBLEM = "application/problem+json"
LISTS = list_routes()
JSON_ROUTES = json_body_routes()


def _b64(value: Any) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


FORGED_CURSORS = {
    "nulls": _b64([None, None]),
    "strings": _b64(["a", "b"]),
    "floats": _b64([1e30, 1e30]),
    "nested": _b64([[[1]], {"t": "dt", "v": [1]}]),
    "huge-int": _b64([2**40, 2**40]),
    "one-null": _b64([None]),
    "bool": _b64([True, False]),
    "bad-tag": _b64([{"t": "dt", "v": "not a date"}, {"t": "u", "v": "x"}]),
    "naive-datetime": _b64([{"t": "dt", "v": "2026-01-01T00:00:00"}, {"t": "u", "v": "0" * 32}]),
    "garbage": "!!not-base64!!",
    "not-json": _b64(b"\xff\xfe{["),
    "truncated": _b64([1])[:-1],
}


def assert_problem(r: httpx.Response, status: int, loc: list[Any] | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM, r.headers
    body: dict[str, Any] = r.json()
    assert body["status"] == status
    if loc is not None:
        assert [e["loc"] for e in body.get("errors", [])] == [loc], body
    return body


def test_every_list_is_discovered() -> None:
    # a guard against the discovery silently finding nothing
    assert len(LISTS) >= 20
    assert {"/api/v1/orgs/{org}/evidence", "/api/v1/frameworks"} <= {c.path for c in LISTS}


@pytest.mark.parametrize("case", LISTS, ids=lambda c: c.id)
async def test_forged_cursor_is_422_on_every_list(
    client: httpx.AsyncClient, world: World, case: RouteCase
) -> None:
    url = case.url(world.path_values)
    first = await client.get(url, params={"limit": 1}, headers=world.org.admin.headers)
    assert first.status_code == 200, first.text
    for name, cursor in FORGED_CURSORS.items():
        r = await client.get(url, params={"cursor": cursor}, headers=world.org.admin.headers)
        body = assert_problem(r, 422, ["query", "cursor"])
        assert body["detail"] == "The cursor is not valid for this list.", name
    # a real cursor still pages
    if first.json()["next_cursor"]:
        r = await client.get(
            url,
            params={"limit": 1, "cursor": first.json()["next_cursor"]},
            headers=world.org.admin.headers,
        )
        assert r.status_code == 200, r.text


def _deep(depth: int) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth


@pytest.mark.parametrize("case", JSON_ROUTES, ids=lambda c: c.id)
async def test_deep_or_malformed_json_is_400_before_parsing(
    hostile_client: httpx.AsyncClient, case: RouteCase
) -> None:
    headers = {"Content-Type": "application/json"}
    url = case.url()
    for body in (_deep(10_000), b"[" * 100_000, b'{"a":' + b"[" * 65 + b"]" * 65 + b"}"):
        r = await hostile_client.request(case.method, url, content=body, headers=headers)
        assert_problem(r, 400)
    r = await hostile_client.request(case.method, url, content=b'{"a": ', headers=headers)
    assert r.status_code in (400, 401), r.text  # the guard does not parse clean JSON
    # brackets inside strings are not nesting
    ok = json.dumps({"title": "[" * 5000 + "{" * 5000}).encode()
    r = await hostile_client.request(case.method, url, content=ok, headers=headers)
    assert r.status_code != 400, r.text


@pytest.mark.parametrize("case", JSON_ROUTES, ids=lambda c: c.id)
async def test_control_character_in_json_is_422_naming_the_field(
    hostile_client: httpx.AsyncClient, case: RouteCase
) -> None:
    url = case.url()
    for value, loc in (
        ({"title": "a\u0000b"}, ["body", "title"]),
        ({"items": [{"note": "x\u001fy"}]}, ["body", "items", 0, "note"]),
        ({"ok\u0007": 1}, ["body", "ok\u0007"]),
    ):
        r = await hostile_client.request(case.method, url, json=value)
        assert_problem(r, 422, loc)
    # tab, LF and CR are text; an escaped backslash before "u0000" is not a NUL
    r = await hostile_client.request(case.method, url, json={"t": "a\tb\nc\r\\u0000"})
    assert r.status_code != 422 or "Control characters" not in r.text, r.text


def test_json_routes_are_discovered() -> None:
    paths = {(c.method, c.path) for c in JSON_ROUTES}
    assert ("POST", "/api/v1/orgs/{org}/evidence") in paths
    assert ("POST", "/api/v1/auth/refresh") in paths
    assert len(JSON_ROUTES) >= 40


@pytest.fixture
async def hostile_client() -> Any:
    """The app with no database behind it: the guard answers before anything is read."""
    transport = httpx.ASGITransport(app=route_app(), client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


# --- control characters where data is stored: nothing is kept ------------------------------


async def _activity_count(client: httpx.AsyncClient, world: World) -> int:
    r = await client.get(f"/api/v1/orgs/{world.org.slug}/activity", headers=world.org.admin.headers)
    assert r.status_code == 200, r.text
    total: int = r.json()["total"]
    return total


async def test_nul_is_refused_everywhere_text_enters_and_nothing_is_stored(
    client: httpx.AsyncClient, world: World
) -> None:
    org, h = world.org, world.org.admin.headers
    before = await _activity_count(client, world)
    evidence_total = (await client.get(evidence_url(org), headers=h)).json()["total"]

    # JSON fields of several routes
    r = await client.post(evidence_url(org), json={"title": "x\x00", "kind": "policy"}, headers=h)
    assert_problem(r, 422, ["body", "title"])
    r = await client.post(
        findings_url(org),
        json={"grade": "observation", "statement": "ok", "evidence": [], "tags": ["a\x00"]},
        headers=h,
    )
    assert_problem(r, 422, ["body", "tags", 0])
    r = await client.post(f"/api/v1/orgs/{org.slug}/objectives", json={"title": "\x00"}, headers=h)
    assert_problem(r, 422, ["body", "title"])
    # a query parameter (a filter, and the raw upload's metadata)
    r = await client.get(evidence_url(org), params={"q": "a\x00"}, headers=h)
    assert_problem(r, 422, ["query", "q"])
    r = await client.put(
        evidence_url(org, "upload"),
        params={"title": "t\x01", "kind": "policy", "filename": "a.pdf"},
        content=pdf_bytes(),
        headers=h,
    )
    assert_problem(r, 422, ["query", "title"])
    # a path parameter
    r = await client.get(evidence_url(org, "E-1%00"), headers=h)
    assert_problem(r, 422, ["path"])
    # the login form
    r = await client.post(
        "/api/v1/auth/token", data={"username": "admin@acme.example\x00", "password": PASSWORD}
    )
    assert_problem(r, 422, ["body", "username"])
    r = await client.post(
        "/api/v1/auth/token",
        files={"username": (None, "admin\x00@acme.example"), "password": (None, PASSWORD)},
    )
    assert_problem(r, 422, ["body", "username"])
    # multipart metadata and a file name (streamed forms)
    r = await client.post(
        evidence_url(org),
        data={"title": "Policy\x00", "kind": "policy"},
        files={"file": ("policy.pdf", pdf_bytes(), "application/pdf")},
        headers=h,
    )
    assert_problem(r, 422, ["body", "title"])
    # (built by hand: httpx would percent-encode the NUL in a file name)
    form = (
        b'--b0\r\nContent-Disposition: form-data; name="title"\r\n\r\nPolicy\r\n'
        b'--b0\r\nContent-Disposition: form-data; name="kind"\r\n\r\npolicy\r\n'
        b'--b0\r\nContent-Disposition: form-data; name="file"; filename="pol\x00icy.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n" + pdf_bytes() + b"\r\n--b0--\r\n"
    )
    r = await client.post(
        evidence_url(org),
        content=form,
        headers={**h, "Content-Type": "multipart/form-data; boundary=b0"},
    )
    assert_problem(r, 422, ["body", "file", "filename"])
    # the raw upload's file name, as a query parameter or in Content-Disposition
    r = await client.put(
        evidence_url(org, "upload"),
        params={"title": "t", "kind": "policy", "filename": "a\x00.pdf"},
        content=pdf_bytes(),
        headers=h,
    )
    assert_problem(r, 422, ["query", "filename"])
    r = await client.put(
        evidence_url(org, "upload"),
        params={"title": "t", "kind": "policy"},
        content=pdf_bytes(),
        headers={**h, "Content-Disposition": "attachment; filename*=UTF-8''a%00.pdf"},
    )
    assert_problem(r, 422, ["header", "content-disposition"])
    # a header used as data
    r = await client.put(
        evidence_url(org, "upload"),
        params={"title": "t", "kind": "policy", "filename": "a.pdf"},
        content=pdf_bytes(),
        headers={**h, "Idempotency-Key": "k\x00"},
    )
    assert_problem(r, 422, ["header", "idempotency-key"])

    assert (await client.get(evidence_url(org), headers=h)).json()["total"] == evidence_total
    assert await _activity_count(client, world) == before


async def test_tab_newline_and_unicode_text_is_stored_verbatim(
    client: httpx.AsyncClient, world: World
) -> None:
    org, h = world.org, world.org.admin.headers
    text = "Line one\tcol\nLine two\r\n\u202e bidi and \u00e9"
    r = await client.post(
        evidence_url(org), json={"title": "Notes", "kind": "policy", "description": text}, headers=h
    )
    assert r.status_code == 201, r.text
    assert r.json()["description"] == text


# --- integers out of the databases' range ------------------------------------------------


async def test_integers_beyond_int32_are_422_not_a_database_error(
    client: httpx.AsyncClient, world: World
) -> None:
    org, h = world.org, world.org.admin.headers
    evidence_id = world.path_values["evidence_id"]
    for number in ("2147483648", "9223372036854775808", "99999999999999999999999"):
        for tail in ("", "/content"):
            r = await client.get(
                evidence_url(org, evidence_id, "versions", number) + tail, headers=h
            )
            assert_problem(r, 422, ["path", "number"])
    r = await client.get(evidence_url(org, evidence_id, "versions", "2147483647"), headers=h)
    assert_problem(r, 404)
    r = await client.post(
        findings_url(org),
        json={
            "grade": "observation",
            "statement": "ok",
            "evidence": [{"evidence_item_id": evidence_id, "version_number": 2**31}],
        },
        headers=h,
    )
    assert_problem(r, 422)
    r = await client.patch(
        f"/api/v1/orgs/{org.slug}/readiness/settings",
        json={"parameters": {"RDY-10": {"months": 2**31}}},
        headers={**h, "If-Match": '"1"'},
    )
    assert_problem(r, 422)


NASTY_DISPOSITIONS = [
    # (header, stored name or None for "no usable name": 422)
    ("attachment; filename*=punycode''%39%39%39", None),
    ("attachment; filename*=punycode''%39%39%39; filename=plain.pdf", "plain.pdf"),
    ("attachment; filename*=UTF-8''%ff%fe%fd; filename=fallback.pdf", "fallback.pdf"),
    ("attachment; filename*=UTF-8''%zz.pdf", None),
    ("attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf", "€ rates.pdf"),
    ("attachment; filename*=iso-8859-1'en'caf%E9.pdf", "café.pdf"),
    ("attachment; filename*=utf-7''%2BAGQ-.pdf", None),
    ("attachment; filename*=''", None),
    ("attachment; filename*=UTF-8''", None),
    ('attachment; filename="unterminated.pdf', '"unterminated.pdf'),
    ('attachment; filename="a\\"b.pdf"', 'a"b.pdf'),
    ("attachment;;;; filename=;", None),
    ("attachment; filename*=" + "%41" * 600, None),
    ("garbage without parameters", None),
]


async def test_content_disposition_never_raises(client: httpx.AsyncClient, world: World) -> None:
    org, h = world.org, world.org.admin.headers
    for header, stored in NASTY_DISPOSITIONS:
        r = await client.put(
            evidence_url(org, "upload"),
            params={"title": "Disposition", "kind": "policy"},
            content=pdf_bytes(),
            headers={**h, "Content-Disposition": header},
        )
        if stored is None:
            assert_problem(r, 422, ["query", "filename"])
        else:
            assert r.status_code == 201, (header, r.text)
            assert r.json()["current_version"]["filename"] == stored, header
