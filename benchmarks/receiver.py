"""B5 (PERFORMANCE.md 4.3): a burst of signed ITSM deliveries against the real receiver.

    python -m benchmarks.receiver [--db sqlite|postgresql|both] [--deliveries 10000]
                                  [--clients 16] [--rounds 3] [--duplicates 0.1]

Per database: a fresh database (SQLite file in a temp dir, or a throwaway PostgreSQL
database, dropped at the end), ``certready migrate``, then two servers on it, each pinned to
core 1 (this process, the load generator, on core 0, when there are 2+ cores):

- the subject, ``certready serve``, receiving at ``POST /api/v1/hooks/{id}/jira``;
- the baseline, the same app and uvicorn options with one more route that verifies the
  signature exactly as the receiver does and stores nothing (:mod:`benchmarks.receiver_baseline`).

A Jira integration is created, and every delivery is built in advance from the shared
sample (``tests/integrations/helpers.py``, one issue per delivery, its own
``X-Atlassian-Webhook-Identifier`` and ``X-Hub-Signature``), ``--duplicates`` of each burst
being re-sends of a delivery of the same burst (the tool's retry). After a warm-up, rounds
alternate baseline and subject bursts (A B A B ...), each ``--deliveries`` requests from
``--clients`` concurrent keep-alive connections (httpx). Per burst: deliveries/s (requests
answered / wall time of the burst), latency p50 / p95 / p99 (request sent to answer read),
status counts, the server's and this process's CPU seconds. Afterwards, straight from the
database: every delivery acknowledged with a 2xx is stored (0 lost), one row per distinct
delivery and one record per issue (duplicates collapsed).

Targets (issue 15, PERFORMANCE.md 4.4), printed PASS/FAIL: durable rate >= 0.6 x the
verify-and-discard rate (median of the rounds' ratios); >= 2,000 deliveries/s on SQLite;
0 lost, 0 non-2xx, duplicates collapsed. The exit status is 0 whatever the figures unless
``--strict`` (1 when a target fails). Results: ``bench-results/receiver-<db>.json``.

The load generator is Python (httpx) on one core: when its CPU use nears 100 % of the
burst's wall time (``client_cpu_share``), the figure is the client's limit, not the
server's; the result files say so.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import psutil
import sqlalchemy as sa
from certready.integrations.models import IntegrationDelivery, ItsmRecord

from benchmarks.readiness import OUT_DIR, REPO, db_environment, fresh_database, pin
from benchmarks.receiver_baseline import DISCARD_PATH
from benchmarks.upload import environment
from tests.evidence.live import LiveServer, setup_org
from tests.integrations.helpers import SOURCES

JIRA = next(s for s in SOURCES if s.name == "jira")
RATIO_TARGET = 0.6
SQLITE_RATE_TARGET = 2000.0
SECRET_KEY = "bench-receiver-secret-key-0123456789abcdef"


@dataclass(frozen=True)
class Delivery:
    key: str  # the replay handle (X-Atlassian-Webhook-Identifier)
    body: bytes
    headers: dict[str, str]


def build_burst(first_ticket: int, count: int, duplicates: float, seed: int) -> list[Delivery]:
    """``count`` requests: distinct signed deliveries, ``duplicates`` of them re-sends of one
    of the others, in a seeded random order."""
    rng = random.Random(seed)
    repeats = int(count * duplicates)
    unique = []
    for n in range(count - repeats):
        ticket = first_ticket + n
        body = JIRA.body(ticket=ticket)
        key = f"bench-{ticket}"
        headers = {"Content-Type": "application/json", **JIRA.sign(body, key)}
        unique.append(Delivery(key, body, headers))
    burst = unique + [rng.choice(unique) for _ in range(repeats)]
    rng.shuffle(burst)
    return burst


@dataclass
class Burst:
    seconds: float
    latencies: list[float]
    statuses: dict[int, int]
    acked: dict[str, str]  # replay handle -> delivery id
    server_cpu_s: float
    client_cpu_s: float

    def summary(self) -> dict[str, Any]:
        return {
            "requests": len(self.latencies),
            "seconds": round(self.seconds, 3),
            "rate": round(len(self.latencies) / self.seconds, 1),
            **percentiles(self.latencies),
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "server_cpu_s": round(self.server_cpu_s, 2),
            # what a request costs the server, whatever else the machine runs
            "server_cpu_ms_per_request": round(
                self.server_cpu_s * 1000 / max(len(self.latencies), 1), 2
            ),
            "client_cpu_s": round(self.client_cpu_s, 2),
            "client_cpu_share": round(self.client_cpu_s / self.seconds, 2),
        }


def percentiles(samples: list[float]) -> dict[str, float]:
    if len(samples) < 2:
        only = samples[0] * 1000 if samples else 0.0
        return {"p50_ms": only, "p95_ms": only, "p99_ms": only, "max_ms": only}
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return {
        "p50_ms": round(statistics.median(samples) * 1000, 2),
        "p95_ms": round(q[94] * 1000, 2),
        "p99_ms": round(q[98] * 1000, 2),
        "max_ms": round(max(samples) * 1000, 2),
    }


def _cpu(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return float(t.user + t.system)


async def send_burst(url: str, path: str, burst: list[Delivery], clients: int, pid: int) -> Burst:
    """The burst from ``clients`` concurrent connections, as fast as they are answered."""
    server, own = psutil.Process(pid), psutil.Process()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    acked: dict[str, str] = {}
    queue = iter(burst)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:

        async def worker() -> None:
            for d in queue:
                start = time.perf_counter()
                r = await client.post(path, content=d.body, headers=d.headers)
                body = await r.aread()
                latencies.append(time.perf_counter() - start)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                if r.status_code == 200:
                    acked[d.key] = json.loads(body)["delivery_id"]

        # connections opened before the clock starts
        await asyncio.gather(*(client.get("/api/v1/health") for _ in range(clients)))
        cpu_server, cpu_own = _cpu(server), _cpu(own)
        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        seconds = time.perf_counter() - start
    return Burst(
        seconds, latencies, statuses, acked, _cpu(server) - cpu_server, _cpu(own) - cpu_own
    )


def stored(sync_url: str, integration_id: uuid.UUID) -> tuple[set[uuid.UUID], int, int]:
    """From the database: the integration's delivery ids, its record count, and the sum of
    the records' delivery counts."""
    engine = sa.create_engine(sync_url)
    try:
        with engine.connect() as conn:
            d = IntegrationDelivery.__table__.c  # type: ignore[attr-defined]
            r = ItsmRecord.__table__.c  # type: ignore[attr-defined]
            ids = set(
                conn.execute(sa.select(d.id).where(d.integration_id == integration_id)).scalars()
            )
            count, applied = conn.execute(
                sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(r.delivery_count), 0))
                .select_from(ItsmRecord)
                .where(r.integration_id == integration_id)
            ).one()
    finally:
        engine.dispose()
    return ids, int(count), int(applied)


def _servers(data_dir: Path, url: str, rate_limit: int) -> tuple[LiveServer, LiveServer]:
    env = {
        "CERTREADY_WORKER": "false",
        "CERTREADY_SECRET_KEY": SECRET_KEY,  # both decrypt the integration's secret
        "CERTREADY_HOOK_RATE_LIMIT": str(rate_limit),
    }
    subject = LiveServer(data_dir, url)  # runs `certready migrate`
    subject.env.update(env)
    baseline = LiveServer(
        data_dir,
        url,
        command=[sys.executable, "-m", "benchmarks.receiver_baseline"],
        migrate=False,
    )
    baseline.env.update(env)
    baseline.log = data_dir / "baseline.log"
    return subject, baseline


def run_one(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    print(
        f"--- {kind}: {args.rounds} rounds of {args.deliveries} deliveries, "
        f"{args.clients} clients, {args.duplicates:.0%} duplicates",
        flush=True,
    )
    tmp = Path(tempfile.mkdtemp(prefix="certready-bench-receiver-"))
    own = psutil.Process()
    own_affinity = own.cpu_affinity() if hasattr(own, "cpu_affinity") else None
    servers: list[LiveServer] = []
    try:
        with fresh_database(kind, tmp) as target:
            data_dir = tmp / "data"
            data_dir.mkdir()
            rate_limit = 10 * args.deliveries * (2 * args.rounds + 1) + 1000
            subject, baseline = _servers(data_dir, target.async_url, rate_limit)
            servers = [subject, baseline]
            with ThreadPoolExecutor(2) as pool:  # both start (import, bind) at once
                list(pool.map(LiveServer.start, servers))
            assert subject.proc is not None and baseline.proc is not None
            pinned = pin(subject.proc.pid, [1]) and pin(baseline.proc.pid, [1])
            if pinned:
                own.cpu_affinity([0])
            slug, admin = setup_org(subject.url)
            r = httpx.post(
                f"{subject.url}/api/v1/orgs/{slug}/integrations",
                json={"name": "Jira bench", "source": "jira", "secret": JIRA.secret},
                headers=admin,
                timeout=60,
            )
            assert r.status_code == 201, r.text
            integration_id = uuid.UUID(r.json()["id"])
            hook_path = r.json()["receiver_path"]
            discard_path = DISCARD_PATH.format(integration_id=integration_id, source="jira")

            def run(server: LiveServer, path: str, burst: list[Delivery]) -> Burst:
                assert server.proc is not None
                return asyncio.run(
                    send_burst(server.url, path, burst, args.clients, server.proc.pid)
                )

            warm = max(args.deliveries // 10, args.clients)
            sent: list[Delivery] = []
            ticket = 1
            for server, path in ((baseline, discard_path), (subject, hook_path)):
                burst = build_burst(ticket, warm, 0.0, args.seed)
                ticket += warm
                run(server, path, burst)
                if server is subject:
                    sent += burst
            rounds = []
            acked: dict[str, str] = {}
            non_2xx = 0
            for n in range(1, args.rounds + 1):
                base_burst = build_burst(ticket, args.deliveries, args.duplicates, args.seed + n)
                ticket += args.deliveries
                burst = build_burst(ticket, args.deliveries, args.duplicates, args.seed + n)
                ticket += args.deliveries
                b = run(baseline, discard_path, base_burst)
                s = run(subject, hook_path, burst)
                sent += burst
                acked.update(s.acked)
                non_2xx += sum(v for k, v in s.statuses.items() if not 200 <= k < 300)
                row = {
                    "baseline": b.summary(),
                    "receiver": s.summary(),
                    "ratio": round(
                        (len(s.latencies) / s.seconds) / (len(b.latencies) / b.seconds), 3
                    ),
                }
                rounds.append(row)
                print(
                    f"    round {n}: receiver {row['receiver']['rate']}/s p50 "
                    f"{row['receiver']['p50_ms']} p95 {row['receiver']['p95_ms']} p99 "
                    f"{row['receiver']['p99_ms']} ms | verify-and-discard "
                    f"{row['baseline']['rate']}/s p95 {row['baseline']['p95_ms']} ms | ratio "
                    f"{row['ratio']} | server CPU ms/request "
                    f"{row['receiver']['server_cpu_ms_per_request']} / "
                    f"{row['baseline']['server_cpu_ms_per_request']} | client CPU "
                    f"{row['receiver']['client_cpu_share']:.0%} / "
                    f"{row['baseline']['client_cpu_share']:.0%}",
                    flush=True,
                )
            ids, records, applied = stored(target.sync_url, integration_id)
            distinct = {d.key for d in sent}
            lost = [k for k, v in acked.items() if uuid.UUID(v) not in ids]
            receiver_runs = [r["receiver"] for r in rounds]
            result = {
                "db": kind,
                "pinned": pinned,
                "rounds": rounds,
                "receiver_rate_median": statistics.median(r["rate"] for r in receiver_runs),
                "baseline_rate_median": statistics.median(r["baseline"]["rate"] for r in rounds),
                "ratio_median": statistics.median(r["ratio"] for r in rounds),
                "ratio_range": [min(r["ratio"] for r in rounds), max(r["ratio"] for r in rounds)],
                "p50_ms_median": statistics.median(r["p50_ms"] for r in receiver_runs),
                "p95_ms_median": statistics.median(r["p95_ms"] for r in receiver_runs),
                "p99_ms_median": statistics.median(r["p99_ms"] for r in receiver_runs),
                "server_cpu_ms_per_request_median": statistics.median(
                    r["server_cpu_ms_per_request"] for r in receiver_runs
                ),
                "baseline_server_cpu_ms_per_request_median": statistics.median(
                    r["baseline"]["server_cpu_ms_per_request"] for r in rounds
                ),
                "acknowledged": len(acked),
                "lost": len(lost),
                "non_2xx": non_2xx,
                "distinct_deliveries_sent": len(distinct),
                "deliveries_stored": len(ids),
                "records_stored": records,
                "records_applied_deliveries": applied,
                "server_rss_mib": round(
                    psutil.Process(subject.proc.pid).memory_info().rss / 2**20, 1
                ),
            }
            result["duplicates_collapsed"] = (
                len(ids) == len(distinct) and records == len(distinct) and applied == len(distinct)
            )
            return result
    finally:
        for server in servers:
            server.stop()
        if own_affinity is not None:
            with contextlib.suppress(psutil.Error, OSError):
                own.cpu_affinity(own_affinity)
        shutil.rmtree(tmp, ignore_errors=True)


def evaluate(result: dict[str, Any]) -> list[dict[str, Any]]:
    checks = [
        {
            "check": "durable / verify-and-discard (median)",
            "value": result["ratio_median"],
            "target": f">= {RATIO_TARGET}",
            "pass": result["ratio_median"] >= RATIO_TARGET,
        },
        {
            "check": "acknowledged deliveries lost",
            "value": result["lost"],
            "target": "0",
            "pass": result["lost"] == 0,
        },
        {
            "check": "non-2xx answers",
            "value": result["non_2xx"],
            "target": "0",
            "pass": result["non_2xx"] == 0,
        },
        {
            "check": "duplicates collapsed (rows = distinct deliveries)",
            "value": result["duplicates_collapsed"],
            "target": "True",
            "pass": bool(result["duplicates_collapsed"]),
        },
    ]
    if result["db"] == "sqlite":
        checks.append(
            {
                "check": "deliveries/s (median)",
                "value": result["receiver_rate_median"],
                "target": f">= {SQLITE_RATE_TARGET:.0f}",
                "pass": result["receiver_rate_median"] >= SQLITE_RATE_TARGET,
            }
        )
    return checks


def commit() -> str:
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")
    return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--deliveries", type=int, default=10_000, help="requests per burst")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duplicates", type=float, default=0.1, help="share of re-sends")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for kind in kinds:
        result = run_one(kind, args)
        checks = evaluate(result)
        failed += sum(1 for c in checks if not c["pass"])
        print(
            f"  {kind}: {result['receiver_rate_median']} deliveries/s, p50 "
            f"{result['p50_ms_median']} p95 {result['p95_ms_median']} p99 "
            f"{result['p99_ms_median']} ms; verify-and-discard "
            f"{result['baseline_rate_median']}/s; ratio {result['ratio_median']}"
        )
        for c in checks:
            mark = "PASS" if c["pass"] else "FAIL"
            print(f"  {mark} {kind:<10} {c['check']:<52} {c['value']!s:>10}  target {c['target']}")
        out = args.out / f"receiver-{kind}.json"
        out.write_text(
            json.dumps(
                {
                    "benchmark": "B5 receiver burst",
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
    raise SystemExit(main())
