from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_status import ServiceStatus

T = TypeVar("T", bound="ScopeServiceRead")


@_attrs_define
class ScopeServiceRead:
    """
    Attributes:
        id (UUID):
        key (str):
        name (str):
        status (ServiceStatus):
        in_scope (bool):
    """

    id: UUID
    key: str
    name: str
    status: ServiceStatus
    in_scope: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        name = self.name

        status = self.status.value

        in_scope = self.in_scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "name": name,
                "status": status,
                "in_scope": in_scope,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        name = d.pop("name")

        status = ServiceStatus(d.pop("status"))

        in_scope = d.pop("in_scope")

        scope_service_read = cls(
            id=id,
            key=key,
            name=name,
            status=status,
            in_scope=in_scope,
        )

        scope_service_read.additional_properties = d
        return scope_service_read

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
