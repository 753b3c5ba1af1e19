from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.coverage_line import CoverageLine


T = TypeVar("T", bound="AuditCoverageRead")


@_attrs_define
class AuditCoverageRead:
    """
    Attributes:
        months (int):
        window_start (datetime.datetime): Lines assessed (assessed_on, the day stated) on or after this moment's day in
            a reporting or closed internal audit count as covered.
        total (int):
        covered (int):
        items (list[CoverageLine]):
        not_covered (list[str]):
    """

    months: int
    window_start: datetime.datetime
    total: int
    covered: int
    items: list[CoverageLine]
    not_covered: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        months = self.months

        window_start = self.window_start.isoformat()

        total = self.total

        covered = self.covered

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        not_covered = self.not_covered

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "months": months,
                "window_start": window_start,
                "total": total,
                "covered": covered,
                "items": items,
                "not_covered": not_covered,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coverage_line import CoverageLine  # noqa: PLC0415

        d = dict(src_dict)
        months = d.pop("months")

        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))

        total = d.pop("total")

        covered = d.pop("covered")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = CoverageLine.from_dict(items_item_data)

            items.append(items_item)

        not_covered = cast(list[str], d.pop("not_covered"))

        audit_coverage_read = cls(
            months=months,
            window_start=window_start,
            total=total,
            covered=covered,
            items=items,
            not_covered=not_covered,
        )

        audit_coverage_read.additional_properties = d
        return audit_coverage_read

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
