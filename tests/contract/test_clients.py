"""Third-party generators on the committed contract: the Python client (openapi-python-client)
and the SPA's (@hey-api/openapi-ts) generated from openapi/openapi.json type-check (mypy
--strict, tsc --strict), and the SPA's equals the committed code (the Python client's staleness
is checked in tests/test_contract.py, which every API change runs)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "openapi" / "openapi.json"
PY_CLIENT = ROOT / "clients" / "python"
FRONTEND = ROOT / "frontend"
STALE = "{what} is stale: run `make contract` (regenerates every client) and commit it:\n  {diff}"

sys.path.insert(0, str(PY_CLIENT))
import generate  # noqa: E402  (clients/python/generate.py: the one way the client is made)


@pytest.fixture(scope="module")
def python_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pyclient") / "certready_client"
    unexpected = generate.generate(out)
    assert not unexpected, "openapi-python-client could not express:\n" + "\n".join(unexpected)
    return out


@pytest.fixture(scope="module")
def spa_client() -> Iterator[Path]:
    # inside frontend/node_modules so the generated code resolves the SPA's packages
    out = FRONTEND / "node_modules" / ".cache" / "certready-gen-check"
    shutil.rmtree(out.parent, ignore_errors=True)
    subprocess.run(
        ["npx", "openapi-ts", "-i", str(CONTRACT), "-o", str(out / "gen")],
        cwd=FRONTEND,
        check=True,
        capture_output=True,
        timeout=300,
    )
    yield out
    shutil.rmtree(out.parent, ignore_errors=True)


def test_python_client_type_checks(python_client: Path) -> None:
    mypy = Path(sys.executable).parent / "mypy"
    done = subprocess.run(
        [str(mypy), "--strict", "--no-incremental", "certready_client"],
        cwd=python_client.parent,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:]


def test_python_client_is_versioned_with_the_contract() -> None:
    project = tomllib.loads((PY_CLIENT / "pyproject.toml").read_text())["project"]
    assert project["version"] == json.loads(CONTRACT.read_text())["info"]["version"]


def test_spa_client_matches_the_contract(spa_client: Path) -> None:
    diff = generate.differences(FRONTEND / "src" / "api" / "gen", spa_client / "gen")
    assert not diff, STALE.format(what="frontend/src/api/gen", diff="\n  ".join(diff))


def test_spa_client_type_checks(spa_client: Path) -> None:
    config = {
        "extends": os.path.relpath(FRONTEND / "tsconfig.json", spa_client),
        "compilerOptions": {"types": []},
        "include": ["gen"],
    }
    (spa_client / "tsconfig.json").write_text(json.dumps(config))
    done = subprocess.run(
        ["npx", "tsc", "--noEmit", "-p", str(spa_client / "tsconfig.json")],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:]
