from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditProgrammeRead")


@_attrs_define
class AuditProgrammeRead:
    """
    Attributes:
        id (UUID):
        title (str):
        period_label (str):
        period_start (datetime.date | None):
        period_end (datetime.date | None):
        objectives (str):
        method (str):
        risk_basis (str):
        approved (bool):
        approved_by_id (None | UUID):
        approved_at (datetime.datetime | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    title: str
    period_label: str
    period_start: datetime.date | None
    period_end: datetime.date | None
    objectives: str
    method: str
    risk_basis: str
    approved: bool
    approved_by_id: None | UUID
    approved_at: datetime.datetime | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        period_label = self.period_label

        period_start: None | str
        if isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        period_end: None | str
        if isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        objectives = self.objectives

        method = self.method

        risk_basis = self.risk_basis

        approved = self.approved

        approved_by_id: None | str
        if isinstance(self.approved_by_id, UUID):
            approved_by_id = str(self.approved_by_id)
        else:
            approved_by_id = self.approved_by_id

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "period_label": period_label,
                "period_start": period_start,
                "period_end": period_end,
                "objectives": objectives,
                "method": method,
                "risk_basis": risk_basis,
                "approved": approved,
                "approved_by_id": approved_by_id,
                "approved_at": approved_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        period_label = d.pop("period_label")

        def _parse_period_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_start = _parse_period_start(d.pop("period_start"))

        def _parse_period_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_end = _parse_period_end(d.pop("period_end"))

        objectives = d.pop("objectives")

        method = d.pop("method")

        risk_basis = d.pop("risk_basis")

        approved = d.pop("approved")

        def _parse_approved_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_by_id_type_0 = UUID(data)

                return approved_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        approved_by_id = _parse_approved_by_id(d.pop("approved_by_id"))

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        audit_programme_read = cls(
            id=id,
            title=title,
            period_label=period_label,
            period_start=period_start,
            period_end=period_end,
            objectives=objectives,
            method=method,
            risk_basis=risk_basis,
            approved=approved,
            approved_by_id=approved_by_id,
            approved_at=approved_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        audit_programme_read.additional_properties = d
        return audit_programme_read

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
