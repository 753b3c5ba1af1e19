"""The evidence pack of 1 GiB of evidence against ``zip -0`` of the same files (issue 16).

    python -m benchmarks.pack [--size-mib 1024] [--files 16] [--rounds 3] [--db sqlite]

Starts ``certready serve`` on a temp data dir, uploads ``--files`` random files adding up
to ``--size-mib`` (each unique, so the content-addressed store keeps them all), then runs
rounds of, interleaved: (a) the baseline, ``zip -0 -q`` of the very blobs the server stores
into a file on the same filesystem (store only, CRC-32 computed, as the pack does); (b)
``GET .../exports/evidence-pack.zip`` streamed into a file, timed to the last byte while the
server's RSS is sampled every 5 ms. Reported: MiB/s of each, the ratio zip_time / pack_time
per round and its median, the server's CPU seconds per pack and its peak RSS growth.

The pack hashes every file with SHA-256 while it streams (the integrity check ``zip`` does
not do); on a machine without SHA extensions that is most of the server's CPU.

Targets, printed PASS/FAIL: median ratio >= 0.70 and peak RSS growth <= 64 MB (flat memory:
the growth does not depend on the pack's size). Exit status 0 unless ``--strict``. Results:
``bench-results/pack-<db>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psutil

from benchmarks.exports import PeakRss
from benchmarks.readiness import OUT_DIR
from benchmarks.upload import environment
from tests.evidence.live import LiveServer, database_url, setup_org

MiB = 1024 * 1024
RATIO_TARGET = 0.70
RSS_TARGET_MB = 64.0


def _random_file(size: int, n: int) -> Iterator[bytes]:
    head = f"%PDF-1.7\n% benchmark file {n} {time.time_ns()}\n".encode()
    yield head
    sent = len(head)
    while sent < size:
        piece = os.urandom(min(8 * MiB, size - sent))
        sent += len(piece)
        yield piece


def upload(client: httpx.Client, slug: str, files: int, size: int) -> None:
    for n in range(files):
        r = client.put(
            f"/api/v1/orgs/{slug}/evidence/upload",
            params={"title": f"Benchmark file {n}", "kind": "record", "filename": f"f{n}.pdf"},
            content=_random_file(size, n),
            headers={"Content-Length": str(size)},
        )
        assert r.status_code == 201, r.text


def blobs(data_dir: Path) -> list[Path]:
    root = data_dir / "evidence"
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] != "tmp"
    )


def zip_baseline(files: list[Path], out: Path) -> float:
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(["zip", "-0", "-q", "-j", str(out), *map(str, files)], check=True)
    seconds = time.perf_counter() - start
    out.unlink()
    return seconds


def pack(client: httpx.Client, slug: str, pid: int, out: Path) -> dict[str, Any]:
    proc = psutil.Process(pid)
    cpu = proc.cpu_times()
    with PeakRss(pid) as rss:
        start = time.perf_counter()
        with (
            client.stream("GET", f"/api/v1/orgs/{slug}/exports/evidence-pack.zip") as r,
            out.open("wb") as f,
        ):
            assert r.status_code == 200, r.read()
            for chunk in r.iter_bytes():
                f.write(chunk)
        seconds = time.perf_counter() - start
    after = proc.cpu_times()
    size = out.stat().st_size
    out.unlink()
    return {
        "s": round(seconds, 3),
        "bytes": size,
        "server_cpu_s": round(after.user + after.system - cpu.user - cpu.system, 3),
        "rss_growth_mb": rss.growth_mb,
    }


def run(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    total = args.size_mib * MiB
    per_file = total // args.files
    tmp = Path(tempfile.mkdtemp(prefix="certready-bench-pack-"))
    try:
        with database_url(kind, tmp) as url:
            server = LiveServer(tmp / "data", url)
            server.env["CERTREADY_WORKER"] = "false"
            server.start()
            try:
                assert server.proc is not None
                slug, headers = setup_org(server.url)
                with httpx.Client(base_url=server.url, headers=headers, timeout=600) as c:
                    upload(c, slug, args.files, per_file)
                    files = blobs(server.data_dir)
                    # warm-up: imports, the signing key, the page cache for both contenders
                    pack(c, slug, server.proc.pid, tmp / "pack.zip")
                    rounds = []
                    for i in range(args.rounds):
                        zip_s = zip_baseline(files, tmp / "zip-0.zip")
                        packed = pack(c, slug, server.proc.pid, tmp / "pack.zip")
                        ratio = round(zip_s / packed["s"], 3)
                        rounds.append({"zip_s": round(zip_s, 3), **packed, "ratio": ratio})
                        print(f"    round {i + 1}: {json.dumps(rounds[-1])}", flush=True)
            finally:
                server.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    median = round(statistics.median(r["ratio"] for r in rounds), 3)
    growth = max(r["rss_growth_mb"] for r in rounds)
    return {
        "db": kind,
        "files": args.files,
        "bytes": per_file * args.files,
        "rounds": rounds,
        "zip_mib_s": round(
            statistics.median(per_file * args.files / MiB / r["zip_s"] for r in rounds), 1
        ),
        "pack_mib_s": round(
            statistics.median(per_file * args.files / MiB / r["s"] for r in rounds), 1
        ),
        "median_ratio": median,
        "max_rss_growth_mb": growth,
        "load_average": list(os.getloadavg()),
        "checks": [
            {"check": "pack/zip -0 throughput", "value": median, "target": RATIO_TARGET, "min": 1},
            {"check": "peak RSS growth (MB)", "value": growth, "target": RSS_TARGET_MB, "min": 0},
        ],
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--files", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"--- evidence pack, {args.files} files, {args.size_mib} MiB, {args.db}", flush=True)
    result = run(args.db, args)
    print(
        f"    zip -0: {result['zip_mib_s']} MiB/s, pack: {result['pack_mib_s']} MiB/s; "
        f"load average {result['load_average']} on {os.cpu_count()} CPUs"
    )
    failed = False
    for check in result["checks"]:
        ok = (
            check["value"] >= check["target"] if check["min"] else check["value"] <= check["target"]
        )
        failed |= not ok
        sign = ">=" if check["min"] else "<="
        mark = "PASS" if ok else "FAIL"
        print(f"  {mark} {check['check']:<26} {check['value']:>8}  {sign} {check['target']}")
    result["environment"] = environment(args.out)
    (args.out / f"pack-{args.db}.json").write_text(json.dumps(result, indent=2) + "\n")
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())
