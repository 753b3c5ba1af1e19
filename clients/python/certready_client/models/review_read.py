from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_result import ReviewResult

T = TypeVar("T", bound="ReviewRead")


@_attrs_define
class ReviewRead:
    """
    Attributes:
        id (UUID):
        supplier_id (UUID):
        reviewed_on (datetime.date):
        result (ReviewResult):
        summary (str):
        evidence_id (None | UUID):
        recorded_by_id (None | UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    supplier_id: UUID
    reviewed_on: datetime.date
    result: ReviewResult
    summary: str
    evidence_id: None | UUID
    recorded_by_id: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        supplier_id = str(self.supplier_id)

        reviewed_on = self.reviewed_on.isoformat()

        result = self.result.value

        summary = self.summary

        evidence_id: None | str
        if isinstance(self.evidence_id, UUID):
            evidence_id = str(self.evidence_id)
        else:
            evidence_id = self.evidence_id

        recorded_by_id: None | str
        if isinstance(self.recorded_by_id, UUID):
            recorded_by_id = str(self.recorded_by_id)
        else:
            recorded_by_id = self.recorded_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "supplier_id": supplier_id,
                "reviewed_on": reviewed_on,
                "result": result,
                "summary": summary,
                "evidence_id": evidence_id,
                "recorded_by_id": recorded_by_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        supplier_id = UUID(d.pop("supplier_id"))

        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        result = ReviewResult(d.pop("result"))

        summary = d.pop("summary")

        def _parse_evidence_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evidence_id_type_0 = UUID(data)

                return evidence_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        evidence_id = _parse_evidence_id(d.pop("evidence_id"))

        def _parse_recorded_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_by_id_type_0 = UUID(data)

                return recorded_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recorded_by_id = _parse_recorded_by_id(d.pop("recorded_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        review_read = cls(
            id=id,
            supplier_id=supplier_id,
            reviewed_on=reviewed_on,
            result=result,
            summary=summary,
            evidence_id=evidence_id,
            recorded_by_id=recorded_by_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        review_read.additional_properties = d
        return review_read

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
