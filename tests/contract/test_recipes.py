"""The README's scripted-use recipes, run as written against a real `certready serve` on
SQLite and PostgreSQL (issue 21): the GitHub Actions step and the GitLab CI job (their shell,
taken from the README's YAML, with the `certready` command of this checkout), the Python
script with the generated client (clients/python/examples/overdue_measures.py, whose core
the README shows verbatim) and the curl loop. A recipe that rots fails here."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.evidence.live import REPO, LiveServer, database_url, make_token, setup_org

pytestmark = pytest.mark.slow

README = REPO / "README.md"
EXAMPLE = REPO / "clients" / "python" / "examples" / "overdue_measures.py"
OVERDUE = 103  # more than the recipes' page size (100): they must follow next_cursor


def recipe(name: str) -> str:
    """The code block after ``<!-- recipe: name -->`` in the README."""
    match = re.search(
        rf"<!-- recipe: {re.escape(name)} -->\n```[a-z]*\n(.*?)\n```", README.read_text(), re.S
    )
    assert match, f"README has no recipe {name!r}"
    return match.group(1) + "\n"


@dataclass
class Live:
    server: LiveServer
    slug: str
    admin: dict[str, str]
    writer: str  # evidence:write
    reader: str  # read

    def env(self, token: str, **extra: str) -> dict[str, str]:
        """What a CI runner has: no server settings, the recipe's variables, `certready` on
        the PATH (this checkout's, as the API image or `pip install` provide it)."""
        base = {k: v for k, v in os.environ.items() if not k.startswith("CERTREADY_")}
        path = f"{Path(sys.executable).parent}{os.pathsep}{base.get('PATH', '')}"
        return {
            **base,
            "PATH": path,
            "CERTREADY_URL": self.server.url,
            "CERTREADY_TOKEN": token,
            "CERTREADY_ORG": self.slug,
            **extra,
        }

    def get(self, path: str, **params: Any) -> Any:
        with httpx.Client(base_url=self.server.url, timeout=30) as c:
            r = c.get(f"/api/v1/orgs/{self.slug}{path}", params=params, headers=self.admin)
            assert r.status_code == 200, r.text
            return r.json()


def _seed_measures(live: Live) -> None:
    past, future = date.today() - timedelta(days=30), date.today() + timedelta(days=30)
    with httpx.Client(base_url=live.server.url, timeout=30) as c:
        url = f"/api/v1/orgs/{live.slug}/corrective-measures"
        rows = [(f"Overdue measure {i}", past - timedelta(days=i)) for i in range(OVERDUE)]
        rows += [("Due next month", future), ("No due date", None)]
        for title, due in rows:
            body = {"title": title, "due_date": due.isoformat() if due else None}
            r = c.post(url, json=body, headers=live.admin)
            assert r.status_code == 201, r.text


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Live]:
    tmp = tmp_path_factory.mktemp(f"recipes-{request.param}")
    with database_url(request.param, tmp) as url:
        server = LiveServer(tmp / "data", url)
        server.start()
        try:
            slug, admin = setup_org(server.url)
            writer = make_token(server.url, slug, admin, ["evidence:write"])
            reader = make_token(server.url, slug, admin, ["read"])
            env = Live(server, slug, admin, writer, reader)
            _seed_measures(env)
            yield env
        finally:
            server.stop()


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _expected_lines(live: Live) -> list[str]:
    measures = []
    cursor = None
    while True:
        page = live.get("/corrective-measures", overdue="true", limit=500, cursor=cursor)
        measures += page["items"]
        if not (cursor := page["next_cursor"]):
            break
    assert len(measures) == OVERDUE
    return sorted(f"{m['key']}\t{m['due_date']}\t{m['status']}\t{m['title']}" for m in measures)


def test_github_actions_step_uploads_the_results_once(live: Live, tmp_path: Path) -> None:
    workflow = yaml.safe_load(recipe("github-actions"))
    (step,) = [s for s in workflow["jobs"]["evidence"]["steps"] if "run" in s]
    assert set(step["env"]) == {"CERTREADY_URL", "CERTREADY_TOKEN", "RUN_URL"}
    (tmp_path / "test-results.xml").write_text(
        '<?xml version="1.0"?><testsuite name="app" tests="412" failures="0"/>'
    )
    run_url = "https://ci.example.org/acme/app/actions/runs/42"
    env = live.env(live.writer, RUN_URL=run_url, GITHUB_REF_NAME="v1.4.0")
    for attempt in range(2):  # a re-run of the job makes no duplicate
        result = _bash(step["run"], tmp_path, env)
        assert result.returncode == 0, (attempt, result.stdout + result.stderr)
    items = [i for i in live.get("/evidence")["items"] if i["external_ref"] == run_url]
    assert len(items) == 1, items
    (item,) = items
    assert item["title"] == "Release test results v1.4.0"
    assert item["kind"] == "report" and item["requirement_refs"] == ["8.5.3"]


def test_gitlab_job_uploads_the_exports_and_lists_them(live: Live, tmp_path: Path) -> None:
    config = yaml.safe_load(recipe("gitlab-ci"))
    job = config["certready-evidence"]
    assert job["rules"] == [{"if": "$CI_COMMIT_TAG"}]
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "changes-2027-04.csv").write_text("key,summary\nCHG-7,Mail relay upgrade\n")
    (exports / "changes-2027-05.csv").write_text("key,summary\nCHG-9,Storage firmware\n")
    job_url = "https://git.example.org/acme/app/-/jobs/7"
    env = live.env(live.writer, CI_COMMIT_TAG="v2.0.1", CI_JOB_URL=job_url)
    result = _bash("\n".join(job["script"]), tmp_path, env)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    items = [i for i in live.get("/evidence")["items"] if "release-v2.0.1" in i["tags"]]
    assert sorted(i["title"] for i in items) == ["changes-2027-04.csv", "changes-2027-05.csv"]
    assert {i["external_ref"] for i in items} == {job_url}
    assert all(i["requirement_refs"] == ["8.5.1"] for i in items)
    assert "changes-2027-04.csv" in out  # the list step shows them


def test_the_python_recipe_is_the_example_file(live: Live) -> None:
    del live  # the README shows the file's core verbatim
    assert recipe("python") in EXAMPLE.read_text()


def _example(live: Live, token: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLE), *args],
        env=live.env(token),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_python_example_lists_every_overdue_measure(live: Live) -> None:
    expected = _expected_lines(live)
    result = _example(live, live.reader)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sorted(lines) == expected
    dues = [line.split("\t")[1] for line in lines]
    assert dues == sorted(dues)  # oldest due date first
    assert f"{OVERDUE} overdue corrective measure(s) in {live.slug}" in result.stderr
    assert _example(live, live.reader, "--fail").returncode == 1
    refused = _example(live, "crt_" + "x" * 40)
    assert refused.returncode == 2 and "401" in refused.stderr, refused.stderr


def test_curl_recipe_lists_the_same_measures(live: Live, tmp_path: Path) -> None:
    result = _bash(recipe("curl"), tmp_path, live.env(live.reader))
    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.splitlines()) == _expected_lines(live)
    refused = _bash(recipe("curl"), tmp_path, live.env("crt_" + "x" * 40))
    assert refused.returncode == 2 and "application/problem+json" not in refused.stdout
    assert '"status":401' in refused.stderr.replace(" ", ""), refused.stderr


def test_python_example_type_checks() -> None:
    """mypy --strict over the example and the committed client it imports."""
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mypy"), "--strict", "--no-incremental", str(EXAMPLE)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:]
