from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.audit_type import AuditType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditCreate")


@_attrs_define
class AuditCreate:
    """
    Attributes:
        type_ (AuditType):
        title (str):
        scope (list[str]): Requirement refs and/or clause prefixes ("8" covers 8.x, never 80).
        planned_start_date (datetime.date | None | Unset):
        planned_end_date (datetime.date | None | Unset):
        actual_start_date (datetime.date | None | Unset):
        actual_end_date (datetime.date | None | Unset):
        programme_id (None | Unset | UUID): Required for internal audits.
        framework (str | Unset):  Default: 'iso20000-1:2018'.
        criteria (str | Unset):  Default: ''.
        lead_auditor_id (None | Unset | UUID):
        team_member_ids (list[UUID] | Unset):
        external_auditors (list[str] | Unset):
    """

    type_: AuditType
    title: str
    scope: list[str]
    planned_start_date: datetime.date | None | Unset = UNSET
    planned_end_date: datetime.date | None | Unset = UNSET
    actual_start_date: datetime.date | None | Unset = UNSET
    actual_end_date: datetime.date | None | Unset = UNSET
    programme_id: None | Unset | UUID = UNSET
    framework: str | Unset = "iso20000-1:2018"
    criteria: str | Unset = ""
    lead_auditor_id: None | Unset | UUID = UNSET
    team_member_ids: list[UUID] | Unset = UNSET
    external_auditors: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        title = self.title

        scope = self.scope

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

        programme_id: None | str | Unset
        if isinstance(self.programme_id, Unset):
            programme_id = UNSET
        elif isinstance(self.programme_id, UUID):
            programme_id = str(self.programme_id)
        else:
            programme_id = self.programme_id

        framework = self.framework

        criteria = self.criteria

        lead_auditor_id: None | str | Unset
        if isinstance(self.lead_auditor_id, Unset):
            lead_auditor_id = UNSET
        elif isinstance(self.lead_auditor_id, UUID):
            lead_auditor_id = str(self.lead_auditor_id)
        else:
            lead_auditor_id = self.lead_auditor_id

        team_member_ids: list[str] | Unset = UNSET
        if not isinstance(self.team_member_ids, Unset):
            team_member_ids = []
            for team_member_ids_item_data in self.team_member_ids:
                team_member_ids_item = str(team_member_ids_item_data)
                team_member_ids.append(team_member_ids_item)

        external_auditors: list[str] | Unset = UNSET
        if not isinstance(self.external_auditors, Unset):
            external_auditors = self.external_auditors

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "title": title,
                "scope": scope,
            }
        )
        if planned_start_date is not UNSET:
            field_dict["planned_start_date"] = planned_start_date
        if planned_end_date is not UNSET:
            field_dict["planned_end_date"] = planned_end_date
        if actual_start_date is not UNSET:
            field_dict["actual_start_date"] = actual_start_date
        if actual_end_date is not UNSET:
            field_dict["actual_end_date"] = actual_end_date
        if programme_id is not UNSET:
            field_dict["programme_id"] = programme_id
        if framework is not UNSET:
            field_dict["framework"] = framework
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if lead_auditor_id is not UNSET:
            field_dict["lead_auditor_id"] = lead_auditor_id
        if team_member_ids is not UNSET:
            field_dict["team_member_ids"] = team_member_ids
        if external_auditors is not UNSET:
            field_dict["external_auditors"] = external_auditors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = AuditType(d.pop("type"))

        title = d.pop("title")

        scope = cast(list[str], d.pop("scope"))

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

        framework = d.pop("framework", UNSET)

        criteria = d.pop("criteria", UNSET)

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

        _team_member_ids = d.pop("team_member_ids", UNSET)
        team_member_ids: list[UUID] | Unset = UNSET
        if _team_member_ids is not UNSET:
            team_member_ids = []
            for team_member_ids_item_data in _team_member_ids:
                team_member_ids_item = UUID(team_member_ids_item_data)

                team_member_ids.append(team_member_ids_item)

        external_auditors = cast(list[str], d.pop("external_auditors", UNSET))

        audit_create = cls(
            type_=type_,
            title=title,
            scope=scope,
            planned_start_date=planned_start_date,
            planned_end_date=planned_end_date,
            actual_start_date=actual_start_date,
            actual_end_date=actual_end_date,
            programme_id=programme_id,
            framework=framework,
            criteria=criteria,
            lead_auditor_id=lead_auditor_id,
            team_member_ids=team_member_ids,
            external_auditors=external_auditors,
        )

        return audit_create
