"""The ordinary request path (issue 20): each request as a ratio to the bare route.

    python -m benchmarks.request_path [--db sqlite|postgresql|both] [--rounds 7]
                                      [--requests 60] [--creates 120] [--strict]

Per database: a fresh database (SQLite file in a temp dir, or a throwaway PostgreSQL
database), ``certready migrate``, one real ``certready serve`` pinned to core 1 (this
process, the load generator, on core 0 when there are 2+ cores), the first-run setup,
a few evidence items so the lists are not empty.

Latency (one keep-alive client, sequential requests). Each round runs every request
kind ``--requests`` times, the kinds interleaved round by round, and the round's p50 of
each is divided by the same round's p50 of the bare route ``GET /api/v1/version``; the
reported ratio is the median over rounds (the machine is shared: ratios of the same
round are what survives the noise). The kinds:

- ``me``: ``GET /api/v1/me`` (authentication only);
- ``org``: ``GET /orgs/{org}``;
- ``detail``: ``GET /orgs/{org}/requirements/8.6.1``;
- ``list50``: ``GET /orgs/{org}/requirements?limit=50``;
- ``patch``: ``PATCH /orgs/{org}/requirements/8.6.1`` (notes changed) with ``If-Match``;
  the ETag comes from the previous PATCH's response, so no GET is timed with it;
- ``create``: ``POST /orgs/{org}/evidence`` multipart (title, kind, a 1 KB file);
- ``raw_put``: ``PUT /orgs/{org}/evidence/upload?title=..&kind=..`` (the raw-body create
  for scripts and CI: the body is the 1 KB file, the metadata in the query string).

Throughput: bursts of ``--creates`` multipart evidence creates from 1 and from 8
concurrent clients (interleaved, per round), creates/s = requests / wall time, and the
bare durable loop in the same round: ``--creates`` times (1 KB write + fsync + rename +
directory fsync + one SQLite row committed with ``synchronous=FULL`` in WAL), in this
process, on the server's data directory's filesystem.

Targets (issue 20), printed PASS/FAIL: ``/me`` <= 2.5x; detail <= 4x; 50-row list <= 5x;
PATCH <= 6x; evidence creates/s (1 client) >= 0.25x the durable loop; 8 clients >= 1.0x one
client on SQLite and >= 3x on PostgreSQL. Exit status 0 unless ``--strict``. Results:
``bench-results/request-path-<db>.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import psutil

from benchmarks.readiness import OUT_DIR, db_environment, fresh_database, pin
from benchmarks.receiver import commit
from benchmarks.upload import environment
from tests.evidence.live import LiveServer, setup_org

KB = 1024
REF = "8.6.1"
LATENCY_KINDS = ("bare", "me", "org", "detail", "list50", "patch", "create", "raw_put")
RATIO_TARGETS = {"me": 2.5, "detail": 4.0, "list50": 5.0, "patch": 6.0}
DURABLE_TARGET = 0.25
SCALING_TARGETS = {"sqlite": 1.0, "postgresql": 3.0}
CONCURRENCY = 8


def _cpu(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return float(t.user + t.system)


def p(samples: list[float], q: int) -> float:
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def file_body(n: int) -> bytes:
    head = f"evidence {n} {time.time_ns()}\n".encode()
    return head + os.urandom((KB - len(head)) // 2).hex().encode()[: KB - len(head)]


class Session:
    """One keep-alive client doing each kind of request once."""

    def __init__(self, url: str, slug: str, headers: dict[str, str]) -> None:
        self.client = httpx.Client(base_url=url, headers=headers, timeout=60)
        self.org = f"/api/v1/orgs/{slug}"
        self.n = 0
        r = self.client.get(f"{self.org}/requirements/{REF}")
        assert r.status_code == 200, r.text
        self.etag = r.headers["ETag"]

    def close(self) -> None:
        self.client.close()

    def once(self, kind: str) -> float:
        c, org = self.client, self.org
        self.n += 1
        start = time.perf_counter()
        if kind == "bare":
            r = c.get("/api/v1/version")
        elif kind == "me":
            r = c.get("/api/v1/me")
        elif kind == "org":
            r = c.get(org)
        elif kind == "detail":
            r = c.get(f"{org}/requirements/{REF}")
        elif kind == "list50":
            r = c.get(f"{org}/requirements", params={"limit": 50})
        elif kind == "patch":
            r = c.patch(
                f"{org}/requirements/{REF}",
                json={"notes": f"bench {self.n}"},
                headers={"If-Match": self.etag},
            )
        elif kind == "create":
            r = c.post(
                f"{org}/evidence",
                data={"title": f"Bench {self.n}", "kind": "record"},
                files={"file": ("bench.txt", file_body(self.n), "text/plain")},
            )
        elif kind == "raw_put":
            r = c.put(
                f"{org}/evidence/upload",
                params={"title": f"Raw {self.n}", "kind": "record", "filename": "raw.txt"},
                content=file_body(self.n),
                headers={"Content-Type": "application/octet-stream"},
            )
        else:  # pragma: no cover
            raise ValueError(kind)
        elapsed = time.perf_counter() - start
        assert r.status_code in (200, 201), (kind, r.status_code, r.text[:500])
        if kind == "patch":
            self.etag = r.headers["ETag"]
        return elapsed


async def create_burst(
    url: str, slug: str, headers: dict[str, str], count: int, clients: int, tag: str
) -> float:
    """``count`` multipart creates from ``clients`` concurrent connections: creates/s."""
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    path = f"/api/v1/orgs/{slug}/evidence"
    todo = iter(range(count))
    async with httpx.AsyncClient(
        base_url=url, headers=headers, timeout=120, limits=limits
    ) as client:

        async def worker() -> None:
            for n in todo:
                r = await client.post(
                    path,
                    data={"title": f"Burst {tag} {n}", "kind": "record"},
                    files={"file": ("burst.txt", file_body(n), "text/plain")},
                )
                assert r.status_code == 201, r.text[:500]

        await asyncio.gather(*(client.get("/api/v1/health") for _ in range(clients)))
        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        return count / (time.perf_counter() - start)


def durable_loop(work: Path, count: int) -> float:
    """The bare durable cycle ``count`` times: cycles/s."""
    work.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(work / "loop.db"), isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("CREATE TABLE IF NOT EXISTS item (id INTEGER PRIMARY KEY, name TEXT, sha TEXT)")
    dir_fd = os.open(work, os.O_RDONLY)
    try:
        start = time.perf_counter()
        for n in range(count):
            tmp, final = work / f".tmp-{n}", work / f"blob-{n}-{time.time_ns()}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, file_body(n))
                os.fsync(fd)
            finally:
                os.close(fd)
            os.rename(tmp, final)
            os.fsync(dir_fd)
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO item (name, sha) VALUES (?, ?)", (final.name, "x" * 64))
            db.execute("COMMIT")
        rate = count / (time.perf_counter() - start)
    finally:
        os.close(dir_fd)
        db.close()
    for f in work.glob("blob-*"):
        f.unlink()
    return rate


def seed(url: str, slug: str, headers: dict[str, str], items: int) -> None:
    with httpx.Client(base_url=url, headers=headers, timeout=60) as c:
        for n in range(items):
            r = c.post(
                f"/api/v1/orgs/{slug}/evidence",
                json={"title": f"Seed {n}", "kind": "record", "requirement_refs": [REF]},
            )
            assert r.status_code == 201, r.text


def run_one(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    print(f"[{kind}] fresh database, migrate, serve", flush=True)
    with (
        tempfile.TemporaryDirectory(prefix=f"certready-reqpath-{kind}-") as tmp_name,
        fresh_database(kind, Path(tmp_name)) as target,
    ):
        tmp = Path(tmp_name)
        data_dir = tmp / "data"
        data_dir.mkdir()
        server = LiveServer(data_dir, target.async_url)
        server.env["CERTREADY_SECRET_KEY"] = "bench-request-path-secret-0123456789abcdef"
        server.start()
        try:
            assert server.proc is not None
            pinned = pin(server.proc.pid, [1]) and pin(os.getpid(), [0])
            proc = psutil.Process(server.proc.pid)
            slug, headers = setup_org(server.url)
            seed(server.url, slug, headers, args.seed_items)
            session = Session(server.url, slug, headers)
            for k in LATENCY_KINDS:  # warm-up
                for _ in range(5):
                    session.once(k)
            samples: dict[str, list[list[float]]] = {k: [] for k in LATENCY_KINDS}
            cpu: dict[str, float] = dict.fromkeys(LATENCY_KINDS, 0.0)
            rates: dict[str, list[float]] = {"one": [], "eight": [], "durable": []}
            for rnd in range(args.rounds):
                # rotate the order so no kind always follows the same one
                order = (
                    LATENCY_KINDS[rnd % len(LATENCY_KINDS) :]
                    + LATENCY_KINDS[: rnd % len(LATENCY_KINDS)]
                )
                for k in order:
                    before = _cpu(proc)
                    samples[k].append([session.once(k) for _ in range(args.requests)])
                    cpu[k] += _cpu(proc) - before
                burst_order = ["one", "eight", "durable"]
                if rnd % 2:
                    burst_order.reverse()
                for b in burst_order:
                    if b == "durable":
                        rates[b].append(durable_loop(data_dir / "durable-loop", args.creates))
                    else:
                        clients = 1 if b == "one" else CONCURRENCY
                        rates[b].append(
                            asyncio.run(
                                create_burst(
                                    server.url, slug, headers, args.creates, clients, f"{rnd}{b}"
                                )
                            )
                        )
                print(
                    f"  round {rnd + 1}/{args.rounds}: bare p50 "
                    f"{statistics.median(samples['bare'][-1]) * 1000:.2f} ms, creates/s "
                    f"1={rates['one'][-1]:.0f} 8={rates['eight'][-1]:.0f} "
                    f"durable={rates['durable'][-1]:.0f}",
                    flush=True,
                )
            session.close()
        finally:
            server.stop()
    requests: dict[str, Any] = {}
    for k in LATENCY_KINDS:
        flat = [s for rnd in samples[k] for s in rnd]
        ratios = [
            statistics.median(mine) / statistics.median(bare)
            for mine, bare in zip(samples[k], samples["bare"], strict=True)
        ]
        requests[k] = {
            "p50_ms": round(statistics.median(flat) * 1000, 3),
            "p95_ms": round(p(flat, 95) * 1000, 3),
            "ratio_to_bare": round(statistics.median(ratios), 2),
            "ratio_by_round": [round(r, 2) for r in ratios],
            "server_cpu_ms_per_request": round(cpu[k] * 1000 / len(flat), 3),
        }
    one, eight, durable = (statistics.median(rates[b]) for b in ("one", "eight", "durable"))
    return {
        "pinned": pinned,
        "requests": requests,
        "creates_per_s_1_client": round(one, 1),
        "creates_per_s_8_clients": round(eight, 1),
        "durable_loop_per_s": round(durable, 1),
        "creates_vs_durable": round(
            statistics.median([a / b for a, b in zip(rates["one"], rates["durable"], strict=True)]),
            3,
        ),
        "eight_vs_one": round(
            statistics.median([a / b for a, b in zip(rates["eight"], rates["one"], strict=True)]),
            2,
        ),
        "rates_by_round": {k: [round(v, 1) for v in vs] for k, vs in rates.items()},
    }


def evaluate(kind: str, result: dict[str, Any]) -> list[dict[str, Any]]:
    checks = []
    names = {"me": "GET /me", "detail": "requirement detail", "list50": "50-row list"}
    names["patch"] = "PATCH requirement"
    for k, target in RATIO_TARGETS.items():
        value = result["requests"][k]["ratio_to_bare"]
        checks.append(
            {
                "check": f"{names[k]} x bare route",
                "value": value,
                "target": f"<= {target}",
                "pass": value <= target,
            }
        )
    value = result["creates_vs_durable"]
    checks.append(
        {
            "check": "evidence creates/s x durable loop",
            "value": value,
            "target": f">= {DURABLE_TARGET}",
            "pass": value >= DURABLE_TARGET,
        }
    )
    value, target = result["eight_vs_one"], SCALING_TARGETS[kind]
    checks.append(
        {
            "check": "creates/s, 8 clients x 1 client",
            "value": value,
            "target": f">= {target}",
            "pass": value >= target,
        }
    )
    return checks


def print_table(kind: str, result: dict[str, Any], checks: list[dict[str, Any]]) -> None:
    print(f"\n  {kind}: request                      p50 ms   p95 ms  x bare  server CPU ms")
    for k in LATENCY_KINDS:
        r = result["requests"][k]
        print(
            f"  {kind}: {k:<26} {r['p50_ms']:>8.2f} {r['p95_ms']:>8.2f} "
            f"{r['ratio_to_bare']:>7.2f} {r['server_cpu_ms_per_request']:>10.2f}"
        )
    print(
        f"  {kind}: creates/s 1 client {result['creates_per_s_1_client']}, 8 clients "
        f"{result['creates_per_s_8_clients']}, durable loop {result['durable_loop_per_s']}/s"
    )
    for c in checks:
        mark = "PASS" if c["pass"] else "FAIL"
        print(f"  {mark} {kind:<10} {c['check']:<36} {c['value']!s:>8}  target {c['target']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=60, help="per kind per round")
    parser.add_argument("--creates", type=int, default=120, help="per throughput burst")
    parser.add_argument("--seed-items", type=int, default=20)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for kind in kinds:
        result = run_one(kind, args)
        checks = evaluate(kind, result)
        failed += sum(1 for c in checks if not c["pass"])
        print_table(kind, result, checks)
        out = args.out / f"request-path-{kind}.json"
        out.write_text(
            json.dumps(
                {
                    "benchmark": "issue 20 request path",
                    "date": date.today().isoformat(),
                    "commit": commit(),
                    "args": {
                        k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()
                    },
                    "environment": {
                        **environment(Path(tempfile.gettempdir())),
                        **db_environment(kind),
                    },
                    "result": result,
                    "checks": checks,
                    "meets_targets": all(c["pass"] for c in checks),
                },
                indent=2,
                default=str,
            )
        )
        print(f"  -> {out}", flush=True)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
