from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.source_type import SourceType

if TYPE_CHECKING:
    from ..models.mapping_rules import MappingRules


T = TypeVar("T", bound="IntegrationSecret")


@_attrs_define
class IntegrationSecret:
    """The answer that shows the secret: once, at creation or rotation.

    Attributes:
        id (UUID):
        name (str):
        source (SourceType):
        enabled (bool):
        mapping (MappingRules): Per integration: the record kind from the tool's own type, the service from its
            project / category / CI / group (matched case-insensitively), and a kind for the rest.
        receiver_path (str):
        secret_rotated_at (datetime.datetime | None):
        previous_secret_expires_at (datetime.datetime | None):
        delivery_count (int):
        mapping_error_count (int):
        record_count (int):
        last_delivery_at (datetime.datetime | None):
        rejected_count (int):
        last_rejected_at (datetime.datetime | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        secret (str):
    """

    id: UUID
    name: str
    source: SourceType
    enabled: bool
    mapping: MappingRules
    receiver_path: str
    secret_rotated_at: datetime.datetime | None
    previous_secret_expires_at: datetime.datetime | None
    delivery_count: int
    mapping_error_count: int
    record_count: int
    last_delivery_at: datetime.datetime | None
    rejected_count: int
    last_rejected_at: datetime.datetime | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        source = self.source.value

        enabled = self.enabled

        mapping = self.mapping.to_dict()

        receiver_path = self.receiver_path

        secret_rotated_at: None | str
        if isinstance(self.secret_rotated_at, datetime.datetime):
            secret_rotated_at = self.secret_rotated_at.isoformat()
        else:
            secret_rotated_at = self.secret_rotated_at

        previous_secret_expires_at: None | str
        if isinstance(self.previous_secret_expires_at, datetime.datetime):
            previous_secret_expires_at = self.previous_secret_expires_at.isoformat()
        else:
            previous_secret_expires_at = self.previous_secret_expires_at

        delivery_count = self.delivery_count

        mapping_error_count = self.mapping_error_count

        record_count = self.record_count

        last_delivery_at: None | str
        if isinstance(self.last_delivery_at, datetime.datetime):
            last_delivery_at = self.last_delivery_at.isoformat()
        else:
            last_delivery_at = self.last_delivery_at

        rejected_count = self.rejected_count

        last_rejected_at: None | str
        if isinstance(self.last_rejected_at, datetime.datetime):
            last_rejected_at = self.last_rejected_at.isoformat()
        else:
            last_rejected_at = self.last_rejected_at

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "source": source,
                "enabled": enabled,
                "mapping": mapping,
                "receiver_path": receiver_path,
                "secret_rotated_at": secret_rotated_at,
                "previous_secret_expires_at": previous_secret_expires_at,
                "delivery_count": delivery_count,
                "mapping_error_count": mapping_error_count,
                "record_count": record_count,
                "last_delivery_at": last_delivery_at,
                "rejected_count": rejected_count,
                "last_rejected_at": last_rejected_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mapping_rules import MappingRules  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        source = SourceType(d.pop("source"))

        enabled = d.pop("enabled")

        mapping = MappingRules.from_dict(d.pop("mapping"))

        receiver_path = d.pop("receiver_path")

        def _parse_secret_rotated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                secret_rotated_at_type_0 = datetime.datetime.fromisoformat(data)

                return secret_rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        secret_rotated_at = _parse_secret_rotated_at(d.pop("secret_rotated_at"))

        def _parse_previous_secret_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(
            d.pop("previous_secret_expires_at")
        )

        delivery_count = d.pop("delivery_count")

        mapping_error_count = d.pop("mapping_error_count")

        record_count = d.pop("record_count")

        def _parse_last_delivery_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_delivery_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_delivery_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_delivery_at = _parse_last_delivery_at(d.pop("last_delivery_at"))

        rejected_count = d.pop("rejected_count")

        def _parse_last_rejected_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_rejected_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_rejected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_rejected_at = _parse_last_rejected_at(d.pop("last_rejected_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        secret = d.pop("secret")

        integration_secret = cls(
            id=id,
            name=name,
            source=source,
            enabled=enabled,
            mapping=mapping,
            receiver_path=receiver_path,
            secret_rotated_at=secret_rotated_at,
            previous_secret_expires_at=previous_secret_expires_at,
            delivery_count=delivery_count,
            mapping_error_count=mapping_error_count,
            record_count=record_count,
            last_delivery_at=last_delivery_at,
            rejected_count=rejected_count,
            last_rejected_at=last_rejected_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            secret=secret,
        )

        integration_secret.additional_properties = d
        return integration_secret

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
