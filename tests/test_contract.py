"""The committed contract is exactly what the app serves (DESIGN.md, STYLE.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from certready.api.openapi import dump_openapi
from certready.config import Settings
from certready.main import create_app

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT / "openapi" / "openapi.json"
sys.path.insert(0, str(ROOT / "clients" / "python"))
import generate  # noqa: E402  (clients/python/generate.py)


def test_committed_openapi_matches_the_app() -> None:
    generated = dump_openapi(create_app(Settings(env="development", spa_dir=Path("/nonexistent"))))
    assert CONTRACT.read_text() == generated, "run `make openapi` and commit openapi/openapi.json"


def test_committed_python_client_matches_the_contract() -> None:
    problems = generate.stale()
    assert not problems, (
        "clients/python/certready_client is stale: run `make contract` (or "
        "`.venv/bin/python clients/python/generate.py`) and commit it:\n  " + "\n  ".join(problems)
    )


def test_operation_ids_are_tag_dash_name_and_errors_are_problems() -> None:
    spec = json.loads(CONTRACT.read_text())
    seen = set()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            assert len(op["tags"]) == 1, (method, path)
            assert op["operationId"].startswith(op["tags"][0] + "-"), op["operationId"]
            assert op["operationId"] not in seen
            seen.add(op["operationId"])
            assert op.get("description"), f"{method} {path} has no description"
            for code, response in op["responses"].items():
                if code.startswith(("4", "5")):
                    assert list(response["content"]) == ["application/problem+json"], (
                        method,
                        path,
                        code,
                    )
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    assert "Problem" in spec["components"]["schemas"]
