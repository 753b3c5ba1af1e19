"""B-X1: the XLSX compliance matrix of a "large organisation" (issue 16).

    python -m benchmarks.exports [--scale 1] [--db sqlite|postgresql|both] [--rounds 3]

Per database: a fresh database (SQLite file in a temp dir, or a throwaway PostgreSQL
database, dropped at the end), ``certready migrate``, the deterministic seed of
:mod:`benchmarks.seed` (scale 1: 50,000 evidence items, ~75k requirement links, 5,000
findings and measures, 200 services, 300 suppliers and agreements, 500 risks...), then
``certready serve`` in its own process. One warm-up download, then ``--rounds`` downloads
of ``GET /api/v1/orgs/bench/exports/compliance-matrix.xlsx``, each timed from the request
to the last byte while the server process's RSS is sampled every 5 ms; growth = peak RSS
during the download minus the RSS just before it. The first (cold) download is reported
too. The workbook is opened with openpyxl (read-only) to count the rows of each sheet.

The server's CPU seconds per download are reported beside the wall time: on a shared,
loaded machine the wall time includes waiting for a core, the CPU time does not.

Targets, printed PASS/FAIL: download (median, wall time) <= 5 s and peak RSS growth (max over the
rounds, cold included) <= 100 MB. The exit status is 0 unless ``--strict`` (1 when a
target fails). Results: ``bench-results/exports-<db>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import openpyxl
import psutil
from certready.config import Settings
from certready.core.security import hash_password

from benchmarks import seed as seeding
from benchmarks.readiness import (
    OUT_DIR,
    PASSWORD,
    SECRET,
    fresh_database,
    login,
    sync_engine,
)
from benchmarks.upload import environment
from tests.evidence.live import LiveServer

SECONDS_TARGET = 5.0
RSS_TARGET_MB = 100.0
SAMPLE_S = 0.005
MB = 1024 * 1024


class PeakRss:
    """Samples a process's RSS in a thread; ``growth`` is the peak minus the start."""

    def __init__(self, pid: int) -> None:
        self.proc = psutil.Process(pid)
        self.start = self.peak = self.proc.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.proc.memory_info().rss)
            time.sleep(SAMPLE_S)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.proc.memory_info().rss)

    @property
    def growth_mb(self) -> float:
        return round((self.peak - self.start) / MB, 1)


def seed(url: str, scale: float, seed_value: int) -> dict[str, Any]:
    """The benchmark organisation through SQLAlchemy Core (benchmarks.seed)."""
    admin_hash = hash_password(Settings(), PASSWORD)
    engine = sync_engine(url)
    try:
        with engine.connect() as conn:
            catalogue = seeding.load_catalogue(conn)
        data = seeding.generate(catalogue, scale, seed_value, admin_hash)
        start = time.perf_counter()
        with engine.begin() as conn:
            seeding.insert_core(conn, data)
        if url.startswith("postgresql"):
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE")
        return {"total_rows": data.total_rows, "seed_s": round(time.perf_counter() - start, 2)}
    finally:
        engine.dispose()


def _cpu_s(proc: psutil.Process) -> float:
    times = proc.cpu_times()
    return float(times.user + times.system)


def download(client: httpx.Client, pid: int, out: Path) -> dict[str, Any]:
    """One download into ``out``: seconds to the last byte, the server's CPU seconds (what
    the figure is on an idle machine: other processes do not inflate it) and RSS growth."""
    cpu_before = _cpu_s(psutil.Process(pid))
    with PeakRss(pid) as rss:
        start = time.perf_counter()
        with (
            client.stream(
                "GET", f"/api/v1/orgs/{seeding.ORG_SLUG}/exports/compliance-matrix.xlsx"
            ) as r,
            out.open("wb") as f,
        ):
            assert r.status_code == 200, r.read()
            for chunk in r.iter_bytes():
                f.write(chunk)
        seconds = time.perf_counter() - start
    return {
        "s": round(seconds, 3),
        "server_cpu_s": round(_cpu_s(rss.proc) - cpu_before, 3),
        "rss_growth_mb": rss.growth_mb,
        "bytes": out.stat().st_size,
    }


def sheet_rows(path: Path) -> dict[str, int]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: (ws.max_row or 1) - 1 for ws in book.worksheets}
    finally:
        book.close()


@dataclass
class Seeded:
    """A scale-``n`` organisation behind a running ``certready serve``."""

    server: LiveServer
    pid: int
    headers: dict[str, str]
    tmp: Path
    seeded: dict[str, Any]


@contextmanager
def seeded_server(kind: str, args: argparse.Namespace, prefix: str) -> Iterator[Seeded]:
    """A fresh ``kind`` database seeded at ``args.scale`` / ``args.seed``, served by a real
    server (worker off) with the seeded admin signed in; stopped on the way out."""
    print(f"--- {kind}, scale {args.scale}", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    with fresh_database(kind, tmp) as target:
        data_dir = tmp / "data"
        data_dir.mkdir()
        server = LiveServer(data_dir, target.async_url)  # runs `certready migrate`
        for key in [k for k in server.env if k.startswith("CERTREADY_ARGON2_")]:
            del server.env[key]  # the seeded hash uses the default parameters
        server.env.update(
            {
                "CERTREADY_WORKER": "false",
                "CERTREADY_SECRET_KEY": SECRET,
                "CERTREADY_ENV": "development",
            }
        )
        seeded = seed(target.sync_url, args.scale, args.seed)
        print(f"    seed: {json.dumps(seeded)}", flush=True)
        server.start()
        try:
            assert server.proc is not None
            headers = {"Authorization": f"Bearer {login(server.url)}"}
            yield Seeded(server, server.proc.pid, headers, tmp, seeded)
        finally:
            server.stop()


def run_one(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    with seeded_server(kind, args, "certready-bench-exports-") as live:
        pid, tmp, seeded = live.pid, live.tmp, live.seeded
        with httpx.Client(base_url=live.server.url, headers=live.headers, timeout=300) as client:
            cold = download(client, pid, tmp / "cold.xlsx")
            print(f"    cold: {json.dumps(cold)}", flush=True)
            rounds = []
            for i in range(args.rounds):
                rounds.append(download(client, pid, tmp / f"round-{i}.xlsx"))
                print(f"    round {i + 1}: {json.dumps(rounds[-1])}", flush=True)
        rows = sheet_rows(tmp / "cold.xlsx")
    median_s = statistics.median(r["s"] for r in rounds) if rounds else cold["s"]
    median_cpu = statistics.median(r["server_cpu_s"] for r in rounds) if rounds else 0.0
    growth = max([cold["rss_growth_mb"], *(r["rss_growth_mb"] for r in rounds)])
    return {
        "db": kind,
        "scale": args.scale,
        "seed": seeded,
        "cold": cold,
        "rounds": rounds,
        "median_s": median_s,
        "median_server_cpu_s": median_cpu,
        "load_average": list(os.getloadavg()),
        "max_rss_growth_mb": growth,
        "sheet_rows": rows,
        "checks": [
            {"check": "download median (s)", "value": round(median_s, 3), "target": SECONDS_TARGET},
            {"check": "peak RSS growth (MB)", "value": growth, "target": RSS_TARGET_MB},
        ],
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args()
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    args.out.mkdir(parents=True, exist_ok=True)
    failed = False
    for kind in kinds:
        result = run_one(kind, args)
        print(f"    rows per sheet: {json.dumps(result['sheet_rows'])}")
        print(
            f"    server CPU per download (median): {result['median_server_cpu_s']} s; "
            f"load average {result['load_average']} on {os.cpu_count()} CPUs"
        )
        for check in result["checks"]:
            ok = check["value"] <= check["target"]
            failed |= not ok
            mark, name = ("PASS" if ok else "FAIL"), check["check"]
            print(f"  {mark} {kind:<10} {name:<24} {check['value']:>8}  <= {check['target']}")
        result["environment"] = environment(args.out)
        (args.out / f"exports-{kind}.json").write_text(json.dumps(result, indent=2) + "\n")
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())
