from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GateRead")


@_attrs_define
class GateRead:
    """A gate's verdict: ``true`` when no blocker of this or an earlier gate fails and every
    blocker was evaluated; ``false`` when one fails (or the gate does not apply); ``null``
    when none fails but some blocker rules are not evaluated yet (``unevaluated``).

        Attributes:
            ready (bool | None):
            applicable (bool):
            blockers (list[str]):
            warnings (list[str]):
            unevaluated (list[str]): Blocker rules of this or an earlier gate that Certready does not evaluate yet; while
                any remain and nothing fails, `ready` is null.
            reason (None | str): Why `ready` is null, or null.
    """

    ready: bool | None
    applicable: bool
    blockers: list[str]
    warnings: list[str]
    unevaluated: list[str]
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ready: bool | None
        ready = self.ready

        applicable = self.applicable

        blockers = self.blockers

        warnings = self.warnings

        unevaluated = self.unevaluated

        reason: None | str
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ready": ready,
                "applicable": applicable,
                "blockers": blockers,
                "warnings": warnings,
                "unevaluated": unevaluated,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ready(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        ready = _parse_ready(d.pop("ready"))

        applicable = d.pop("applicable")

        blockers = cast(list[str], d.pop("blockers"))

        warnings = cast(list[str], d.pop("warnings"))

        unevaluated = cast(list[str], d.pop("unevaluated"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        gate_read = cls(
            ready=ready,
            applicable=applicable,
            blockers=blockers,
            warnings=warnings,
            unevaluated=unevaluated,
            reason=reason,
        )

        gate_read.additional_properties = d
        return gate_read

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
