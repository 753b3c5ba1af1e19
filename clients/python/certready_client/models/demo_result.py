from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DemoResult")


@_attrs_define
class DemoResult:
    """The demo organisation and its admin; the password is shown once.

    Attributes:
        organisation_slug (str):
        organisation_name (str):
        admin_email (str):
        admin_password (str):
    """

    organisation_slug: str
    organisation_name: str
    admin_email: str
    admin_password: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organisation_slug = self.organisation_slug

        organisation_name = self.organisation_name

        admin_email = self.admin_email

        admin_password = self.admin_password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organisation_slug": organisation_slug,
                "organisation_name": organisation_name,
                "admin_email": admin_email,
                "admin_password": admin_password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        organisation_slug = d.pop("organisation_slug")

        organisation_name = d.pop("organisation_name")

        admin_email = d.pop("admin_email")

        admin_password = d.pop("admin_password")

        demo_result = cls(
            organisation_slug=organisation_slug,
            organisation_name=organisation_name,
            admin_email=admin_email,
            admin_password=admin_password,
        )

        demo_result.additional_properties = d
        return demo_result

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
