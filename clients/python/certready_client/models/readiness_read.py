from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.clause_read import ClauseRead
    from ..models.gates_read import GatesRead
    from ..models.next_step_read import NextStepRead
    from ..models.rule_result_read import RuleResultRead


T = TypeVar("T", bound="ReadinessRead")


@_attrs_define
class ReadinessRead:
    """
    Attributes:
        framework (str):
        today (datetime.date):
        evaluated_at (datetime.datetime):
        score (int):
        gates (GatesRead):
        clauses (list[ClauseRead]):
        rules (list[RuleResultRead]):
        not_implemented (list[RuleResultRead]):
        next_steps (list[NextStepRead]):
    """

    framework: str
    today: datetime.date
    evaluated_at: datetime.datetime
    score: int
    gates: GatesRead
    clauses: list[ClauseRead]
    rules: list[RuleResultRead]
    not_implemented: list[RuleResultRead]
    next_steps: list[NextStepRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        framework = self.framework

        today = self.today.isoformat()

        evaluated_at = self.evaluated_at.isoformat()

        score = self.score

        gates = self.gates.to_dict()

        clauses = []
        for clauses_item_data in self.clauses:
            clauses_item = clauses_item_data.to_dict()
            clauses.append(clauses_item)

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        not_implemented = []
        for not_implemented_item_data in self.not_implemented:
            not_implemented_item = not_implemented_item_data.to_dict()
            not_implemented.append(not_implemented_item)

        next_steps = []
        for next_steps_item_data in self.next_steps:
            next_steps_item = next_steps_item_data.to_dict()
            next_steps.append(next_steps_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework": framework,
                "today": today,
                "evaluated_at": evaluated_at,
                "score": score,
                "gates": gates,
                "clauses": clauses,
                "rules": rules,
                "not_implemented": not_implemented,
                "next_steps": next_steps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clause_read import ClauseRead  # noqa: PLC0415
        from ..models.gates_read import GatesRead  # noqa: PLC0415
        from ..models.next_step_read import NextStepRead  # noqa: PLC0415
        from ..models.rule_result_read import RuleResultRead  # noqa: PLC0415

        d = dict(src_dict)
        framework = d.pop("framework")

        today = datetime.date.fromisoformat(d.pop("today"))

        evaluated_at = datetime.datetime.fromisoformat(d.pop("evaluated_at"))

        score = d.pop("score")

        gates = GatesRead.from_dict(d.pop("gates"))

        clauses = []
        _clauses = d.pop("clauses")
        for clauses_item_data in _clauses:
            clauses_item = ClauseRead.from_dict(clauses_item_data)

            clauses.append(clauses_item)

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = RuleResultRead.from_dict(rules_item_data)

            rules.append(rules_item)

        not_implemented = []
        _not_implemented = d.pop("not_implemented")
        for not_implemented_item_data in _not_implemented:
            not_implemented_item = RuleResultRead.from_dict(not_implemented_item_data)

            not_implemented.append(not_implemented_item)

        next_steps = []
        _next_steps = d.pop("next_steps")
        for next_steps_item_data in _next_steps:
            next_steps_item = NextStepRead.from_dict(next_steps_item_data)

            next_steps.append(next_steps_item)

        readiness_read = cls(
            framework=framework,
            today=today,
            evaluated_at=evaluated_at,
            score=score,
            gates=gates,
            clauses=clauses,
            rules=rules,
            not_implemented=not_implemented,
            next_steps=next_steps,
        )

        readiness_read.additional_properties = d
        return readiness_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
