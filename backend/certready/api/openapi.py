"""The committed contract: deterministic OpenAPI with problem+json errors."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, routing
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from certready.api.deps import TOKEN_PATHS, Requires, get_principal, get_session, people_only
from certready.context import scopes_allow
from certready.core.problems import PROBLEM_MEDIA_TYPE
from certready.tokens.enums import TokenScope

PROBLEM_REF = "#/components/schemas/Problem"
PAGE_REF = "#/components/schemas/CursorPage"
USER_SESSION = "UserSession"
API_TOKEN = "ApiToken"  # noqa: S105 - the scheme's name in the contract
# FastAPI's name for the OAuth2PasswordBearer dependency, replaced by the two schemes below
_FASTAPI_SCHEME = "OAuth2PasswordBearer"

SECURITY_SCHEMES: dict[str, Any] = {
    USER_SESSION: {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": (
            "A person's session: the access token (a JWT, valid for minutes) from "
            "`POST /api/v1/auth/token` (form fields `username`, `password`), renewed with "
            "the refresh token at `POST /api/v1/auth/refresh`. Sent as "
            "`Authorization: Bearer <access_token>`. Acts with the person's role in each "
            "organisation."
        ),
    },
    API_TOKEN: {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "crt_<secret> (opaque API token)",
        "description": (
            "An API token for scripts and CI: created by an organisation admin at "
            "`POST /api/v1/orgs/{org}/tokens` (the secret is shown once), sent as "
            "`Authorization: Bearer crt_...`, never in the URL. It acts only inside its own "
            "organisation (elsewhere: 401) with its creator's role narrowed to its scopes: "
            "`read` covers every read, `evidence:read`, and `evidence:write` (implies "
            "`evidence:read`). Only the operations that list this scheme accept it; a token "
            "lacking the scope gets 403."
        ),
    },
}

# Cursor pagination, described once (components.parameters / components.schemas) and
# referenced by every list operation and page schema.
PAGE_PARAMETERS = {"cursor": "Cursor", "limit": "Limit"}
PAGE_ENVELOPE: dict[str, Any] = {
    "type": "object",
    "title": "CursorPage",
    "description": (
        "The envelope of every list: `items` (one page, in the list's documented order), "
        "`next_cursor` (pass it as `?cursor=` for the next page; null on the last page) and "
        "`total` (items matching the filters, all pages)."
    ),
    "properties": {
        "next_cursor": {
            "anyOf": [{"type": "string"}, {"type": "null"}],
            "title": "Next Cursor",
            "description": "Opaque; null on the last page.",
        },
        "total": {
            "type": "integer",
            "title": "Total",
            "description": "Items matching the filters, all pages.",
        },
    },
    "required": ["next_cursor", "total"],
}

# One line per tag for the contract's readers (generators put it on the client's modules).
TAG_DESCRIPTIONS = {
    "system": "Health and version; no credentials.",
    "setup": "First start: create the first administrator.",
    "auth": "Log in, refresh and log out user sessions.",
    "me": "The signed-in person: profile and password.",
    "invitations": "Invitation links: look up, register, accept.",
    "orgs": "Organisations the caller belongs to.",
    "members": "Members of an organisation, their roles and invitations.",
    "frameworks": "The requirement catalogues (ISO/IEC 20000-1:2018).",
    "tokens": "API tokens of an organisation, and the calling token itself.",
    "sso": "OpenID Connect single sign-on: providers, the sign-in flow, SSO settings.",
    "requirements": "The organisation's requirements: owner, status, justification.",
    "evidence": "Evidence items, their file versions, links and integrity.",
    "audit-programmes": "Internal audit programmes (clause 9.2).",
    "audits": "Internal audits, their checklists and samples.",
    "findings": "Audit findings (nonconformities, observations).",
    "corrective-measures": "Corrective measures on findings, their actions and reviews.",
    "management-reviews": "Management reviews: inputs, decisions, actions.",
    "objectives": "Service management objectives and their measurements.",
    "risks": "Risks and opportunities, the assessment method and treatment actions.",
    "services": "The service catalogue, the SMS scope and service processes.",
    "customers": "Customers of the services.",
    "agreements": "Service level agreements and their targets.",
    "suppliers": "Suppliers, their reviews, evidence and statements.",
    "context": "Context of the organisation: issues and interested parties.",
    "configuration": "Configuration items (CMDB), imports and verifications.",
    "continuity": "Continuity and availability plans and their tests.",
    "service reports": "Service report definitions and the reports issued.",
    "training": "Courses, competence requirements, people and training records.",
    "integrations": "ITSM integrations, their deliveries, mapping rules and the records received.",
    "hooks": "Webhook receivers for ITSM tools; the body's signature is the credential.",
    "readiness": "Stage 1 / Stage 2 readiness verdicts, snapshots and settings.",
    "demo": "A demonstration organisation (development only).",
    "activity": "The organisation's activity log.",
    "exports": "Downloads: the compliance matrix.",
}


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


def _api_token_accepted(path: str, calls: set[Any]) -> bool:
    """Whether some API token may call the route: on the token paths, and every permission
    it requires is one a token scope grants (all other writes are for people only)."""
    if not TOKEN_PATHS.match(path) or people_only in calls:
        return False
    actions = [c.action for c in calls if isinstance(c, Requires)]
    return all(scopes_allow(TokenScope, action) for action in actions)


def _add_security(app: FastAPI, schema: dict[str, Any]) -> None:
    """Both bearer schemes, on every operation: the credentials it accepts, ``[]`` on the
    open ones (login, set-up, invitations, webhooks: see PUBLIC_ROUTES)."""
    schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
    schemes.pop(_FASTAPI_SCHEME, None)
    schemes.update(SECURITY_SCHEMES)
    for ctx in iter_api_routes(app):
        calls = _calls(ctx.dependant)
        for method in ctx.methods:
            operation = schema["paths"].get(ctx.path, {}).get(method.lower())
            if operation is None:
                continue
            if get_principal not in calls:
                operation["security"] = []
                continue
            accepted: list[dict[str, list[str]]] = [{USER_SESSION: []}]
            if _api_token_accepted(ctx.path, calls):
                accepted.append({API_TOKEN: []})
            operation["security"] = accepted


def _share_pagination(schema: dict[str, Any]) -> None:
    """``cursor``/``limit`` as ``components.parameters`` and the page envelope as the
    ``CursorPage`` schema every ``...Page`` composes (allOf) with its own ``items``."""
    components = schema.setdefault("components", {})
    shared = components.setdefault("parameters", {})
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            params = operation.get("parameters", [])
            for i, param in enumerate(params):
                name = PAGE_PARAMETERS.get(param.get("name", ""))
                if name is None or param.get("in") != "query":
                    continue
                if shared.setdefault(name, param) == param:
                    params[i] = {"$ref": f"#/components/parameters/{name}"}
    schemas = components.setdefault("schemas", {})
    envelope = PAGE_ENVELOPE["properties"]
    for key, page in list(schemas.items()):
        props = page.get("properties", {})
        if set(props) != {"items", *envelope} or set(page.get("required", [])) != set(props):
            continue
        if props["total"].get("type") != "integer" or "anyOf" not in props["next_cursor"]:
            continue
        # both parts inside allOf: generators read ``allOf: [$ref]`` plus siblings as the
        # bare reference (openapi-python-client drops the siblings)
        items = {"type": "object", "properties": {"items": props["items"]}, "required": ["items"]}
        schemas[key] = {
            "allOf": [items, {"$ref": PAGE_REF}],  # items first: the fields keep their order
            "type": "object",
            "title": page.get("title", key),
            **({"description": page["description"]} if "description" in page else {}),
        }
    schemas["CursorPage"] = copy.deepcopy(PAGE_ENVELOPE)
    components["schemas"] = dict(sorted(schemas.items()))


def build_openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        license_info=app.license_info,
        routes=app.routes,
        tags=[{"name": name, "description": text} for name, text in TAG_DESCRIPTIONS.items()],
        separate_input_output_schemas=app.separate_input_output_schemas,
    )
    _add_derived_responses(app, schema)
    _add_security(app, schema)
    _share_pagination(schema)
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
