from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.preview_record import PreviewRecord


T = TypeVar("T", bound="PreviewLine")


@_attrs_define
class PreviewLine:
    """
    Attributes:
        delivery_id (UUID):
        received_at (datetime.datetime):
        event (None | str):
        record (None | PreviewRecord): Null when the body cannot be mapped.
        error (None | str): Why the body cannot be mapped under these rules.
        changed (bool): The outcome differs from the integration's current rules (kind, clause, service or mappable at
            all).
    """

    delivery_id: UUID
    received_at: datetime.datetime
    event: None | str
    record: None | PreviewRecord
    error: None | str
    changed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.preview_record import PreviewRecord  # noqa: PLC0415

        delivery_id = str(self.delivery_id)

        received_at = self.received_at.isoformat()

        event: None | str
        event = self.event

        record: dict[str, Any] | None
        if isinstance(self.record, PreviewRecord):
            record = self.record.to_dict()
        else:
            record = self.record

        error: None | str
        error = self.error

        changed = self.changed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delivery_id": delivery_id,
                "received_at": received_at,
                "event": event,
                "record": record,
                "error": error,
                "changed": changed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview_record import PreviewRecord  # noqa: PLC0415

        d = dict(src_dict)
        delivery_id = UUID(d.pop("delivery_id"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        def _parse_event(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event = _parse_event(d.pop("event"))

        def _parse_record(data: object) -> None | PreviewRecord:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                record_type_0 = PreviewRecord.from_dict(data)

                return record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PreviewRecord, data)

        record = _parse_record(d.pop("record"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        changed = d.pop("changed")

        preview_line = cls(
            delivery_id=delivery_id,
            received_at=received_at,
            event=event,
            record=record,
            error=error,
            changed=changed,
        )

        preview_line.additional_properties = d
        return preview_line

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
