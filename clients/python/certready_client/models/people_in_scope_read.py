from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person_in_scope_read import PersonInScopeRead


T = TypeVar("T", bound="PeopleInScopeRead")


@_attrs_define
class PeopleInScopeRead:
    """Everyone RDY-15 and RDY-16 count, computed from memberships, ownerships and the
    training register.

        Attributes:
            awareness_months (int):
            total (int):
            aware (int):
            competent (int):
            items (list[PersonInScopeRead]):
    """

    awareness_months: int
    total: int
    aware: int
    competent: int
    items: list[PersonInScopeRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        awareness_months = self.awareness_months

        total = self.total

        aware = self.aware

        competent = self.competent

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "awareness_months": awareness_months,
                "total": total,
                "aware": aware,
                "competent": competent,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_in_scope_read import PersonInScopeRead  # noqa: PLC0415

        d = dict(src_dict)
        awareness_months = d.pop("awareness_months")

        total = d.pop("total")

        aware = d.pop("aware")

        competent = d.pop("competent")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PersonInScopeRead.from_dict(items_item_data)

            items.append(items_item)

        people_in_scope_read = cls(
            awareness_months=awareness_months,
            total=total,
            aware=aware,
            competent=competent,
            items=items,
        )

        people_in_scope_read.additional_properties = d
        return people_in_scope_read

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
