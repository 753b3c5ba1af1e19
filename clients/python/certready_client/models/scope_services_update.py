from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ScopeServicesUpdate")


@_attrs_define
class ScopeServicesUpdate:
    """
    Attributes:
        service_ids (list[UUID]):
    """

    service_ids: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        service_ids = []
        for service_ids_item_data in self.service_ids:
            service_ids_item = str(service_ids_item_data)
            service_ids.append(service_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service_ids": service_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        service_ids = []
        _service_ids = d.pop("service_ids")
        for service_ids_item_data in _service_ids:
            service_ids_item = UUID(service_ids_item_data)

            service_ids.append(service_ids_item)

        scope_services_update = cls(
            service_ids=service_ids,
        )

        return scope_services_update
