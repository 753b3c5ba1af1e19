from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.ci_status import CiStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CiUpdate")


@_attrs_define
class CiUpdate:
    """
    Attributes:
        key (None | str | Unset):
        name (None | str | Unset):
        type_ (None | str | Unset):
        status (CiStatus | None | Unset):
        owner_id (None | Unset | UUID):
        last_verified (datetime.date | None | Unset):
        description (None | str | Unset):
        service_ids (list[UUID] | None | Unset): Replaces the services supported.
    """

    key: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    status: CiStatus | None | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    last_verified: datetime.date | None | Unset = UNSET
    description: None | str | Unset = UNSET
    service_ids: list[UUID] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, CiStatus):
            status = self.status.value
        else:
            status = self.status

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        last_verified: None | str | Unset
        if isinstance(self.last_verified, Unset):
            last_verified = UNSET
        elif isinstance(self.last_verified, datetime.date):
            last_verified = self.last_verified.isoformat()
        else:
            last_verified = self.last_verified

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        service_ids: list[str] | None | Unset
        if isinstance(self.service_ids, Unset):
            service_ids = UNSET
        elif isinstance(self.service_ids, list):
            service_ids = []
            for service_ids_type_0_item_data in self.service_ids:
                service_ids_type_0_item = str(service_ids_type_0_item_data)
                service_ids.append(service_ids_type_0_item)

        else:
            service_ids = self.service_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if key is not UNSET:
            field_dict["key"] = key
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if status is not UNSET:
            field_dict["status"] = status
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if last_verified is not UNSET:
            field_dict["last_verified"] = last_verified
        if description is not UNSET:
            field_dict["description"] = description
        if service_ids is not UNSET:
            field_dict["service_ids"] = service_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_status(data: object) -> CiStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = CiStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CiStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_last_verified(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_verified_type_0 = datetime.date.fromisoformat(data)

                return last_verified_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_verified = _parse_last_verified(d.pop("last_verified", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_service_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                service_ids_type_0 = []
                _service_ids_type_0 = data
                for service_ids_type_0_item_data in _service_ids_type_0:
                    service_ids_type_0_item = UUID(service_ids_type_0_item_data)

                    service_ids_type_0.append(service_ids_type_0_item)

                return service_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        service_ids = _parse_service_ids(d.pop("service_ids", UNSET))

        ci_update = cls(
            key=key,
            name=name,
            type_=type_,
            status=status,
            owner_id=owner_id,
            last_verified=last_verified,
            description=description,
            service_ids=service_ids,
        )

        return ci_update
