from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_status import AuditStatus
from ..models.audit_type import AuditType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_team_entry import AuditTeamEntry
    from ..models.checklist_counts import ChecklistCounts
    from ..models.clause_results import ClauseResults
    from ..models.report_finding import ReportFinding
    from ..models.report_line import ReportLine


T = TypeVar("T", bound="AuditReportRead")


@_attrs_define
class AuditReportRead:
    """
    Attributes:
        audit_id (UUID):
        key (str):
        title (str):
        type_ (AuditType):
        status (AuditStatus):
        scope (list[str]):
        criteria (str):
        team (list[AuditTeamEntry]):
        external_auditors (list[str]):
        planned_start_date (datetime.date | None):
        planned_end_date (datetime.date | None):
        actual_start_date (datetime.date | None):
        actual_end_date (datetime.date | None):
        results (ChecklistCounts):
        results_by_clause (list[ClauseResults]):
        findings (list[ReportFinding]):
        conclusions (str):
        distribution (list[str]):
        objectives (str | Unset): The objectives of the audit programme the audit belongs to. Default: ''.
        method (str | Unset): The audit programme's method. Default: ''.
        lines (list[ReportLine] | Unset): The checklist with notes and sampled evidence.
        closed_on (datetime.date | None | Unset):
    """

    audit_id: UUID
    key: str
    title: str
    type_: AuditType
    status: AuditStatus
    scope: list[str]
    criteria: str
    team: list[AuditTeamEntry]
    external_auditors: list[str]
    planned_start_date: datetime.date | None
    planned_end_date: datetime.date | None
    actual_start_date: datetime.date | None
    actual_end_date: datetime.date | None
    results: ChecklistCounts
    results_by_clause: list[ClauseResults]
    findings: list[ReportFinding]
    conclusions: str
    distribution: list[str]
    objectives: str | Unset = ""
    method: str | Unset = ""
    lines: list[ReportLine] | Unset = UNSET
    closed_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audit_id = str(self.audit_id)

        key = self.key

        title = self.title

        type_ = self.type_.value

        status = self.status.value

        scope = self.scope

        criteria = self.criteria

        team = []
        for team_item_data in self.team:
            team_item = team_item_data.to_dict()
            team.append(team_item)

        external_auditors = self.external_auditors

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

        results = self.results.to_dict()

        results_by_clause = []
        for results_by_clause_item_data in self.results_by_clause:
            results_by_clause_item = results_by_clause_item_data.to_dict()
            results_by_clause.append(results_by_clause_item)

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        conclusions = self.conclusions

        distribution = self.distribution

        objectives = self.objectives

        method = self.method

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        closed_on: None | str | Unset
        if isinstance(self.closed_on, Unset):
            closed_on = UNSET
        elif isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audit_id": audit_id,
                "key": key,
                "title": title,
                "type": type_,
                "status": status,
                "scope": scope,
                "criteria": criteria,
                "team": team,
                "external_auditors": external_auditors,
                "planned_start_date": planned_start_date,
                "planned_end_date": planned_end_date,
                "actual_start_date": actual_start_date,
                "actual_end_date": actual_end_date,
                "results": results,
                "results_by_clause": results_by_clause,
                "findings": findings,
                "conclusions": conclusions,
                "distribution": distribution,
            }
        )
        if objectives is not UNSET:
            field_dict["objectives"] = objectives
        if method is not UNSET:
            field_dict["method"] = method
        if lines is not UNSET:
            field_dict["lines"] = lines
        if closed_on is not UNSET:
            field_dict["closed_on"] = closed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_team_entry import AuditTeamEntry  # noqa: PLC0415
        from ..models.checklist_counts import ChecklistCounts  # noqa: PLC0415
        from ..models.clause_results import ClauseResults  # noqa: PLC0415
        from ..models.report_finding import ReportFinding  # noqa: PLC0415
        from ..models.report_line import ReportLine  # noqa: PLC0415

        d = dict(src_dict)
        audit_id = UUID(d.pop("audit_id"))

        key = d.pop("key")

        title = d.pop("title")

        type_ = AuditType(d.pop("type"))

        status = AuditStatus(d.pop("status"))

        scope = cast(list[str], d.pop("scope"))

        criteria = d.pop("criteria")

        team = []
        _team = d.pop("team")
        for team_item_data in _team:
            team_item = AuditTeamEntry.from_dict(team_item_data)

            team.append(team_item)

        external_auditors = cast(list[str], d.pop("external_auditors"))

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

        results = ChecklistCounts.from_dict(d.pop("results"))

        results_by_clause = []
        _results_by_clause = d.pop("results_by_clause")
        for results_by_clause_item_data in _results_by_clause:
            results_by_clause_item = ClauseResults.from_dict(results_by_clause_item_data)

            results_by_clause.append(results_by_clause_item)

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = ReportFinding.from_dict(findings_item_data)

            findings.append(findings_item)

        conclusions = d.pop("conclusions")

        distribution = cast(list[str], d.pop("distribution"))

        objectives = d.pop("objectives", UNSET)

        method = d.pop("method", UNSET)

        _lines = d.pop("lines", UNSET)
        lines: list[ReportLine] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = ReportLine.from_dict(lines_item_data)

                lines.append(lines_item)

        def _parse_closed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        closed_on = _parse_closed_on(d.pop("closed_on", UNSET))

        audit_report_read = cls(
            audit_id=audit_id,
            key=key,
            title=title,
            type_=type_,
            status=status,
            scope=scope,
            criteria=criteria,
            team=team,
            external_auditors=external_auditors,
            planned_start_date=planned_start_date,
            planned_end_date=planned_end_date,
            actual_start_date=actual_start_date,
            actual_end_date=actual_end_date,
            results=results,
            results_by_clause=results_by_clause,
            findings=findings,
            conclusions=conclusions,
            distribution=distribution,
            objectives=objectives,
            method=method,
            lines=lines,
            closed_on=closed_on,
        )

        audit_report_read.additional_properties = d
        return audit_report_read

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
