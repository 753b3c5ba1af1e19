"""Objectives (three, measured for two, every value on the metric's scale) and the
management review: planned with an agenda, not held."""

from __future__ import annotations

from datetime import timedelta

from certready.core.clock import add_months
from certready.demo.base import Demo
from certready.management_reviews.schemas import ManagementReviewCreate
from certready.management_reviews.service import create_review
from certready.objectives.enums import Direction, Frequency
from certready.objectives.schemas import MeasurementCreate, ObjectiveCreate
from certready.objectives.service import create_measurement, create_objective

# (title, metric, unit, target, direction, the last three monthly values or None)
OBJECTIVES = (
    (
        "Incidents resolved within SLA",
        "% of incidents resolved within SLA",
        "%",
        95.0,
        Direction.at_least,
        (95.8, 96.4, 96.1),
    ),
    (
        "Customer satisfaction",
        "Average survey score (1-5)",
        "",
        4.2,
        Direction.at_least,
        (4.3, 4.4, 4.5),
    ),
    (
        "Changes causing incidents",
        "% of changes causing an incident",
        "%",
        5.0,
        Direction.at_most,
        None,
    ),
)


async def add_objectives(demo: Demo) -> None:
    for title, metric, unit, target, direction, values in OBJECTIVES:
        objective = await create_objective(
            demo.session,
            demo.ctx,
            ObjectiveCreate(
                title=title,
                requirement_refs=["6.2.1"],
                metric=metric,
                unit=unit,
                target=target,
                direction=direction,
                owner_id=demo.manager.id,
                due_date=add_months(demo.today, 6),
                frequency=Frequency.monthly,
            ),
        )
        for months_back, value in zip((3, 2, 1), values or (), strict=False):
            start = add_months(demo.today.replace(day=1), -months_back)
            period = MeasurementCreate(
                period_start=start,
                period_end=add_months(start, 1) - timedelta(days=1),
                value=value,
                source="Monthly service report",
            )
            await create_measurement(demo.session, demo.ctx, objective, period)


async def add_review(demo: Demo) -> None:
    await create_review(
        demo.session,
        demo.ctx,
        ManagementReviewCreate(
            title="Management review before Stage 1",
            planned_date=demo.days(21),
            chair_id=demo.manager.id,
            agenda="Inputs of 9.3: audit results, objectives, customer feedback, improvement.",
        ),
    )
