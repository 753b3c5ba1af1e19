from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

T = TypeVar("T", bound="InvitationAccepted")


@_attrs_define
class InvitationAccepted:
    """
    Attributes:
        org_slug (str):
        org_name (str):
        role (Role):
        email (str):
    """

    org_slug: str
    org_name: str
    role: Role
    email: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_slug = self.org_slug

        org_name = self.org_name

        role = self.role.value

        email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_slug": org_slug,
                "org_name": org_name,
                "role": role,
                "email": email,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_slug = d.pop("org_slug")

        org_name = d.pop("org_name")

        role = Role(d.pop("role"))

        email = d.pop("email")

        invitation_accepted = cls(
            org_slug=org_slug,
            org_name=org_name,
            role=role,
            email=email,
        )

        invitation_accepted.additional_properties = d
        return invitation_accepted

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
