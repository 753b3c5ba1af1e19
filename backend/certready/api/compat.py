"""The v1 breaking-change gate: what a client built on the released contract would lose.

``breaking_changes(released, current)`` compares two OpenAPI 3.1 documents and names every
change that can break a client of ``released``:

- a path, an operation (method) or a success response / media type removed, an operationId
  renamed (generated clients' function names), security added to an open operation;
- a parameter removed, made required, or a new required parameter;
- a request body made required, a request field removed, made required or added as required;
- a response field removed or no longer always present;
- an enum value removed anywhere (in requests and responses);
- an input type narrowed (a JSON type or ``null`` dropped, an enum or a tighter bound
  imposed: ``maxLength``, ``minLength``, ``maximum``, ``minimum``, ``maxItems``,
  ``minItems``, ``pattern``), an output type widened to a type clients do not expect.

Additions pass: new paths, operations, optional parameters and fields, response fields,
enum values, statuses. No OpenAPI diff tool installs from the registries this project
uses (oasdiff and openapi-changes are Go binaries fetched outside them, Optic is no longer
maintained), so the rules are written here and tested one by one (tests/contract).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Direction = Literal["input", "output"]
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
SUCCESS = ("2", "3")
# bound -> True when a larger value is tighter
BOUNDS = {
    "maxLength": False,
    "maxItems": False,
    "maximum": False,
    "exclusiveMaximum": False,
    "minLength": True,
    "minItems": True,
    "minimum": True,
    "exclusiveMinimum": True,
}
Schema = dict[str, Any]


def _resolve(doc: dict[str, Any], schema: Any) -> Schema:
    """Follow local ``$ref``s; sibling keys (description, title) are ignored."""
    seen = set()
    while isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"]
        if ref in seen or not ref.startswith("#/"):
            break
        seen.add(ref)
        target: Any = doc
        for part in ref[2:].split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
        schema = target
    return schema if isinstance(schema, dict) else {}


def _alternatives(doc: dict[str, Any], schema: Any) -> list[Schema]:
    """A schema as the list of plain schemas it accepts (anyOf/oneOf flattened)."""
    schema = _resolve(doc, schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            out: list[Schema] = []
            for branch in schema[key]:
                out.extend(_alternatives(doc, branch))
            return out
    if "allOf" in schema:
        siblings = {k: v for k, v in schema.items() if k not in ("allOf", "title", "description")}
        if len(schema["allOf"]) == 1 and not siblings:
            return _alternatives(doc, schema["allOf"][0])
        return [_merge_all_of(doc, schema)]
    return [schema]


def _merge_all_of(doc: dict[str, Any], schema: Schema) -> Schema:
    """An ``allOf`` of objects (a page = the shared envelope + its ``items``) as the one
    object a client sees: the members' and the schema's own properties and required."""
    merged: Schema = {k: v for k, v in schema.items() if k != "allOf"}
    properties = dict(merged.get("properties", {}))
    required = set(merged.get("required", []))
    for member in schema["allOf"]:
        part = _resolve(doc, member)
        if "allOf" in part:
            part = _merge_all_of(doc, part)
        for name, prop in part.get("properties", {}).items():
            properties.setdefault(name, prop)
        required |= set(part.get("required", []))
        for key, value in part.items():
            if key not in ("properties", "required", "title", "description"):
                merged.setdefault(key, value)
    merged["properties"] = properties
    merged["required"] = sorted(required)
    return merged


def _types(alts: list[Schema]) -> set[str]:
    types: set[str] = set()
    for alt in alts:
        declared = alt.get("type")
        if isinstance(declared, list):
            types |= set(declared)
        elif isinstance(declared, str):
            types.add(declared)
        elif "properties" in alt:
            types.add("object")
        elif "const" in alt:
            types.add(type(alt["const"]).__name__)
        else:
            types.add("any")
    return types


def _enum(alts: list[Schema]) -> set[Any] | None:
    """The enum values accepted, or None when any value of the type is."""
    values: set[Any] = set()
    for alt in alts:
        if alt.get("type") == "null":
            continue
        if "enum" in alt:
            values |= {json.dumps(v) for v in alt["enum"]}
        elif "const" in alt:
            values.add(json.dumps(alt["const"]))
        else:
            return None
    return values


def _covers(wide: set[str], narrow: set[str]) -> set[str]:
    """The types of ``narrow`` that ``wide`` does not accept."""
    if "any" in wide:
        return set()
    missing = narrow - wide
    if "integer" in missing and "number" in wide:
        missing.discard("integer")
    return missing


@dataclass
class _Diff:
    old_doc: dict[str, Any]
    new_doc: dict[str, Any]
    breaks: list[str] = field(default_factory=list)
    _seen: set[tuple[int, int, str]] = field(default_factory=set)

    def add(self, where: str, what: str) -> None:
        self.breaks.append(f"{where}: {what}")

    # --- schemas ------------------------------------------------------------------------

    def schema(self, where: str, old: Any, new: Any, direction: Direction) -> None:
        key = (id(_resolve(self.old_doc, old)), id(_resolve(self.new_doc, new)), direction)
        if key in self._seen:  # recursive or shared schemas: compare each pair once
            return
        self._seen.add(key)
        old_alts = _alternatives(self.old_doc, old)
        new_alts = _alternatives(self.new_doc, new)
        old_types, new_types = _types(old_alts), _types(new_alts)
        if direction == "input":
            lost = _covers(new_types, old_types)
            if lost:
                self.add(where, f"no longer accepts {', '.join(sorted(lost))}")
        else:
            gained = _covers(old_types, new_types)
            if gained:
                self.add(where, f"may now return {', '.join(sorted(gained))}")
        old_enum, new_enum = _enum(old_alts), _enum(new_alts)
        if old_enum is not None and new_enum is not None:
            for value in sorted(old_enum - new_enum):
                self.add(where, f"enum value {value} removed")
        elif direction == "input" and old_enum is None and new_enum is not None:
            self.add(where, "now restricted to an enum")
        if direction == "input":
            self._bounds(where, old_alts, new_alts)
        old_obj = [a for a in old_alts if "object" in _types([a])]
        new_obj = [a for a in new_alts if "object" in _types([a])]
        if old_obj and new_obj:
            self._object(where, old_obj[0], new_obj[0], direction)
        old_arr = [a for a in old_alts if "array" in _types([a]) and "items" in a]
        new_arr = [a for a in new_alts if "array" in _types([a]) and "items" in a]
        if old_arr and new_arr:
            self.schema(f"{where}[]", old_arr[0]["items"], new_arr[0]["items"], direction)

    def _bounds(self, where: str, old_alts: list[Schema], new_alts: list[Schema]) -> None:
        def merged(alts: list[Schema]) -> Schema:
            out: Schema = {}
            for alt in alts:
                out.update({k: alt[k] for k in (*BOUNDS, "pattern") if k in alt})
            return out

        old, new = merged(old_alts), merged(new_alts)
        for bound, larger_is_tighter in BOUNDS.items():
            if bound not in new or not isinstance(new[bound], int | float):
                continue
            before = old.get(bound)
            tighter = before is None or (
                new[bound] > before if larger_is_tighter else new[bound] < before
            )
            if tighter:
                self.add(where, f"{bound} tightened from {before} to {new[bound]}")
        if "pattern" in new and new["pattern"] != old.get("pattern"):
            self.add(where, f"pattern changed to {new['pattern']!r}")

    def _object(self, where: str, old: Schema, new: Schema, direction: Direction) -> None:
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        old_req, new_req = set(old.get("required", [])), set(new.get("required", []))
        for name, old_prop in old_props.items():
            at = f"{where}.{name}"
            if name not in new_props:
                if direction == "output" or new.get("additionalProperties") is False:
                    self.add(
                        at, f"{'response' if direction == 'output' else 'request'} field removed"
                    )
                continue
            if direction == "input" and name in new_req and name not in old_req:
                self.add(at, "request field made required")
            if direction == "output" and name in old_req and name not in new_req:
                self.add(at, "response field no longer always present")
            self.schema(at, old_prop, new_props[name], direction)
        if direction == "input":
            for name in sorted(new_req - set(old_props)):
                self.add(f"{where}.{name}", "new required request field")

    # --- operations -----------------------------------------------------------------------

    def operation(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        if old.get("operationId") != new.get("operationId"):
            self.add(
                where, f"operationId {old.get('operationId')} renamed to {new.get('operationId')}"
            )
        if not old.get("security", True) and new.get("security"):
            self.add(where, "now requires credentials")
        self.parameters(where, old.get("parameters", []), new.get("parameters", []))
        self.request_body(where, old.get("requestBody"), new.get("requestBody"))
        self.responses(where, old.get("responses", {}), new.get("responses", {}))

    def parameters(self, where: str, old: list[Any], new: list[Any]) -> None:
        def index(doc: dict[str, Any], params: list[Any]) -> dict[tuple[str, str], Schema]:
            resolved = (_resolve(doc, p) for p in params)
            return {
                (p["in"], p["name"].lower() if p["in"] == "header" else p["name"]): p
                for p in resolved
            }

        old_params, new_params = index(self.old_doc, old), index(self.new_doc, new)
        for (place, name), param in old_params.items():
            at = f"{where}: {place} parameter {name!r}"
            if (place, name) not in new_params:
                self.add(at, "removed")
                continue
            now = new_params[(place, name)]
            if now.get("required") and not param.get("required"):
                self.add(at, "made required")
            self.schema(at, param.get("schema", {}), now.get("schema", {}), "input")
        for (place, name), param in new_params.items():
            if (place, name) not in old_params and param.get("required"):
                self.add(f"{where}: {place} parameter {name!r}", "new required parameter")

    def request_body(self, where: str, old: Any, new: Any) -> None:
        old, new = _resolve(self.old_doc, old), _resolve(self.new_doc, new)
        if not new:
            return
        if new.get("required") and not (old and old.get("required")):
            self.add(f"{where}: request body", "made required")
        for media, content in (old or {}).get("content", {}).items():
            at = f"{where}: request body {media}"
            if media not in new.get("content", {}):
                self.add(at, "media type no longer accepted")
                continue
            self.schema(
                at, content.get("schema", {}), new["content"][media].get("schema", {}), "input"
            )

    def responses(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        for status, response in old.items():
            if not status.startswith(SUCCESS):
                continue
            at = f"{where}: response {status}"
            if status not in new:
                self.add(at, "removed")
                continue
            old_r, new_r = _resolve(self.old_doc, response), _resolve(self.new_doc, new[status])
            for header in old_r.get("headers", {}):
                if header not in new_r.get("headers", {}):
                    self.add(f"{at} header {header}", "removed")
            for media, content in old_r.get("content", {}).items():
                if media not in new_r.get("content", {}):
                    self.add(f"{at} {media}", "media type removed")
                    continue
                now = new_r["content"][media].get("schema", {})
                self.schema(f"{at} {media}", content.get("schema", {}), now, "output")


def breaking_changes(released: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """Every change in ``current`` that breaks a client of ``released`` (empty: compatible)."""
    diff = _Diff(released, current)
    new_paths = current.get("paths", {})
    for path, item in released.get("paths", {}).items():
        if path not in new_paths:
            diff.add(path, "path removed")
            continue
        for method in METHODS:
            if method not in item:
                continue
            where = f"{method.upper()} {path}"
            if method not in new_paths[path]:
                diff.add(where, "operation removed")
                continue
            diff.operation(where, item[method], new_paths[path][method])
    return diff.breaks


def breaking_changes_in_files(released: Path, current: Path) -> list[str]:
    return breaking_changes(json.loads(released.read_text()), json.loads(current.read_text()))
