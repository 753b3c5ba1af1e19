"""B4 (PERFORMANCE.md 4.3): 1 GiB evidence uploads through the real server, as ratios.

    python -m benchmarks.upload [--size-mib 1024] [--rounds 3] [--json out.json]

Starts ``python -m certready serve`` on a temp data dir (SQLite), then runs rounds
of, interleaved: (a) the baseline, plain Python read + SHA-256 + write + fsync of
the same file into the same filesystem; (b) a raw-body ``PUT .../versions/new``;
(c) a multipart ``POST .../versions``. Each upload is made unique (its first MiB
differs) so the content-addressed store cannot deduplicate it. Reported: MiB/s,
the ratio baseline_time / upload_time per round and its median, and the server's
peak RSS minus its idle RSS (psutil sampling at ~20 Hz). Targets (PERFORMANCE.md
4.4): raw >= 0.70, multipart >= 0.50, memory growth <= 64 MiB.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil

from tests.evidence.live import LiveServer, make_token, setup_org

MiB = 1024 * 1024
CHUNK = MiB
TARGETS = {"raw": 0.70, "multipart": 0.50, "rss_mib": 64.0}


def make_source(path: Path, size: int) -> None:
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        written = 9
        while written < size:
            n = min(8 * MiB, size - written)
            fh.write(os.urandom(n))
            written += n


def unique_head(round_no: int, kind: str) -> bytes:
    marker = f"%PDF-1.7\n% {kind} round {round_no} {time.time_ns()}\n".encode()
    return marker + os.urandom(MiB - len(marker))


def file_chunks(path: Path, head: bytes) -> Iterator[bytes]:
    """The source with its first MiB replaced by ``head``, read 1 MiB at a time."""
    with path.open("rb") as fh:
        fh.seek(len(head))
        yield head
        while chunk := fh.read(CHUNK):
            yield chunk


def baseline(source: Path, target_dir: Path) -> float:
    """Plain Python: read + SHA-256 + write + fsync (the denominator)."""
    dest = target_dir / "baseline.bin"
    start = time.perf_counter()
    digest = hashlib.sha256()
    with source.open("rb") as src, dest.open("wb") as out:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    elapsed = time.perf_counter() - start
    dest.unlink()
    return elapsed


class RssSampler:
    def __init__(self, pid: int) -> None:
        self.proc = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self.proc.memory_info().rss)
            except psutil.Error:
                return
            time.sleep(0.05)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def raw_upload(client: httpx.Client, url: str, source: Path, size: int, head: bytes) -> float:
    start = time.perf_counter()
    r = client.put(
        url + "/versions/new",
        params={"filename": "bench.pdf"},
        content=file_chunks(source, head),
        headers={
            "Content-Length": str(size),
            "Content-Type": "application/octet-stream",
        },
    )
    elapsed = time.perf_counter() - start
    assert r.status_code == 201, r.text
    return elapsed


def multipart_upload(client: httpx.Client, url: str, source: Path, size: int, head: bytes) -> float:
    boundary = "----certready-bench-" + os.urandom(8).hex()
    preamble = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    epilogue = f"\r\n--{boundary}--\r\n".encode()

    def body() -> Iterator[bytes]:
        yield preamble
        yield from file_chunks(source, head)
        yield epilogue

    start = time.perf_counter()
    r = client.post(
        url + "/versions",
        content=body(),
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Content-Length": str(len(preamble) + size + len(epilogue)),
        },
    )
    elapsed = time.perf_counter() - start
    assert r.status_code == 201, r.text
    return elapsed


def drop_blobs(data_dir: Path) -> None:
    """Keep disk use bounded between rounds (benchmark only: never do this to real data)."""
    root = data_dir / "evidence"
    for org_dir in root.iterdir():
        if org_dir.name != "tmp" and org_dir.is_dir():
            shutil.rmtree(org_dir)


def environment(work: Path) -> dict[str, object]:
    flags = ""
    with contextlib.suppress(OSError):
        flags = Path("/proc/cpuinfo").read_text()
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in flags.splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    return {
        "cpu": model,
        "cpus": os.cpu_count(),
        "sha_ni": " sha_ni" in flags,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "filesystem": _fs_type(work),
    }


def _fs_type(path: Path) -> str:
    best = ("", "?")
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if str(path).startswith(parts[1]) and len(parts[1]) > len(best[0]):
                best = (parts[1], parts[2])
    except OSError:
        pass
    return best[1]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument(
        "--dir", type=Path, default=None, help="work directory (default: a temp dir)"
    )
    args = parser.parse_args()
    size = args.size_mib * MiB
    work = Path(tempfile.mkdtemp(prefix="certready-bench-", dir=args.dir))
    server: LiveServer | None = None
    try:
        source = work / "source.bin"
        make_source(source, size)
        data_dir = work / "data"
        server = LiveServer(data_dir, f"sqlite+aiosqlite:///{work / 'bench.db'}")
        server.env["CERTREADY_MAX_UPLOAD_BYTES"] = str(size * 2)
        server.start()
        assert server.proc is not None
        slug, admin = setup_org(server.url)
        token = make_token(server.url, slug, admin, ["evidence:write"])
        headers = {"Authorization": f"Bearer {token}"}
        timeout = httpx.Timeout(connect=10, read=600, write=600, pool=10)
        with httpx.Client(base_url=server.url, headers=headers, timeout=timeout) as client:
            r = client.put(
                f"/api/v1/orgs/{slug}/evidence/upload",
                params={"title": "bench", "kind": "record", "filename": "warmup.pdf"},
                content=b"%PDF-1.7\nwarm-up",
            )
            assert r.status_code == 201, r.text
            url = f"/api/v1/orgs/{slug}/evidence/{r.json()['id']}"
            warm = work / "warm.bin"
            make_source(warm, 4 * MiB)
            multipart_upload(client, url, warm, 4 * MiB, unique_head(0, "warm"))
            raw_upload(client, url, warm, 4 * MiB, unique_head(0, "warm-raw"))
            time.sleep(0.5)
            idle = psutil.Process(server.proc.pid).memory_info().rss
            rounds = []
            for n in range(1, args.rounds + 1):
                base = baseline(source, data_dir)
                with RssSampler(server.proc.pid) as raw_rss:
                    raw = raw_upload(client, url, source, size, unique_head(n, "raw"))
                drop_blobs(data_dir)
                base2 = baseline(source, data_dir)
                with RssSampler(server.proc.pid) as mp_rss:
                    multi = multipart_upload(client, url, source, size, unique_head(n, "multipart"))
                drop_blobs(data_dir)
                rounds.append(
                    {
                        "baseline_s": round(base, 3),
                        "baseline2_s": round(base2, 3),
                        "raw_s": round(raw, 3),
                        "multipart_s": round(multi, 3),
                        "raw_ratio": round(base / raw, 3),
                        "multipart_ratio": round(base2 / multi, 3),
                        "raw_rss_growth_mib": round((raw_rss.peak - idle) / MiB, 1),
                        "multipart_rss_growth_mib": round((mp_rss.peak - idle) / MiB, 1),
                    }
                )
                print(f"round {n}: {json.dumps(rounds[-1])}", flush=True)
        summary = {
            "size_mib": args.size_mib,
            "idle_rss_mib": round(idle / MiB, 1),
            "raw_ratio_median": statistics.median(r["raw_ratio"] for r in rounds),
            "raw_ratio_range": [
                min(r["raw_ratio"] for r in rounds),
                max(r["raw_ratio"] for r in rounds),
            ],
            "multipart_ratio_median": statistics.median(r["multipart_ratio"] for r in rounds),
            "multipart_ratio_range": [
                min(r["multipart_ratio"] for r in rounds),
                max(r["multipart_ratio"] for r in rounds),
            ],
            "raw_mib_s_median": round(
                args.size_mib / statistics.median(r["raw_s"] for r in rounds), 1
            ),
            "multipart_mib_s_median": round(
                args.size_mib / statistics.median(r["multipart_s"] for r in rounds), 1
            ),
            "baseline_mib_s_median": round(
                args.size_mib / statistics.median(r["baseline_s"] for r in rounds), 1
            ),
            "rss_growth_mib_max": max(
                max(r["raw_rss_growth_mib"], r["multipart_rss_growth_mib"]) for r in rounds
            ),
            "targets": TARGETS,
            "environment": environment(work),
            "rounds": rounds,
        }
        summary["meets_targets"] = (
            summary["raw_ratio_median"] >= TARGETS["raw"]
            and summary["multipart_ratio_median"] >= TARGETS["multipart"]
            and summary["rss_growth_mib_max"] <= TARGETS["rss_mib"]
        )
        print(json.dumps({k: v for k, v in summary.items() if k != "rounds"}, indent=2))
        if args.json:
            args.json.write_text(json.dumps(summary, indent=2))
        return 0
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
