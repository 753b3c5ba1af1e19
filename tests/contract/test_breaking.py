"""The v1 breaking-change gate (certready.api.compat): each kind of break is caught on a
synthetic contract, additions pass, and the current contract keeps the released one."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from certready.api.compat import breaking_changes

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "openapi" / "v1-baseline.json"
CONTRACT = ROOT / "openapi" / "openapi.json"


def released() -> dict[str, Any]:
    """A small contract in FastAPI's shapes: list with a query enum, create, read."""
    nullable_str = {"anyOf": [{"type": "string", "maxLength": 200}, {"type": "null"}]}
    return {
        "openapi": "3.1.0",
        "paths": {
            "/api/v1/orgs/{org}/measures": {
                "get": {
                    "operationId": "measures-list_measures",
                    "security": [{"UserBearer": []}],
                    "parameters": [
                        {
                            "name": "org",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "status",
                            "in": "query",
                            "required": False,
                            "schema": {
                                "anyOf": [{"$ref": "#/components/schemas/Status"}, {"type": "null"}]
                            },
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "integer", "minimum": 1, "maximum": 500},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "headers": {"ETag": {"schema": {"type": "string"}}},
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/MeasurePage"}
                                }
                            },
                        },
                        "404": {"description": "not found"},
                    },
                },
                "post": {
                    "operationId": "measures-create_measure",
                    "security": [{"UserBearer": []}],
                    "parameters": [
                        {
                            "name": "org",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/MeasureCreate"}
                            }
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "created",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/MeasureRead"}
                                }
                            },
                        }
                    },
                },
            },
            "/api/v1/health": {
                "get": {
                    "operationId": "system-health",
                    "security": [],
                    "responses": {"200": {"description": "ok"}},
                }
            },
        },
        "components": {
            "schemas": {
                "Status": {"type": "string", "enum": ["open", "closed"]},
                "MeasureCreate": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["title"],
                    "properties": {
                        "title": {"type": "string", "minLength": 1, "maxLength": 200},
                        "notes": nullable_str,
                        "effort": {"type": "number"},
                        "tags": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "MeasureRead": {
                    "type": "object",
                    "required": ["id", "title", "status"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "title": {"type": "string"},
                        "status": {"$ref": "#/components/schemas/Status"},
                        "due_date": {"type": "string", "format": "date"},
                        "children": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/MeasureRead"},
                        },
                    },
                },
                "MeasurePage": {
                    "type": "object",
                    "required": ["items", "total"],
                    "properties": {
                        "items": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/MeasureRead"},
                        },
                        "total": {"type": "integer"},
                    },
                },
            }
        },
    }


LIST = ("paths", "/api/v1/orgs/{org}/measures", "get")
CREATE = ("paths", "/api/v1/orgs/{org}/measures", "post")
SCHEMAS = ("components", "schemas")


def at(doc: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        doc = doc[key]
    return doc


def param(doc: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in at(doc, *LIST)["parameters"] if p["name"] == name)
    return found


def changed(edit: Callable[[dict[str, Any]], object]) -> list[str]:
    new = copy.deepcopy(released())
    edit(new)
    return breaking_changes(released(), new)


def rename_path(d: dict[str, Any]) -> None:
    d["paths"]["/api/v1/orgs/{org}/corrective-measures"] = d["paths"].pop(
        "/api/v1/orgs/{org}/measures"
    )


def retype(d: dict[str, Any], schema: str, field: str, new: dict[str, Any]) -> None:
    at(d, *SCHEMAS, schema)["properties"][field] = new


BREAKS: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    "path removed": (lambda d: d["paths"].pop("/api/v1/health"), "/api/v1/health: path removed"),
    "path renamed": (rename_path, "/api/v1/orgs/{org}/measures: path removed"),
    "operation removed": (
        lambda d: at(d, *CREATE[:2]).pop("post"),
        "POST /api/v1/orgs/{org}/measures: operation removed",
    ),
    "operation renamed": (
        lambda d: at(d, *CREATE).update(operationId="measures-add_measure"),
        "operationId measures-create_measure renamed to measures-add_measure",
    ),
    "parameter removed": (
        lambda d: at(d, *LIST)["parameters"].pop(1),
        "query parameter 'status': removed",
    ),
    "parameter renamed": (
        lambda d: param(d, "status").update(name="state"),
        "query parameter 'status': removed",
    ),
    "optional parameter made required": (
        lambda d: param(d, "limit").update(required=True),
        "query parameter 'limit': made required",
    ),
    "new required parameter": (
        lambda d: at(d, *LIST)["parameters"].append(
            {"name": "owner", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        "query parameter 'owner': new required parameter",
    ),
    "parameter type narrowed": (
        lambda d: param(d, "limit").update(schema={"type": "integer", "maximum": 100}),
        "query parameter 'limit': maximum tightened from 500 to 100",
    ),
    "parameter enum value removed": (
        lambda d: at(d, *SCHEMAS)["Status"].update(enum=["open"]),
        "query parameter 'status': enum value \"closed\" removed",
    ),
    "response field removed": (
        lambda d: at(d, *SCHEMAS, "MeasureRead", "properties").pop("due_date"),
        "response 200 application/json.items[].due_date: response field removed",
    ),
    "response field renamed": (
        lambda d: at(d, *SCHEMAS, "MeasureRead", "properties").update(
            deadline=at(d, *SCHEMAS, "MeasureRead", "properties").pop("due_date")
        ),
        "application/json.items[].due_date: response field removed",
    ),
    "nested response field removed (recursive schema)": (
        lambda d: at(d, *SCHEMAS, "MeasurePage", "properties").pop("total"),
        "response 200 application/json.total: response field removed",
    ),
    "response field no longer always present": (
        lambda d: at(d, *SCHEMAS, "MeasurePage").update(required=["items"]),
        "application/json.total: response field no longer always present",
    ),
    "response enum value removed": (
        lambda d: at(d, *SCHEMAS)["Status"].update(enum=["open", "done"]),
        'application/json.items[].status: enum value "closed" removed',
    ),
    "response type widened to null": (
        lambda d: retype(
            d, "MeasureRead", "title", {"anyOf": [{"type": "string"}, {"type": "null"}]}
        ),
        "response 200 application/json.items[].title: may now return null",
    ),
    "optional request field made required": (
        lambda d: at(d, *SCHEMAS, "MeasureCreate")["required"].append("notes"),
        "request body application/json.notes: request field made required",
    ),
    "new required request field": (
        lambda d: (
            at(d, *SCHEMAS, "MeasureCreate")["properties"].update(owner={"type": "string"}),
            at(d, *SCHEMAS, "MeasureCreate")["required"].append("owner"),
        ),
        "request body application/json.owner: new required request field",
    ),
    "request field removed (extra fields are refused)": (
        lambda d: at(d, *SCHEMAS, "MeasureCreate", "properties").pop("effort"),
        "request body application/json.effort: request field removed",
    ),
    "request null no longer accepted": (
        lambda d: retype(d, "MeasureCreate", "notes", {"type": "string", "maxLength": 200}),
        "application/json.notes: no longer accepts null",
    ),
    "request number narrowed to integer": (
        lambda d: retype(d, "MeasureCreate", "effort", {"type": "integer"}),
        "application/json.effort: no longer accepts number",
    ),
    "request string narrowed to an enum": (
        lambda d: retype(d, "MeasureCreate", "title", {"type": "string", "enum": ["a", "b"]}),
        "application/json.title: now restricted to an enum",
    ),
    "request maxLength tightened": (
        lambda d: retype(
            d, "MeasureCreate", "title", {"type": "string", "minLength": 1, "maxLength": 80}
        ),
        "application/json.title: maxLength tightened from 200 to 80",
    ),
    "request minLength tightened": (
        lambda d: retype(
            d, "MeasureCreate", "title", {"type": "string", "minLength": 3, "maxLength": 200}
        ),
        "application/json.title: minLength tightened from 1 to 3",
    ),
    "request pattern imposed": (
        lambda d: retype(
            d,
            "MeasureCreate",
            "title",
            {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[A-Z]"},
        ),
        "application/json.title: pattern changed to '^[A-Z]'",
    ),
    "request array items narrowed": (
        lambda d: retype(
            d,
            "MeasureCreate",
            "tags",
            {"type": "array", "items": {"type": "string", "maxLength": 5}},
        ),
        "application/json.tags[]: maxLength tightened from None to 5",
    ),
    "request body made required": (
        lambda d: at(d, *LIST).update(
            requestBody={
                "required": True,
                "content": {"application/json": {"schema": {"type": "object"}}},
            }
        ),
        "GET /api/v1/orgs/{org}/measures: request body: made required",
    ),
    "request media type dropped": (
        lambda d: at(d, *CREATE)["requestBody"].update(
            content={
                "multipart/form-data": at(d, *CREATE)["requestBody"]["content"]["application/json"]
            }
        ),
        "request body application/json: media type no longer accepted",
    ),
    "success response removed": (
        lambda d: at(d, *CREATE)["responses"].update(
            {"200": at(d, *CREATE)["responses"].pop("201")}
        ),
        "POST /api/v1/orgs/{org}/measures: response 201: removed",
    ),
    "response header removed": (
        lambda d: at(d, *LIST)["responses"]["200"].pop("headers"),
        "response 200 header ETag: removed",
    ),
    "open operation now requires credentials": (
        lambda d: at(d, "paths", "/api/v1/health", "get").update(security=[{"UserBearer": []}]),
        "GET /api/v1/health: now requires credentials",
    ),
}


@pytest.mark.parametrize("kind", sorted(BREAKS))
def test_each_kind_of_break_is_caught(kind: str) -> None:
    edit, expected = BREAKS[kind]
    found = changed(edit)
    assert any(expected in line for line in found), found


def add_everything(d: dict[str, Any]) -> None:
    schemas = at(d, *SCHEMAS)
    d["paths"]["/api/v1/orgs/{org}/risks"] = {"get": {"operationId": "risks-list", "responses": {}}}
    at(d, *CREATE[:2])["delete"] = {"operationId": "measures-delete", "responses": {}}
    at(d, *LIST)["parameters"].append(
        {"name": "q", "in": "query", "required": False, "schema": {"type": "string"}}
    )
    at(d, *LIST)["responses"]["200"]["headers"]["Link"] = {"schema": {"type": "string"}}
    at(d, *LIST)["responses"]["422"] = {"description": "bad"}
    at(d, *CREATE)["responses"]["201"]["content"]["text/csv"] = {"schema": {"type": "string"}}
    schemas["Status"]["enum"].append("verified")
    schemas["MeasureRead"]["properties"]["owner_id"] = {"type": "string"}
    schemas["MeasureRead"]["required"].append("due_date")  # now always present: fine
    schemas["MeasureCreate"]["properties"]["owner_id"] = {"type": "string"}
    create = schemas["MeasureCreate"]["properties"]
    create["title"] = {"type": "string", "maxLength": 400}  # looser bounds
    create["effort"] = {"anyOf": [{"type": "number"}, {"type": "null"}]}  # accepts null too
    param(d, "limit")["schema"] = {"type": "integer", "minimum": 1, "maximum": 1000}
    # any string instead of the enum
    param(d, "status")["schema"] = {"anyOf": [{"type": "string"}, {"type": "null"}]}
    schemas["MeasurePage"]["properties"]["total"] = {"type": "integer", "description": "more docs"}
    at(d, *CREATE)["summary"] = "Create a measure"


def test_additions_and_loosening_pass() -> None:
    assert changed(add_everything) == []


def test_identical_contracts_pass() -> None:
    assert breaking_changes(released(), released()) == []


def test_the_current_contract_keeps_the_released_v1() -> None:
    breaks = breaking_changes(json.loads(BASELINE.read_text()), json.loads(CONTRACT.read_text()))
    assert not breaks, (
        f"{len(breaks)} breaking change(s) to the released /api/v1 contract "
        "(openapi/v1-baseline.json):\n  "
        + "\n  ".join(breaks)
        + "\nKeep the released shape: add a field, parameter, value or operation instead of "
        "changing one. The baseline only moves on a release (`make contract-release`)."
    )


def compose_page(d: dict[str, Any], *, keep_total: bool = True) -> None:
    """The page as the shared envelope + its items (allOf), as build_openapi writes it."""
    schemas = at(d, *SCHEMAS)
    page = schemas["MeasurePage"]
    envelope: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
    if keep_total:
        envelope = {
            "type": "object",
            "properties": {"total": page["properties"]["total"]},
            "required": ["total"],
        }
    schemas["CursorPage"] = envelope
    items = {"type": "object", "properties": {"items": page["properties"]["items"]}}
    items["required"] = ["items"]
    schemas["MeasurePage"] = {
        "type": "object",
        "allOf": [items, {"$ref": "#/components/schemas/CursorPage"}],
    }


def test_a_page_composed_with_allof_keeps_its_fields() -> None:
    assert changed(compose_page) == []


def test_a_field_lost_from_an_allof_part_is_caught() -> None:
    found = changed(lambda d: compose_page(d, keep_total=False))
    assert found == [
        "GET /api/v1/orgs/{org}/measures: response 200 application/json.total: "
        "response field removed"
    ], found
