from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MfaStatus")


@_attrs_define
class MfaStatus:
    """The caller's second factor (issue 17).

    Attributes:
        totp_enabled (bool): A TOTP factor is confirmed: sign-in asks for a code.
        enrolled_at (datetime.datetime | None):
        recovery_codes_left (int): Unused recovery codes (0 when none).
        required_by (list[str]): Slugs of the caller's organisations that require a second factor.
    """

    totp_enabled: bool
    enrolled_at: datetime.datetime | None
    recovery_codes_left: int
    required_by: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        totp_enabled = self.totp_enabled

        enrolled_at: None | str
        if isinstance(self.enrolled_at, datetime.datetime):
            enrolled_at = self.enrolled_at.isoformat()
        else:
            enrolled_at = self.enrolled_at

        recovery_codes_left = self.recovery_codes_left

        required_by = self.required_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "totp_enabled": totp_enabled,
                "enrolled_at": enrolled_at,
                "recovery_codes_left": recovery_codes_left,
                "required_by": required_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        totp_enabled = d.pop("totp_enabled")

        def _parse_enrolled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enrolled_at_type_0 = datetime.datetime.fromisoformat(data)

                return enrolled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        enrolled_at = _parse_enrolled_at(d.pop("enrolled_at"))

        recovery_codes_left = d.pop("recovery_codes_left")

        required_by = cast(list[str], d.pop("required_by"))

        mfa_status = cls(
            totp_enabled=totp_enabled,
            enrolled_at=enrolled_at,
            recovery_codes_left=recovery_codes_left,
            required_by=required_by,
        )

        mfa_status.additional_properties = d
        return mfa_status

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
