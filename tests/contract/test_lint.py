"""Contract lint (issue 21): the committed contract passes the repo's rules (tests/contract/
lint.py) and Redocly's (redocly.yaml); a small valid contract broken once per rule fails
that rule, so no rule passes vacuously; the request examples are valid for the models."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from certready.api.v1 import PUBLIC_ROUTES
from pydantic import BaseModel

from tests.contract.lint import (
    MAIN_WRITES,
    RULES,
    lint,
    operation_ids,
    operations,
    request_examples,
)

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "openapi" / "openapi.json"
BASELINE = ROOT / "openapi" / "v1-baseline.json"
FRONTEND = ROOT / "frontend"
PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": copy.deepcopy(PROBLEM)}


def _errors(*codes: str) -> dict[str, Any]:
    return {code: _problem(f"error {code}") for code in codes}


def valid() -> dict[str, Any]:
    """A small contract in this API's shapes that passes every rule: a paginated list, a
    create with an example, a read by id and an open login."""
    org = {"name": "org", "in": "path", "required": True, "schema": {"type": "string"}}
    user_or_token = [{"UserSession": []}, {"ApiToken": []}]
    json_of = lambda ref: {"application/json": {"schema": {"$ref": ref}}}  # noqa: E731
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "tags": [
            {"name": "measures", "description": "Corrective measures."},
            {"name": "auth", "description": "Sessions."},
        ],
        "paths": {
            "/api/v1/orgs/{org}/measures": {
                "get": {
                    "tags": ["measures"],
                    "summary": "List Measures",
                    "description": "List measures, CM-1 first.",
                    "operationId": "measures-list_measures",
                    "security": user_or_token,
                    "parameters": [
                        org,
                        {"$ref": "#/components/parameters/Limit"},
                        {"$ref": "#/components/parameters/Cursor"},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": json_of("#/components/schemas/MeasurePage"),
                        },
                        **_errors("401", "403", "404", "422"),
                    },
                },
                "post": {
                    "tags": ["measures"],
                    "summary": "Create Measure",
                    "description": "Open a measure.",
                    "operationId": "measures-create_measure",
                    "security": [{"UserSession": []}],
                    "parameters": [org],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/MeasureCreate"},
                                "example": {"title": "Fix the change reviews"},
                            }
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "created",
                            "content": json_of("#/components/schemas/MeasureRead"),
                        },
                        **_errors("400", "401", "403", "404", "413", "422"),
                    },
                },
            },
            "/api/v1/auth/token": {
                "post": {
                    "tags": ["auth"],
                    "summary": "Create Token",
                    "description": "Log in.",
                    "operationId": "auth-create_token",
                    "security": [],
                    "requestBody": {
                        "required": True,
                        "content": json_of("#/components/schemas/Login"),
                    },
                    "responses": {
                        "200": {"description": "ok"},
                        **_errors("400", "413", "422"),
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {
                "UserSession": {
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": "JWT",
                    "description": "A person's session.",
                },
                "ApiToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A script's token.",
                },
            },
            "parameters": {
                "Cursor": {"name": "cursor", "in": "query", "required": False, "schema": {}},
                "Limit": {"name": "limit", "in": "query", "required": False, "schema": {}},
            },
            "schemas": {
                "Problem": {"type": "object", "properties": {"title": {"type": "string"}}},
                "Login": {"type": "object", "properties": {"username": {"type": "string"}}},
                "CursorPage": {
                    "type": "object",
                    "properties": {
                        "next_cursor": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                        "total": {"type": "integer"},
                    },
                    "required": ["next_cursor", "total"],
                },
                "MeasurePage": {
                    "type": "object",
                    "allOf": [
                        {
                            "type": "object",
                            "properties": {
                                "items": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/MeasureRead"},
                                }
                            },
                            "required": ["items"],
                        },
                        {"$ref": "#/components/schemas/CursorPage"},
                    ],
                },
                "MeasureCreate": {
                    "type": "object",
                    "properties": {"title": {"type": "string", "maxLength": 200}},
                    "required": ["title"],
                    "examples": [{"title": "Enforce change reviews"}],
                },
                "MeasureRead": {"type": "object", "properties": {"id": {"type": "string"}}},
            },
        },
    }


LIST = "/api/v1/orgs/{org}/measures"


def _list(spec: dict[str, Any]) -> dict[str, Any]:
    op: dict[str, Any] = spec["paths"][LIST]["get"]
    return op


def _create(spec: dict[str, Any]) -> dict[str, Any]:
    op: dict[str, Any] = spec["paths"][LIST]["post"]
    return op


def _set(op: dict[str, Any], key: str, value: Any) -> None:
    op[key] = value


# The synthetic contract's own "main write" (the real list is MAIN_WRITES).
SYNTHETIC_MAIN_WRITES = frozenset({"measures-create_measure"})


def _lint(spec: dict[str, Any], rule: str) -> list[str]:
    if rule == "request_examples":
        return request_examples(spec, SYNTHETIC_MAIN_WRITES)
    return RULES[rule](spec)


BREAKS: dict[str, list[tuple[str, Callable[[dict[str, Any]], None]]]] = {
    "operation_ids": [
        ("missing", lambda s: _list(s).pop("operationId")),
        ("duplicate", lambda s: _set(_create(s), "operationId", "measures-list_measures")),
        ("not its tag", lambda s: _set(_list(s), "operationId", "risks-list_measures")),
        ("not url-safe", lambda s: _set(_list(s), "operationId", "measures-list measures")),
    ],
    "summaries_and_tags": [
        ("no summary", lambda s: _list(s).pop("summary")),
        ("long summary", lambda s: _set(_list(s), "summary", "List " * 30)),
        ("no description", lambda s: _set(_list(s), "description", "")),
        ("two tags", lambda s: _set(_list(s), "tags", ["measures", "auth"])),
        ("undeclared tag", lambda s: s["tags"].pop(0)),
        ("tag without description", lambda s: s["tags"][0].pop("description")),
    ],
    "problem_responses": [
        ("JSON error body", lambda s: _set(_list(s)["responses"]["404"], "content", {})),
        (
            "other schema",
            lambda s: _set(
                _list(s)["responses"]["422"],
                "content",
                {"application/problem+json": {"schema": {"type": "object"}}},
            ),
        ),
        ("no 422", lambda s: _list(s)["responses"].pop("422")),
        ("body without 400", lambda s: _create(s)["responses"].pop("400")),
        ("body without 413", lambda s: _create(s)["responses"].pop("413")),
        ("path without 404", lambda s: _list(s)["responses"].pop("404")),
        ("credentials without 401", lambda s: _list(s)["responses"].pop("401")),
        ("credentials without 403", lambda s: _create(s)["responses"].pop("403")),
        ("no Problem component", lambda s: s["components"]["schemas"].pop("Problem")),
    ],
    "request_examples": [
        (
            "main write without example",
            lambda s: (
                _create(s)["requestBody"]["content"]["application/json"].pop("example"),
                s["components"]["schemas"]["MeasureCreate"].pop("examples"),
            ),
        ),
        (
            "invalid media type example",
            lambda s: _set(
                _create(s)["requestBody"]["content"]["application/json"], "example", {"title": 1}
            ),
        ),
        (
            "invalid schema example",
            lambda s: _set(s["components"]["schemas"]["MeasureCreate"], "examples", [{}]),
        ),
        ("main write gone", lambda s: s["paths"][LIST].pop("post")),
    ],
    "security": [
        ("no security", lambda s: _list(s).pop("security")),
        ("undefined scheme", lambda s: _set(_create(s), "security", [{"Basic": []}])),
        ("token only", lambda s: _set(_create(s), "security", [{"ApiToken": []}])),
        (
            "session not JWT",
            lambda s: s["components"]["securitySchemes"]["UserSession"].pop("bearerFormat"),
        ),
        (
            "token not bearer",
            lambda s: _set(s["components"]["securitySchemes"]["ApiToken"], "type", "apiKey"),
        ),
        (
            "scheme without description",
            lambda s: s["components"]["securitySchemes"]["ApiToken"].pop("description"),
        ),
        (
            "a third scheme",
            lambda s: _set(
                s["components"]["securitySchemes"],
                "OAuth2PasswordBearer",
                {"type": "oauth2", "description": "x", "flows": {}},
            ),
        ),
    ],
    "pagination": [
        (
            "inline cursor",
            lambda s: _set(
                _list(s)["parameters"], 2, {"name": "cursor", "in": "query", "schema": {}}
            ),
        ),
        ("cursor without limit", lambda s: _list(s)["parameters"].pop(1)),
        ("no Cursor component", lambda s: s["components"]["parameters"].pop("Cursor")),
        (
            "required limit",
            lambda s: _set(s["components"]["parameters"]["Limit"], "required", True),
        ),
        (
            "page not composed",
            lambda s: _set(
                s["components"]["schemas"],
                "MeasurePage",
                {"type": "object", "properties": {"items": {"type": "array"}}},
            ),
        ),
        (
            "envelope described again",
            lambda s: s["components"]["schemas"]["MeasureRead"]["properties"].update(
                next_cursor={"type": "string"}
            ),
        ),
        ("no envelope", lambda s: s["components"]["schemas"].pop("CursorPage")),
    ],
}


def _released_ids() -> frozenset[str]:
    baseline = json.loads(BASELINE.read_text())
    return frozenset(op["operationId"] for _, op in operations(baseline))


def test_the_committed_contract_passes_every_rule() -> None:
    spec = json.loads(CONTRACT.read_text())
    problems = lint(spec, _released_ids())
    assert problems == {name: [] for name in RULES}, json.dumps(problems, indent=1)


def test_the_valid_synthetic_contract_passes_every_rule() -> None:
    spec = valid()
    assert {name: _lint(spec, name) for name in RULES} == {name: [] for name in RULES}


@pytest.mark.parametrize(
    ("rule", "label"), [(rule, label) for rule, cases in BREAKS.items() for label, _ in cases]
)
def test_each_break_fails_its_rule(rule: str, label: str) -> None:
    spec = valid()
    (mutate,) = [fn for name, fn in BREAKS[rule] if name == label]
    mutate(spec)
    assert _lint(spec, rule), f"{rule} let {label!r} through"


def test_every_rule_has_a_break() -> None:
    assert set(BREAKS) == set(RULES)


def test_released_ids_are_exempt_only_from_the_url_safe_form() -> None:
    spec = valid()
    _set(_list(spec), "operationId", "measures-list measures")
    assert not operation_ids(spec, frozenset({"measures-list measures"}))
    assert operation_ids(spec)


def test_open_operations_are_exactly_the_public_routes() -> None:
    """``security: []`` in the contract iff the route is in PUBLIC_ROUTES (no credentials)."""
    spec = json.loads(CONTRACT.read_text())
    open_ops = {
        tuple(where.split(" ", 1)) for where, op in operations(spec) if op["security"] == []
    }
    assert open_ops == set(PUBLIC_ROUTES)


def _models_with_examples() -> list[type[BaseModel]]:
    import certready.main  # noqa: F401  (imports every domain's schemas)

    found, todo = [], list(BaseModel.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        extra = cls.model_config.get("json_schema_extra")
        if (
            cls.__module__.startswith("certready.")
            and isinstance(extra, dict)
            and "examples" in extra
        ):
            found.append(cls)
    return found


def test_request_examples_are_accepted_by_their_models() -> None:
    """Stronger than the JSON Schema check: the models' own validators (date order, no
    exclusion fields, member or name) accept each example."""
    models = _models_with_examples()
    assert len(models) >= len(MAIN_WRITES)
    for model in models:
        extra = model.model_config.get("json_schema_extra")
        assert isinstance(extra, dict)
        examples = extra["examples"]
        assert isinstance(examples, list)
        for example in examples:
            model.model_validate(example)


def _redocly(contract: Path, config_dir: Path) -> subprocess.CompletedProcess[str]:
    binary = FRONTEND / "node_modules" / ".bin" / "redocly"
    assert binary.exists(), "run `make frontend` (or `cd frontend && npm ci`): @redocly/cli"
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    return subprocess.run(
        [str(binary), "lint", "--config", str(config_dir / "redocly.yaml"), str(contract)],
        cwd=config_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_redocly_fails_a_broken_contract(tmp_path: Path) -> None:
    """The pinned Redocly CLI with the committed redocly.yaml (make contract-check runs it on
    the real contract) fails a copy with an operation stripped of its summary and tag."""
    spec = json.loads(CONTRACT.read_text())
    op = spec["paths"]["/api/v1/orgs/{org}/findings"]["post"]
    op.pop("summary")
    op["tags"] = ["undeclared"]
    (tmp_path / "openapi").mkdir()
    broken = tmp_path / "openapi" / "openapi.json"
    broken.write_text(json.dumps(spec))
    shutil.copy(ROOT / "redocly.yaml", tmp_path / "redocly.yaml")
    shutil.copy(ROOT / ".redocly.lint-ignore.yaml", tmp_path / ".redocly.lint-ignore.yaml")
    result = _redocly(broken, tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "operation-summary" in out and "operation-tag-defined" in out, out
    assert "operation-operationId-url-safe" not in out, out  # the ignore file still applies
