"""The evidence pack (issue 16): unzipped and checked with the tools an auditor has
(`sha256sum -c`, `openssl pkeyutl -verify`) and with `certready pack verify`."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import openpyxl
import pytest
from certready.config import Settings
from certready.evidence.storage import EvidenceStore
from certready.exports.pack.service import PackFileChanged

from tests.conftest import QueryCounter
from tests.evidence.live import REPO
from tests.factories.audits import assess, create_audit, transition
from tests.factories.auth import OrgFixture, Session, add_member, first_run, second_org
from tests.factories.evidence import (
    bearer,
    create_statement,
    create_token,
    evidence_url,
    pdf_bytes,
    sha256,
    upload_new,
    upload_version,
)

SUMS_OK = "OK"
HOSTILE_TITLE = 'Incident / procedure: "v3" ..\\ <draft>'


def pack_url(slug: str) -> str:
    return f"/api/v1/orgs/{slug}/exports/evidence-pack.zip"


async def download(
    client: httpx.AsyncClient,
    slug: str,
    headers: dict[str, str],
    params: dict[str, Any] | list[tuple[str, str]] | None = None,
) -> bytes:
    r = await client.get(pack_url(slug), headers=headers, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/zip"
    assert int(r.headers["content-length"]) == len(r.content)  # known in advance
    day = date.today().strftime("%Y%m%d")
    assert r.headers["content-disposition"] == (
        f'attachment; filename="certready-{slug}-evidence-pack-{day}.zip"'
    )
    return r.content


def unzip(content: bytes, into: Path) -> Path:
    """The pack extracted by Python's zipfile (CRC-checked); returns its one folder."""
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        assert all(i.compress_type == zipfile.ZIP_STORED for i in z.infolist())  # no recompression
        z.extractall(into)
    (root,) = into.iterdir()
    return root


def manifest_of(content: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        (name,) = [n for n in z.namelist() if n.endswith("/manifest.json")]
        data: dict[str, Any] = json.loads(z.read(name))
        return data


def sha256sum_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=root, capture_output=True, text=True, check=False
    )


def openssl_verify(root: Path) -> subprocess.CompletedProcess[str]:
    """The command VERIFY.txt gives, exactly."""
    return subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            "signing-key.pem",
            "-rawin",
            "-in",
            "SHA256SUMS",
            "-sigfile",
            "SHA256SUMS.sig",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def openssl_der(root: Path) -> bytes:
    """The public key in DER, as VERIFY.txt's fingerprint command computes it."""
    return subprocess.run(
        ["openssl", "pkey", "-pubin", "-in", "signing-key.pem", "-outform", "DER"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout


def pack_verify(zip_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``certready pack verify`` as a user runs it (a new process)."""
    return subprocess.run(
        [sys.executable, "-m", "certready", "pack", "verify", str(zip_path), *extra],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def rezip(root: Path, out: Path) -> Path:
    """The extracted (possibly tampered) folder zipped again, as an attacker would."""
    with zipfile.ZipFile(out, "w") as z:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                z.write(path, f"{root.name}/{path.relative_to(root)}")
    return out


async def _approve(
    client: httpx.AsyncClient, org: OrgFixture, item_id: str, manager: Session
) -> None:
    for to, who in (("in_review", org.admin), ("approved", manager)):
        r = await client.post(
            evidence_url(org, item_id, "transitions"), json={"to": to}, headers=who.headers
        )
        assert r.status_code == 200, r.text


async def seed(client: httpx.AsyncClient) -> dict[str, Any]:
    """Approved E-1 (8.5.1.2, two versions, a hostile title), draft E-2 (4.1), file-less E-3."""
    org = await first_run(client)
    manager = await add_member(client, org, "sms_manager")
    v1, v2, other = pdf_bytes(3000), pdf_bytes(5000), pdf_bytes(700)
    one = (
        await upload_new(
            client,
            org,
            v1,
            title=HOSTILE_TITLE,
            kind="procedure",
            filename="incident-procedure.pdf",
            params={"requirement": "8.5.1.2"},
        )
    ).json()
    await upload_version(client, org, one["id"], v2, filename="incident procedure v2.pdf")
    await _approve(client, org, one["id"], manager)
    two = (
        await upload_new(
            client,
            org,
            other,
            title="Context review",
            filename="ctx.pdf",
            params={"requirement": "4.1"},
        )
    ).json()
    three = await create_statement(client, org)
    return {
        "org": org,
        "manager": manager,
        "one": one,
        "two": two,
        "three": three,
        "sha": {"v1": sha256(v1), "v2": sha256(v2), "other": sha256(other)},
    }


def _files(manifest: dict[str, Any]) -> list[tuple[str, int]]:
    return [(f["evidence_key"], f["version"]) for f in manifest["files"]]


async def test_the_pack_verifies_with_sha256sum_and_openssl(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    s = await seed(client)
    org = s["org"]
    content = await download(client, org.slug, org.admin.headers)
    root = unzip(content, tmp_path / "x")
    day = date.today().strftime("%Y%m%d")
    assert root.name == f"certready-{org.slug}-evidence-pack-{day}"
    check = sha256sum_check(root)
    assert check.returncode == 0, check.stdout + check.stderr
    lines = check.stdout.splitlines()
    assert all(line.endswith(": OK") for line in lines) and len(lines) == 5  # 3 + 2 files
    assert "manifest.json: OK" in lines
    signed = openssl_verify(root)
    assert signed.returncode == 0, signed.stdout + signed.stderr
    assert "Signature Verified Successfully" in signed.stdout
    # the files are the stored bytes, under readable, safe paths
    one_path = root / "evidence" / "E-1 Incident _ procedure_ _v3_ .._ _draft_"
    assert sha256((one_path / "v2 incident procedure v2.pdf").read_bytes()) == s["sha"]["v2"]
    manifest = json.loads((root / "manifest.json").read_text())
    assert manifest["organisation"] == {"name": "Acme IT", "slug": "acme"}
    assert manifest["generated_by"] == "Ada Admin"
    assert manifest["product_version"].startswith("Certready ")
    assert manifest["filters"] == {"framework": "iso20000-1:2018", "versions": "current"}
    assert manifest["framework"]["code"] == "iso20000-1:2018"
    assert _files(manifest) == [("E-1", 2), ("E-2", 1)]
    assert manifest["items_without_files"] == [s["three"]["key"]]
    first = manifest["files"][0]
    assert first["sha256"] == s["sha"]["v2"] and first["size"] == 5000
    assert first["clauses"] == ["8.5.1.2"] and first["title"] == HOSTILE_TITLE
    assert first["approval"]["status"] == "approved"
    assert first["approval"]["approved_by"] == "Sms Manager"
    assert manifest["files"][1]["approval"]["status"] == "draft"
    # the key in the pack is the one the server publishes; VERIFY.txt names its fingerprint
    r = await client.get(f"/api/v1/orgs/{org.slug}/exports/signing-key", headers=org.admin.headers)
    assert r.status_code == 200, r.text
    key = r.json()
    assert key["algorithm"] == "Ed25519"
    assert (root / "signing-key.pem").read_text() == key["public_key_pem"]
    assert manifest["signature"]["public_key_sha256"] == key["fingerprint_sha256"]
    verify_txt = (root / "VERIFY.txt").read_text()
    assert key["fingerprint_sha256"] in verify_txt
    assert "openssl pkeyutl -verify -pubin -inkey signing-key.pem -rawin" in verify_txt
    der = openssl_der(root)
    assert hashlib.sha256(der).hexdigest() == key["fingerprint_sha256"]
    # and certready's own check agrees, with the server's key too
    (tmp_path / "pack.zip").write_bytes(content)
    (tmp_path / "server.pem").write_text(key["public_key_pem"])
    ok = pack_verify(tmp_path / "pack.zip", "--key", str(tmp_path / "server.pem"))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "5 file(s) listed, 0 problem(s)" in ok.stdout and ": OK" in ok.stdout


async def test_tampering_fails_every_check(client: httpx.AsyncClient, tmp_path: Path) -> None:
    s = await seed(client)
    org = s["org"]
    content = await download(client, org.slug, org.admin.headers)
    pristine = unzip(content, tmp_path / "pristine")

    def copy(name: str) -> Path:
        target = tmp_path / name / pristine.name
        shutil.copytree(pristine, target)
        return target

    # a changed evidence file: sha256sum -c and certready pack verify name it
    changed = copy("file")
    evidence = next((changed / "evidence").rglob("v2 *"))
    data = bytearray(evidence.read_bytes())
    data[-1] ^= 0xFF
    evidence.write_bytes(bytes(data))
    check = sha256sum_check(changed)
    assert check.returncode == 1 and f"{evidence.relative_to(changed)}: FAILED" in check.stdout
    result = pack_verify(rezip(changed, tmp_path / "file.zip"))
    assert result.returncode == 1
    assert f"FAILED {evidence.relative_to(changed)}: SHA-256 does not match" in result.stderr

    # a changed manifest (an approval made up)
    forged = copy("manifest")
    manifest = json.loads((forged / "manifest.json").read_text())
    manifest["files"][1]["approval"]["status"] = "approved"
    (forged / "manifest.json").write_text(json.dumps(manifest))
    check = sha256sum_check(forged)
    assert check.returncode == 1 and "manifest.json: FAILED" in check.stdout
    result = pack_verify(rezip(forged, tmp_path / "manifest.zip"))
    assert result.returncode == 1 and "FAILED manifest.json" in result.stderr

    # SHA256SUMS rewritten to match the forgery: the signature no longer verifies
    (forged / "SHA256SUMS").write_text(
        "".join(
            f"{sha256((forged / p).read_bytes())}  {p}\n"
            for p in [
                ln.split("  ", 1)[1] for ln in (pristine / "SHA256SUMS").read_text().splitlines()
            ]
        )
    )
    assert sha256sum_check(forged).returncode == 0
    assert openssl_verify(forged).returncode != 0
    result = pack_verify(rezip(forged, tmp_path / "resigned.zip"))
    assert result.returncode == 1 and "FAILED SHA256SUMS.sig" in result.stderr

    # a file slipped in, and another key (the pack's own key replaced): both caught
    extra = copy("extra")
    (extra / "evidence" / "planted.pdf").write_bytes(pdf_bytes(100))
    result = pack_verify(rezip(extra, tmp_path / "extra.zip"))
    assert result.returncode == 1 and "FAILED evidence/planted.pdf: not listed" in result.stderr
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    other = Ed25519PrivateKey.generate().public_key()
    (tmp_path / "other.pem").write_bytes(
        other.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    (tmp_path / "pack.zip").write_bytes(content)
    result = pack_verify(tmp_path / "pack.zip", "--key", str(tmp_path / "other.pem"))
    assert result.returncode == 1 and "FAILED signing-key.pem" in result.stderr
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    assert pack_verify(tmp_path / "junk.zip").returncode == 2


async def test_filters_choose_items_and_versions(client: httpx.AsyncClient) -> None:
    s = await seed(client)
    org = s["org"]

    async def files(params: Any) -> list[tuple[str, int]]:
        return _files(manifest_of(await download(client, org.slug, org.admin.headers, params)))

    assert await files({"versions": "all"}) == [("E-1", 1), ("E-1", 2), ("E-2", 1)]
    assert await files({"approved_only": "true"}) == [("E-1", 2)]
    assert await files({"clause": "8.5"}) == [("E-1", 2)]  # a clause takes its sub-clauses
    assert await files([("clause", "8.5.1.2"), ("clause", "4.1")]) == [("E-1", 2), ("E-2", 1)]
    assert await files({"clause": "4.1", "approved_only": "true"}) == []
    every = manifest_of(
        await download(client, org.slug, org.admin.headers, {"versions": "all", "clause": "8"})
    )
    assert every["filters"] == {"framework": "iso20000-1:2018", "versions": "all", "clause": "8"}
    old = every["files"][0]
    assert old["current_version"] is False and old["approval"] is None
    assert old["sha256"] == s["sha"]["v1"]


async def test_bad_filters_are_problems(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    for params, where in (
        ({"clause": "99.1"}, "clause"),
        ({"framework": "iso27001"}, "framework"),
        ({"documented_information": "Z9"}, "documented_information"),
        ({"versions": "some"}, "versions"),
        ({"clause": "x" * 40}, "clause"),
    ):
        r = await client.get(pack_url(org.slug), headers=org.admin.headers, params=params)
        assert r.status_code == 422, (params, r.text)
        assert r.headers["content-type"] == "application/problem+json"
        assert where in json.dumps(r.json()["errors"]), r.json()
    r = await client.get(pack_url(org.slug), headers=org.admin.headers, params={"clause": "99.1"})
    assert "99.1" in r.json()["detail"]


async def test_roles_tokens_and_another_organisation(client: httpx.AsyncClient) -> None:
    s = await seed(client)
    org = s["org"]
    viewer = await add_member(client, org, "viewer")
    assert _files(manifest_of(await download(client, org.slug, viewer.headers))) == [
        ("E-1", 2),
        ("E-2", 1),
    ]
    # the certification body's auditor gets approved evidence only (no drafts)
    external = await add_member(client, org, "external_auditor")
    manifest = manifest_of(await download(client, org.slug, external.headers))
    assert _files(manifest) == [("E-1", 2)] and manifest["filters"]["approved_only"] == "true"
    # an API token needs the export's scope (``read`` covers it, evidence:read alone not)
    evidence_only = await create_token(client, org, ["evidence:read"])
    r = await client.get(pack_url(org.slug), headers=bearer(evidence_only["secret"]))
    assert r.status_code == 403 and r.headers["content-type"] == "application/problem+json"
    reader = await create_token(client, org, ["read"], name="auditor")
    await download(client, org.slug, bearer(reader["secret"]))
    globex = await second_org(client, org)
    for url in (pack_url(org.slug), f"/api/v1/orgs/{org.slug}/exports/signing-key"):
        r = await client.get(url, headers=globex.admin.headers)
        assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    r = await client.get(pack_url(org.slug))
    assert r.status_code == 401
    # globex's own pack holds nothing of acme's
    assert manifest_of(await download(client, globex.slug, globex.admin.headers))["files"] == []


async def test_logged_without_bumping_readiness(client: httpx.AsyncClient) -> None:
    s = await seed(client)
    org = s["org"]
    url = f"/api/v1/orgs/{org.slug}/readiness"
    first = await client.get(url, headers=org.admin.headers)
    assert first.status_code == 200, first.text
    content = await download(client, org.slug, org.admin.headers, {"clause": "8.5"})
    again = await client.get(url, headers=org.admin.headers)
    assert again.headers["cache-status"] == "certready; hit"
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "export.generated"},
        headers=org.admin.headers,
    )
    (entry,) = r.json()["items"]
    manifest = manifest_of(content)
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        sums = z.read(next(n for n in z.namelist() if n.endswith("/SHA256SUMS")))
    assert entry["object_type"] == "export" and entry["object_id"] == "evidence-pack"
    assert entry["actor_name"] == "Ada Admin"
    assert entry["after"]["pack_id"] == manifest["pack_id"]
    assert entry["after"]["sha256sums_sha256"] == hashlib.sha256(sums).hexdigest()
    assert entry["after"]["files"] == 1 and entry["after"]["bytes"] == len(content)
    assert entry["after"]["filters"]["clause"] == "8.5"


async def test_a_changed_stored_file_is_never_packed_whole(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    s = await seed(client)
    org = s["org"]
    store = EvidenceStore(settings.evidence_dir)
    blob = store.blob_path(org.id, s["sha"]["other"])  # type: ignore[arg-type]
    os.chmod(blob, 0o600)
    data = bytearray(blob.read_bytes())
    data[100] ^= 0xFF  # same size, other bytes: found while streaming
    blob.write_bytes(bytes(data))
    with pytest.raises(PackFileChanged):  # the body is cut before its end
        await client.get(pack_url(org.slug), headers=org.admin.headers)
    blob.unlink()  # gone: refused before the first byte
    r = await client.get(pack_url(org.slug), headers=org.admin.headers)
    assert r.status_code == 409, r.text
    assert r.json()["evidence"] == ["E-2"]
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity",
        params={"action": "evidence.integrity_error"},
        headers=org.admin.headers,
    )
    summaries = [e["summary"] for e in r.json()["items"]]
    assert any("does not match its SHA-256 (evidence pack)" in t for t in summaries)
    assert any("is missing (evidence pack)" in t for t in summaries)


async def test_statement_count_does_not_grow_with_the_items(
    client: httpx.AsyncClient, count_queries: QueryCounter
) -> None:
    org = await first_run(client)
    await upload_new(client, org, pdf_bytes(100), params={"requirement": "8.5.1.2"})

    async def cost() -> int:
        count_queries.count = 0
        await download(client, org.slug, org.admin.headers, {"versions": "all"})
        return count_queries.count

    small = await cost()
    for n in range(6):
        item = (
            await upload_new(client, org, pdf_bytes(200 + n), params={"requirement": "8.6.1"})
        ).json()
        await upload_version(client, org, item["id"], pdf_bytes(300 + n))
        await create_statement(client, org, title=f"Statement {n}")
    assert await cost() == small


async def test_the_compliance_matrix_comes_inside_when_asked(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    s = await seed(client)
    org = s["org"]
    content = await download(client, org.slug, org.admin.headers, {"compliance_matrix": "true"})
    root = unzip(content, tmp_path / "x")
    check = sha256sum_check(root)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "compliance-matrix.xlsx: OK" in check.stdout
    assert openssl_verify(root).returncode == 0
    book = openpyxl.load_workbook(root / "compliance-matrix.xlsx", read_only=True)
    assert len(list(book["Compliance matrix"].iter_rows(min_row=2))) == 57
    export = dict(book["Export"].iter_rows(min_row=2, values_only=True))
    manifest = json.loads((root / "manifest.json").read_text())
    (generated,) = manifest["generated_files"]
    assert generated["path"] == "compliance-matrix.xlsx"
    assert generated["sha256"] == sha256((root / "compliance-matrix.xlsx").read_bytes())
    assert generated["data_sha256"] == export["SHA-256 of the data"]
    assert manifest["filters"]["compliance_matrix"] == "true"
    # without the parameter it is not there
    plain = await download(client, org.slug, org.admin.headers)
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        assert not [n for n in z.namelist() if n.endswith(".xlsx")]
    assert manifest_of(plain)["generated_files"] == []


async def test_an_audits_sampled_evidence_with_its_pinned_versions(
    client: httpx.AsyncClient,
) -> None:
    s = await seed(client)
    org = s["org"]
    auditor = await add_member(client, org, "auditor")
    audit = await create_audit(
        client, org, scope=["8.5.1.2", "4.1", "5.1"], lead=org.admin.user_id, team=[auditor.user_id]
    )
    await transition(client, org, audit["id"], "in_progress")
    pinned = [{"evidence_item_id": s["one"]["id"], "version_number": 1}]
    r = await assess(client, org, audit["id"], "8.5.1.2", auditor.headers, evidence=pinned)
    assert r.status_code == 200, r.text
    whole = [{"evidence_item_id": s["two"]["id"]}]
    r = await assess(client, org, audit["id"], "4.1", auditor.headers, evidence=whole)
    assert r.status_code == 200, r.text
    manifest = manifest_of(
        await download(client, org.slug, org.admin.headers, {"audit_id": audit["id"]})
    )
    # the version the auditor looked at, and the current one; E-3 was not sampled
    assert _files(manifest) == [("E-1", 1), ("E-1", 2), ("E-2", 1)]
    assert manifest["filters"]["audit"] == audit["key"]
    assert manifest["items_without_files"] == []
    # an unknown audit and another organisation's read alike: a 422 problem
    globex = await second_org(client, org)
    theirs = await create_audit(client, globex, scope=["4.1"], lead=globex.admin.user_id)
    for audit_id in ("00000000-0000-4000-8000-000000000000", theirs["id"]):
        r = await client.get(
            pack_url(org.slug), headers=org.admin.headers, params={"audit_id": audit_id}
        )
        assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["query", "audit_id"]
