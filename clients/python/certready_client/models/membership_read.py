from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action import Action
from ..models.role import Role

T = TypeVar("T", bound="MembershipRead")


@_attrs_define
class MembershipRead:
    """
    Attributes:
        org_id (UUID):
        org_slug (str):
        org_name (str):
        role (Role):
        permissions (list[Action]): What the role allows in this organisation, from the permission table (sorted); the
            SPA shows or hides actions by it, the API still checks every call.
    """

    org_id: UUID
    org_slug: str
    org_name: str
    role: Role
    permissions: list[Action]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_id = str(self.org_id)

        org_slug = self.org_slug

        org_name = self.org_name

        role = self.role.value

        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.value
            permissions.append(permissions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
                "org_slug": org_slug,
                "org_name": org_name,
                "role": role,
                "permissions": permissions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = UUID(d.pop("org_id"))

        org_slug = d.pop("org_slug")

        org_name = d.pop("org_name")

        role = Role(d.pop("role"))

        permissions = []
        _permissions = d.pop("permissions")
        for permissions_item_data in _permissions:
            permissions_item = Action(permissions_item_data)

            permissions.append(permissions_item)

        membership_read = cls(
            org_id=org_id,
            org_slug=org_slug,
            org_name=org_name,
            role=role,
            permissions=permissions,
        )

        membership_read.additional_properties = d
        return membership_read

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
