from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RequirementStatusCounts")


@_attrs_define
class RequirementStatusCounts:
    """
    Attributes:
        total (int): Assessable requirements.
        not_started (int):
        planned (int):
        in_progress (int):
        implemented (int):
        not_occurring (int): Flagged not occurring (counted in a status too).
    """

    total: int
    not_started: int
    planned: int
    in_progress: int
    implemented: int
    not_occurring: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        not_started = self.not_started

        planned = self.planned

        in_progress = self.in_progress

        implemented = self.implemented

        not_occurring = self.not_occurring

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "not_started": not_started,
                "planned": planned,
                "in_progress": in_progress,
                "implemented": implemented,
                "not_occurring": not_occurring,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        not_started = d.pop("not_started")

        planned = d.pop("planned")

        in_progress = d.pop("in_progress")

        implemented = d.pop("implemented")

        not_occurring = d.pop("not_occurring")

        requirement_status_counts = cls(
            total=total,
            not_started=not_started,
            planned=planned,
            in_progress=in_progress,
            implemented=implemented,
            not_occurring=not_occurring,
        )

        requirement_status_counts.additional_properties = d
        return requirement_status_counts

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
