"""docker-compose.yml is valid against the Compose Spec (no Docker engine needed)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _check(path: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    return subprocess.run(
        [exe, "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_compose_file_is_valid() -> None:
    result = _check(ROOT / "docker-compose.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_validator_rejects_a_typo(tmp_path: Path) -> None:
    bad = tmp_path / "compose.yml"
    bad.write_text((ROOT / "docker-compose.yml").read_text().replace("expose:", "exposez:"))
    assert _check(bad).returncode != 0
