"""RFC 9457 problem details: the only error shape the API returns.

A small hierarchy of exceptions, one handler, one ``Problem`` schema in the
OpenAPI document. A business error always carries its real status; 500 is
for bugs and never shows internals.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request, routing
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

log = logging.getLogger("certready.problems")

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:certready:problem:"


class ProblemError(BaseModel):
    """One validation error: where it is and what is wrong."""

    loc: list[str | int]
    msg: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details. Extra members depend on the problem type."""

    model_config = ConfigDict(extra="allow", title="Problem")

    type: str = Field(examples=["urn:certready:problem:not-found"])
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[ProblemError] | None = None


class ProblemException(Exception):
    status: int = 500
    slug: str = "internal-error"
    title: str = "Internal Server Error"

    def __init__(
        self,
        detail: str | None = None,
        *,
        extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})

    def body(self, instance: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": TYPE_PREFIX + self.slug,
            "title": self.title,
            "status": self.status,
        }
        if self.detail:
            data["detail"] = self.detail
        if instance:
            data["instance"] = instance
        data.update(self.extra)
        return data


class BadRequest(ProblemException):
    status, slug, title = 400, "bad-request", "Bad Request"


class Unauthorized(ProblemException):
    status, slug, title = 401, "unauthorized", "Unauthorized"

    def __init__(self, detail: str | None = "Missing or invalid credentials.") -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(ProblemException):
    status, slug, title = 403, "forbidden", "Forbidden"


class NotFound(ProblemException):
    status, slug, title = 404, "not-found", "Not Found"

    def __init__(self, detail: str | None = "The requested resource does not exist.") -> None:
        # One fixed body for "missing" and "in another organisation" (SECURITY.md Z1).
        super().__init__(detail)


class Conflict(ProblemException):
    status, slug, title = 409, "conflict", "Conflict"


class IllegalTransition(Conflict):
    slug, title = "illegal-transition", "Illegal state transition"

    def __init__(
        self, current: str, requested: str, allowed: Sequence[str], reason: str | None = None
    ) -> None:
        detail = reason or (
            f"Cannot move from '{current}' to '{requested}'. "
            f"Allowed: {', '.join(allowed) or 'none'}."
        )
        super().__init__(
            detail,
            extra={"current": current, "requested": requested, "allowed": list(allowed)},
        )


class PreconditionFailed(ProblemException):
    status, slug, title = 412, "precondition-failed", "Precondition Failed"


class PreconditionRequired(ProblemException):
    status, slug, title = 428, "precondition-required", "Precondition Required"


class PayloadTooLarge(ProblemException):
    status, slug, title = 413, "payload-too-large", "Payload Too Large"


class UnsupportedMediaType(ProblemException):
    status, slug, title = 415, "unsupported-media-type", "Unsupported Media Type"


class RangeNotSatisfiable(ProblemException):
    status, slug, title = 416, "range-not-satisfiable", "Range Not Satisfiable"

    def __init__(self, size: int) -> None:
        super().__init__(
            f"The requested range is outside the file ({size} bytes).",
            headers={"Content-Range": f"bytes */{size}"},
        )


class Unprocessable(ProblemException):
    status, slug, title = 422, "validation-error", "Unprocessable Content"

    def __init__(
        self,
        detail: str,
        *,
        loc: Sequence[str | int] | None = None,
        errors: Sequence[Mapping[str, Any]] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        errs = [dict(e) for e in errors] if errors else []
        if loc is not None:
            errs.append({"loc": list(loc), "msg": detail, "type": "value_error"})
        super().__init__(detail, extra={**(extra or {}), "errors": errs})


class TooManyRequests(ProblemException):
    status, slug, title = 429, "too-many-requests", "Too Many Requests"

    def __init__(self, retry_after: int, detail: str | None = None) -> None:
        super().__init__(
            detail or f"Too many attempts. Try again in {retry_after} seconds.",
            headers={"Retry-After": str(retry_after)},
            extra={"retry_after": retry_after},
        )


class ServiceUnavailable(ProblemException):
    status, slug, title = 503, "service-unavailable", "Service Unavailable"

    def __init__(self, detail: str | None = None, retry_after: int = 5) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})


_STATUS_PROBLEMS: dict[int, type[ProblemException]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    412: PreconditionFailed,
    413: PayloadTooLarge,
    415: UnsupportedMediaType,
    428: PreconditionRequired,
}


def problem_response(exc: ProblemException, request: Request | None = None) -> JSONResponse:
    return JSONResponse(
        exc.body(),
        status_code=exc.status,
        headers=exc.headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        out.append(
            {
                "loc": [p if isinstance(p, int) else str(p) for p in err.get("loc", ())],
                "msg": str(err.get("msg", "")),
                "type": str(err.get("type", "value_error")),
            }
        )
    return out


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemException)
    async def _problem(request: Request, exc: ProblemException) -> JSONResponse:
        return problem_response(exc, request)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(exc)
        if any(e["type"] == "json_invalid" for e in errors):
            return problem_response(BadRequest("The body is not valid JSON."), request)
        first = errors[0] if errors else None
        where = ".".join(str(p) for p in first["loc"]) if first else "request"
        detail = f"{where}: {first['msg']}" if first else "The request is not valid."
        return problem_response(Unprocessable(detail, errors=errors), request)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # FastAPI wraps errors raised while reading the body (e.g. the body limit) in a 400
        if isinstance(exc.__cause__, ProblemException):
            return problem_response(exc.__cause__, request)
        cls = _STATUS_PROBLEMS.get(exc.status_code)
        if cls is NotFound:
            problem: ProblemException = NotFound()
        elif cls is not None and cls is not Unauthorized:
            problem = cls(str(exc.detail) if exc.detail else None)
        elif cls is Unauthorized:
            problem = Unauthorized()
        else:
            problem = ProblemException(str(exc.detail) if exc.detail else None)
            problem.status = exc.status_code
            problem.slug = "http-" + str(exc.status_code)
            problem.title = str(exc.detail) if exc.detail else "Error"
        response = problem_response(problem, request)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        if exc.status_code == 405:
            response.headers["Allow"] = ", ".join(allowed_methods(request))
        return response

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> JSONResponse:
        # A version-counter UPDATE matched no row: a concurrent writer won. The services
        # answer this themselves (core.changes); this is the net under every other path.
        log.warning("stale write on %s %s: %s", request.method, request.url.path, exc)
        if request.method in {"PATCH", "PUT", "DELETE"}:
            problem: ProblemException = PreconditionFailed(
                "The resource was changed by someone else. Reload it and try again."
            )
        else:
            problem = Conflict("Someone else changed this meanwhile. Reload it and try again.")
        return problem_response(problem, request)

    @app.exception_handler(OperationalError)
    async def _db_down(request: Request, exc: OperationalError) -> JSONResponse:
        log.error("database error on %s %s: %s", request.method, request.url.path, exc.orig)
        if "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower():
            msg = "The database is busy. Retry shortly."
        else:
            msg = "The database is not reachable. Retry shortly."
        return problem_response(ServiceUnavailable(msg), request)

    # Unexpected errors are answered by core.middleware.UnexpectedErrorMiddleware: an
    # ``Exception`` handler here would run in Starlette's outermost middleware, which
    # re-raises after answering, and the server then drops the keep-alive connection.


def allowed_methods(request: Request) -> list[str]:
    """Every method the request's path is served with (Starlette's 405 names only the
    first route that matched the path, and FastAPI has one route per method)."""
    methods: set[str] = set()
    path = request.scope["path"]
    for ctx in routing.iter_route_contexts(request.app.router.routes):
        route_methods = getattr(ctx, "methods", None)
        if route_methods and ctx.path and compile_path(ctx.path)[0].match(path):
            methods |= set(route_methods)
    if "GET" in methods:
        methods.add("HEAD")  # core.middleware.HeadMiddleware serves it
    return sorted(methods)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries documenting problem+json bodies."""
    titles = {
        400: "Bad request",
        401: "Missing or invalid credentials",
        403: "The caller's role lacks this right",
        404: "Not found (or in another organisation)",
        409: "Conflict (illegal transition, duplicate, in flight)",
        412: "If-Match does not match the current ETag",
        413: "Payload too large",
        415: "Unsupported media type",
        416: "Range not satisfiable",
        422: "Validation error",
        428: "If-Match header required",
        429: "Too many requests",
        503: "Service unavailable",
    }
    return {
        s: {
            "model": Problem,
            "description": titles.get(s, "Error"),
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
        for s in statuses
    }
