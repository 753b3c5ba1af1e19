"""Readiness: evaluate the rules (iso20000.md section 6), settings, snapshots and history."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.activity.service import record
from certready.context import Actor, OrgContext
from certready.core.changes import ChangeSpec, check_version, update_object
from certready.core.clock import today as clock_today
from certready.core.clock import utcnow
from certready.core.pagination import PageParams, paginate
from certready.core.problems import NotFound, Unprocessable
from certready.db.session import Database
from certready.orgs.models import Organisation
from certready.readiness.cache import Key, ReadinessCache
from certready.readiness.engine import evaluate, not_implemented_result
from certready.readiness.enums import SnapshotTrigger
from certready.readiness.facts import FAILING_LIMIT, REPORT_FAILING_LIMIT, Facts
from certready.readiness.loaders import FactsLoader
from certready.readiness.models import ReadinessSettings, ReadinessSnapshot
from certready.readiness.repository import SettingsRepository, SnapshotRepository
from certready.readiness.rules import NOT_IMPLEMENTED, RULES
from certready.readiness.rules.competence import competence_gaps, current_awareness
from certready.readiness.schemas import (
    ParameterRead,
    PeopleInScopeRead,
    PersonInScopeRead,
    ReadinessRead,
    ReadinessSettingsRead,
    ReadinessSettingsUpdate,
    RuleResultRead,
    RuleSettingsRead,
    SnapshotRead,
)
from certready.requirements.catalogue.loader import DEFAULT_FRAMEWORK

log = logging.getLogger("certready.readiness")

Overrides = Mapping[str, Mapping[str, int]]


async def _overrides(
    session: AsyncSession, org_id: uuid.UUID
) -> tuple[dict[str, dict[str, int]], int]:
    row = await SettingsRepository(session, org_id).current()
    if row is None:
        return {}, 0
    return {k: dict(v) for k, v in row.parameters.items()}, row.version


def _param(overrides: Overrides, rule_id: str, name: str) -> int:
    value = overrides.get(rule_id, {}).get(name)
    return value if value is not None else RULES[rule_id].defaults()[name]


async def evaluate_org(
    session: AsyncSession,
    org: Organisation,
    framework: str = DEFAULT_FRAMEWORK,
    on: date | None = None,
    failing_limit: int = REPORT_FAILING_LIMIT,
) -> ReadinessRead:
    """Readiness of one organisation for one framework: a fixed number of statements.

    Each rule lists its first ``failing_limit`` failing objects (the count is exact)."""
    overrides, _ = await _overrides(session, org.id)
    facts = await _load_facts(session, org, framework, on or clock_today(), overrides)
    return evaluate(facts, overrides, failing_limit)


async def _load_facts(
    session: AsyncSession, org: Organisation, framework: str, today: date, overrides: Overrides
) -> Facts:
    facts = await FactsLoader(session, org).load(
        framework,
        today,
        document_days=_param(overrides, "RDY-18", "days"),
        evidence_days=_param(overrides, "RDY-25", "days"),
        measurement_months=_param(overrides, "RDY-10", "months"),
        coverage_months=_param(overrides, "RDY-28", "months"),
    )
    if facts is None:
        raise NotFound(f"No framework '{framework}'.")
    return facts


async def people_in_scope(
    session: AsyncSession, org: Organisation, framework: str = DEFAULT_FRAMEWORK
) -> PeopleInScopeRead:
    """Who is in scope for awareness and competence (RDY-15/16), why, and where each stands:
    the same facts the rules read, so this list and the verdict never disagree."""
    overrides, _ = await _overrides(session, org.id)
    facts = await _load_facts(session, org, framework, clock_today(), overrides)
    months = _param(overrides, "RDY-15", "months")
    items = [
        PersonInScopeRead(
            id=person.id,
            name=person.name,
            user_id=person.user_id,
            registered=person.registered,
            role_keys=list(person.role_keys),
            reasons=list(person.reasons),
            awareness_completed_on=current_awareness(facts, person, months),
            competence_gaps=competence_gaps(facts, person),
        )
        for person in facts.people
    ]
    return PeopleInScopeRead(
        awareness_months=months,
        total=len(items),
        aware=sum(1 for i in items if i.awareness_completed_on is not None),
        competent=sum(1 for i in items if not i.competence_gaps),
        items=items,
    )


async def cached_report(
    session: AsyncSession,
    org: Organisation,
    cache: ReadinessCache,
    framework: str = DEFAULT_FRAMEWORK,
    *,
    fresh: bool = False,
    failing_limit: int = REPORT_FAILING_LIMIT,
) -> tuple[ReadinessRead, str]:
    """The report from the cache when the organisation's data has not changed since it was
    computed (see ``readiness.cache``); returns it with the cache outcome."""
    today = clock_today()
    key = Key(org.id, org.data_version, framework, today, failing_limit)
    if not fresh:
        hit = cache.get(key)
        if hit is not None:
            return hit, "hit"
    report = await evaluate_org(session, org, framework, today, failing_limit)
    cache.put(key, report)
    return report, "request" if fresh else "miss"


async def get_rule(
    session: AsyncSession,
    org: Organisation,
    cache: ReadinessCache,
    rule_id: str,
    framework: str = DEFAULT_FRAMEWORK,
    *,
    fresh: bool = False,
) -> tuple[RuleResultRead, str]:
    """One rule's result with its failing objects (the first 50, and the total count)."""
    if rule_id in NOT_IMPLEMENTED:
        return not_implemented_result(NOT_IMPLEMENTED[rule_id]), "hit"
    if rule_id not in RULES:
        raise NotFound(f"No readiness rule '{rule_id}'.")
    report, outcome = await cached_report(
        session, org, cache, framework, fresh=fresh, failing_limit=FAILING_LIMIT
    )
    return next(r for r in report.rules if r.id == rule_id), outcome


# --- settings ---------------------------------------------------------------------------


def _settings_read(overrides: Overrides, version: int) -> ReadinessSettingsRead:
    return ReadinessSettingsRead(
        version=version,
        rules=[
            RuleSettingsRead(
                rule_id=rule.id,
                title=rule.title,
                parameters=[
                    ParameterRead(
                        name=p.name,
                        description=p.description,
                        default=p.default,
                        minimum=p.minimum,
                        maximum=p.maximum,
                        value=_param(overrides, rule.id, p.name),
                    )
                    for p in rule.params
                ],
            )
            for rule in RULES.values()
            if rule.params
        ],
    )


async def get_settings(session: AsyncSession, org_id: uuid.UUID) -> ReadinessSettingsRead:
    overrides, version = await _overrides(session, org_id)
    return _settings_read(overrides, version)


def _validated(
    current: Mapping[str, Mapping[str, int]], data: ReadinessSettingsUpdate
) -> dict[str, dict[str, int]]:
    merged = {k: dict(v) for k, v in current.items()}
    errors: list[dict[str, Any]] = []
    for rule_id, values in data.parameters.items():
        rule = RULES.get(rule_id)
        if rule is None or not rule.params:
            errors.append(
                {
                    "loc": ["body", "parameters", rule_id],
                    "msg": "No rule with parameters by this id.",
                    "type": "value_error",
                }
            )
            continue
        known = {p.name: p for p in rule.params}
        for name, value in values.items():
            loc = ["body", "parameters", rule_id, name]
            param = known.get(name)
            if param is None:
                errors.append(
                    {
                        "loc": loc,
                        "msg": f"{rule_id} has no parameter '{name}'.",
                        "type": "value_error",
                    }
                )
            elif value is None:
                merged.get(rule_id, {}).pop(name, None)
            elif not param.minimum <= value <= param.maximum:
                errors.append(
                    {
                        "loc": loc,
                        "msg": f"Must be between {param.minimum} and {param.maximum}.",
                        "type": "value_error",
                    }
                )
            else:
                merged.setdefault(rule_id, {})[name] = value
    if errors:
        raise Unprocessable("Some readiness parameters are not valid.", errors=errors)
    return {k: v for k, v in merged.items() if v}


SETTINGS_CHANGES = ChangeSpec(
    "readiness_settings", ("parameters",), lambda _row: "Readiness rule parameters"
)


async def update_settings(
    session: AsyncSession, ctx: OrgContext, data: ReadinessSettingsUpdate, if_match: str | None
) -> ReadinessSettingsRead:
    """Change rule parameters (optimistic lock on the settings version, 0 before the first)."""
    repo = SettingsRepository(session, ctx.org_id)
    row = await repo.current()
    if row is None:
        # the first change creates the row: one creator, the others then see its version
        await repo.lock_organisation()
        row = await repo.current()
    if row is None:
        row = repo.add(ReadinessSettings(org_id=ctx.org_id, parameters={}, version=0))
        await session.flush()
    check_version(row, if_match, SETTINGS_CHANGES)
    merged = _validated(dict(row.parameters), data)
    change = await update_object(
        session,
        ctx,
        row,
        {"parameters": merged},
        SETTINGS_CHANGES,
        if_match=if_match,
        object_id=ctx.org_id,
        summary="Readiness rule parameters changed",
    )
    if change:
        row.updated_by = ctx.user_id
        await session.flush()
    return _settings_read(merged, row.version)


# --- snapshots --------------------------------------------------------------------------


def _snapshot_row(
    org_id: uuid.UUID, report: ReadinessRead, trigger: SnapshotTrigger, actor: Actor | None
) -> ReadinessSnapshot:
    gates = report.gates
    failing = [r.id for r in report.rules if r.passed is False]
    return ReadinessSnapshot(
        org_id=org_id,
        framework=report.framework,
        taken_at=utcnow(),
        snapshot_date=report.today,
        trigger=trigger,
        score=report.score,
        stage1_ready=gates.stage1.ready,
        stage2_ready=gates.stage2.ready,
        certification_ready=gates.certification.ready if gates.certification.applicable else None,
        maintenance_ready=gates.maintenance.ready if gates.maintenance.applicable else None,
        blockers=len(
            {
                b
                for g in (gates.stage1, gates.stage2, gates.certification, gates.maintenance)
                for b in g.blockers
            }
        ),
        warnings=len(
            {
                w
                for g in (gates.stage1, gates.stage2, gates.certification, gates.maintenance)
                for w in g.warnings
            }
        ),
        failing_rules=failing,
        verdicts=gates.model_dump(mode="json"),
        created_by=actor.id if actor else None,
    )


async def create_snapshot(
    session: AsyncSession,
    org: Organisation,
    actor: Actor | None,
    framework: str = DEFAULT_FRAMEWORK,
    trigger: SnapshotTrigger = SnapshotTrigger.manual,
    on: date | None = None,
) -> ReadinessSnapshot:
    """Store the current verdicts and score (the readiness trend)."""
    report = await evaluate_org(session, org, framework, on)
    snap = SnapshotRepository(session, org.id).add(_snapshot_row(org.id, report, trigger, actor))
    await session.flush()
    if actor is not None:
        record(
            session,
            org_id=org.id,
            actor=actor,
            action="readiness.snapshot",
            object_type="readiness_snapshot",
            object_id=snap.id,
            summary=f"Readiness snapshot: score {snap.score}",
        )
    return snap


async def list_history(
    session: AsyncSession, org_id: uuid.UUID, framework: str, params: PageParams
) -> tuple[list[SnapshotRead], str | None, int]:
    stmt = SnapshotRepository(session, org_id).history(framework)
    rows, next_cursor, total = await paginate(
        session,
        stmt,
        keys=[col(ReadinessSnapshot.taken_at), col(ReadinessSnapshot.id)],
        params=params,
        descending=True,
    )
    return [SnapshotRead.model_validate(r) for r in rows], next_cursor, total


async def snapshot_all_orgs(db: Database, on: date | None = None) -> int:
    """The daily worker's job: one snapshot per organisation unless one exists for today.

    Each organisation in its own transaction, so one failure does not stop the others.
    """
    day = on or clock_today()
    async with db.read_sessions() as session:
        org_ids = list((await session.execute(select(col(Organisation.id)))).scalars().all())
    made = 0
    for org_id in org_ids:
        try:
            async with db.transaction() as session:
                if await SnapshotRepository(session, org_id).exists_on(day, DEFAULT_FRAMEWORK):
                    continue
                org = await session.get(Organisation, org_id)
                if org is None:
                    continue
                await create_snapshot(session, org, None, trigger=SnapshotTrigger.daily, on=day)
                made += 1
        except Exception:  # one organisation's failure must not stop the others
            log.exception("daily readiness snapshot failed for %s", org_id)
    return made
