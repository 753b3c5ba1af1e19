"""The repo's own contract rules (issue 21), on top of Redocly's generic ones (redocly.yaml).

Each rule takes an OpenAPI document and returns its problems, one line each, naming the
operation or component; ``lint(spec)`` runs them all. tests/contract/test_lint.py runs them
on the committed contract and breaks a small valid contract once per rule to prove each
rule can fail.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from jsonschema import Draft202012Validator

Spec = dict[str, Any]
Rule = Callable[[Spec], list[str]]
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_REF = "#/components/schemas/Problem"
PAGE_REF = "#/components/schemas/CursorPage"
CURSOR_REF = "#/components/parameters/Cursor"
LIMIT_REF = "#/components/parameters/Limit"
OPERATION_ID = re.compile(r"^[a-z][a-z-]*-[a-z][a-z0-9_]*$")
MAX_SUMMARY = 80

# The main writes third parties script: their request bodies carry an example.
MAIN_WRITES = frozenset(
    {
        "requirements-update_requirement",
        "requirements-bulk_update_requirements",
        "evidence-create_evidence",
        "evidence-update_evidence",
        "audits-create_audit",
        "audits-update_audit",
        "findings-create_finding",
        "findings-update_finding",
        "corrective-measures-create_corrective_measure",
        "corrective-measures-update_corrective_measure",
        "management-reviews-create_management_review",
        "management-reviews-update_management_review",
    }
)


def operations(spec: Spec) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield f"{method.upper()} {path}", item[method]


def resolve(spec: Spec, node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
        node = target
    return node


def operation_ids(spec: Spec, released: frozenset[str] = frozenset()) -> list[str]:
    """Present, unique, ``<tag>-<function name>`` and URL-safe (generated clients name their
    functions after them, so they never change: the v1 gate keeps them). ``released``: ids
    of the v1 baseline that predate the URL-safe form (``service reports-...``), kept."""
    problems, seen = [], set()
    for where, op in operations(spec):
        op_id = op.get("operationId")
        if not op_id:
            problems.append(f"{where}: no operationId")
            continue
        if op_id in seen:
            problems.append(f"{where}: operationId {op_id} used twice")
        seen.add(op_id)
        tags = op.get("tags") or ["?"]
        if not op_id.startswith(f"{tags[0]}-"):
            problems.append(f"{where}: operationId {op_id} does not start with its tag")
        if op_id not in released and not OPERATION_ID.match(op_id):
            problems.append(f"{where}: operationId {op_id} is not <tag>-<name> (a-z, -, _)")
    return problems


def summaries_and_tags(spec: Spec) -> list[str]:
    """A one-line summary, a description, exactly one tag, declared with a description."""
    problems = []
    declared = {t["name"]: t.get("description", "") for t in spec.get("tags", [])}
    used = set()
    for where, op in operations(spec):
        summary = op.get("summary", "")
        if not summary.strip():
            problems.append(f"{where}: no summary")
        elif len(summary) > MAX_SUMMARY or "\n" in summary:
            problems.append(f"{where}: summary longer than one short line")
        if not op.get("description", "").strip():
            problems.append(f"{where}: no description")
        tags = op.get("tags", [])
        if len(tags) != 1:
            problems.append(f"{where}: {len(tags)} tags, expected one")
        for tag in tags:
            used.add(tag)
            if not declared.get(tag, "").strip():
                problems.append(f"{where}: tag {tag!r} not declared with a description")
    problems += [f"tag {tag!r} declared but unused" for tag in sorted(set(declared) - used)]
    return problems


def _is_problem(response: dict[str, Any]) -> bool:
    content = response.get("content", {})
    return list(content) == [PROBLEM_MEDIA_TYPE] and content[PROBLEM_MEDIA_TYPE].get("schema") == {
        "$ref": PROBLEM_REF
    }


def problem_responses(spec: Spec) -> list[str]:
    """Every 4xx/5xx is ``application/problem+json`` with the Problem schema, and each
    operation declares the ones its shape implies: 422 always (parameters and bodies are
    validated), 400/413 with a body, 404 with a path parameter, 401/403 with credentials."""
    problems = []
    if "Problem" not in spec.get("components", {}).get("schemas", {}):
        problems.append("components.schemas.Problem missing")
    for where, op in operations(spec):
        responses = op.get("responses", {})
        for code, response in responses.items():
            if code.startswith(("4", "5")) and not _is_problem(resolve(spec, response)):
                problems.append(f"{where}: {code} is not {PROBLEM_MEDIA_TYPE} with Problem")
        expected = {"422"}
        if "requestBody" in op:
            expected |= {"400", "413"}
        params = [resolve(spec, p) for p in op.get("parameters", [])]
        if any(p.get("in") == "path" for p in params):
            expected.add("404")
        if op.get("security"):
            expected |= {"401", "403"}
        for code in sorted(expected - set(responses)):
            problems.append(f"{where}: does not declare its {code} problem")
    return problems


def _has_example(spec: Spec, media: dict[str, Any]) -> bool:
    if media.get("example") is not None or media.get("examples"):
        return True
    schema = resolve(spec, media.get("schema", {}))
    return bool(schema.get("examples") or schema.get("example") is not None)


def request_examples(spec: Spec, main_writes: frozenset[str] = MAIN_WRITES) -> list[str]:
    """The main writes' JSON bodies have an example, and every example in the contract
    (schemas and media types) is valid against its schema."""
    problems = []
    found = set()
    for where, op in operations(spec):
        content = op.get("requestBody", {}).get("content", {})
        if op.get("operationId") in main_writes:
            found.add(op["operationId"])
            json_body = content.get("application/json")
            if json_body is None or not _has_example(spec, json_body):
                problems.append(f"{where}: the JSON request body has no example")
        for media_type, media in content.items():
            examples = [media["example"]] if "example" in media else []
            examples += [e.get("value") for e in media.get("examples", {}).values()]
            for example in examples:
                problems += _invalid(
                    spec, media.get("schema", {}), example, f"{where} {media_type}"
                )
    problems += [f"{op_id}: main write missing from the contract" for op_id in main_writes - found]
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        for example in schema.get("examples", []):
            problems += _invalid(spec, {"$ref": f"#/components/schemas/{name}"}, example, name)
    return problems


def _invalid(spec: Spec, schema: Any, example: Any, where: str) -> list[str]:
    # the contract itself as the root schema, so "#/components/..." references resolve
    root = {**spec, "x-lint-target": schema, "$ref": "#/x-lint-target"}
    validator = Draft202012Validator(root)
    return [f"{where}: example invalid: {e.message}" for e in validator.iter_errors(example)]


def security(spec: Spec) -> list[str]:
    """Two bearer schemes, user sessions (JWT) and API tokens, and every operation says which
    it accepts (``[]``: no credentials); API tokens only alongside user sessions."""
    problems = []
    schemes = spec.get("components", {}).get("securitySchemes", {})
    session, token = schemes.get("UserSession", {}), schemes.get("ApiToken", {})
    if (session.get("type"), session.get("scheme"), session.get("bearerFormat")) != (
        "http",
        "bearer",
        "JWT",
    ):
        problems.append("securitySchemes.UserSession is not an http bearer JWT scheme")
    if (token.get("type"), token.get("scheme")) != ("http", "bearer"):
        problems.append("securitySchemes.ApiToken is not an http bearer scheme")
    for name, scheme in schemes.items():
        if not scheme.get("description", "").strip():
            problems.append(f"securitySchemes.{name} has no description")
    unexpected = sorted(set(schemes) - {"UserSession", "ApiToken"})
    if unexpected:
        problems.append(f"unexpected security schemes {unexpected}")
    for where, op in operations(spec):
        if "security" not in op:
            problems.append(f"{where}: no security (use [] for an open operation)")
            continue
        names = [name for requirement in op["security"] for name in requirement]
        for name in names:
            if name not in schemes:
                problems.append(f"{where}: security scheme {name!r} not defined")
        if names and "UserSession" not in names:
            problems.append(f"{where}: credentials without UserSession")
    return problems


def pagination(spec: Spec) -> list[str]:
    """``cursor``/``limit`` only as references to ``components.parameters``, together; every
    paginated list answers a page schema composed (allOf) of the shared CursorPage, and no
    other schema describes the envelope's fields again."""
    problems = []
    components = spec.get("components", {})
    shared = components.get("parameters", {})
    for name, ref in (("cursor", "Cursor"), ("limit", "Limit")):
        param = shared.get(ref, {})
        if (param.get("name"), param.get("in"), param.get("required", False)) != (
            name,
            "query",
            False,
        ):
            problems.append(f"components.parameters.{ref} is not the optional query {name!r}")
    envelope = components.get("schemas", {}).get("CursorPage", {})
    if set(envelope.get("properties", {})) != {"next_cursor", "total"}:
        problems.append("components.schemas.CursorPage does not define next_cursor and total")
    for where, op in operations(spec):
        params = op.get("parameters", [])
        refs = {p.get("$ref") for p in params}
        for param in params:
            if "$ref" not in param and param.get("name") in ("cursor", "limit"):
                problems.append(f"{where}: inline {param['name']!r} parameter, use the component")
        if (CURSOR_REF in refs) != (LIMIT_REF in refs):
            problems.append(f"{where}: cursor and limit go together")
        if CURSOR_REF not in refs:
            continue
        body = op.get("responses", {}).get("200", {}).get("content", {}).get("application/json")
        page = resolve(spec, (body or {}).get("schema", {}))
        if {"$ref": PAGE_REF} not in page.get("allOf", []):
            problems.append(f"{where}: the 200 body is not a CursorPage (allOf)")
    for name, schema in components.get("schemas", {}).items():
        if name != "CursorPage" and "next_cursor" in schema.get("properties", {}):
            problems.append(f"components.schemas.{name}: describes the page envelope again")
    return problems


RULES: dict[str, Rule] = {
    "operation_ids": operation_ids,
    "summaries_and_tags": summaries_and_tags,
    "problem_responses": problem_responses,
    "request_examples": request_examples,
    "security": security,
    "pagination": pagination,
}


def lint(spec: Spec, released: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """Problems per rule; empty lists when the contract passes."""
    found = {name: rule(spec) for name, rule in RULES.items()}
    found["operation_ids"] = operation_ids(spec, released)
    return found
