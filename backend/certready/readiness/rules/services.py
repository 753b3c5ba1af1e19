"""The service catalogue against the scope (4.3, 8.2.4) and other parties' processes (8.2.3).

The catalogue is every service not retired. RDY-02 (iso20000.md 6.6) compares both ways:
a service the scope statement names must be in the catalogue and marked in scope; a
catalogue service marked in scope must be named by the scope statement; one outside the
scope needs its recorded reason. RDY-23 (6.6): every in-scope catalogue service has at least
one clause-8 process the organisation operates itself, and every process another party
operates names the supplier, an internal owner and is monitored (a measured objective).
RDY-22 (6.6): every in-scope service has at least one configuration item recorded (planned,
active or in maintenance; a retired item records nothing), and the CMDB has a verification
record within the last {months} months.
"""

from __future__ import annotations

from certready.core.clock import add_months
from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Facts, ServiceFacts
from certready.readiness.rules.base import Failure, Outcome, Param, Params, Rule, rule

RETIRED = "retired"


def _failure(facts: Facts, service: ServiceFacts, text: str) -> Failure:
    return Failure(
        "service",
        f"{service.key} {service.name}: {text}",
        facts.route(f"/services/{service.id}"),
        id=str(service.id),
        key=service.key,
    )


def _no_service(facts: Facts, text: str) -> Outcome:
    return Outcome([Failure("service", text, facts.route("/services"))])


def _scope_gap(service: ServiceFacts) -> str | None:
    if service.status == RETIRED:
        return "retired but still named in the scope statement." if service.named_in_scope else None
    if service.in_scope and not service.named_in_scope:
        return "marked in scope but the scope statement does not name it."
    if not service.in_scope and service.named_in_scope:
        return "named in the scope statement but marked out of scope."
    if not service.in_scope and not service.has_reason:
        return "out of scope without a recorded reason."
    return None


@rule(
    "RDY-02", "Scope and service catalogue agree", ["4.3", "8.2.4"], Gate.stage1, Severity.blocker
)
def scope_matches_catalogue(facts: Facts, params: Params) -> Outcome:
    """The scope statement's services and the catalogue agree both ways; a catalogue
    service outside the scope has a recorded reason; at least one service is in scope."""
    if not facts.services:
        return _no_service(facts, "No service in the service catalogue.")
    failures = []
    for service in facts.services:
        gap = _scope_gap(service)
        if gap:
            failures.append(_failure(facts, service, gap))
    if not any(s.in_scope and s.status != RETIRED for s in facts.services):
        failures.append(
            Failure("service", "No catalogue service is in the scope.", facts.route("/services"))
        )
    return Outcome(failures)


@rule("RDY-23", "Other parties do not operate everything", ["8.2.3"], Gate.stage1, Severity.blocker)
def own_operation(facts: Facts, params: Params) -> Outcome:
    """Every in-scope service has a clause-8 process the organisation operates; every process
    another party operates names the supplier, an internal owner and a measured objective."""
    in_scope = [s for s in facts.services if s.in_scope and s.status != RETIRED]
    if not in_scope:
        return _no_service(facts, "No service in scope, so no process operation to check.")
    failures = []
    by_id = {s.id: s for s in in_scope}
    for service in in_scope:
        if service.own_processes == 0:
            failures.append(
                _failure(facts, service, "no clause-8 process is operated by the organisation.")
            )
    for p in facts.other_party_processes:
        owner = by_id.get(p.service_id)
        if owner is None:
            continue
        gaps = [
            name
            for name, ok in (
                ("the supplier", p.has_supplier),
                ("an internal owner", p.has_owner),
                ("performance monitoring (a measured objective)", p.monitored),
            )
            if not ok
        ]
        if gaps:
            failures.append(
                _failure(
                    facts,
                    owner,
                    f"process {p.ref} run by another party lacks " + ", ".join(gaps) + ".",
                )
            )
    return Outcome(failures)


@rule(
    "RDY-22",
    "Configuration records verified",
    ["8.2.6"],
    Gate.stage2,
    Severity.blocker,
    params=[Param("months", 12, 1, 36, "The newest CMDB verification may be this old.")],
)
def configuration_recorded(facts: Facts, params: Params) -> Outcome:
    """Every in-scope service has a configuration item recorded; the CMDB was verified
    within the last {months} months."""
    in_scope = [s for s in facts.services if s.in_scope and s.status != RETIRED]
    if not in_scope:
        return _no_service(facts, "No service in scope, so no configuration records to check.")
    failures = [
        _failure(facts, s, "no configuration item is recorded for it.")
        for s in in_scope
        if s.configuration_items == 0
    ]
    months = params["months"]
    since = add_months(facts.today, -months)
    last = facts.cmdb_last_verified
    if last is None or last < since:
        when = "Configuration records never verified"
        if last is not None:
            when = f"Configuration records last verified {last}, more than {months} months ago"
        failures.append(
            Failure(
                "cmdb_verification",
                f"{when}: record a CMDB verification.",
                facts.route("/configuration-items"),
            )
        )
    return Outcome(failures)


RULES: list[Rule] = [scope_matches_catalogue, configuration_recorded, own_operation]
