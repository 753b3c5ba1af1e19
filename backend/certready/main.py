"""Application factory: ``create_app(settings)`` serves /api/v1, /docs and the SPA."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from certready import __version__
from certready.api.openapi import build_openapi, operation_id
from certready.api.v1 import build_api_router
from certready.config import Settings, get_settings
from certready.core.middleware import (
    BodyLimitMiddleware,
    HeadMiddleware,
    RequestGuardMiddleware,
    SecurityHeadersMiddleware,
    UnexpectedErrorMiddleware,
    path_matcher,
)
from certready.core.problems import install_problem_handlers
from certready.db.engine import create_engine
from certready.db.session import Database
from certready.evidence.recovery import recover_uploads
from certready.evidence.storage import VerifiedHashes
from certready.exports.pack import jobs as pack_jobs
from certready.mail.service import enabled as mail_enabled
from certready.mail.service import settle as settle_mail
from certready.mail.worker import run as mail_worker
from certready.readiness.cache import ReadinessCache
from certready.readiness.worker import daily_snapshots

JSON_BODY_LIMIT = 1024 * 1024
# Paths whose bodies are streamed into the evidence store with their own limit.
STREAMING_UPLOAD_PATHS = [r"^/api/v1/orgs/[^/]+/evidence(/upload|/[^/]+/versions(/new)?)?$"]


class SPAStaticFiles(StaticFiles):
    """The built SPA; unknown paths fall back to index.html (client-side routes)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            return await super().get_response(path, scope)
        except StarletteHTTPException as exc:
            if exc.status_code != 404 or path.startswith("api/"):
                raise
            return await super().get_response("index.html", scope)


DOCS_ASSETS = "/docs/assets"


@cache
def _api_router() -> APIRouter:
    """The /api/v1 router, built once per process. FastAPI analyses every endpoint's
    signature the first time a router is included (about 0.7 s for this API) and reuses
    that analysis when the same router is included again; nothing in it depends on the
    settings (handlers read ``request.app.state``), so every app of a process (the test
    suite builds one per test) shares it."""
    return build_api_router()


def _install_docs(app: FastAPI) -> frozenset[str]:
    """``/docs`` with Swagger UI's files served from the pinned ``fastapi-offline`` package
    (no CDN: it works offline and the CSP names no other host). Returns the exact paths
    that get the docs' relaxed CSP."""
    assets = resources.files("fastapi_offline") / "static"
    openapi_url = app.openapi_url or "/api/v1/openapi.json"

    async def swagger_ui(_request: Request) -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} - docs",
            oauth2_redirect_url="/docs/oauth2-redirect",
            swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_ASSETS}/favicon.png",
        )

    async def oauth2_redirect(_request: Request) -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    app.add_route("/docs", swagger_ui, include_in_schema=False)
    app.add_route("/docs/oauth2-redirect", oauth2_redirect, include_in_schema=False)
    files = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon.png")
    app.mount(DOCS_ASSETS, StaticFiles(directory=str(assets)), name="docs-assets")
    return frozenset({"/docs", "/docs/oauth2-redirect", *(f"{DOCS_ASSETS}/{f}" for f in files)})


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or get_settings()
    settings.check_production()
    db = database or Database.from_engine(create_engine(settings))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await recover_uploads(settings, db)
        await db.refresh_statistics()
        await pack_jobs.recover(db, settings)
        await pack_jobs.cleanup(db, settings)
        mail_retries = settings.worker_enabled and mail_enabled(settings)
        async with (
            daily_snapshots(db, settings.worker_enabled),
            mail_worker(db.engine, settings, mail_retries),
        ):
            yield
        await settle_mail()
        if database is None:
            await db.dispose()

    docs = not settings.is_production  # SECURITY.md Z7: no /docs in production
    app = FastAPI(
        title="Certready API",
        version=__version__,
        description=(
            "ISO/IEC 20000-1:2018 certification readiness: requirements, evidence, audits, "
            "findings, corrective measures and the Stage 1 / Stage 2 verdicts."
        ),
        license_info={"name": "Apache-2.0", "identifier": "Apache-2.0"},
        lifespan=lifespan,
        docs_url=None,  # served below from local assets
        redoc_url=None,
        openapi_url="/api/v1/openapi.json" if docs else None,
        generate_unique_id_function=operation_id,
        separate_input_output_schemas=False,
    )
    app.state.settings = settings
    app.state.db = db
    app.state.readiness_cache = ReadinessCache(settings.readiness_cache_size)
    app.state.verified_hashes = VerifiedHashes()
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
    install_problem_handlers(app)
    app.include_router(_api_router())

    streamed = path_matcher(STREAMING_UPLOAD_PATHS)
    app.add_middleware(BodyLimitMiddleware, limit=JSON_BODY_LIMIT, exempt=streamed)
    app.add_middleware(RequestGuardMiddleware, limit=JSON_BODY_LIMIT, streamed=streamed)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=False,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key"],
            expose_headers=["ETag", "Retry-After", "Location"],
        )
    # inside the security headers, so a 500 carries them too
    app.add_middleware(UnexpectedErrorMiddleware)
    app.add_middleware(HeadMiddleware)
    app.add_middleware(SecurityHeadersMiddleware, docs_paths=_install_docs(app) if docs else ())

    spa_dir: Path = settings.resolved_spa_dir
    if (spa_dir / "index.html").exists():
        app.mount("/", SPAStaticFiles(directory=spa_dir, html=True), name="spa")
    return app
