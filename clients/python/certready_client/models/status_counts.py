from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusCounts")


@_attrs_define
class StatusCounts:
    """
    Attributes:
        not_started (int | Unset):  Default: 0.
        planned (int | Unset):  Default: 0.
        in_progress (int | Unset):  Default: 0.
        implemented (int | Unset):  Default: 0.
    """

    not_started: int | Unset = 0
    planned: int | Unset = 0
    in_progress: int | Unset = 0
    implemented: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        not_started = self.not_started

        planned = self.planned

        in_progress = self.in_progress

        implemented = self.implemented

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if not_started is not UNSET:
            field_dict["not_started"] = not_started
        if planned is not UNSET:
            field_dict["planned"] = planned
        if in_progress is not UNSET:
            field_dict["in_progress"] = in_progress
        if implemented is not UNSET:
            field_dict["implemented"] = implemented

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        not_started = d.pop("not_started", UNSET)

        planned = d.pop("planned", UNSET)

        in_progress = d.pop("in_progress", UNSET)

        implemented = d.pop("implemented", UNSET)

        status_counts = cls(
            not_started=not_started,
            planned=planned,
            in_progress=in_progress,
            implemented=implemented,
        )

        status_counts.additional_properties = d
        return status_counts

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
