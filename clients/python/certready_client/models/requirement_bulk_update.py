from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.requirement_change import RequirementChange


T = TypeVar("T", bound="RequirementBulkUpdate")


@_attrs_define
class RequirementBulkUpdate:
    """
    Attributes:
        changes (list[RequirementChange]):
    """

    changes: list[RequirementChange]

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requirement_change import RequirementChange  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = RequirementChange.from_dict(changes_item_data)

            changes.append(changes_item)

        requirement_bulk_update = cls(
            changes=changes,
        )

        return requirement_bulk_update
