"""Validate an OSCAL document against NIST's JSON schema (vendored in ``oscal_schema/``).

Approach: ``jsonschema`` (Draft 7, the schema's dialect) with the ``pattern`` keyword replaced
by ``regress``, a Rust implementation of ECMA-262 regular expressions. JSON Schema defines
``pattern`` as ECMA-262, and the OSCAL schema's token datatype uses Unicode property classes
(``^(\\p{L}|_)(\\p{L}|\\p{N}|[.\\-_])*$``) that Python's ``re`` rejects ("bad escape \\p"), so
stock jsonschema cannot even compile it; ``regex`` would accept ``\\p`` but is a Perl/PCRE
dialect, regress is the dialect the schema is written for (check-jsonschema uses it the same
way). compliance-trestle was not used: it pins OSCAL 1.2.1 models and pulls in a dozen heavy
dependencies for what one schema file does.

The document is validated against its model's branch of the schema's root ``oneOf`` (so an
error names the property, not "is not valid under any of the given schemas"). Formats the
validator cannot check without extra packages (``uri``, ``date-time``) are covered by the
schema's own patterns for date-time; UUIDs are checked by pattern (version 4 or 5).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import regress
from jsonschema import Draft7Validator, validators
from jsonschema.exceptions import ValidationError

SCHEMA_FILE = Path(__file__).parent / "oscal_schema" / "oscal_complete_schema.json"
SCHEMA_SHA256 = "384324105c7a817af0f65b120a963146caa0e0d55d969cf0daf60e063b87a206"
SCHEMA_VERSION = "1.2.3"


@cache
def _regex(pattern: str) -> regress.Regex:
    return regress.Regex(pattern, flags="u")


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    if validator.is_type(instance, "string") and _regex(pattern).find(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


OscalValidator = validators.extend(Draft7Validator, {"pattern": _pattern})


@cache
def schema() -> dict[str, Any]:
    raw = SCHEMA_FILE.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SCHEMA_SHA256, "the vendored schema changed"
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


@cache
def _validator(root: str) -> Any:
    full = schema()
    (branch,) = [b for b in full["oneOf"] if b["required"] == [root]]
    model = {k: v for k, v in full.items() if k != "oneOf"} | branch
    return OscalValidator(model, format_checker=Draft7Validator.FORMAT_CHECKER)


def errors(document: dict[str, Any]) -> list[str]:
    """Every schema violation, as "path: message" (empty: the document is valid)."""
    if len(document) != 1:
        return [f"one root model expected, got {sorted(document)}"]
    (root,) = document
    roots = [b["required"][0] for b in schema()["oneOf"]]
    if root not in roots:
        return [f"{root!r} is not an OSCAL model ({roots})"]
    found = sorted(_validator(root).iter_errors(document), key=lambda e: list(e.absolute_path))
    return ["/".join(str(p) for p in e.absolute_path) + ": " + e.message for e in found]


def assert_valid(document: dict[str, Any]) -> None:
    problems = errors(document)
    assert not problems, "\n".join(problems[:20])
