from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditProgrammeCreate")


@_attrs_define
class AuditProgrammeCreate:
    """
    Attributes:
        title (str):
        period_start (datetime.date | None | Unset):
        period_end (datetime.date | None | Unset):
        period_label (str | Unset):  Default: ''.
        objectives (str | Unset):  Default: ''.
        method (str | Unset): How audits are planned, conducted and reported (the audit procedure). Default: ''.
        risk_basis (str | Unset):  Default: ''.
    """

    title: str
    period_start: datetime.date | None | Unset = UNSET
    period_end: datetime.date | None | Unset = UNSET
    period_label: str | Unset = ""
    objectives: str | Unset = ""
    method: str | Unset = ""
    risk_basis: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        period_start: None | str | Unset
        if isinstance(self.period_start, Unset):
            period_start = UNSET
        elif isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        period_end: None | str | Unset
        if isinstance(self.period_end, Unset):
            period_end = UNSET
        elif isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        period_label = self.period_label

        objectives = self.objectives

        method = self.method

        risk_basis = self.risk_basis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if period_label is not UNSET:
            field_dict["period_label"] = period_label
        if objectives is not UNSET:
            field_dict["objectives"] = objectives
        if method is not UNSET:
            field_dict["method"] = method
        if risk_basis is not UNSET:
            field_dict["risk_basis"] = risk_basis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        def _parse_period_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_start = _parse_period_start(d.pop("period_start", UNSET))

        def _parse_period_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_end = _parse_period_end(d.pop("period_end", UNSET))

        period_label = d.pop("period_label", UNSET)

        objectives = d.pop("objectives", UNSET)

        method = d.pop("method", UNSET)

        risk_basis = d.pop("risk_basis", UNSET)

        audit_programme_create = cls(
            title=title,
            period_start=period_start,
            period_end=period_end,
            period_label=period_label,
            objectives=objectives,
            method=method,
            risk_basis=risk_basis,
        )

        return audit_programme_create
