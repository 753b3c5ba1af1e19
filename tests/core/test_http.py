"""HTTP hygiene: problem+json everywhere, security headers (I8), CORS (I7), limits (I5)."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from certready.config import InsecureConfiguration, Settings
from certready.db.session import Database
from certready.main import create_app

from tests.factories.auth import first_run

PROBLEM = "application/problem+json"
SECURITY_HEADERS = {
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def _assert_security_headers(r: httpx.Response) -> None:
    for key, value in SECURITY_HEADERS.items():
        assert r.headers.get(key) == value, (r.request.url, key)
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "server" not in r.headers


async def test_unknown_route_is_a_problem(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/nope")
    assert r.status_code == 404
    assert r.headers["content-type"] == PROBLEM
    assert r.json() == {
        "type": "urn:certready:problem:not-found",
        "title": "Not Found",
        "status": 404,
        "detail": "The requested resource does not exist.",
    }
    _assert_security_headers(r)


async def test_wrong_method_is_a_problem(client: httpx.AsyncClient) -> None:
    r = await client.delete("/api/v1/health")
    assert r.status_code == 405
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["status"] == 405


async def test_validation_error_is_a_problem_with_errors(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/v1/setup", json={"organisation": {"name": "", "slug": "Not A Slug"}}
    )
    assert r.status_code == 422
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["type"] == "urn:certready:problem:validation-error"
    locs = {tuple(e["loc"]) for e in body["errors"]}
    assert ("body", "organisation", "slug") in locs
    assert ("body", "admin") in locs


async def test_security_headers_on_json_error_and_docs(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    for r in [
        await client.get("/api/v1/health"),
        await client.get("/api/v1/me", headers=org.admin.headers),
        await client.get("/api/v1/me"),
        await client.get("/docs"),
    ]:
        _assert_security_headers(r)
    authed = await client.get("/api/v1/me", headers=org.admin.headers)
    assert authed.headers["cache-control"] == "no-store"


async def test_spa_served_with_history_fallback_and_headers(
    settings: Settings, database: Database, tmp_path: Path
) -> None:
    spa = tmp_path / "spa"
    (spa / "assets").mkdir(parents=True)
    (spa / "index.html").write_text("<!doctype html><title>Certready</title>")
    (spa / "assets" / "app.js").write_text("console.log(1)")
    app = create_app(settings.model_copy(update={"spa_dir": spa}), database=database)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        for path in ["/", "/login", "/orgs/acme/members"]:
            r = await c.get(path)
            assert r.status_code == 200 and "Certready" in r.text, path
            _assert_security_headers(r)
            assert "default-src 'self'" in r.headers["content-security-policy"]
        assert (await c.get("/assets/app.js")).text == "console.log(1)"
        api = await c.get("/api/v1/unknown")
        assert api.status_code == 404 and api.headers["content-type"] == PROBLEM


async def test_cors_allows_only_configured_origins(settings: Settings, database: Database) -> None:
    app = create_app(
        settings.model_copy(update={"cors_origins": ["https://app.example"]}), database=database
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        evil = await c.get(
            "/api/v1/health", headers={"Origin": "https://evil.example", "Cookie": "a=b"}
        )
        assert "access-control-allow-origin" not in evil.headers
        pre = await c.options(
            "/api/v1/health",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
        )
        assert "access-control-allow-origin" not in pre.headers
        good = await c.get("/api/v1/health", headers={"Origin": "https://app.example"})
        assert good.headers["access-control-allow-origin"] == "https://app.example"
        assert "Origin" in good.headers["vary"]


async def test_json_body_over_limit_is_413(client: httpx.AsyncClient) -> None:
    big = b'{"organisation": {"name": "' + b"x" * (1024 * 1024 + 10) + b'"}}'
    r = await client.post(
        "/api/v1/setup", content=big, headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 413
    assert r.headers["content-type"] == PROBLEM

    async def chunks():  # no Content-Length: the limit is counted while streaming
        for _ in range(40):
            yield b"x" * 32768

    r = await client.post(
        "/api/v1/setup", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 413
    assert (await client.get("/api/v1/setup")).json() == {"needed": True}


async def test_health_and_version(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/health")).json() == {"status": "ok", "database": "ok"}
    assert (await client.get("/api/v1/version")).json()["api"] == "v1"


async def test_health_reports_503_when_database_is_down(settings: Settings, tmp_path: Path) -> None:
    from certready.db.engine import create_engine

    broken = settings.model_copy(
        update={"database_url": "postgresql+psycopg://nobody@127.0.0.1:1/none"}
    )
    db = Database.from_engine(create_engine(broken))
    app = create_app(broken, database=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        r = await c.get("/api/v1/health")
    await db.dispose()
    assert r.status_code == 503
    assert r.headers["content-type"] == PROBLEM
    assert "Traceback" not in r.text and "psycopg" not in r.text


@pytest.mark.parametrize("secret", [None, "short", "changeme", "x" * 31])
def test_production_refuses_unsafe_secrets(secret: str | None, tmp_path: Path) -> None:
    s = Settings(env="production", data_dir=tmp_path, secret_key=secret)  # type: ignore[arg-type]
    with pytest.raises(InsecureConfiguration):
        create_app(s)


def test_production_has_no_docs(tmp_path: Path) -> None:
    s = Settings(env="production", data_dir=tmp_path, secret_key="k" * 40, spa_dir=tmp_path)  # type: ignore[arg-type]
    app = create_app(s)
    paths = {getattr(r, "path", None) for r in app.routes}
    assert "/docs" not in paths and "/api/v1/openapi.json" not in paths


def test_development_secret_is_generated_once_and_kept(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path)
    first = s.jwt_secret()
    assert len(first) >= 32
    assert Settings(data_dir=tmp_path).jwt_secret() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


async def test_docs_work_offline_and_only_their_exact_paths_get_the_relaxed_csp(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/docs")
    assert page.status_code == 200
    assert "https://" not in page.text  # no CDN: every asset is ours
    docs_csp = page.headers["content-security-policy"]
    assert "'unsafe-inline'" in docs_csp and "https:" not in docs_csp
    for asset in re.findall(r'(?:src|href)="(/docs/assets/[^"]+)"', page.text):
        r = await client.get(asset)
        assert r.status_code == 200 and len(r.content) > 1000, asset
        assert r.headers["content-security-policy"] == docs_csp
    assert "SwaggerUIBundle" in (await client.get("/docs/assets/swagger-ui-bundle.js")).text
    redirect = await client.get("/docs/oauth2-redirect")
    assert redirect.status_code == 200
    assert redirect.headers["content-security-policy"] == docs_csp
    for path in ("/docs-anything", "/docs/anything", "/docs/assets/../x", "/api/v1/docs"):
        r = await client.get(path)
        assert "'unsafe-inline'" not in r.headers["content-security-policy"].split("style-src")[0]
        assert r.headers["content-security-policy"] != docs_csp, path


async def test_production_gives_no_path_the_docs_csp(tmp_path: Path) -> None:
    s = Settings(env="production", data_dir=tmp_path, secret_key="k" * 40, spa_dir=tmp_path)  # type: ignore[arg-type]
    app = create_app(s)  # no request here reaches the database
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        for path in ("/docs", "/docs/oauth2-redirect", "/docs/assets/swagger-ui-bundle.js"):
            r = await c.get(path)
            assert r.status_code == 404, path
            assert (
                "'unsafe-inline'" not in r.headers["content-security-policy"].split("style-src")[0]
            )
