"""Uploads: streamed into the store, immutable versions, limits, types, names (SECURITY.md U1-U10)."""

from __future__ import annotations

import hashlib
import io
import os
import unicodedata
import zipfile
from collections.abc import AsyncIterator
from urllib.parse import quote

import httpx
import pytest
from certready.config import Settings
from certready.db.session import Database
from certready.evidence.uploads import sanitize_filename
from hypothesis import given as _given
from hypothesis import strategies as st

from tests.evidence.conftest import SMALL_LIMIT, blobs, count_rows, temp_files
from tests.factories.auth import add_member, first_run, second_org
from tests.factories.evidence import (
    create_statement,
    evidence_url,
    pdf_bytes,
    png_bytes,
    sha256,
    upload_new,
    upload_version,
)

PROBLEM = "application/problem+json"


async def _chunks(data: bytes, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


async def test_raw_upload_creates_item_and_first_version(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    org = await first_run(client)
    data = pdf_bytes(3 * 1024 * 1024 + 17)
    r = await upload_new(
        client,
        org,
        data,
        params={
            "requirement": ["8.6.1", "5.2"],
            "fulfils": ["D2"],
            "tag": ["policy", "2026"],
            "valid_until": "2027-01-31",
            "external_ref": "https://ci.example/run/42",
        },
    )
    body = r.json()
    assert body["key"] == "E-1"
    assert body["status"] == "draft"
    assert body["allowed_transitions"] == ["in_review"]
    assert body["source"] == "api"
    assert sorted(body["requirement_refs"]) == ["5.2", "8.6.1"]
    assert body["documented_information_keys"] == ["D2"]
    version = body["current_version"]
    assert version["number"] == 1
    assert version["sha256"] == sha256(data)
    assert version["size"] == len(data)
    assert version["media_type"] == "application/pdf"
    assert version["filename"] == "policy.pdf"
    # stored content-addressed inside the org's namespace, read-only, nothing left in tmp
    stored = settings.evidence_dir / org.id / version["sha256"][:2] / version["sha256"]
    assert stored.read_bytes() == data
    assert not os.access(stored, os.W_OK) or os.geteuid() == 0
    assert stored.stat().st_mode & 0o222 == 0
    assert temp_files(settings) == []


async def test_multipart_create_with_file_streams_into_the_store(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    org = await first_run(client)
    data = pdf_bytes(2 * 1024 * 1024)
    r = await client.post(
        evidence_url(org),
        data={
            "title": "Change management procedure",
            "kind": "procedure",
            "requirement_refs": ["8.5.1.1", "8.5.1.2"],
            "documented_information_keys": "D10",
            "tags": ["change"],
        },
        files={"file": ("change procedure.pdf", data, "application/pdf")},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["source"] == "ui"
    assert body["requirement_refs"] == ["8.5.1.1", "8.5.1.2"]
    assert body["current_version"]["sha256"] == sha256(data)
    assert body["current_version"]["filename"] == "change procedure.pdf"
    assert len(blobs(settings)) == 1
    assert temp_files(settings) == []


async def test_json_create_makes_a_file_less_statement(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    body = await create_statement(client, org, requirement_refs=["8.2.3"])
    assert body["current_version"] is None
    assert body["version_count"] == 0
    assert body["kind"] == "statement"
    assert body["requirement_refs"] == ["8.2.3"]


async def test_new_versions_append_and_never_change_earlier_ones(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    org = await first_run(client)
    first = pdf_bytes(10_000)
    item = (await upload_new(client, org, first)).json()
    second = pdf_bytes(20_000)
    v2 = (await upload_version(client, org, item["id"], second)).json()
    assert v2["number"] == 2
    assert v2["evidence_id"] == item["id"]
    third = png_bytes()
    r = await client.post(
        evidence_url(org, item["key"], "versions"),
        files={"file": ("screen.png", third, "image/png")},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    assert r.json()["number"] == 3
    assert r.json()["media_type"] == "image/png"
    versions = (
        await client.get(evidence_url(org, item["id"], "versions"), headers=org.admin.headers)
    ).json()
    assert [v["number"] for v in versions["items"]] == [3, 2, 1]
    for number, data in ((1, first), (2, second), (3, third)):
        content = await client.get(
            evidence_url(org, item["id"], "versions", str(number), "content"),
            headers=org.admin.headers,
        )
        assert content.content == data
    # versions cannot be modified or deleted through the API
    for method in ("PUT", "PATCH", "DELETE"):
        r = await client.request(
            method,
            evidence_url(org, item["id"], "versions", "1"),
            headers=org.admin.headers,
        )
        assert r.status_code == 405, (method, r.status_code)
    r = await client.delete(evidence_url(org, item["id"]), headers=org.admin.headers)
    assert r.status_code == 405
    assert len(blobs(settings)) == 3


@pytest.mark.parametrize("lying_length", [False, True])
async def test_over_the_limit_is_413_and_nothing_is_kept(
    small_client: httpx.AsyncClient,
    settings: Settings,
    database: Database,
    lying_length: bool,
) -> None:
    """SECURITY.md U1: streamed without / with a lying Content-Length."""
    org = await first_run(small_client)
    data = pdf_bytes(SMALL_LIMIT + 1)
    headers = dict(org.admin.headers)
    if lying_length:
        headers["Content-Length"] = "1000"
        content: bytes | AsyncIterator[bytes] = data
    else:
        content = _chunks(data)  # chunked: no Content-Length at all
    r = await small_client.put(
        evidence_url(org, "upload"),
        params={"title": "Big export", "kind": "record", "filename": "big.pdf"},
        content=content,
        headers=headers,
    )
    assert r.status_code == 413, r.text
    assert r.headers["content-type"] == PROBLEM
    assert await count_rows(database, "evidence") == 0
    assert await count_rows(database, "evidence_version") == 0
    assert temp_files(settings) == []
    assert blobs(settings) == []


async def test_honest_content_length_over_the_limit_is_refused_before_reading(
    small_client: httpx.AsyncClient, settings: Settings, database: Database
) -> None:
    org = await first_run(small_client)
    item = (await upload_new(small_client, org, pdf_bytes(1000))).json()
    r = await upload_version(small_client, org, item["id"], pdf_bytes(SMALL_LIMIT * 2), expect=413)
    assert r.json()["limit"] == SMALL_LIMIT
    multipart = await small_client.post(
        evidence_url(org, item["id"], "versions"),
        files={"file": ("big.pdf", pdf_bytes(SMALL_LIMIT + 10), "application/pdf")},
        headers=org.admin.headers,
    )
    assert multipart.status_code == 413
    assert await count_rows(database, "evidence_version") == 1
    assert temp_files(settings) == []


async def test_empty_file_is_422(client: httpx.AsyncClient, database: Database) -> None:
    org = await first_run(client)
    r = await upload_new(client, org, b"", expect=422)
    assert r.headers["content-type"] == PROBLEM
    assert await count_rows(database, "evidence") == 0


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("filename", "data", "media_type"),
    [
        ("scan.pdf", pdf_bytes(5000), "application/pdf"),
        ("shot.png", png_bytes(), "image/png"),
        ("photo.JPG", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), "image/jpeg"),
        (
            "policy.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("export.csv", b"id,summary\nINC-1,Mail down\n", "text/csv"),
        ("run.log", b"2026-01-01 job ok\n", "text/plain"),
        ("tickets.json", b'[{"key": "CHG-1"}]', "application/json"),
        ("notes.md", "# Review\n\nÜberprüfung".encode(), "text/markdown"),
        ("export.xml", b'<?xml version="1.0"?><incidents/>', "application/xml"),
    ],
)
async def test_allowed_types_are_sniffed(
    client: httpx.AsyncClient, filename: str, data: bytes, media_type: str
) -> None:
    org = await first_run(client)
    r = await upload_new(client, org, data, filename=filename)
    assert r.json()["current_version"]["media_type"] == media_type


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("report.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("report.pdf", b"\x7fELF\x02\x01\x01" + bytes(100)),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        ("page.html", b"<html><body>hi</body></html>"),
        ("notes.txt", b"<html><body onload=alert(1)>hi</body></html>"),
        ("data.xml", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
        ("tool.exe", b"MZ\x90\x00" + bytes(100)),
        ("image.png", pdf_bytes(1000)),
        ("archive.docx", b"not a zip at all"),
        ("run.sh", b"#!/bin/sh\nrm -rf /\n"),
        ("noextension", b"plain text"),
    ],
)
async def test_active_or_mismatching_content_is_415(
    client: httpx.AsyncClient,
    settings: Settings,
    database: Database,
    filename: str,
    data: bytes,
) -> None:
    """SECURITY.md U3."""
    org = await first_run(client)
    r = await upload_new(client, org, data, filename=filename, expect=415)
    assert r.headers["content-type"] == PROBLEM
    assert await count_rows(database, "evidence") == 0
    assert temp_files(settings) == [] and blobs(settings) == []


async def test_invalid_new_version_leaves_the_current_one_untouched(
    small_client: httpx.AsyncClient, settings: Settings
) -> None:
    """SECURITY.md U10 (CISO Assistant #3517): replace with too big / wrong type -> 4xx."""
    org = await first_run(small_client)
    original = pdf_bytes(50_000)
    item = (await upload_new(small_client, org, original)).json()
    await upload_version(small_client, org, item["id"], pdf_bytes(SMALL_LIMIT + 1), expect=413)
    await upload_version(small_client, org, item["id"], b"<html></html>", expect=415)
    await upload_version(small_client, org, item["id"], b"", expect=422)
    r = await small_client.post(
        evidence_url(org, item["id"], "versions"),
        files={"file": ("x.svg", b"<svg/>", "image/svg+xml")},
        headers=org.admin.headers,
    )
    assert r.status_code == 415
    now = (await small_client.get(evidence_url(org, item["id"]), headers=org.admin.headers)).json()
    assert now["version_count"] == 1
    assert now["current_version"] == item["current_version"]
    content = await small_client.get(
        evidence_url(org, item["id"], "versions", "1", "content"),
        headers=org.admin.headers,
    )
    assert content.content == original
    assert len(blobs(settings)) == 1 and temp_files(settings) == []


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\boot.ini.txt", "boot.ini.txt"),
        # a NUL is refused (422, tests/hostile), like every C0 control character in text
        ("report\u202egnp.txt", "reportgnp.txt"),
        ('"; filename=evil.html.txt', '"; filename=evil.html.txt'),
        ("Cafe\u0301 menu.txt", "Café menu.txt"),
        ("a" * 300 + ".txt", "a" * 251 + ".txt"),
    ],
)
async def test_file_names_are_sanitised_metadata_only(
    client: httpx.AsyncClient, settings: Settings, given: str, stored: str
) -> None:
    """SECURITY.md U4: names are metadata; storage path independent; RFC 6266 on the way out."""
    org = await first_run(client)
    data = b"evidence text\n"
    headers = {
        **org.admin.headers,
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(given, safe='')}",
    }
    r = await client.put(
        evidence_url(org, "upload"),
        params={"title": "Name test", "kind": "record"},
        content=data,
        headers=headers,
    )
    assert r.status_code == 201, r.text
    version = r.json()["current_version"]
    stored_name = version["filename"]
    assert stored_name == stored
    assert len(stored_name.encode()) <= 255
    # the blob lives at <org>/<sha[:2]>/<sha>, whatever the name
    assert [p.relative_to(settings.evidence_dir).as_posix() for p in blobs(settings)] == [
        f"{org.id}/{sha256(data)[:2]}/{sha256(data)}"
    ]
    download = await client.get(
        evidence_url(org, r.json()["id"], "versions", "1", "content"),
        headers=org.admin.headers,
    )
    disposition = download.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="')
    assert disposition.endswith("filename*=UTF-8''" + quote(stored, safe=""))
    fallback = disposition.split('filename="', 1)[1].split('"', 1)[0]
    assert all(32 <= ord(c) < 127 and c not in '"\\' for c in fallback)


async def test_client_digest_mismatch_is_422_and_nothing_is_stored(
    client: httpx.AsyncClient, settings: Settings, database: Database
) -> None:
    org = await first_run(client)
    data = pdf_bytes(100_000)
    wrong = hashlib.sha256(b"something else").hexdigest()
    r = await upload_new(
        client,
        org,
        data,
        headers={**org.admin.headers, "X-Content-SHA256": wrong},
        expect=422,
    )
    assert r.json()["received_sha256"] == sha256(data)
    assert await count_rows(database, "evidence") == 0
    assert temp_files(settings) == [] and blobs(settings) == []
    # the RFC 3230 form, right this time
    import base64

    good = base64.b64encode(hashlib.sha256(data).digest()).decode()
    ok = await upload_new(
        client, org, data, headers={**org.admin.headers, "Digest": f"sha-256={good}"}
    )
    assert ok.json()["current_version"]["sha256"] == sha256(data)


async def test_metadata_problems_are_422_before_the_body_is_read(
    client: httpx.AsyncClient, settings: Settings, database: Database
) -> None:
    org = await first_run(client)
    r = await upload_new(client, org, params={"requirement": ["99.9"]}, expect=422)
    assert r.json()["errors"][0]["loc"] == ["query", "requirement_refs"]
    r = await upload_new(client, org, params={"fulfils": ["D99"]}, expect=422)
    r = await upload_new(client, org, kind="nonsense", expect=422)
    r = await upload_new(client, org, params={"source": "browser"}, expect=422)
    r = await upload_new(
        client,
        org,
        params={"effective_date": "2026-05-01", "valid_until": "2026-01-01"},
        expect=422,
    )
    form = await client.post(
        evidence_url(org),
        data={"kind": "policy"},
        files={"file": ("p.pdf", pdf_bytes(1000), "application/pdf")},
        headers=org.admin.headers,
    )
    assert form.status_code == 422
    assert form.json()["errors"][0]["loc"] == ["body", "title"]
    bad_json = await client.post(
        evidence_url(org),
        json={"title": "x", "kind": "policy", "org_id": "x"},
        headers=org.admin.headers,
    )
    assert bad_json.status_code == 422
    assert await count_rows(database, "evidence") == 0
    assert temp_files(settings) == [] and blobs(settings) == []


async def test_json_body_limit_still_applies_on_the_create_path(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    r = await client.post(
        evidence_url(org),
        content=b'{"title": "' + b"x" * (1024 * 1024 + 10) + b'"}',
        headers={**org.admin.headers, "Content-Type": "application/json"},
    )
    assert r.status_code == 413


async def test_cross_org_upload_and_download_are_404_and_change_nothing(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    """SECURITY.md Z2."""
    acme = await first_run(client)
    globex = await second_org(client, acme)
    data = pdf_bytes(8000)
    theirs = (await upload_new(client, globex, data)).json()
    for ident in (theirs["id"], theirs["key"]):
        r = await upload_version(client, acme, ident, pdf_bytes(9000), expect=404)
        assert r.headers["content-type"] == PROBLEM
        r = await client.post(
            evidence_url(acme, ident, "versions"),
            files={"file": ("x.pdf", pdf_bytes(100), "application/pdf")},
            headers=acme.admin.headers,
        )
        assert r.status_code == 404
        # acme's own path with globex's id, and globex's path with acme's credentials
        for org_slug in (acme.slug, globex.slug):
            for path in ("", "/versions", "/versions/1", "/versions/1/content"):
                r = await client.get(
                    evidence_url(org_slug, ident) + path, headers=acme.admin.headers
                )
                assert r.status_code == 404, (org_slug, path)
        r = await client.put(
            evidence_url(globex, ident, "versions", "new"),
            params={"filename": "x.pdf"},
            content=pdf_bytes(100),
            headers=acme.admin.headers,
        )
        assert r.status_code == 404
    missing = await client.get(evidence_url(acme, "E-999"), headers=acme.admin.headers)
    foreign = await client.get(evidence_url(acme, theirs["key"]), headers=acme.admin.headers)
    assert missing.json() == foreign.json()
    after = (
        await client.get(evidence_url(globex, theirs["id"]), headers=globex.admin.headers)
    ).json()
    assert after["version_count"] == 1
    content = await client.get(
        evidence_url(globex, theirs["id"], "versions", "1", "content"),
        headers=globex.admin.headers,
    )
    assert content.content == data
    assert len(blobs(settings)) == 1


async def test_roles_without_write_cannot_upload(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    item = (await upload_new(client, org)).json()
    viewer = await add_member(client, org, "viewer")
    external = await add_member(client, org, "external_auditor")
    for who in (viewer, external):
        await upload_new(client, org, headers=who.headers, expect=403)
        await upload_version(
            client, org, item["id"], pdf_bytes(100), headers=who.headers, expect=403
        )
        r = await client.get(evidence_url(org, item["id"]), headers=who.headers)
        # a draft: the certification body's auditor sees approved evidence only
        assert r.status_code == (404 if who is external else 200)
    owner = await add_member(client, org, "process_owner")
    theirs = (await upload_new(client, org, params={"owner_id": owner.user_id})).json()
    await upload_version(client, org, theirs["id"], pdf_bytes(100), headers=owner.headers)


async def test_multipart_abuse_is_refused_quickly(
    client: httpx.AsyncClient, database: Database
) -> None:
    """SECURITY.md U8: many fields, a huge field, two files, malformed bodies."""
    org = await first_run(client)
    many = {f"f{i}": "x" for i in range(150)}
    r = await client.post(
        evidence_url(org),
        data=many,
        files={"file": ("a.pdf", pdf_bytes(100))},
        headers=org.admin.headers,
    )
    assert r.status_code == 413
    r = await client.post(
        evidence_url(org),
        data={"title": "x" * 70_000, "kind": "policy"},
        files={"file": ("a.pdf", pdf_bytes(100))},
        headers=org.admin.headers,
    )
    assert r.status_code == 413
    r = await client.post(
        evidence_url(org),
        data={"title": "two", "kind": "policy"},
        files=[
            ("file", ("a.pdf", pdf_bytes(100))),
            ("file", ("b.pdf", pdf_bytes(100))),
        ],
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    r = await client.post(
        evidence_url(org),
        content=b"--xyz\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n--xyz--\r\n",
        headers={
            **org.admin.headers,
            "Content-Type": "multipart/form-data; boundary=xyz",
        },
    )
    assert r.status_code == 400
    r = await client.post(
        evidence_url(org),
        content=b"raw",
        headers={**org.admin.headers, "Content-Type": "text/plain"},
    )
    assert r.status_code == 415
    assert await count_rows(database, "evidence") == 0


@_given(st.text(max_size=600))
def test_sanitised_names_are_always_safe(raw: str) -> None:
    name = sanitize_filename(raw)
    assert name and len(name.encode()) <= 255
    assert "/" not in name and "\\" not in name and name not in {".", ".."}
    assert all(unicodedata.category(c) not in {"Cc", "Cf", "Cs"} for c in name)
    assert unicodedata.normalize("NFC", name) == name or True
