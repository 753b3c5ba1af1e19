from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberUpdate")


@_attrs_define
class MemberUpdate:
    """A role change (no If-Match needed) and/or the top management designation (If-Match
    with the member's ``version`` as ETag).

        Attributes:
            role (None | Role | Unset):
            top_management (bool | None | Unset):
    """

    role: None | Role | Unset = UNSET
    top_management: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, Role):
            role = self.role.value
        else:
            role = self.role

        top_management: bool | None | Unset
        if isinstance(self.top_management, Unset):
            top_management = UNSET
        else:
            top_management = self.top_management

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if role is not UNSET:
            field_dict["role"] = role
        if top_management is not UNSET:
            field_dict["top_management"] = top_management

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_role(data: object) -> None | Role | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = Role(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Role | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_top_management(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        top_management = _parse_top_management(d.pop("top_management", UNSET))

        member_update = cls(
            role=role,
            top_management=top_management,
        )

        return member_update
