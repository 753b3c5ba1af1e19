from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.effectiveness_result import EffectivenessResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="EffectivenessReviewCreate")


@_attrs_define
class EffectivenessReviewCreate:
    """The caller is the reviewer; a not-effective result sends the measure back to analysis.

    Attributes:
        method (str):
        result (EffectivenessResult):
        review_date (datetime.date): The day of the review; not in the future.
        evidence_id (None | Unset | UUID):
        note (str | Unset):  Default: ''.
    """

    method: str
    result: EffectivenessResult
    review_date: datetime.date
    evidence_id: None | Unset | UUID = UNSET
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        result = self.result.value

        review_date = self.review_date.isoformat()

        evidence_id: None | str | Unset
        if isinstance(self.evidence_id, Unset):
            evidence_id = UNSET
        elif isinstance(self.evidence_id, UUID):
            evidence_id = str(self.evidence_id)
        else:
            evidence_id = self.evidence_id

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
                "result": result,
                "review_date": review_date,
            }
        )
        if evidence_id is not UNSET:
            field_dict["evidence_id"] = evidence_id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = d.pop("method")

        result = EffectivenessResult(d.pop("result"))

        review_date = datetime.date.fromisoformat(d.pop("review_date"))

        def _parse_evidence_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evidence_id_type_0 = UUID(data)

                return evidence_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        evidence_id = _parse_evidence_id(d.pop("evidence_id", UNSET))

        note = d.pop("note", UNSET)

        effectiveness_review_create = cls(
            method=method,
            result=result,
            review_date=review_date,
            evidence_id=evidence_id,
            note=note,
        )

        return effectiveness_review_create
