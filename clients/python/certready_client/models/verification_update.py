from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.verification_result import VerificationResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="VerificationUpdate")


@_attrs_define
class VerificationUpdate:
    """
    Attributes:
        verified_on (datetime.date | None | Unset):
        sample_size (int | None | Unset):
        result (None | Unset | VerificationResult):
        notes (None | str | Unset):
        evidence_item_id (None | Unset | UUID):
    """

    verified_on: datetime.date | None | Unset = UNSET
    sample_size: int | None | Unset = UNSET
    result: None | Unset | VerificationResult = UNSET
    notes: None | str | Unset = UNSET
    evidence_item_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        verified_on: None | str | Unset
        if isinstance(self.verified_on, Unset):
            verified_on = UNSET
        elif isinstance(self.verified_on, datetime.date):
            verified_on = self.verified_on.isoformat()
        else:
            verified_on = self.verified_on

        sample_size: int | None | Unset
        if isinstance(self.sample_size, Unset):
            sample_size = UNSET
        else:
            sample_size = self.sample_size

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, VerificationResult):
            result = self.result.value
        else:
            result = self.result

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        evidence_item_id: None | str | Unset
        if isinstance(self.evidence_item_id, Unset):
            evidence_item_id = UNSET
        elif isinstance(self.evidence_item_id, UUID):
            evidence_item_id = str(self.evidence_item_id)
        else:
            evidence_item_id = self.evidence_item_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if verified_on is not UNSET:
            field_dict["verified_on"] = verified_on
        if sample_size is not UNSET:
            field_dict["sample_size"] = sample_size
        if result is not UNSET:
            field_dict["result"] = result
        if notes is not UNSET:
            field_dict["notes"] = notes
        if evidence_item_id is not UNSET:
            field_dict["evidence_item_id"] = evidence_item_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_verified_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verified_on_type_0 = datetime.date.fromisoformat(data)

                return verified_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        verified_on = _parse_verified_on(d.pop("verified_on", UNSET))

        def _parse_sample_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sample_size = _parse_sample_size(d.pop("sample_size", UNSET))

        def _parse_result(data: object) -> None | Unset | VerificationResult:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_type_0 = VerificationResult(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationResult, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_evidence_item_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evidence_item_id_type_0 = UUID(data)

                return evidence_item_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        evidence_item_id = _parse_evidence_item_id(d.pop("evidence_item_id", UNSET))

        verification_update = cls(
            verified_on=verified_on,
            sample_size=sample_size,
            result=result,
            notes=notes,
            evidence_item_id=evidence_item_id,
        )

        return verification_update
