from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.finding_grade import FindingGrade
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.linked_evidence import LinkedEvidence


T = TypeVar("T", bound="FindingUpdate")


@_attrs_define
class FindingUpdate:
    """Fields to change; the grade changes only while the finding is open.

    Attributes:
        grade (FindingGrade | None | Unset):
        statement (None | str | Unset):
        requirement_ref (None | str | Unset):
        due_date (datetime.date | None | Unset):
        evidence (list[LinkedEvidence] | None | Unset):
        cb_plan_accepted_at (datetime.datetime | None | Unset): Certification-body findings: the body accepted the plan.
        cb_verified_at (datetime.datetime | None | Unset): Certification-body major NCs: the body verified the fix.
    """

    grade: FindingGrade | None | Unset = UNSET
    statement: None | str | Unset = UNSET
    requirement_ref: None | str | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    evidence: list[LinkedEvidence] | None | Unset = UNSET
    cb_plan_accepted_at: datetime.datetime | None | Unset = UNSET
    cb_verified_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, FindingGrade):
            grade = self.grade.value
        else:
            grade = self.grade

        statement: None | str | Unset
        if isinstance(self.statement, Unset):
            statement = UNSET
        else:
            statement = self.statement

        requirement_ref: None | str | Unset
        if isinstance(self.requirement_ref, Unset):
            requirement_ref = UNSET
        else:
            requirement_ref = self.requirement_ref

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

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

        cb_plan_accepted_at: None | str | Unset
        if isinstance(self.cb_plan_accepted_at, Unset):
            cb_plan_accepted_at = UNSET
        elif isinstance(self.cb_plan_accepted_at, datetime.datetime):
            cb_plan_accepted_at = self.cb_plan_accepted_at.isoformat()
        else:
            cb_plan_accepted_at = self.cb_plan_accepted_at

        cb_verified_at: None | str | Unset
        if isinstance(self.cb_verified_at, Unset):
            cb_verified_at = UNSET
        elif isinstance(self.cb_verified_at, datetime.datetime):
            cb_verified_at = self.cb_verified_at.isoformat()
        else:
            cb_verified_at = self.cb_verified_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if grade is not UNSET:
            field_dict["grade"] = grade
        if statement is not UNSET:
            field_dict["statement"] = statement
        if requirement_ref is not UNSET:
            field_dict["requirement_ref"] = requirement_ref
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if cb_plan_accepted_at is not UNSET:
            field_dict["cb_plan_accepted_at"] = cb_plan_accepted_at
        if cb_verified_at is not UNSET:
            field_dict["cb_verified_at"] = cb_verified_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.linked_evidence import LinkedEvidence  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_grade(data: object) -> FindingGrade | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grade_type_0 = FindingGrade(data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindingGrade | None | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        def _parse_statement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        statement = _parse_statement(d.pop("statement", UNSET))

        def _parse_requirement_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requirement_ref = _parse_requirement_ref(d.pop("requirement_ref", UNSET))

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

        def _parse_cb_plan_accepted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cb_plan_accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return cb_plan_accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cb_plan_accepted_at = _parse_cb_plan_accepted_at(d.pop("cb_plan_accepted_at", UNSET))

        def _parse_cb_verified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cb_verified_at_type_0 = datetime.datetime.fromisoformat(data)

                return cb_verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cb_verified_at = _parse_cb_verified_at(d.pop("cb_verified_at", UNSET))

        finding_update = cls(
            grade=grade,
            statement=statement,
            requirement_ref=requirement_ref,
            due_date=due_date,
            evidence=evidence,
            cb_plan_accepted_at=cb_plan_accepted_at,
            cb_verified_at=cb_verified_at,
        )

        return finding_update
