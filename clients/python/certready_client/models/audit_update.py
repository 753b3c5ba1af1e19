from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditUpdate")


@_attrs_define
class AuditUpdate:
    """Fields to change; the scope can change only while the audit is planned.

    Attributes:
        planned_start_date (datetime.date | None | Unset):
        planned_end_date (datetime.date | None | Unset):
        actual_start_date (datetime.date | None | Unset):
        actual_end_date (datetime.date | None | Unset):
        title (None | str | Unset):
        programme_id (None | Unset | UUID):
        scope (list[str] | None | Unset):
        criteria (None | str | Unset):
        lead_auditor_id (None | Unset | UUID):
        team_member_ids (list[UUID] | None | Unset):
        external_auditors (list[str] | None | Unset):
        report_summary (None | str | Unset):
        distribution (list[str] | None | Unset):
    """

    planned_start_date: datetime.date | None | Unset = UNSET
    planned_end_date: datetime.date | None | Unset = UNSET
    actual_start_date: datetime.date | None | Unset = UNSET
    actual_end_date: datetime.date | None | Unset = UNSET
    title: None | str | Unset = UNSET
    programme_id: None | Unset | UUID = UNSET
    scope: list[str] | None | Unset = UNSET
    criteria: None | str | Unset = UNSET
    lead_auditor_id: None | Unset | UUID = UNSET
    team_member_ids: list[UUID] | None | Unset = UNSET
    external_auditors: list[str] | None | Unset = UNSET
    report_summary: None | str | Unset = UNSET
    distribution: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        planned_start_date: None | str | Unset
        if isinstance(self.planned_start_date, Unset):
            planned_start_date = UNSET
        elif isinstance(self.planned_start_date, datetime.date):
            planned_start_date = self.planned_start_date.isoformat()
        else:
            planned_start_date = self.planned_start_date

        planned_end_date: None | str | Unset
        if isinstance(self.planned_end_date, Unset):
            planned_end_date = UNSET
        elif isinstance(self.planned_end_date, datetime.date):
            planned_end_date = self.planned_end_date.isoformat()
        else:
            planned_end_date = self.planned_end_date

        actual_start_date: None | str | Unset
        if isinstance(self.actual_start_date, Unset):
            actual_start_date = UNSET
        elif isinstance(self.actual_start_date, datetime.date):
            actual_start_date = self.actual_start_date.isoformat()
        else:
            actual_start_date = self.actual_start_date

        actual_end_date: None | str | Unset
        if isinstance(self.actual_end_date, Unset):
            actual_end_date = UNSET
        elif isinstance(self.actual_end_date, datetime.date):
            actual_end_date = self.actual_end_date.isoformat()
        else:
            actual_end_date = self.actual_end_date

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        programme_id: None | str | Unset
        if isinstance(self.programme_id, Unset):
            programme_id = UNSET
        elif isinstance(self.programme_id, UUID):
            programme_id = str(self.programme_id)
        else:
            programme_id = self.programme_id

        scope: list[str] | None | Unset
        if isinstance(self.scope, Unset):
            scope = UNSET
        elif isinstance(self.scope, list):
            scope = self.scope

        else:
            scope = self.scope

        criteria: None | str | Unset
        if isinstance(self.criteria, Unset):
            criteria = UNSET
        else:
            criteria = self.criteria

        lead_auditor_id: None | str | Unset
        if isinstance(self.lead_auditor_id, Unset):
            lead_auditor_id = UNSET
        elif isinstance(self.lead_auditor_id, UUID):
            lead_auditor_id = str(self.lead_auditor_id)
        else:
            lead_auditor_id = self.lead_auditor_id

        team_member_ids: list[str] | None | Unset
        if isinstance(self.team_member_ids, Unset):
            team_member_ids = UNSET
        elif isinstance(self.team_member_ids, list):
            team_member_ids = []
            for team_member_ids_type_0_item_data in self.team_member_ids:
                team_member_ids_type_0_item = str(team_member_ids_type_0_item_data)
                team_member_ids.append(team_member_ids_type_0_item)

        else:
            team_member_ids = self.team_member_ids

        external_auditors: list[str] | None | Unset
        if isinstance(self.external_auditors, Unset):
            external_auditors = UNSET
        elif isinstance(self.external_auditors, list):
            external_auditors = self.external_auditors

        else:
            external_auditors = self.external_auditors

        report_summary: None | str | Unset
        if isinstance(self.report_summary, Unset):
            report_summary = UNSET
        else:
            report_summary = self.report_summary

        distribution: list[str] | None | Unset
        if isinstance(self.distribution, Unset):
            distribution = UNSET
        elif isinstance(self.distribution, list):
            distribution = self.distribution

        else:
            distribution = self.distribution

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if planned_start_date is not UNSET:
            field_dict["planned_start_date"] = planned_start_date
        if planned_end_date is not UNSET:
            field_dict["planned_end_date"] = planned_end_date
        if actual_start_date is not UNSET:
            field_dict["actual_start_date"] = actual_start_date
        if actual_end_date is not UNSET:
            field_dict["actual_end_date"] = actual_end_date
        if title is not UNSET:
            field_dict["title"] = title
        if programme_id is not UNSET:
            field_dict["programme_id"] = programme_id
        if scope is not UNSET:
            field_dict["scope"] = scope
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if lead_auditor_id is not UNSET:
            field_dict["lead_auditor_id"] = lead_auditor_id
        if team_member_ids is not UNSET:
            field_dict["team_member_ids"] = team_member_ids
        if external_auditors is not UNSET:
            field_dict["external_auditors"] = external_auditors
        if report_summary is not UNSET:
            field_dict["report_summary"] = report_summary
        if distribution is not UNSET:
            field_dict["distribution"] = distribution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_planned_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_start_date_type_0 = datetime.date.fromisoformat(data)

                return planned_start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_start_date = _parse_planned_start_date(d.pop("planned_start_date", UNSET))

        def _parse_planned_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_end_date_type_0 = datetime.date.fromisoformat(data)

                return planned_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_end_date = _parse_planned_end_date(d.pop("planned_end_date", UNSET))

        def _parse_actual_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actual_start_date_type_0 = datetime.date.fromisoformat(data)

                return actual_start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        actual_start_date = _parse_actual_start_date(d.pop("actual_start_date", UNSET))

        def _parse_actual_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actual_end_date_type_0 = datetime.date.fromisoformat(data)

                return actual_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        actual_end_date = _parse_actual_end_date(d.pop("actual_end_date", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_programme_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                programme_id_type_0 = UUID(data)

                return programme_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        programme_id = _parse_programme_id(d.pop("programme_id", UNSET))

        def _parse_scope(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scope_type_0 = cast(list[str], data)

                return scope_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        def _parse_criteria(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        criteria = _parse_criteria(d.pop("criteria", UNSET))

        def _parse_lead_auditor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lead_auditor_id_type_0 = UUID(data)

                return lead_auditor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        lead_auditor_id = _parse_lead_auditor_id(d.pop("lead_auditor_id", UNSET))

        def _parse_team_member_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                team_member_ids_type_0 = []
                _team_member_ids_type_0 = data
                for team_member_ids_type_0_item_data in _team_member_ids_type_0:
                    team_member_ids_type_0_item = UUID(team_member_ids_type_0_item_data)

                    team_member_ids_type_0.append(team_member_ids_type_0_item)

                return team_member_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        team_member_ids = _parse_team_member_ids(d.pop("team_member_ids", UNSET))

        def _parse_external_auditors(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                external_auditors_type_0 = cast(list[str], data)

                return external_auditors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        external_auditors = _parse_external_auditors(d.pop("external_auditors", UNSET))

        def _parse_report_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report_summary = _parse_report_summary(d.pop("report_summary", UNSET))

        def _parse_distribution(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                distribution_type_0 = cast(list[str], data)

                return distribution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        distribution = _parse_distribution(d.pop("distribution", UNSET))

        audit_update = cls(
            planned_start_date=planned_start_date,
            planned_end_date=planned_end_date,
            actual_start_date=actual_start_date,
            actual_end_date=actual_end_date,
            title=title,
            programme_id=programme_id,
            scope=scope,
            criteria=criteria,
            lead_auditor_id=lead_auditor_id,
            team_member_ids=team_member_ids,
            external_auditors=external_auditors,
            report_summary=report_summary,
            distribution=distribution,
        )

        return audit_update
