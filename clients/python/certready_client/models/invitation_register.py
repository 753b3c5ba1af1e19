from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvitationRegister")


@_attrs_define
class InvitationRegister:
    """A new account for the invited address: the person chooses their name and password.

    Attributes:
        token (str):
        full_name (str):
        password (str):
    """

    token: str
    full_name: str
    password: str

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        full_name = self.full_name

        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
                "full_name": full_name,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token = d.pop("token")

        full_name = d.pop("full_name")

        password = d.pop("password")

        invitation_register = cls(
            token=token,
            full_name=full_name,
            password=password,
        )

        return invitation_register
