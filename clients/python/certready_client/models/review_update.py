from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.review_result import ReviewResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewUpdate")


@_attrs_define
class ReviewUpdate:
    """
    Attributes:
        reviewed_on (datetime.date | None | Unset):
        result (None | ReviewResult | Unset):
        summary (None | str | Unset):
        evidence_id (None | Unset | UUID):
    """

    reviewed_on: datetime.date | None | Unset = UNSET
    result: None | ReviewResult | Unset = UNSET
    summary: None | str | Unset = UNSET
    evidence_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        reviewed_on: None | str | Unset
        if isinstance(self.reviewed_on, Unset):
            reviewed_on = UNSET
        elif isinstance(self.reviewed_on, datetime.date):
            reviewed_on = self.reviewed_on.isoformat()
        else:
            reviewed_on = self.reviewed_on

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, ReviewResult):
            result = self.result.value
        else:
            result = self.result

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        evidence_id: None | str | Unset
        if isinstance(self.evidence_id, Unset):
            evidence_id = UNSET
        elif isinstance(self.evidence_id, UUID):
            evidence_id = str(self.evidence_id)
        else:
            evidence_id = self.evidence_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reviewed_on is not UNSET:
            field_dict["reviewed_on"] = reviewed_on
        if result is not UNSET:
            field_dict["result"] = result
        if summary is not UNSET:
            field_dict["summary"] = summary
        if evidence_id is not UNSET:
            field_dict["evidence_id"] = evidence_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reviewed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_on_type_0 = datetime.date.fromisoformat(data)

                return reviewed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        reviewed_on = _parse_reviewed_on(d.pop("reviewed_on", UNSET))

        def _parse_result(data: object) -> None | ReviewResult | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_type_0 = ReviewResult(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewResult | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

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

        review_update = cls(
            reviewed_on=reviewed_on,
            result=result,
            summary=summary,
            evidence_id=evidence_id,
        )

        return review_update
