"""Leadership and planning: owners (5.3) and measurable, measured objectives (6.2, 9.1)."""

from __future__ import annotations

from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Facts
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, preview, rule


@rule("RDY-05", "Every requirement has an owner", ["5.3"], Gate.stage1, Severity.blocker)
def owners_assigned(facts: Facts, params: Params) -> Outcome:
    """Every leaf requirement (hence the SMS and every clause-8 process) has an owner."""
    missing = [leaf for leaf in facts.leaves if leaf.owner_id is None]
    failures = [
        Failure(
            "requirement",
            f"{leaf.ref} has no owner.",
            facts.route(f"/requirements/{leaf.ref}"),
            id=str(leaf.id),
            key=leaf.ref,
        )
        for leaf in missing
    ]
    message = f"No owner for {preview([leaf.ref for leaf in missing])}." if missing else ""
    return Outcome(failures, message=message)


@rule("RDY-08", "Measurable service management objectives", ["6.2"], Gate.stage1, Severity.blocker)
def objectives_measurable(facts: Facts, params: Params) -> Outcome:
    """At least one objective exists and each has a metric, a target, a due date and an
    owner (the target is mandatory in the objectives package)."""
    if not facts.objectives:
        return Outcome(
            [
                Failure(
                    "objective",
                    "No service management objective recorded.",
                    facts.route("/objectives"),
                )
            ]
        )
    failures = []
    for objective in facts.objectives:
        gaps = [
            name
            for name, ok in (
                ("metric", objective.has_metric),
                ("owner", objective.has_owner),
                ("due date", objective.has_due_date),
            )
            if not ok
        ]
        if gaps:
            failures.append(
                Failure(
                    "objective",
                    f"{objective.key} {objective.title} lacks: {', '.join(gaps)}.",
                    facts.route(f"/objectives/{objective.id}"),
                    id=str(objective.id),
                    key=objective.key,
                )
            )
    return Outcome(failures)


@rule(
    "RDY-10",
    "Objectives are being measured",
    ["6.2", "9.1"],
    Gate.stage2,
    Severity.blocker,
    params=[
        Param("measurements", 1, 1, 100, "Measurements each objective needs in the window."),
        Param("months", 3, 1, 36, "The window, counted back from today."),
    ],
)
def objectives_measured(facts: Facts, params: Params) -> Outcome:
    """Each objective has at least {measurements} measurement(s) whose period ended in the
    last {months} months."""
    if not facts.objectives:
        return Outcome(
            [
                Failure(
                    "objective",
                    "No service management objective recorded.",
                    facts.route("/objectives"),
                )
            ]
        )
    need = params["measurements"]
    failures = [
        Failure(
            "objective",
            f"{o.key} {o.title}: {o.recent_measurements} of {need} measurement(s) "
            f"in the last {params['months']} months.",
            facts.route(f"/objectives/{o.id}"),
            id=str(o.id),
            key=o.key,
        )
        for o in facts.objectives
        if o.recent_measurements < need
    ]
    return Outcome(failures)


RULES: list[Rule] = [owners_assigned, objectives_measurable, objectives_measured]
