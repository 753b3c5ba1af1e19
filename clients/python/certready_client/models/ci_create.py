from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.ci_status import CiStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CiCreate")


@_attrs_define
class CiCreate:
    """A configuration item; without ``key`` it gets the next free CI-<n>.

    Attributes:
        name (str):
        type_ (str):
        key (None | str | Unset):
        status (CiStatus | Unset):
        owner_id (None | Unset | UUID):
        last_verified (datetime.date | None | Unset):
        description (str | Unset):  Default: ''.
        service_ids (list[UUID] | Unset): The organisation's services this item supports.
    """

    name: str
    type_: str
    key: None | str | Unset = UNSET
    status: CiStatus | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    last_verified: datetime.date | None | Unset = UNSET
    description: str | Unset = ""
    service_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

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

        description = self.description

        service_ids: list[str] | Unset = UNSET
        if not isinstance(self.service_ids, Unset):
            service_ids = []
            for service_ids_item_data in self.service_ids:
                service_ids_item = str(service_ids_item_data)
                service_ids.append(service_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )
        if key is not UNSET:
            field_dict["key"] = key
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
        name = d.pop("name")

        type_ = d.pop("type")

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))

        _status = d.pop("status", UNSET)
        status: CiStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CiStatus(_status)

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

        description = d.pop("description", UNSET)

        _service_ids = d.pop("service_ids", UNSET)
        service_ids: list[UUID] | Unset = UNSET
        if _service_ids is not UNSET:
            service_ids = []
            for service_ids_item_data in _service_ids:
                service_ids_item = UUID(service_ids_item_data)

                service_ids.append(service_ids_item)

        ci_create = cls(
            name=name,
            type_=type_,
            key=key,
            status=status,
            owner_id=owner_id,
            last_verified=last_verified,
            description=description,
            service_ids=service_ids,
        )

        return ci_create
