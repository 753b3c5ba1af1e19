from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SupplierEvidenceRead")


@_attrs_define
class SupplierEvidenceRead:
    """
    Attributes:
        evidence_id (UUID):
        evidence_key (str):
        title (str):
        supplier_id (UUID):
        created_at (datetime.datetime):
    """

    evidence_id: UUID
    evidence_key: str
    title: str
    supplier_id: UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        evidence_id = str(self.evidence_id)

        evidence_key = self.evidence_key

        title = self.title

        supplier_id = str(self.supplier_id)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "evidence_id": evidence_id,
                "evidence_key": evidence_key,
                "title": title,
                "supplier_id": supplier_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        evidence_id = UUID(d.pop("evidence_id"))

        evidence_key = d.pop("evidence_key")

        title = d.pop("title")

        supplier_id = UUID(d.pop("supplier_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        supplier_evidence_read = cls(
            evidence_id=evidence_id,
            evidence_key=evidence_key,
            title=title,
            supplier_id=supplier_id,
            created_at=created_at,
        )

        supplier_evidence_read.additional_properties = d
        return supplier_evidence_read

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
