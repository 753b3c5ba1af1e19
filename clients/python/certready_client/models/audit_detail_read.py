from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_status import AuditStatus
from ..models.audit_type import AuditType

if TYPE_CHECKING:
    from ..models.checklist_counts import ChecklistCounts


T = TypeVar("T", bound="AuditDetailRead")


@_attrs_define
class AuditDetailRead:
    """
    Attributes:
        id (UUID):
        key (str):
        type_ (AuditType):
        status (AuditStatus):
        allowed_transitions (list[AuditStatus]):
        title (str):
        programme_id (None | UUID):
        framework_id (UUID):
        scope (list[str]):
        criteria (str):
        planned_start_date (datetime.date | None):
        planned_end_date (datetime.date | None):
        actual_start_date (datetime.date | None):
        actual_end_date (datetime.date | None):
        lead_auditor_id (None | UUID):
        team_member_ids (list[UUID]):
        external_auditors (list[str]):
        report_summary (str):
        distribution (list[str]):
        closed_at (datetime.datetime | None):
        closed_on (datetime.date | None): The day the audit was closed (as stated).
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        requirement_refs (list[str]): The leaf requirements the scope expands to.
        lines_without_eligible_auditor (list[str]): Refs of requirements owned by every member of the audit team (lead
            and team): nobody on the team may audit them (auditors do not audit their own work).
        checklist (ChecklistCounts):
    """

    id: UUID
    key: str
    type_: AuditType
    status: AuditStatus
    allowed_transitions: list[AuditStatus]
    title: str
    programme_id: None | UUID
    framework_id: UUID
    scope: list[str]
    criteria: str
    planned_start_date: datetime.date | None
    planned_end_date: datetime.date | None
    actual_start_date: datetime.date | None
    actual_end_date: datetime.date | None
    lead_auditor_id: None | UUID
    team_member_ids: list[UUID]
    external_auditors: list[str]
    report_summary: str
    distribution: list[str]
    closed_at: datetime.datetime | None
    closed_on: datetime.date | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    requirement_refs: list[str]
    lines_without_eligible_auditor: list[str]
    checklist: ChecklistCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        type_ = self.type_.value

        status = self.status.value

        allowed_transitions = []
        for allowed_transitions_item_data in self.allowed_transitions:
            allowed_transitions_item = allowed_transitions_item_data.value
            allowed_transitions.append(allowed_transitions_item)

        title = self.title

        programme_id: None | str
        if isinstance(self.programme_id, UUID):
            programme_id = str(self.programme_id)
        else:
            programme_id = self.programme_id

        framework_id = str(self.framework_id)

        scope = self.scope

        criteria = self.criteria

        planned_start_date: None | str
        if isinstance(self.planned_start_date, datetime.date):
            planned_start_date = self.planned_start_date.isoformat()
        else:
            planned_start_date = self.planned_start_date

        planned_end_date: None | str
        if isinstance(self.planned_end_date, datetime.date):
            planned_end_date = self.planned_end_date.isoformat()
        else:
            planned_end_date = self.planned_end_date

        actual_start_date: None | str
        if isinstance(self.actual_start_date, datetime.date):
            actual_start_date = self.actual_start_date.isoformat()
        else:
            actual_start_date = self.actual_start_date

        actual_end_date: None | str
        if isinstance(self.actual_end_date, datetime.date):
            actual_end_date = self.actual_end_date.isoformat()
        else:
            actual_end_date = self.actual_end_date

        lead_auditor_id: None | str
        if isinstance(self.lead_auditor_id, UUID):
            lead_auditor_id = str(self.lead_auditor_id)
        else:
            lead_auditor_id = self.lead_auditor_id

        team_member_ids = []
        for team_member_ids_item_data in self.team_member_ids:
            team_member_ids_item = str(team_member_ids_item_data)
            team_member_ids.append(team_member_ids_item)

        external_auditors = self.external_auditors

        report_summary = self.report_summary

        distribution = self.distribution

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

        requirement_refs = self.requirement_refs

        lines_without_eligible_auditor = self.lines_without_eligible_auditor

        checklist = self.checklist.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "type": type_,
                "status": status,
                "allowed_transitions": allowed_transitions,
                "title": title,
                "programme_id": programme_id,
                "framework_id": framework_id,
                "scope": scope,
                "criteria": criteria,
                "planned_start_date": planned_start_date,
                "planned_end_date": planned_end_date,
                "actual_start_date": actual_start_date,
                "actual_end_date": actual_end_date,
                "lead_auditor_id": lead_auditor_id,
                "team_member_ids": team_member_ids,
                "external_auditors": external_auditors,
                "report_summary": report_summary,
                "distribution": distribution,
                "closed_at": closed_at,
                "closed_on": closed_on,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "requirement_refs": requirement_refs,
                "lines_without_eligible_auditor": lines_without_eligible_auditor,
                "checklist": checklist,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_counts import ChecklistCounts  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        type_ = AuditType(d.pop("type"))

        status = AuditStatus(d.pop("status"))

        allowed_transitions = []
        _allowed_transitions = d.pop("allowed_transitions")
        for allowed_transitions_item_data in _allowed_transitions:
            allowed_transitions_item = AuditStatus(allowed_transitions_item_data)

            allowed_transitions.append(allowed_transitions_item)

        title = d.pop("title")

        def _parse_programme_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                programme_id_type_0 = UUID(data)

                return programme_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        programme_id = _parse_programme_id(d.pop("programme_id"))

        framework_id = UUID(d.pop("framework_id"))

        scope = cast(list[str], d.pop("scope"))

        criteria = d.pop("criteria")

        def _parse_planned_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_start_date_type_0 = datetime.date.fromisoformat(data)

                return planned_start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_start_date = _parse_planned_start_date(d.pop("planned_start_date"))

        def _parse_planned_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_end_date_type_0 = datetime.date.fromisoformat(data)

                return planned_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_end_date = _parse_planned_end_date(d.pop("planned_end_date"))

        def _parse_actual_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actual_start_date_type_0 = datetime.date.fromisoformat(data)

                return actual_start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        actual_start_date = _parse_actual_start_date(d.pop("actual_start_date"))

        def _parse_actual_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actual_end_date_type_0 = datetime.date.fromisoformat(data)

                return actual_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        actual_end_date = _parse_actual_end_date(d.pop("actual_end_date"))

        def _parse_lead_auditor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lead_auditor_id_type_0 = UUID(data)

                return lead_auditor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        lead_auditor_id = _parse_lead_auditor_id(d.pop("lead_auditor_id"))

        team_member_ids = []
        _team_member_ids = d.pop("team_member_ids")
        for team_member_ids_item_data in _team_member_ids:
            team_member_ids_item = UUID(team_member_ids_item_data)

            team_member_ids.append(team_member_ids_item)

        external_auditors = cast(list[str], d.pop("external_auditors"))

        report_summary = d.pop("report_summary")

        distribution = cast(list[str], d.pop("distribution"))

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

        requirement_refs = cast(list[str], d.pop("requirement_refs"))

        lines_without_eligible_auditor = cast(list[str], d.pop("lines_without_eligible_auditor"))

        checklist = ChecklistCounts.from_dict(d.pop("checklist"))

        audit_detail_read = cls(
            id=id,
            key=key,
            type_=type_,
            status=status,
            allowed_transitions=allowed_transitions,
            title=title,
            programme_id=programme_id,
            framework_id=framework_id,
            scope=scope,
            criteria=criteria,
            planned_start_date=planned_start_date,
            planned_end_date=planned_end_date,
            actual_start_date=actual_start_date,
            actual_end_date=actual_end_date,
            lead_auditor_id=lead_auditor_id,
            team_member_ids=team_member_ids,
            external_auditors=external_auditors,
            report_summary=report_summary,
            distribution=distribution,
            closed_at=closed_at,
            closed_on=closed_on,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            requirement_refs=requirement_refs,
            lines_without_eligible_auditor=lines_without_eligible_auditor,
            checklist=checklist,
        )

        audit_detail_read.additional_properties = d
        return audit_detail_read

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
