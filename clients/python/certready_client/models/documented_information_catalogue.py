from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.documented_information_read import DocumentedInformationRead


T = TypeVar("T", bound="DocumentedInformationCatalogue")


@_attrs_define
class DocumentedInformationCatalogue:
    """
    Attributes:
        framework (str):
        total (int):
        items (list[DocumentedInformationRead]):
    """

    framework: str
    total: int
    items: list[DocumentedInformationRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        framework = self.framework

        total = self.total

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework": framework,
                "total": total,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.documented_information_read import DocumentedInformationRead  # noqa: PLC0415

        d = dict(src_dict)
        framework = d.pop("framework")

        total = d.pop("total")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DocumentedInformationRead.from_dict(items_item_data)

            items.append(items_item)

        documented_information_catalogue = cls(
            framework=framework,
            total=total,
            items=items,
        )

        documented_information_catalogue.additional_properties = d
        return documented_information_catalogue

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
