"""The receiver benchmark (benchmarks/receiver.py) end to end at a tiny size, on both
databases, so it cannot rot: two real servers, a burst each, the result file with every
figure, and the delivery checks that hold at any size (nothing lost, no non-2xx, duplicates
collapsed). The throughput targets are not enforced here (PERFORMANCE.md 4.6)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import receiver as bench

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_receiver_benchmark_runs_at_a_tiny_size(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if kind == "postgresql":
        request.getfixturevalue("postgresql_target")  # skips/fails like every PostgreSQL test
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.receiver",
            f"--db={kind}",
            "--deliveries=30",
            "--clients=4",
            "--rounds=1",
            f"--out={tmp_path}",
            "--strict",  # fails on the targets below only: the rate ones cannot pass here
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode in (0, 1), done.stdout + done.stderr
    out = json.loads((tmp_path / f"receiver-{kind}.json").read_text())
    result = out["result"]
    assert out["benchmark"] == "B5 receiver burst" and out["commit"] and out["date"]
    assert out["environment"]["cpus"] >= 1
    [round_] = result["rounds"]
    for side in ("receiver", "baseline"):
        assert round_[side]["requests"] == 30 and round_[side]["statuses"] == {"200": 30}
        assert round_[side]["rate"] > 0 and round_[side]["p95_ms"] >= round_[side]["p50_ms"]
    # 27 distinct deliveries and 3 re-sends per burst, plus the 4 of the warm-up
    assert result["distinct_deliveries_sent"] == 27 + 4
    assert result["deliveries_stored"] == result["records_stored"] == 31
    assert result["lost"] == 0 and result["non_2xx"] == 0 and result["duplicates_collapsed"]
    checks = {c["check"]: c for c in out["checks"]}
    for name in (
        "acknowledged deliveries lost",
        "non-2xx answers",
        "duplicates collapsed (rows = distinct deliveries)",
    ):
        assert checks[name]["pass"], name
    assert "durable / verify-and-discard (median)" in checks
    assert ("deliveries/s (median)" in checks) == (kind == "sqlite")
    assert done.returncode == (0 if out["meets_targets"] else 1)


def test_targets() -> None:
    assert bench.RATIO_TARGET == 0.6 and bench.SQLITE_RATE_TARGET == 2000.0
    burst = bench.build_burst(1, 100, 0.1, seed=3)
    assert len(burst) == 100 and len({d.key for d in burst}) == 90
    assert burst == bench.build_burst(1, 100, 0.1, seed=3)  # seeded
