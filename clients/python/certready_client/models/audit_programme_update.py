from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditProgrammeUpdate")


@_attrs_define
class AuditProgrammeUpdate:
    """Changing the period, objectives or method of an approved programme resets its approval.

    Attributes:
        period_start (datetime.date | None | Unset):
        period_end (datetime.date | None | Unset):
        title (None | str | Unset):
        period_label (None | str | Unset):
        objectives (None | str | Unset):
        method (None | str | Unset):
        risk_basis (None | str | Unset):
    """

    period_start: datetime.date | None | Unset = UNSET
    period_end: datetime.date | None | Unset = UNSET
    title: None | str | Unset = UNSET
    period_label: None | str | Unset = UNSET
    objectives: None | str | Unset = UNSET
    method: None | str | Unset = UNSET
    risk_basis: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        period_label: None | str | Unset
        if isinstance(self.period_label, Unset):
            period_label = UNSET
        else:
            period_label = self.period_label

        objectives: None | str | Unset
        if isinstance(self.objectives, Unset):
            objectives = UNSET
        else:
            objectives = self.objectives

        method: None | str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        else:
            method = self.method

        risk_basis: None | str | Unset
        if isinstance(self.risk_basis, Unset):
            risk_basis = UNSET
        else:
            risk_basis = self.risk_basis

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if title is not UNSET:
            field_dict["title"] = title
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

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_period_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        period_label = _parse_period_label(d.pop("period_label", UNSET))

        def _parse_objectives(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        objectives = _parse_objectives(d.pop("objectives", UNSET))

        def _parse_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        method = _parse_method(d.pop("method", UNSET))

        def _parse_risk_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        risk_basis = _parse_risk_basis(d.pop("risk_basis", UNSET))

        audit_programme_update = cls(
            period_start=period_start,
            period_end=period_end,
            title=title,
            period_label=period_label,
            objectives=objectives,
            method=method,
            risk_basis=risk_basis,
        )

        return audit_programme_update
