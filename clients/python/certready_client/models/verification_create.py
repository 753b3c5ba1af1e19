from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.verification_result import VerificationResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="VerificationCreate")


@_attrs_define
class VerificationCreate:
    """
    Attributes:
        verified_on (datetime.date): The day the records were checked (not in the future).
        sample_size (int):
        result (VerificationResult):
        notes (str | Unset):  Default: ''.
        evidence_item_id (None | Unset | UUID):
    """

    verified_on: datetime.date
    sample_size: int
    result: VerificationResult
    notes: str | Unset = ""
    evidence_item_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        verified_on = self.verified_on.isoformat()

        sample_size = self.sample_size

        result = self.result.value

        notes = self.notes

        evidence_item_id: None | str | Unset
        if isinstance(self.evidence_item_id, Unset):
            evidence_item_id = UNSET
        elif isinstance(self.evidence_item_id, UUID):
            evidence_item_id = str(self.evidence_item_id)
        else:
            evidence_item_id = self.evidence_item_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "verified_on": verified_on,
                "sample_size": sample_size,
                "result": result,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes
        if evidence_item_id is not UNSET:
            field_dict["evidence_item_id"] = evidence_item_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        verified_on = datetime.date.fromisoformat(d.pop("verified_on"))

        sample_size = d.pop("sample_size")

        result = VerificationResult(d.pop("result"))

        notes = d.pop("notes", UNSET)

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

        verification_create = cls(
            verified_on=verified_on,
            sample_size=sample_size,
            result=result,
            notes=notes,
            evidence_item_id=evidence_item_id,
        )

        return verification_create
