from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_kind import CustomerKind

T = TypeVar("T", bound="CustomerRead")


@_attrs_define
class CustomerRead:
    """
    Attributes:
        id (UUID):
        key (str):
        name (str):
        kind (CustomerKind):
        contact (str):
        description (str):
        service_count (int): Services delivered to this customer.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    name: str
    kind: CustomerKind
    contact: str
    description: str
    service_count: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        name = self.name

        kind = self.kind.value

        contact = self.contact

        description = self.description

        service_count = self.service_count

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
                "kind": kind,
                "contact": contact,
                "description": description,
                "service_count": service_count,
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

        kind = CustomerKind(d.pop("kind"))

        contact = d.pop("contact")

        description = d.pop("description")

        service_count = d.pop("service_count")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        customer_read = cls(
            id=id,
            key=key,
            name=name,
            kind=kind,
            contact=contact,
            description=description,
            service_count=service_count,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        customer_read.additional_properties = d
        return customer_read

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
