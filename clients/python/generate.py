"""Generate certready_client from openapi/openapi.json: ``python clients/python/generate.py [OUT]``
(``--check``: fail when the committed package differs from a fresh one).

Runs the pinned openapi-python-client (backend dev group) with openapi-python-client.yaml and
fails when it warns about anything but the known gaps below, so a contract the generator cannot
express fully is noticed when it is made, not by a third party.
"""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "certready_client"
ROOT = HERE.parents[1]
CONTRACT = ROOT / "openapi" / "openapi.json"
# The generator has no text bodies; these operations also take multipart, which it generates.
KNOWN_WARNINGS = {
    "POST /api/v1/orgs/{org}/configuration-items/import: Unsupported content type text/csv",
    "POST /api/v1/orgs/{org}/training/records/import: Unsupported content type text/csv",
}
WARNING = re.compile(r"^WARNING parsing (\S+ \S+) within \S+\.\n\n(.+)$", re.MULTILINE)


def generate(out: Path) -> list[str]:
    """Write the package to ``out``; return the generator's unexpected warnings."""
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "openapi-python-client").exists():
        return ["not installed: run `make backend` (it is pinned in the dev group)"]
    result = subprocess.run(  # noqa: S603  (the pinned generator, fixed arguments)
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(CONTRACT),
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
