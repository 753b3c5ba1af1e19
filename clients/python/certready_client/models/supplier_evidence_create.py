from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="SupplierEvidenceCreate")


@_attrs_define
class SupplierEvidenceCreate:
    """
    Attributes:
        evidence_id (UUID): An evidence item this supplier owns or provides.
    """

    evidence_id: UUID

    def to_dict(self) -> dict[str, Any]:
        evidence_id = str(self.evidence_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "evidence_id": evidence_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        evidence_id = UUID(d.pop("evidence_id"))

        supplier_evidence_create = cls(
            evidence_id=evidence_id,
        )

        return supplier_evidence_create
