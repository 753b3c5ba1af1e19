from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.checklist_result import ChecklistResult
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.linked_evidence import LinkedEvidence


T = TypeVar("T", bound="ChecklistLineUpdate")


@_attrs_define
class ChecklistLineUpdate:
    """Assess a line; omitted fields stay as they are. ``evidence`` replaces the sample.

    Attributes:
        result (ChecklistResult | None | Unset):
        notes (None | str | Unset):
        auditor_id (None | Unset | UUID):
        evidence (list[LinkedEvidence] | None | Unset):
        assessed_on (datetime.date | None | Unset): The day the line was assessed, for past audits (default: the day
            already stated, else today). Not in the future, not before the audit's actual start.
    """

    result: ChecklistResult | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    auditor_id: None | Unset | UUID = UNSET
    evidence: list[LinkedEvidence] | None | Unset = UNSET
    assessed_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, ChecklistResult):
            result = self.result.value
        else:
            result = self.result

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        auditor_id: None | str | Unset
        if isinstance(self.auditor_id, Unset):
            auditor_id = UNSET
        elif isinstance(self.auditor_id, UUID):
            auditor_id = str(self.auditor_id)
        else:
            auditor_id = self.auditor_id

        evidence: list[dict[str, Any]] | None | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        elif isinstance(self.evidence, list):
            evidence = []
            for evidence_type_0_item_data in self.evidence:
                evidence_type_0_item = evidence_type_0_item_data.to_dict()
                evidence.append(evidence_type_0_item)

        else:
            evidence = self.evidence

        assessed_on: None | str | Unset
        if isinstance(self.assessed_on, Unset):
            assessed_on = UNSET
        elif isinstance(self.assessed_on, datetime.date):
            assessed_on = self.assessed_on.isoformat()
        else:
            assessed_on = self.assessed_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if notes is not UNSET:
            field_dict["notes"] = notes
        if auditor_id is not UNSET:
            field_dict["auditor_id"] = auditor_id
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if assessed_on is not UNSET:
            field_dict["assessed_on"] = assessed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.linked_evidence import LinkedEvidence  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_result(data: object) -> ChecklistResult | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_type_0 = ChecklistResult(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChecklistResult | None | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_auditor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                auditor_id_type_0 = UUID(data)

                return auditor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        auditor_id = _parse_auditor_id(d.pop("auditor_id", UNSET))

        def _parse_evidence(data: object) -> list[LinkedEvidence] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evidence_type_0 = []
                _evidence_type_0 = data
                for evidence_type_0_item_data in _evidence_type_0:
                    evidence_type_0_item = LinkedEvidence.from_dict(evidence_type_0_item_data)

                    evidence_type_0.append(evidence_type_0_item)

                return evidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LinkedEvidence] | None | Unset, data)

        evidence = _parse_evidence(d.pop("evidence", UNSET))

        def _parse_assessed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessed_on_type_0 = datetime.date.fromisoformat(data)

                return assessed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        assessed_on = _parse_assessed_on(d.pop("assessed_on", UNSET))

        checklist_line_update = cls(
            result=result,
            notes=notes,
            auditor_id=auditor_id,
            evidence=evidence,
            assessed_on=assessed_on,
        )

        return checklist_line_update
