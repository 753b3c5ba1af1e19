from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonCreate")


@_attrs_define
class PersonCreate:
    """A member (give ``user_id``) or a person without an account (``full_name``, ``email``).

    Attributes:
        user_id (None | Unset | UUID):
        full_name (None | str | Unset):
        email (None | str | Unset):
        role_keys (list[str] | Unset):
        in_scope (bool | Unset):  Default: True.
    """

    user_id: None | Unset | UUID = UNSET
    full_name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    role_keys: list[str] | Unset = UNSET
    in_scope: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

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

        role_keys: list[str] | Unset = UNSET
        if not isinstance(self.role_keys, Unset):
            role_keys = self.role_keys

        in_scope = self.in_scope

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
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

        def _parse_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

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

        role_keys = cast(list[str], d.pop("role_keys", UNSET))

        in_scope = d.pop("in_scope", UNSET)

        person_create = cls(
            user_id=user_id,
            full_name=full_name,
            email=email,
            role_keys=role_keys,
            in_scope=in_scope,
        )

        return person_create
