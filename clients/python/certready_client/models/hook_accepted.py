from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mapping_state import MappingState

T = TypeVar("T", bound="HookAccepted")


@_attrs_define
class HookAccepted:
    """The delivery is committed (or was already): the sender may forget it.

    Attributes:
        delivery_id (UUID):
        duplicate (bool):
        mapping_state (MappingState): What a verified delivery did to the records.
        record_id (None | UUID):
    """

    delivery_id: UUID
    duplicate: bool
    mapping_state: MappingState
    record_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delivery_id = str(self.delivery_id)

        duplicate = self.duplicate

        mapping_state = self.mapping_state.value

        record_id: None | str
        if isinstance(self.record_id, UUID):
            record_id = str(self.record_id)
        else:
            record_id = self.record_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delivery_id": delivery_id,
                "duplicate": duplicate,
                "mapping_state": mapping_state,
                "record_id": record_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivery_id = UUID(d.pop("delivery_id"))

        duplicate = d.pop("duplicate")

        mapping_state = MappingState(d.pop("mapping_state"))

        def _parse_record_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                record_id_type_0 = UUID(data)

                return record_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        record_id = _parse_record_id(d.pop("record_id"))

        hook_accepted = cls(
            delivery_id=delivery_id,
            duplicate=duplicate,
            mapping_state=mapping_state,
            record_id=record_id,
        )

        hook_accepted.additional_properties = d
        return hook_accepted

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
