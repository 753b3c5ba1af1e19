from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RiskCell")


@_attrs_define
class RiskCell:
    """
    Attributes:
        likelihood (int):
        impact (int):
        level (None | str):
        count (int):
    """

    likelihood: int
    impact: int
    level: None | str
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        likelihood = self.likelihood

        impact = self.impact

        level: None | str
        level = self.level

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "likelihood": likelihood,
                "impact": impact,
                "level": level,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        likelihood = d.pop("likelihood")

        impact = d.pop("impact")

        def _parse_level(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        level = _parse_level(d.pop("level"))

        count = d.pop("count")

        risk_cell = cls(
            likelihood=likelihood,
            impact=impact,
            level=level,
            count=count,
        )

        risk_cell.additional_properties = d
        return risk_cell

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
