from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gate import Gate

T = TypeVar("T", bound="NextStepRead")


@_attrs_define
class NextStepRead:
    """
    Attributes:
        rule_id (str):
        title (str):
        gate (Gate): When a rule must pass (iso20000.md section 6): S1 < S2 < CERT; MAINT separate.
        failing_count (int):
        message (str):
        route (None | str):
    """

    rule_id: str
    title: str
    gate: Gate
    failing_count: int
    message: str
    route: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule_id = self.rule_id

        title = self.title

        gate = self.gate.value

        failing_count = self.failing_count

        message = self.message

        route: None | str
        route = self.route

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule_id": rule_id,
                "title": title,
                "gate": gate,
                "failing_count": failing_count,
                "message": message,
                "route": route,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rule_id = d.pop("rule_id")

        title = d.pop("title")

        gate = Gate(d.pop("gate"))

        failing_count = d.pop("failing_count")

        message = d.pop("message")

        def _parse_route(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        route = _parse_route(d.pop("route"))

        next_step_read = cls(
            rule_id=rule_id,
            title=title,
            gate=gate,
            failing_count=failing_count,
            message=message,
            route=route,
        )

        next_step_read.additional_properties = d
        return next_step_read

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
