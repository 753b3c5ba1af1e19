from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.finding_status import FindingStatus

T = TypeVar("T", bound="FindingConsequence")


@_attrs_define
class FindingConsequence:
    """A finding that moved because of this request (e.g. its measure was planned or closed).

    Attributes:
        finding_id (UUID):
        key (str):
        from_status (FindingStatus):
        to_status (FindingStatus):
        reason (str):
    """

    finding_id: UUID
    key: str
    from_status: FindingStatus
    to_status: FindingStatus
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        finding_id = str(self.finding_id)

        key = self.key

        from_status = self.from_status.value

        to_status = self.to_status.value

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "finding_id": finding_id,
                "key": key,
                "from_status": from_status,
                "to_status": to_status,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        finding_id = UUID(d.pop("finding_id"))

        key = d.pop("key")

        from_status = FindingStatus(d.pop("from_status"))

        to_status = FindingStatus(d.pop("to_status"))

        reason = d.pop("reason")

        finding_consequence = cls(
            finding_id=finding_id,
            key=key,
            from_status=from_status,
            to_status=to_status,
            reason=reason,
        )

        finding_consequence.additional_properties = d
        return finding_consequence

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
