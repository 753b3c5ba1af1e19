from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.finding_closure import FindingClosure
from ..models.finding_grade import FindingGrade
from ..models.finding_source import FindingSource
from ..models.finding_status import FindingStatus

if TYPE_CHECKING:
    from ..models.finding_measure import FindingMeasure
    from ..models.linked_evidence import LinkedEvidence


T = TypeVar("T", bound="FindingRead")


@_attrs_define
class FindingRead:
    """
    Attributes:
        id (UUID):
        key (str):
        grade (FindingGrade):
        status (FindingStatus):
        allowed_transitions (list[FindingStatus]):
        source (FindingSource):
        certification_body (bool):
        statement (str):
        requirement_ref (None | str):
        audit_id (None | UUID):
        checklist_line_id (None | UUID):
        evidence (list[LinkedEvidence]):
        raised_by_id (None | UUID):
        raised_at (datetime.datetime): When the finding was recorded.
        raised_on (datetime.date): The day the finding was raised (as stated).
        due_date (datetime.date | None):
        overdue (bool):
        decision_note (str):
        closure_decision (FindingClosure | None):
        measures (list[FindingMeasure]): Linked corrective measures, by key; each with its effectiveness result.
        cb_plan_accepted_at (datetime.datetime | None):
        cb_verified_at (datetime.datetime | None):
        closed_at (datetime.datetime | None):
        closed_on (datetime.date | None): The day the finding was closed (as stated).
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    grade: FindingGrade
    status: FindingStatus
    allowed_transitions: list[FindingStatus]
    source: FindingSource
    certification_body: bool
    statement: str
    requirement_ref: None | str
    audit_id: None | UUID
    checklist_line_id: None | UUID
    evidence: list[LinkedEvidence]
    raised_by_id: None | UUID
    raised_at: datetime.datetime
    raised_on: datetime.date
    due_date: datetime.date | None
    overdue: bool
    decision_note: str
    closure_decision: FindingClosure | None
    measures: list[FindingMeasure]
    cb_plan_accepted_at: datetime.datetime | None
    cb_verified_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    closed_on: datetime.date | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        grade = self.grade.value

        status = self.status.value

        allowed_transitions = []
        for allowed_transitions_item_data in self.allowed_transitions:
            allowed_transitions_item = allowed_transitions_item_data.value
            allowed_transitions.append(allowed_transitions_item)

        source = self.source.value

        certification_body = self.certification_body

        statement = self.statement

        requirement_ref: None | str
        requirement_ref = self.requirement_ref

        audit_id: None | str
        if isinstance(self.audit_id, UUID):
            audit_id = str(self.audit_id)
        else:
            audit_id = self.audit_id

        checklist_line_id: None | str
        if isinstance(self.checklist_line_id, UUID):
            checklist_line_id = str(self.checklist_line_id)
        else:
            checklist_line_id = self.checklist_line_id

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        raised_by_id: None | str
        if isinstance(self.raised_by_id, UUID):
            raised_by_id = str(self.raised_by_id)
        else:
            raised_by_id = self.raised_by_id

        raised_at = self.raised_at.isoformat()

        raised_on = self.raised_on.isoformat()

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        overdue = self.overdue

        decision_note = self.decision_note

        closure_decision: None | str
        if isinstance(self.closure_decision, FindingClosure):
            closure_decision = self.closure_decision.value
        else:
            closure_decision = self.closure_decision

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        cb_plan_accepted_at: None | str
        if isinstance(self.cb_plan_accepted_at, datetime.datetime):
            cb_plan_accepted_at = self.cb_plan_accepted_at.isoformat()
        else:
            cb_plan_accepted_at = self.cb_plan_accepted_at

        cb_verified_at: None | str
        if isinstance(self.cb_verified_at, datetime.datetime):
            cb_verified_at = self.cb_verified_at.isoformat()
        else:
            cb_verified_at = self.cb_verified_at

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "grade": grade,
                "status": status,
                "allowed_transitions": allowed_transitions,
                "source": source,
                "certification_body": certification_body,
                "statement": statement,
                "requirement_ref": requirement_ref,
                "audit_id": audit_id,
                "checklist_line_id": checklist_line_id,
                "evidence": evidence,
                "raised_by_id": raised_by_id,
                "raised_at": raised_at,
                "raised_on": raised_on,
                "due_date": due_date,
                "overdue": overdue,
                "decision_note": decision_note,
                "closure_decision": closure_decision,
                "measures": measures,
                "cb_plan_accepted_at": cb_plan_accepted_at,
                "cb_verified_at": cb_verified_at,
                "closed_at": closed_at,
                "closed_on": closed_on,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_measure import FindingMeasure  # noqa: PLC0415
        from ..models.linked_evidence import LinkedEvidence  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        grade = FindingGrade(d.pop("grade"))

        status = FindingStatus(d.pop("status"))

        allowed_transitions = []
        _allowed_transitions = d.pop("allowed_transitions")
        for allowed_transitions_item_data in _allowed_transitions:
            allowed_transitions_item = FindingStatus(allowed_transitions_item_data)

            allowed_transitions.append(allowed_transitions_item)

        source = FindingSource(d.pop("source"))

        certification_body = d.pop("certification_body")

        statement = d.pop("statement")

        def _parse_requirement_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requirement_ref = _parse_requirement_ref(d.pop("requirement_ref"))

        def _parse_audit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                audit_id_type_0 = UUID(data)

                return audit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        audit_id = _parse_audit_id(d.pop("audit_id"))

        def _parse_checklist_line_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checklist_line_id_type_0 = UUID(data)

                return checklist_line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        checklist_line_id = _parse_checklist_line_id(d.pop("checklist_line_id"))

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = LinkedEvidence.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        def _parse_raised_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                raised_by_id_type_0 = UUID(data)

                return raised_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        raised_by_id = _parse_raised_by_id(d.pop("raised_by_id"))

        raised_at = datetime.datetime.fromisoformat(d.pop("raised_at"))

        raised_on = datetime.date.fromisoformat(d.pop("raised_on"))

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        overdue = d.pop("overdue")

        decision_note = d.pop("decision_note")

        def _parse_closure_decision(data: object) -> FindingClosure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closure_decision_type_0 = FindingClosure(data)

                return closure_decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindingClosure | None, data)

        closure_decision = _parse_closure_decision(d.pop("closure_decision"))

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = FindingMeasure.from_dict(measures_item_data)

            measures.append(measures_item)

        def _parse_cb_plan_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cb_plan_accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return cb_plan_accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cb_plan_accepted_at = _parse_cb_plan_accepted_at(d.pop("cb_plan_accepted_at"))

        def _parse_cb_verified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cb_verified_at_type_0 = datetime.datetime.fromisoformat(data)

                return cb_verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cb_verified_at = _parse_cb_verified_at(d.pop("cb_verified_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        finding_read = cls(
            id=id,
            key=key,
            grade=grade,
            status=status,
            allowed_transitions=allowed_transitions,
            source=source,
            certification_body=certification_body,
            statement=statement,
            requirement_ref=requirement_ref,
            audit_id=audit_id,
            checklist_line_id=checklist_line_id,
            evidence=evidence,
            raised_by_id=raised_by_id,
            raised_at=raised_at,
            raised_on=raised_on,
            due_date=due_date,
            overdue=overdue,
            decision_note=decision_note,
            closure_decision=closure_decision,
            measures=measures,
            cb_plan_accepted_at=cb_plan_accepted_at,
            cb_verified_at=cb_verified_at,
            closed_at=closed_at,
            closed_on=closed_on,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        finding_read.additional_properties = d
        return finding_read

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
