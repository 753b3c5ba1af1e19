from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeasurementCreate")


@_attrs_define
class MeasurementCreate:
    """A measured value for a period: ``period_date``, or ``period_start`` and ``period_end``.

    Attributes:
        value (float):
        period_date (datetime.date | None | Unset):
        period_start (datetime.date | None | Unset):
        period_end (datetime.date | None | Unset):
        source (str | Unset):  Default: ''.
        note (str | Unset):  Default: ''.
    """

    value: float
    period_date: datetime.date | None | Unset = UNSET
    period_start: datetime.date | None | Unset = UNSET
    period_end: datetime.date | None | Unset = UNSET
    source: str | Unset = ""
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        period_date: None | str | Unset
        if isinstance(self.period_date, Unset):
            period_date = UNSET
        elif isinstance(self.period_date, datetime.date):
            period_date = self.period_date.isoformat()
        else:
            period_date = self.period_date

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

        source = self.source

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
            }
        )
        if period_date is not UNSET:
            field_dict["period_date"] = period_date
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if source is not UNSET:
            field_dict["source"] = source
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        def _parse_period_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_date_type_0 = datetime.date.fromisoformat(data)

                return period_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_date = _parse_period_date(d.pop("period_date", UNSET))

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

        source = d.pop("source", UNSET)

        note = d.pop("note", UNSET)

        measurement_create = cls(
            value=value,
            period_date=period_date,
            period_start=period_start,
            period_end=period_end,
            source=source,
            note=note,
        )

        return measurement_create
