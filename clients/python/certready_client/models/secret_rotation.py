from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SecretRotation")


@_attrs_define
class SecretRotation:
    """
    Attributes:
        grace_hours (int | Unset): How long the previous secret still verifies. Default: 24.
        secret (None | str | Unset):
    """

    grace_hours: int | Unset = 24
    secret: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        grace_hours = self.grace_hours

        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if grace_hours is not UNSET:
            field_dict["grace_hours"] = grace_hours
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grace_hours = d.pop("grace_hours", UNSET)

        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))

        secret_rotation = cls(
            grace_hours=grace_hours,
            secret=secret,
        )

        return secret_rotation
