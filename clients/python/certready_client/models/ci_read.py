from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ci_status import CiStatus

T = TypeVar("T", bound="CiRead")


@_attrs_define
class CiRead:
    """
    Attributes:
        id (UUID):
        key (str):
        name (str):
        type_ (str):
        status (CiStatus):
        owner_id (None | UUID):
        last_verified (datetime.date | None):
        description (str):
        service_ids (list[UUID]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    name: str
    type_: str
    status: CiStatus
    owner_id: None | UUID
    last_verified: datetime.date | None
    description: str
    service_ids: list[UUID]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        name = self.name

        type_ = self.type_

        status = self.status.value

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        last_verified: None | str
        if isinstance(self.last_verified, datetime.date):
            last_verified = self.last_verified.isoformat()
        else:
            last_verified = self.last_verified

        description = self.description

        service_ids = []
        for service_ids_item_data in self.service_ids:
            service_ids_item = str(service_ids_item_data)
            service_ids.append(service_ids_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "name": name,
                "type": type_,
                "status": status,
                "owner_id": owner_id,
                "last_verified": last_verified,
                "description": description,
                "service_ids": service_ids,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        name = d.pop("name")

        type_ = d.pop("type")

        status = CiStatus(d.pop("status"))

        def _parse_owner_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        def _parse_last_verified(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_verified_type_0 = datetime.date.fromisoformat(data)

                return last_verified_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_verified = _parse_last_verified(d.pop("last_verified"))

        description = d.pop("description")

        service_ids = []
        _service_ids = d.pop("service_ids")
        for service_ids_item_data in _service_ids:
            service_ids_item = UUID(service_ids_item_data)

            service_ids.append(service_ids_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        ci_read = cls(
            id=id,
            key=key,
            name=name,
            type_=type_,
            status=status,
            owner_id=owner_id,
            last_verified=last_verified,
            description=description,
            service_ids=service_ids,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        ci_read.additional_properties = d
        return ci_read

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
