from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PersonRead")


@_attrs_define
class PersonRead:
    """
    Attributes:
        id (UUID):
        user_id (None | UUID):
        full_name (str):
        email (None | str):
        role_keys (list[str]): SMS roles held (stored).
        org_role (None | str): The member's organisation role, also a role key.
        effective_role_keys (list[str]):
        in_scope (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    user_id: None | UUID
    full_name: str
    email: None | str
    role_keys: list[str]
    org_role: None | str
    effective_role_keys: list[str]
    in_scope: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        full_name = self.full_name

        email: None | str
        email = self.email

        role_keys = self.role_keys

        org_role: None | str
        org_role = self.org_role

        effective_role_keys = self.effective_role_keys

        in_scope = self.in_scope

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "user_id": user_id,
                "full_name": full_name,
                "email": email,
                "role_keys": role_keys,
                "org_role": org_role,
                "effective_role_keys": effective_role_keys,
                "in_scope": in_scope,
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

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        full_name = d.pop("full_name")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        role_keys = cast(list[str], d.pop("role_keys"))

        def _parse_org_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        org_role = _parse_org_role(d.pop("org_role"))

        effective_role_keys = cast(list[str], d.pop("effective_role_keys"))

        in_scope = d.pop("in_scope")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        person_read = cls(
            id=id,
            user_id=user_id,
            full_name=full_name,
            email=email,
            role_keys=role_keys,
            org_role=org_role,
            effective_role_keys=effective_role_keys,
            in_scope=in_scope,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        person_read.additional_properties = d
        return person_read

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
