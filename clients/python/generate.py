"""Generate certready_client from openapi/openapi.json: ``python clients/python/generate.py [OUT]``
(``--check``: fail when the committed package differs from a fresh one).

Runs the pinned openapi-python-client (backend dev group) with openapi-python-client.yaml and
fails when it warns about anything but the known gaps below, so a contract the generator cannot
express fully is noticed when it is made, not by a third party.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "certready_client"
ROOT = HERE.parents[1]
CONTRACT = ROOT / "openapi" / "openapi.json"
# The generator has no text bodies; these operations also take multipart, which it generates.
KNOWN_WARNINGS = {
    "POST /api/v1/orgs/{org}/configuration-items/import: Unsupported content type text/csv",
    "POST /api/v1/orgs/{org}/training/records/import: Unsupported content type text/csv",
}
# Parsed-data schemas the client downloads as bytes instead (see _as_downloads).
DOWNLOADED_AS_BYTES = {"application/yaml"}
WARNING = re.compile(r"^WARNING parsing (\S+ \S+) within \S+\.\n\n(.+)$", re.MULTILINE)


def _as_downloads(contract: dict[str, Any]) -> dict[str, Any]:
    """The contract with every YAML response's schema read as a byte download.

    The contract describes a YAML body by its parsed data model (OAS 3.1), which the generator
    would decode with ``from_dict`` on the raw bytes; the client hands the file over instead,
    like the other downloads (openapi-python-client.yaml maps the media type to bytes)."""
    for item in contract["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for response in operation.get("responses", {}).values():
                for media_type, body in response.get("content", {}).items():
                    if media_type in DOWNLOADED_AS_BYTES:
                        body["schema"] = {"type": "string", "format": "binary"}
    return contract


def generate(out: Path) -> list[str]:
    """Write the package to ``out``; return the generator's unexpected warnings."""
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "openapi-python-client").exists():
        return ["not installed: run `make backend` (it is pinned in the dev group)"]
    with tempfile.TemporaryDirectory() as tmp:
        contract = Path(tmp) / "openapi.json"
        contract.write_text(json.dumps(_as_downloads(json.loads(CONTRACT.read_text()))))
        return _generate(bin_dir, contract, out)


def _generate(bin_dir: Path, contract: Path, out: Path) -> list[str]:
    result = subprocess.run(  # noqa: S603  (the pinned generator, fixed arguments)
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(contract),
            "--config",
            str(HERE / "openapi-python-client.yaml"),
            "--meta",
            "none",
            "--output-path",
            str(out),
            "--overwrite",
        ],
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"},
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    if result.returncode != 0:
        return [output]
    ruff, config = str(bin_dir / "ruff"), str(HERE / "pyproject.toml")
    for command in (
        [ruff, "check", "--no-cache", "--fix-only", "--config", config, "."],
        [ruff, "format", "--no-cache", "--config", config, "."],
    ):
        subprocess.run(command, cwd=out, check=True, capture_output=True)  # noqa: S603
    found = {f"{where}: {what.strip()}" for where, what in WARNING.findall(output)}
    if "Warning" in output and not found:
        return [output]
    return sorted(found - KNOWN_WARNINGS)


def differences(committed: Path, fresh: Path) -> list[str]:
    """Files added, removed or changed between two generated trees."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(f"not generated: {prefix}{n}" for n in cmp.left_only)
        out.extend(f"missing: {prefix}{n}" for n in cmp.right_only)
        out.extend(f"changed: {prefix}{n}" for n in cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(committed, fresh, ignore=["__pycache__"]), "")
    return sorted(out)


def stale() -> list[str]:
    """How the committed package differs from one generated now (empty: up to date)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "certready_client"
        return generate(fresh) or differences(PACKAGE, fresh)


def main() -> int:
    if sys.argv[1:] == ["--check"]:
        problems = stale()
        hint = "clients/python/certready_client is stale: run `make contract` and commit it"
    else:
        out = Path(sys.argv[1]) if len(sys.argv) > 1 else PACKAGE
        problems, hint = (
            generate(out.resolve()),
            "the contract needs a change the generator can read",
        )
    for line in problems:
        print(f"  {line}", file=sys.stderr)
    if problems:
        print(hint, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
