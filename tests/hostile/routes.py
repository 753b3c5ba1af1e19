"""The app's routes as test parameters: every list, every JSON-body route.

Discovered from the real app (not listed by hand), so a new route is covered the
day it is added.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from certready.api.openapi import iter_api_routes
from certready.config import Settings
from certready.core.pagination import page_params
from certready.main import create_app
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant

_PARAM = re.compile(r"\{([a-z_]+)\}")
# Placeholders for path parameters the request guard answers before routing.
PLACEHOLDERS = {
    "org": "acme",
    "ref": "8.1",
    "key": "D1",
    "number": "1",
    "topic_key": "policy",
    "framework": "iso20000-1-2018",
    "rule_id": "RDY-10",
}


@dataclass(frozen=True)
class RouteCase:
    method: str
    path: str

    @property
    def id(self) -> str:
        return f"{self.method} {self.path.removeprefix('/api/v1')}"

    def url(self, values: dict[str, str] | None = None) -> str:
        values = {**PLACEHOLDERS, **(values or {})}

        def fill(match: re.Match[str]) -> str:
            return values.get(match.group(1), str(uuid.UUID(int=1)))

        return _PARAM.sub(fill, self.path)


@cache
def route_app() -> FastAPI:
    """The app, for inspecting its routes and contract (no database is touched)."""
    root = Path("/nonexistent-certready")
    return create_app(Settings(data_dir=root, spa_dir=root))


def _calls(dependant: Dependant) -> set[Any]:
    found = {dependant.call}
    for sub in dependant.dependencies:
        found |= _calls(sub)
    return found


def list_routes() -> list[RouteCase]:
    """Every GET route that pages (takes ``PageDep`` or answers ``next_cursor``)."""
    cases = []
    for route in iter_api_routes(route_app()):
        model = route.original_route.response_model
        fields = getattr(model, "model_fields", {})
        if "GET" in route.methods and (
            page_params in _calls(route.dependant) or "next_cursor" in fields
        ):
            cases.append(RouteCase("GET", route.path))
    return sorted(cases, key=lambda c: c.path)


def json_body_routes() -> list[RouteCase]:
    """Every POST/PUT/PATCH route whose contract accepts a JSON request body."""
    cases = []
    for path, item in route_app().openapi()["paths"].items():
        for method, operation in item.items():
            content = operation.get("requestBody", {}).get("content", {})
            if method in ("post", "put", "patch") and "application/json" in content:
                cases.append(RouteCase(method.upper(), path))
    return sorted(cases, key=lambda c: (c.path, c.method))
