from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.effectiveness_result import EffectivenessResult

T = TypeVar("T", bound="EffectivenessReviewRead")


@_attrs_define
class EffectivenessReviewRead:
    """
    Attributes:
        reviewer_id (None | UUID):
        method (str):
        result (EffectivenessResult):
        review_date (datetime.date | None):
        evidence_id (None | UUID):
        note (str):
        recorded_at (datetime.datetime | None):
    """

    reviewer_id: None | UUID
    method: str
    result: EffectivenessResult
    review_date: datetime.date | None
    evidence_id: None | UUID
    note: str
    recorded_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reviewer_id: None | str
        if isinstance(self.reviewer_id, UUID):
            reviewer_id = str(self.reviewer_id)
        else:
            reviewer_id = self.reviewer_id

        method = self.method

        result = self.result.value

        review_date: None | str
        if isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        evidence_id: None | str
        if isinstance(self.evidence_id, UUID):
            evidence_id = str(self.evidence_id)
        else:
            evidence_id = self.evidence_id

        note = self.note

        recorded_at: None | str
        if isinstance(self.recorded_at, datetime.datetime):
            recorded_at = self.recorded_at.isoformat()
        else:
            recorded_at = self.recorded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reviewer_id": reviewer_id,
                "method": method,
                "result": result,
                "review_date": review_date,
                "evidence_id": evidence_id,
                "note": note,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reviewer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewer_id_type_0 = UUID(data)

                return reviewer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reviewer_id = _parse_reviewer_id(d.pop("reviewer_id"))

        method = d.pop("method")

        result = EffectivenessResult(d.pop("result"))

        def _parse_review_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        review_date = _parse_review_date(d.pop("review_date"))

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

        note = d.pop("note")

        def _parse_recorded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_at_type_0 = datetime.datetime.fromisoformat(data)

                return recorded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        recorded_at = _parse_recorded_at(d.pop("recorded_at"))

        effectiveness_review_read = cls(
            reviewer_id=reviewer_id,
            method=method,
            result=result,
            review_date=review_date,
            evidence_id=evidence_id,
            note=note,
            recorded_at=recorded_at,
        )

        effectiveness_review_read.additional_properties = d
        return effectiveness_review_read

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
