from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.scope_service_read import ScopeServiceRead


T = TypeVar("T", bound="ScopeServicesRead")


@_attrs_define
class ScopeServicesRead:
    """The services the scope statement names; the ETag is the organisation's.

    Attributes:
        sms_scope (str):
        services (list[ScopeServiceRead]):
        version (int):
    """

    sms_scope: str
    services: list[ScopeServiceRead]
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sms_scope = self.sms_scope

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sms_scope": sms_scope,
                "services": services,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scope_service_read import ScopeServiceRead  # noqa: PLC0415

        d = dict(src_dict)
        sms_scope = d.pop("sms_scope")

        services = []
        _services = d.pop("services")
        for services_item_data in _services:
            services_item = ScopeServiceRead.from_dict(services_item_data)

            services.append(services_item)

        version = d.pop("version")

        scope_services_read = cls(
            sms_scope=sms_scope,
            services=services,
            version=version,
        )

        scope_services_read.additional_properties = d
        return scope_services_read

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
