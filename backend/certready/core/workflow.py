"""Workflows are tables: allowed transitions plus guards, enforced in one place.

A domain declares ``Workflow({state: {next, ...}}, guards={(from, to): guard})``;
services call ``check(obj, current, requested)`` before changing state. An
illegal move raises ``IllegalTransition`` (409) naming the allowed states; a
failing guard raises ``IllegalTransition`` with the guard's reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from certready.core.problems import IllegalTransition

S = TypeVar("S", bound=StrEnum)
T = TypeVar("T")

# A guard returns None when the move is allowed, or the reason it is not.
Guard = Callable[[T], str | None]


@dataclass(frozen=True)
class Workflow(Generic[S, T]):
    transitions: Mapping[S, frozenset[S]]
    guards: Mapping[tuple[S | None, S], Guard[T]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        table: Mapping[S, Iterable[S]],
        guards: Mapping[tuple[S | None, S], Guard[T]] | None = None,
    ) -> Workflow[S, T]:
        return cls({k: frozenset(v) for k, v in table.items()}, dict(guards or {}))

    def allowed(self, current: S) -> list[S]:
        return sorted(self.transitions.get(current, frozenset()), key=list(type(current)).index)

    def check(self, obj: T, current: S, requested: S) -> None:
        """The single enforcement point: raise 409 unless ``current -> requested`` is legal."""
        allowed = self.allowed(current)
        if requested not in allowed:
            raise IllegalTransition(current.value, requested.value, [s.value for s in allowed])
        for key in ((current, requested), (None, requested)):
            guard = self.guards.get(key)
            if guard is not None:
                reason = guard(obj)
                if reason:
                    raise IllegalTransition(
                        current.value, requested.value, [s.value for s in allowed], reason
                    )
