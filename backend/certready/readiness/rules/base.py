"""The shape of a readiness rule: id, clause refs, gate, severity, parameters, evaluation."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from certready.readiness.enums import Gate, Severity
from certready.readiness.facts import Facts

Params = Mapping[str, int]


@dataclass(frozen=True)
class Param:
    """A rule parameter ({braces} in iso20000.md section 6), overridable per organisation."""

    name: str
    default: int
    minimum: int
    maximum: int
    description: str


@dataclass(frozen=True)
class Failure:
    """One object that makes a rule fail, with the SPA route where it can be fixed."""

    type: str
    message: str
    route: str
    id: str | None = None
    key: str | None = None


@dataclass
class Outcome:
    failures: list[Failure] = field(default_factory=list)
    # Set when a rule fails but only as a warning this time (RDY-31: review only scheduled).
    severity: Severity | None = None
    # One-line summary; the engine writes a default from the failures when empty.
    message: str = ""
    # How many objects fail in all, when ``failures`` lists only the first ones (the SQL
    # capped the list); None: ``failures`` is complete.
    total: int | None = None

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def failing_count(self) -> int:
        return len(self.failures) if self.total is None else max(self.total, len(self.failures))


Evaluate = Callable[[Facts, Params], Outcome]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    clause_refs: tuple[str, ...]
    gate: Gate
    severity: Severity
    evaluate: Evaluate
    params: tuple[Param, ...] = ()
    description: str = ""

    def defaults(self) -> dict[str, int]:
        return {p.name: p.default for p in self.params}


@dataclass(frozen=True)
class NotImplementedRule:
    """A rule of iso20000.md section 6 that needs data the product does not hold yet."""

    id: str
    title: str
    clause_refs: tuple[str, ...]
    gate: Gate
    severity: Severity
    reason: str


def preview(items: Sequence[str], limit: int = 10) -> str:
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more


def rule(
    id: str,
    title: str,
    clause_refs: Sequence[str],
    gate: Gate,
    severity: Severity,
    params: Sequence[Param] = (),
    description: str = "",
) -> Callable[[Evaluate], Rule]:
    """Decorator turning an evaluation function into a :class:`Rule`."""

    def wrap(fn: Evaluate) -> Rule:
        return Rule(
            id=id,
            title=title,
            clause_refs=tuple(clause_refs),
            gate=gate,
            severity=severity,
            evaluate=fn,
            params=tuple(params),
            description=description or (fn.__doc__ or "").strip(),
        )

    return wrap
