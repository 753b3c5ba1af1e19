from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Coverage")


@_attrs_define
class Coverage:
    """
    Attributes:
        required (int):
        ok (int):
        expiring (int):
        expired (int):
        missing (int):
        percent (float | None): Valid (ok + expiring) / required x 100.
    """

    required: int
    ok: int
    expiring: int
    expired: int
    missing: int
    percent: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        required = self.required

        ok = self.ok

        expiring = self.expiring

        expired = self.expired

        missing = self.missing

        percent: float | None
        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "required": required,
                "ok": ok,
                "expiring": expiring,
                "expired": expired,
                "missing": missing,
                "percent": percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        required = d.pop("required")

        ok = d.pop("ok")

        expiring = d.pop("expiring")

        expired = d.pop("expired")

        missing = d.pop("missing")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))

        coverage = cls(
            required=required,
            ok=ok,
            expiring=expiring,
            expired=expired,
            missing=missing,
            percent=percent,
        )

        coverage.additional_properties = d
        return coverage

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
