from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkedEvidence")


@_attrs_define
class LinkedEvidence:
    """An evidence item, optionally one particular version of it.

    Attributes:
        evidence_item_id (UUID):
        version_number (int | None | Unset):
    """

    evidence_item_id: UUID
    version_number: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        evidence_item_id = str(self.evidence_item_id)

        version_number: int | None | Unset
        if isinstance(self.version_number, Unset):
            version_number = UNSET
        else:
            version_number = self.version_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "evidence_item_id": evidence_item_id,
            }
        )
        if version_number is not UNSET:
            field_dict["version_number"] = version_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        evidence_item_id = UUID(d.pop("evidence_item_id"))

        def _parse_version_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version_number = _parse_version_number(d.pop("version_number", UNSET))

        linked_evidence = cls(
            evidence_item_id=evidence_item_id,
            version_number=version_number,
        )

        return linked_evidence
