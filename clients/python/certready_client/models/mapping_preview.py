from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.preview_line import PreviewLine


T = TypeVar("T", bound="MappingPreview")


@_attrs_define
class MappingPreview:
    """The rules tried against the newest deliveries; nothing is stored.

    Attributes:
        items (list[PreviewLine]):
        mapped (int):
        errors (int):
        changed (int):
    """

    items: list[PreviewLine]
    mapped: int
    errors: int
    changed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        mapped = self.mapped

        errors = self.errors

        changed = self.changed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "mapped": mapped,
                "errors": errors,
                "changed": changed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview_line import PreviewLine  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PreviewLine.from_dict(items_item_data)

            items.append(items_item)

        mapped = d.pop("mapped")

        errors = d.pop("errors")

        changed = d.pop("changed")

        mapping_preview = cls(
            items=items,
            mapped=mapped,
            errors=errors,
            changed=changed,
        )

        mapping_preview.additional_properties = d
        return mapping_preview

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
