from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

T = TypeVar("T", bound="MemberRead")


@_attrs_define
class MemberRead:
    """
    Attributes:
        user_id (UUID):
        email (str):
        full_name (str):
        role (Role):
        top_management (bool):
        is_active (bool):
        mfa_enabled (bool): The member has a confirmed second factor (TOTP).
        created_at (datetime.datetime):
        version (int):
    """

    user_id: UUID
    email: str
    full_name: str
    role: Role
    top_management: bool
    is_active: bool
    mfa_enabled: bool
    created_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        email = self.email

        full_name = self.full_name

        role = self.role.value

        top_management = self.top_management

        is_active = self.is_active

        mfa_enabled = self.mfa_enabled

        created_at = self.created_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "email": email,
                "full_name": full_name,
                "role": role,
                "top_management": top_management,
                "is_active": is_active,
                "mfa_enabled": mfa_enabled,
                "created_at": created_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = UUID(d.pop("user_id"))

        email = d.pop("email")

        full_name = d.pop("full_name")

        role = Role(d.pop("role"))

        top_management = d.pop("top_management")

        is_active = d.pop("is_active")

        mfa_enabled = d.pop("mfa_enabled")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        version = d.pop("version")

        member_read = cls(
            user_id=user_id,
            email=email,
            full_name=full_name,
            role=role,
            top_management=top_management,
            is_active=is_active,
            mfa_enabled=mfa_enabled,
            created_at=created_at,
            version=version,
        )

        member_read.additional_properties = d
        return member_read

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
