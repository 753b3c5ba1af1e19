from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonUpdate")


@_attrs_define
class PersonUpdate:
    """
    Attributes:
        full_name (None | str | Unset):
        email (None | str | Unset):
        role_keys (list[str] | None | Unset):
        in_scope (bool | None | Unset):
    """

    full_name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    role_keys: list[str] | None | Unset = UNSET
    in_scope: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        role_keys: list[str] | None | Unset
        if isinstance(self.role_keys, Unset):
            role_keys = UNSET
        elif isinstance(self.role_keys, list):
            role_keys = self.role_keys

        else:
            role_keys = self.role_keys

        in_scope: bool | None | Unset
        if isinstance(self.in_scope, Unset):
            in_scope = UNSET
        else:
            in_scope = self.in_scope

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if email is not UNSET:
            field_dict["email"] = email
        if role_keys is not UNSET:
            field_dict["role_keys"] = role_keys
        if in_scope is not UNSET:
            field_dict["in_scope"] = in_scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("full_name", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_role_keys(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                role_keys_type_0 = cast(list[str], data)

                return role_keys_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        role_keys = _parse_role_keys(d.pop("role_keys", UNSET))

        def _parse_in_scope(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        in_scope = _parse_in_scope(d.pop("in_scope", UNSET))

        person_update = cls(
            full_name=full_name,
            email=email,
            role_keys=role_keys,
            in_scope=in_scope,
        )

        return person_update
