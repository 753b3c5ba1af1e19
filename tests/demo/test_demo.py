"""The demo organisation on SQLite and PostgreSQL: built through the services, every demo
object passes the validation a user's would, and the verdicts are the demo's story (one
mandatory document missing, an overdue corrective measure, the management review not held).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from datetime import date, timedelta

import httpx
import pytest
from certready.config import Settings
from certready.core.clock import today
from certready.corrective_measures.enums import MeasureStatus
from certready.corrective_measures.models import CorrectiveAction, CorrectiveMeasure
from certready.db.session import Database
from certready.demo import DEMO_SLUG, build_demo
from certready.evidence.enums import EvidenceStatus
from certready.evidence.models import Evidence, EvidenceVersion
from certready.evidence.storage import EvidenceStore
from certready.objectives.models import Objective, ObjectiveMeasurement
from certready.orgs.models import Organisation
from sqlalchemy import select

from tests.factories.auth import OrgFixture, login
from tests.factories.readiness import get_readiness
from tests.readiness.test_api import DEMO_STAGE2_BLOCKERS

pytestmark = pytest.mark.anyio

# The scale a metric's values live on: "(1-5)" in the metric, or a percentage.
SCALE_RE = re.compile(r"\((\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\)")


def scale_of(objective: Objective) -> tuple[float, float]:
    found = SCALE_RE.search(objective.metric)
    if found:
        return float(found.group(1)), float(found.group(2))
    assert objective.unit == "%", f"{objective.title}: no scale in '{objective.metric}'"
    return 0.0, 100.0


async def _org_id(database: Database) -> uuid.UUID:
    async with database.transaction() as session:
        org = (
            await session.execute(select(Organisation).where(Organisation.slug == DEMO_SLUG))
        ).scalar_one()
        return org.id


async def assert_demo_objects_valid(database: Database, settings: Settings) -> None:
    """What the product demands of a user's objects, checked for every demo object."""
    org_id = await _org_id(database)
    store = EvidenceStore(settings.evidence_dir)
    async with database.transaction() as session:
        items = (await session.execute(select(Evidence).where(Evidence.org_id == org_id))).scalars()
        versions = (
            await session.execute(select(EvidenceVersion).where(EvidenceVersion.org_id == org_id))
        ).scalars()
        by_item: dict[uuid.UUID, list[EvidenceVersion]] = {}
        for v in versions:
            by_item.setdefault(v.evidence_id, []).append(v)
        evidence = list(items)
        assert len(evidence) > 80
        for item in evidence:
            assert item.status == EvidenceStatus.approved and item.approved_at is not None
            assert item.current_version >= 1, f"E-{item.number} has no file"
            found = by_item.get(item.id, [])
            assert len(found) == item.current_version, f"E-{item.number}"
            for version in found:
                blob = store.blob_path(org_id, version.sha256).read_bytes()
                assert hashlib.sha256(blob).hexdigest() == version.sha256, f"E-{item.number}"
                assert len(blob) == version.size > 0

        objectives = list(
            (await session.execute(select(Objective).where(Objective.org_id == org_id))).scalars()
        )
        measured = (
            await session.execute(
                select(ObjectiveMeasurement).where(ObjectiveMeasurement.org_id == org_id)
            )
        ).scalars()
        by_id = {o.id: o for o in objectives}
        values = 0
        for m in measured:
            low, high = scale_of(by_id[m.objective_id])
            assert low <= m.value <= high, f"{by_id[m.objective_id].title}: {m.value}"
            assert m.period_end <= today()
            values += 1
        assert len(objectives) == 3 and values == 6
        for o in objectives:
            low, high = scale_of(o)
            assert low <= o.target <= high, o.title

        measures = list(
            (
                await session.execute(
                    select(CorrectiveMeasure).where(CorrectiveMeasure.org_id == org_id)
                )
            ).scalars()
        )
        actions = list(
            (
                await session.execute(
                    select(CorrectiveAction).where(CorrectiveAction.org_id == org_id)
                )
            ).scalars()
        )
        planned = [m for m in measures if m.status == MeasureStatus.planned]
        assert len(planned) == 2
        for measure in planned:
            mine = [a for a in actions if a.measure_id == measure.id]
            assert mine, f"CM-{measure.number} is planned without actions"
            for action in mine:
                assert action.owner_id is not None and action.due_date is not None
            assert measure.root_cause.strip() and measure.root_cause_method is not None


async def test_demo_over_the_api_obeys_the_rules(
    client: httpx.AsyncClient, database: Database, settings: Settings
) -> None:
    r = await client.post("/api/v1/demo")
    assert r.status_code == 201, r.text
    body = r.json()
    await assert_demo_objects_valid(database, settings)

    admin = await login(client, body["admin_email"], body["admin_password"])
    orgs = await client.get("/api/v1/orgs", headers=admin.headers)
    org = OrgFixture(slug=DEMO_SLUG, id=orgs.json()["items"][0]["id"], admin=admin)
    report = await get_readiness(client, org)
    gates = report["gates"]
    rules = {rule["id"]: rule for rule in report["rules"]}
    # the Stage 1 blockers, one gap per register and nothing else: SVC-3 Hosting in scope but
    # not named by the scope statement (RDY-02), the context record without its climate-change
    # statement (RDY-03), RSK-7 without a treatment decision (RDY-07), the missing mandatory
    # document D8 (RDY-11), SUP-3's expired contract (RDY-13)
    assert gates["stage1"]["blockers"] == ["RDY-02", "RDY-03", "RDY-07", "RDY-11", "RDY-13"]
    assert "RSK-7" in [f["key"] for f in rules["RDY-07"]["failing"]]
    assert [f["key"] for f in rules["RDY-11"]["failing"]] == ["D8"]
    assert [f["key"] for f in rules["RDY-02"]["failing"]] == ["SVC-3"]
    assert rules["RDY-02"]["failing"][0]["route"].startswith("/orgs/demo/services/")
    assert rules["RDY-23"]["passed"] is True
    assert [(f["type"], f["key"]) for f in rules["RDY-13"]["failing"]] == [("supplier", "SUP-3")]
    # the overdue corrective measure and the review not held block Stage 2, and only the
    # story's other gaps besides them
    assert sorted(gates["stage2"]["blockers"]) == sorted(DEMO_STAGE2_BLOCKERS)
    assert [f["key"] for f in rules["RDY-34"]["failing"]] == ["CM-1"]
    assert rules["RDY-34"]["passed"] is False
    # the management review is planned, not held: a Stage 1 warning naming MR-1
    assert rules["RDY-31"]["passed"] is False and rules["RDY-31"]["severity"] == "warning"
    assert [f["key"] for f in rules["RDY-31"]["failing"]] == ["MR-1"]
    assert "RDY-31" in gates["stage1"]["warnings"]
    assert rules["RDY-32"]["passed"] is False


async def test_demo_from_the_cli_path_is_idempotent(database: Database, settings: Settings) -> None:
    day = today() - timedelta(days=3)
    async with database.transaction() as session:
        outcome = await build_demo(session, settings, database, day)
    assert outcome.created and outcome.admin_password
    await assert_demo_objects_valid(database, settings)
    async with database.transaction() as session:
        again = await build_demo(session, settings, database, day)
    assert not again.created and again.admin_password is None
    assert again.org.id == outcome.org.id
    assert isinstance(day, date)
