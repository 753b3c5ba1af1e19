from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.integrity_status import IntegrityStatus

T = TypeVar("T", bound="EvidenceVerificationRead")


@_attrs_define
class EvidenceVerificationRead:
    """
    Attributes:
        number (int):
        sha256 (str):
        size (int):
        status (IntegrityStatus):
        actual_sha256 (None | str):
        actual_size (int | None):
        checked_at (datetime.datetime):
    """

    number: int
    sha256: str
    size: int
    status: IntegrityStatus
    actual_sha256: None | str
    actual_size: int | None
    checked_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        sha256 = self.sha256

        size = self.size

        status = self.status.value

        actual_sha256: None | str
        actual_sha256 = self.actual_sha256

        actual_size: int | None
        actual_size = self.actual_size

        checked_at = self.checked_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "sha256": sha256,
                "size": size,
                "status": status,
                "actual_sha256": actual_sha256,
                "actual_size": actual_size,
                "checked_at": checked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        status = IntegrityStatus(d.pop("status"))

        def _parse_actual_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actual_sha256 = _parse_actual_sha256(d.pop("actual_sha256"))

        def _parse_actual_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actual_size = _parse_actual_size(d.pop("actual_size"))

        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        evidence_verification_read = cls(
            number=number,
            sha256=sha256,
            size=size,
            status=status,
            actual_sha256=actual_sha256,
            actual_size=actual_size,
            checked_at=checked_at,
        )

        evidence_verification_read.additional_properties = d
        return evidence_verification_read

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
