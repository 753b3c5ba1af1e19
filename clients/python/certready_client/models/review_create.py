from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.review_result import ReviewResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewCreate")


@_attrs_define
class ReviewCreate:
    """
    Attributes:
        reviewed_on (datetime.date):
        result (ReviewResult):
        summary (str | Unset):  Default: ''.
        evidence_id (None | Unset | UUID): The review's record.
    """

    reviewed_on: datetime.date
    result: ReviewResult
    summary: str | Unset = ""
    evidence_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        reviewed_on = self.reviewed_on.isoformat()

        result = self.result.value

        summary = self.summary

        evidence_id: None | str | Unset
        if isinstance(self.evidence_id, Unset):
            evidence_id = UNSET
        elif isinstance(self.evidence_id, UUID):
            evidence_id = str(self.evidence_id)
        else:
            evidence_id = self.evidence_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reviewed_on": reviewed_on,
                "result": result,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if evidence_id is not UNSET:
            field_dict["evidence_id"] = evidence_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        result = ReviewResult(d.pop("result"))

        summary = d.pop("summary", UNSET)

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

        review_create = cls(
            reviewed_on=reviewed_on,
            result=result,
            summary=summary,
            evidence_id=evidence_id,
        )

        return review_create
