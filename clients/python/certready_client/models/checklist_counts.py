from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChecklistCounts")


@_attrs_define
class ChecklistCounts:
    """
    Attributes:
        total (int):
        not_assessed (int | Unset):  Default: 0.
        conforming (int | Unset):  Default: 0.
        nonconforming (int | Unset):  Default: 0.
        observation (int | Unset):  Default: 0.
        ofi (int | Unset):  Default: 0.
    """

    total: int
    not_assessed: int | Unset = 0
    conforming: int | Unset = 0
    nonconforming: int | Unset = 0
    observation: int | Unset = 0
    ofi: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        not_assessed = self.not_assessed

        conforming = self.conforming

        nonconforming = self.nonconforming

        observation = self.observation

        ofi = self.ofi

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
            }
        )
        if not_assessed is not UNSET:
            field_dict["not_assessed"] = not_assessed
        if conforming is not UNSET:
            field_dict["conforming"] = conforming
        if nonconforming is not UNSET:
            field_dict["nonconforming"] = nonconforming
        if observation is not UNSET:
            field_dict["observation"] = observation
        if ofi is not UNSET:
            field_dict["ofi"] = ofi

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        not_assessed = d.pop("not_assessed", UNSET)

        conforming = d.pop("conforming", UNSET)

        nonconforming = d.pop("nonconforming", UNSET)

        observation = d.pop("observation", UNSET)

        ofi = d.pop("ofi", UNSET)

        checklist_counts = cls(
            total=total,
            not_assessed=not_assessed,
            conforming=conforming,
            nonconforming=nonconforming,
            observation=observation,
            ofi=ofi,
        )

        checklist_counts.additional_properties = d
        return checklist_counts

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
