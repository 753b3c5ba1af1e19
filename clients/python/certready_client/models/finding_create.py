from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.finding_grade import FindingGrade
from ..models.finding_source import FindingSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.linked_evidence import LinkedEvidence


T = TypeVar("T", bound="FindingCreate")


@_attrs_define
class FindingCreate:
    """Raise a finding; from a checklist line, give ``checklist_line_id`` (it links the line).

    Attributes:
        grade (FindingGrade):
        statement (str):
        requirement_ref (None | str | Unset): Required for nonconformities; defaults to the checklist line's ref.
        audit_id (None | Unset | UUID):
        checklist_line_id (None | Unset | UUID):
        source (FindingSource | None | Unset): Derived from the audit when one is given; defaults to `other` otherwise.
        due_date (datetime.date | None | Unset):
        evidence (list[LinkedEvidence] | Unset):
        raised_on (datetime.date | None | Unset): The day the finding was raised, for past events (default today). Not
            in the future, not before its audit's actual start.
    """

    grade: FindingGrade
    statement: str
    requirement_ref: None | str | Unset = UNSET
    audit_id: None | Unset | UUID = UNSET
    checklist_line_id: None | Unset | UUID = UNSET
    source: FindingSource | None | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    evidence: list[LinkedEvidence] | Unset = UNSET
    raised_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade.value

        statement = self.statement

        requirement_ref: None | str | Unset
        if isinstance(self.requirement_ref, Unset):
            requirement_ref = UNSET
        else:
            requirement_ref = self.requirement_ref

        audit_id: None | str | Unset
        if isinstance(self.audit_id, Unset):
            audit_id = UNSET
        elif isinstance(self.audit_id, UUID):
            audit_id = str(self.audit_id)
        else:
            audit_id = self.audit_id

        checklist_line_id: None | str | Unset
        if isinstance(self.checklist_line_id, Unset):
            checklist_line_id = UNSET
        elif isinstance(self.checklist_line_id, UUID):
            checklist_line_id = str(self.checklist_line_id)
        else:
            checklist_line_id = self.checklist_line_id

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, FindingSource):
            source = self.source.value
        else:
            source = self.source

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        evidence: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = []
            for evidence_item_data in self.evidence:
                evidence_item = evidence_item_data.to_dict()
                evidence.append(evidence_item)

        raised_on: None | str | Unset
        if isinstance(self.raised_on, Unset):
            raised_on = UNSET
        elif isinstance(self.raised_on, datetime.date):
            raised_on = self.raised_on.isoformat()
        else:
            raised_on = self.raised_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
                "statement": statement,
            }
        )
        if requirement_ref is not UNSET:
            field_dict["requirement_ref"] = requirement_ref
        if audit_id is not UNSET:
            field_dict["audit_id"] = audit_id
        if checklist_line_id is not UNSET:
            field_dict["checklist_line_id"] = checklist_line_id
        if source is not UNSET:
            field_dict["source"] = source
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if raised_on is not UNSET:
            field_dict["raised_on"] = raised_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.linked_evidence import LinkedEvidence  # noqa: PLC0415

        d = dict(src_dict)
        grade = FindingGrade(d.pop("grade"))

        statement = d.pop("statement")

        def _parse_requirement_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requirement_ref = _parse_requirement_ref(d.pop("requirement_ref", UNSET))

        def _parse_audit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                audit_id_type_0 = UUID(data)

                return audit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        audit_id = _parse_audit_id(d.pop("audit_id", UNSET))

        def _parse_checklist_line_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checklist_line_id_type_0 = UUID(data)

                return checklist_line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        checklist_line_id = _parse_checklist_line_id(d.pop("checklist_line_id", UNSET))

        def _parse_source(data: object) -> FindingSource | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_0 = FindingSource(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindingSource | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        _evidence = d.pop("evidence", UNSET)
        evidence: list[LinkedEvidence] | Unset = UNSET
        if _evidence is not UNSET:
            evidence = []
            for evidence_item_data in _evidence:
                evidence_item = LinkedEvidence.from_dict(evidence_item_data)

                evidence.append(evidence_item)

        def _parse_raised_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                raised_on_type_0 = datetime.date.fromisoformat(data)

                return raised_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        raised_on = _parse_raised_on(d.pop("raised_on", UNSET))

        finding_create = cls(
            grade=grade,
            statement=statement,
            requirement_ref=requirement_ref,
            audit_id=audit_id,
            checklist_line_id=checklist_line_id,
            source=source,
            due_date=due_date,
            evidence=evidence,
            raised_on=raised_on,
        )

        return finding_create
