"""The committed contract: deterministic OpenAPI with problem+json errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, routing
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from certready.api.deps import get_principal, get_session
from certready.core.problems import PROBLEM_MEDIA_TYPE

PROBLEM_REF = "#/components/schemas/Problem"


def operation_id(route: APIRoute) -> str:
    """``<tag>-<route name>``: stable names for the generated clients."""
    tag = str(route.tags[0]) if route.tags else "default"
    return f"{tag}-{route.name}"


def iter_api_routes(app: FastAPI) -> Iterator[Any]:
    """Every API route with its effective path, methods, tags and dependencies."""
    for ctx in routing.iter_route_contexts(app.routes):
        if isinstance(ctx.original_route, APIRoute):
            yield ctx


# Statuses a route can answer because of what it is, added to its operation by rule
# instead of by hand per route: the contract must name every status a client can get.
_TITLES = {
    400: "Malformed request body (bad JSON, nested too deep, broken multipart)",
    401: "Missing or invalid credentials",
    403: "The caller's role (or API token) lacks this right",
    404: "Not found (or in another organisation)",
    412: "If-Match does not match the current ETag",
    413: "Payload too large",
    428: "If-Match header required",
    503: "The database is busy or not reachable; retry after Retry-After",
}


def _derived_statuses(
    method: str, path: str, operation: dict[str, Any], calls: set[Any]
) -> set[int]:
    statuses = set()
    if "requestBody" in operation:
        statuses |= {400, 413}
    headers = {p["name"].lower() for p in operation.get("parameters", []) if p["in"] == "header"}
    if method == "patch" or "if-match" in headers:
        statuses |= {412, 428}
    if get_principal in calls:
        # 403 too: an API token is refused outside its organisation and scopes
        statuses |= {401, 403}
    if "{" in path:
        statuses.add(404)
    if get_session in calls:
        statuses.add(503)
    return statuses


def _calls(dependant: Any) -> set[Any]:
    found = {dependant.call}
    for sub in dependant.dependencies:
        found |= _calls(sub)
    return found


def _add_derived_responses(app: FastAPI, schema: dict[str, Any]) -> None:
    for ctx in iter_api_routes(app):
        calls = _calls(ctx.dependant)
        for method in ctx.methods:
            operation = schema["paths"].get(ctx.path, {}).get(method.lower())
            if operation is None:  # not in the contract (include_in_schema=False)
                continue
            responses = operation.setdefault("responses", {})
            for status in sorted(_derived_statuses(method.lower(), ctx.path, operation, calls)):
                responses.setdefault(
                    str(status),
                    {
                        "description": _TITLES[status],
                        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_REF}}},
                    },
                )
            operation["responses"] = dict(sorted(responses.items()))


def _unique_titles(components: dict[str, Any]) -> None:
    """Two models of one name in different domains get FastAPI's long component names
    (``certready__evidence__schemas__VerificationRead``) but keep the class name as their
    ``title``, which generators name classes after: give them ``EvidenceVerificationRead``."""
    for key, component in components.items():
        parts = key.split("__")
        if len(parts) > 2 and parts[0] == "certready":
            domain = "".join(word.capitalize() for word in parts[1].split("_"))
            component["title"] = f"{domain}{parts[-1]}"


def build_openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        separate_input_output_schemas=app.separate_input_output_schemas,
    )
    _add_derived_responses(app, schema)
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            for code, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                json_body = content.get("application/json", {})
                ref = json_body.get("schema", {}).get("$ref", "")
                is_problem = ref in (PROBLEM_REF, "#/components/schemas/HTTPValidationError")
                if is_problem or (PROBLEM_MEDIA_TYPE in content and code != "200"):
                    response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_REF}}}
                    if code == "422":
                        response["description"] = "Validation error"
    components = schema.get("components", {}).get("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    _unique_titles(components)
    app.openapi_schema = schema
    return schema


def dump_openapi(app: FastAPI) -> str:
    return json.dumps(build_openapi(app), indent=2, ensure_ascii=False) + "\n"
