from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MembersImport")


@_attrs_define
class MembersImport:
    """
    Attributes:
        exclude_roles (list[str] | Unset): Org roles not brought into scope (the certification body's auditors).
    """

    exclude_roles: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        exclude_roles: list[str] | Unset = UNSET
        if not isinstance(self.exclude_roles, Unset):
            exclude_roles = self.exclude_roles

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if exclude_roles is not UNSET:
            field_dict["exclude_roles"] = exclude_roles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exclude_roles = cast(list[str], d.pop("exclude_roles", UNSET))

        members_import = cls(
            exclude_roles=exclude_roles,
        )

        return members_import
