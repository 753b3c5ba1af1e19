"""The readiness report PDF of a "large organisation" (issue 16).

    python -m benchmarks.reports [--scale 1] [--db sqlite|postgresql|both] [--rounds 2]

Per database: a fresh database, ``certready migrate``, the deterministic seed of
:mod:`benchmarks.seed` (as :mod:`benchmarks.exports`), ``certready serve`` in its own process,
then one cold and ``--rounds`` downloads of ``GET /api/v1/orgs/bench/exports/readiness-report.pdf``:
wall time to the last byte, the server's CPU seconds and peak RSS growth (sampled every
5 ms), the PDF's pages (pypdf). No target: the report lists every failing object of every
rule, so its size follows the organisation's gaps. Results:
``bench-results/reports-<db>.json``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

import httpx
import psutil
from pypdf import PdfReader

from benchmarks import seed as seeding
from benchmarks.exports import PeakRss, _cpu_s, seeded_server
from benchmarks.readiness import OUT_DIR
from benchmarks.upload import environment

URL = f"/api/v1/orgs/{seeding.ORG_SLUG}/exports/readiness-report.pdf"


def download(client: httpx.Client, pid: int) -> dict[str, Any]:
    cpu_before = _cpu_s(psutil.Process(pid))
    with PeakRss(pid) as rss:
        start = time.perf_counter()
        r = client.get(URL)
        seconds = time.perf_counter() - start
    assert r.status_code == 200, r.text
    return {
        "s": round(seconds, 3),
        "server_cpu_s": round(_cpu_s(rss.proc) - cpu_before, 3),
        "rss_growth_mb": rss.growth_mb,
        "bytes": len(r.content),
        "pages": len(PdfReader(io.BytesIO(r.content)).pages),
    }


def run_one(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    with seeded_server(kind, args, "certready-bench-reports-") as live:
        pid, seeded = live.pid, live.seeded
        with httpx.Client(base_url=live.server.url, headers=live.headers, timeout=600) as client:
            cold = download(client, pid)
            print(f"    cold: {json.dumps(cold)}", flush=True)
            rounds = []
            for i in range(args.rounds):
                rounds.append(download(client, pid))
                print(f"    round {i + 1}: {json.dumps(rounds[-1])}", flush=True)
    return {
        "db": kind,
        "scale": args.scale,
        "seed": seeded,
        "cold": cold,
        "rounds": rounds,
        "median_s": statistics.median(r["s"] for r in rounds) if rounds else cold["s"],
        "median_server_cpu_s": (
            statistics.median(r["server_cpu_s"] for r in rounds) if rounds else cold["server_cpu_s"]
        ),
        "max_rss_growth_mb": max([cold["rss_growth_mb"], *(r["rss_growth_mb"] for r in rounds)]),
        "load_average": list(os.getloadavg()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    args.out.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        result = run_one(kind, args)
        cpu = result["median_server_cpu_s"]
        print(
            f"    {kind}: median {result['median_s']} s, server CPU {cpu} s, "
            f"peak RSS growth {result['max_rss_growth_mb']} MB, {result['cold']['pages']} pages; "
            f"load average {result['load_average']} on {os.cpu_count()} CPUs"
        )
        result["environment"] = environment(args.out)
        (args.out / f"reports-{kind}.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
