from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.checklist_line_read import ChecklistLineRead


T = TypeVar("T", bound="AuditChecklistRead")


@_attrs_define
class AuditChecklistRead:
    """
    Attributes:
        audit_id (UUID):
        total (int):
        items (list[ChecklistLineRead]):
    """

    audit_id: UUID
    total: int
    items: list[ChecklistLineRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audit_id = str(self.audit_id)

        total = self.total

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audit_id": audit_id,
                "total": total,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_line_read import ChecklistLineRead  # noqa: PLC0415

        d = dict(src_dict)
        audit_id = UUID(d.pop("audit_id"))

        total = d.pop("total")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ChecklistLineRead.from_dict(items_item_data)

            items.append(items_item)

        audit_checklist_read = cls(
            audit_id=audit_id,
            total=total,
            items=items,
        )

        audit_checklist_read.additional_properties = d
        return audit_checklist_read

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
