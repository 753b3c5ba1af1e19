"""The readiness benchmark's verdicts (benchmarks/readiness.py): the performance contract's
targets, and an exit status that fails only when asked to."""

from __future__ import annotations

from typing import Any

from benchmarks import readiness as bench


def _framework(**overrides: Any) -> dict[str, Any]:
    fw: dict[str, Any] = {
        "framework": "iso20000-1:2018",
        "ratio": 1.2,
        "p50_ms": 40.0,
        "p95_ms": 80.0,
        "statements_request": 10,
        "statements_service": 8,
        "warm": {"p95_ms": 5.0},
        "warm_ratio": 1.2,
    }
    fw.update(overrides)
    return fw


def _run(scale: float, **overrides: Any) -> dict[str, Any]:
    return {
        "scale": scale,
        "seed": {"seed_s": 5.0, "core_over_raw": 1.1},
        "frameworks": [_framework(**overrides)],
    }


def _by_name(checks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {c["check"].removeprefix("iso20000-1:2018 "): c for c in checks}


def test_contract_targets_on_both_databases() -> None:
    assert bench.MAX_STATEMENTS == 12
    assert bench.P95_TARGET_MS == {"sqlite": 100.0, "postgresql": 100.0}
    assert bench.RATIO_TARGET == 1.5
    for kind in ("sqlite", "postgresql"):
        checks = _by_name(bench.evaluate(kind, _run(1.0), _run(0.1, p50_ms=20.0)))
        contract = {name for name, c in checks.items() if c["contract"]}
        assert contract == {
            "p50 / direct SQL",
            "cold p95 ms",
            "statements/request",
            "statements scale 0.1 vs 1.0",
        }
        assert all(c["pass"] for c in checks.values())


def test_failed_targets_and_exit_status() -> None:
    checks = bench.evaluate(
        "postgresql", _run(1.0, p95_ms=101.0, statements_request=13), _run(0.1, p50_ms=20.0)
    )
    by = _by_name(checks)
    assert not by["cold p95 ms"]["pass"] and not by["statements/request"]["pass"]
    assert not by["statements scale 0.1 vs 1.0"]["pass"]  # 10 at scale 0.1, 13 at 1
    assert bench.exit_status(checks, strict=False, strict_all=False) == 0
    assert bench.exit_status(checks, strict=True, strict_all=False) == 1
    # a failed goal outside the contract fails only --strict-all
    goal_only = bench.evaluate("sqlite", _run(1.0, warm={"p95_ms": 11.0}), None)
    assert bench.exit_status(goal_only, strict=True, strict_all=False) == 0
    assert bench.exit_status(goal_only, strict=False, strict_all=True) == 1
