from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gate import Gate
from ..models.severity import Severity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.failing_object_read import FailingObjectRead
    from ..models.rule_result_read_parameters import RuleResultReadParameters


T = TypeVar("T", bound="RuleResultRead")


@_attrs_define
class RuleResultRead:
    """
    Attributes:
        id (str):
        title (str):
        description (str):
        clause_refs (list[str]):
        gate (Gate): When a rule must pass (iso20000.md section 6): S1 < S2 < CERT; MAINT separate.
        severity (Severity):
        implemented (bool):
        passed (bool | None):
        message (str):
        failing_count (int):
        failing (list[FailingObjectRead]):
        parameters (RuleResultReadParameters):
        not_implemented_reason (None | str | Unset):
    """

    id: str
    title: str
    description: str
    clause_refs: list[str]
    gate: Gate
    severity: Severity
    implemented: bool
    passed: bool | None
    message: str
    failing_count: int
    failing: list[FailingObjectRead]
    parameters: RuleResultReadParameters
    not_implemented_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        description = self.description

        clause_refs = self.clause_refs

        gate = self.gate.value

        severity = self.severity.value

        implemented = self.implemented

        passed: bool | None
        passed = self.passed

        message = self.message

        failing_count = self.failing_count

        failing = []
        for failing_item_data in self.failing:
            failing_item = failing_item_data.to_dict()
            failing.append(failing_item)

        parameters = self.parameters.to_dict()

        not_implemented_reason: None | str | Unset
        if isinstance(self.not_implemented_reason, Unset):
            not_implemented_reason = UNSET
        else:
            not_implemented_reason = self.not_implemented_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "description": description,
                "clause_refs": clause_refs,
                "gate": gate,
                "severity": severity,
                "implemented": implemented,
                "passed": passed,
                "message": message,
                "failing_count": failing_count,
                "failing": failing,
                "parameters": parameters,
            }
        )
        if not_implemented_reason is not UNSET:
            field_dict["not_implemented_reason"] = not_implemented_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failing_object_read import FailingObjectRead  # noqa: PLC0415
        from ..models.rule_result_read_parameters import RuleResultReadParameters  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        description = d.pop("description")

        clause_refs = cast(list[str], d.pop("clause_refs"))

        gate = Gate(d.pop("gate"))

        severity = Severity(d.pop("severity"))

        implemented = d.pop("implemented")

        def _parse_passed(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        passed = _parse_passed(d.pop("passed"))

        message = d.pop("message")

        failing_count = d.pop("failing_count")

        failing = []
        _failing = d.pop("failing")
        for failing_item_data in _failing:
            failing_item = FailingObjectRead.from_dict(failing_item_data)

            failing.append(failing_item)

        parameters = RuleResultReadParameters.from_dict(d.pop("parameters"))

        def _parse_not_implemented_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        not_implemented_reason = _parse_not_implemented_reason(
            d.pop("not_implemented_reason", UNSET)
        )

        rule_result_read = cls(
            id=id,
            title=title,
            description=description,
            clause_refs=clause_refs,
            gate=gate,
            severity=severity,
            implemented=implemented,
            passed=passed,
            message=message,
            failing_count=failing_count,
            failing=failing,
            parameters=parameters,
            not_implemented_reason=not_implemented_reason,
        )

        rule_result_read.additional_properties = d
        return rule_result_read

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
