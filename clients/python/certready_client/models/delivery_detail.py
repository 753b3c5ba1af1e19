from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mapping_state import MappingState

if TYPE_CHECKING:
    from ..models.delivery_detail_headers import DeliveryDetailHeaders


T = TypeVar("T", bound="DeliveryDetail")


@_attrs_define
class DeliveryDetail:
    """The delivery as received (authorization headers redacted).

    Attributes:
        id (UUID):
        integration_id (UUID):
        received_at (datetime.datetime):
        dedupe_key (str):
        body_sha256 (str):
        verification (str):
        event (None | str):
        mapping_state (MappingState): What a verified delivery did to the records.
        mapping_error (None | str):
        record_id (None | UUID):
        headers (DeliveryDetailHeaders):
        body (str): The raw body as text (invalid UTF-8 replaced).
    """

    id: UUID
    integration_id: UUID
    received_at: datetime.datetime
    dedupe_key: str
    body_sha256: str
    verification: str
    event: None | str
    mapping_state: MappingState
    mapping_error: None | str
    record_id: None | UUID
    headers: DeliveryDetailHeaders
    body: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        integration_id = str(self.integration_id)

        received_at = self.received_at.isoformat()

        dedupe_key = self.dedupe_key

        body_sha256 = self.body_sha256

        verification = self.verification

        event: None | str
        event = self.event

        mapping_state = self.mapping_state.value

        mapping_error: None | str
        mapping_error = self.mapping_error

        record_id: None | str
        if isinstance(self.record_id, UUID):
            record_id = str(self.record_id)
        else:
            record_id = self.record_id

        headers = self.headers.to_dict()

        body = self.body

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "integration_id": integration_id,
                "received_at": received_at,
                "dedupe_key": dedupe_key,
                "body_sha256": body_sha256,
                "verification": verification,
                "event": event,
                "mapping_state": mapping_state,
                "mapping_error": mapping_error,
                "record_id": record_id,
                "headers": headers,
                "body": body,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_detail_headers import DeliveryDetailHeaders  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        integration_id = UUID(d.pop("integration_id"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        dedupe_key = d.pop("dedupe_key")

        body_sha256 = d.pop("body_sha256")

        verification = d.pop("verification")

        def _parse_event(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event = _parse_event(d.pop("event"))

        mapping_state = MappingState(d.pop("mapping_state"))

        def _parse_mapping_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mapping_error = _parse_mapping_error(d.pop("mapping_error"))

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

        headers = DeliveryDetailHeaders.from_dict(d.pop("headers"))

        body = d.pop("body")

        delivery_detail = cls(
            id=id,
            integration_id=integration_id,
            received_at=received_at,
            dedupe_key=dedupe_key,
            body_sha256=body_sha256,
            verification=verification,
            event=event,
            mapping_state=mapping_state,
            mapping_error=mapping_error,
            record_id=record_id,
            headers=headers,
            body=body,
        )

        delivery_detail.additional_properties = d
        return delivery_detail

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
