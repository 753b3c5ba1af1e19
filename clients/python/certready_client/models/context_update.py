from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContextUpdate")


@_attrs_define
class ContextUpdate:
    """A partial change; ``approved_on`` and ``reviewed_on`` are the dates these occurred.

    Attributes:
        summary (None | str | Unset):
        climate_change_relevant (bool | None | Unset):
        climate_change_reasoning (None | str | Unset):
        approved_on (datetime.date | None | Unset):
        reviewed_on (datetime.date | None | Unset):
    """

    summary: None | str | Unset = UNSET
    climate_change_relevant: bool | None | Unset = UNSET
    climate_change_reasoning: None | str | Unset = UNSET
    approved_on: datetime.date | None | Unset = UNSET
    reviewed_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        climate_change_relevant: bool | None | Unset
        if isinstance(self.climate_change_relevant, Unset):
            climate_change_relevant = UNSET
        else:
            climate_change_relevant = self.climate_change_relevant

        climate_change_reasoning: None | str | Unset
        if isinstance(self.climate_change_reasoning, Unset):
            climate_change_reasoning = UNSET
        else:
            climate_change_reasoning = self.climate_change_reasoning

        approved_on: None | str | Unset
        if isinstance(self.approved_on, Unset):
            approved_on = UNSET
        elif isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        reviewed_on: None | str | Unset
        if isinstance(self.reviewed_on, Unset):
            reviewed_on = UNSET
        elif isinstance(self.reviewed_on, datetime.date):
            reviewed_on = self.reviewed_on.isoformat()
        else:
            reviewed_on = self.reviewed_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if summary is not UNSET:
            field_dict["summary"] = summary
        if climate_change_relevant is not UNSET:
            field_dict["climate_change_relevant"] = climate_change_relevant
        if climate_change_reasoning is not UNSET:
            field_dict["climate_change_reasoning"] = climate_change_reasoning
        if approved_on is not UNSET:
            field_dict["approved_on"] = approved_on
        if reviewed_on is not UNSET:
            field_dict["reviewed_on"] = reviewed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_climate_change_relevant(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        climate_change_relevant = _parse_climate_change_relevant(
            d.pop("climate_change_relevant", UNSET)
        )

        def _parse_climate_change_reasoning(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        climate_change_reasoning = _parse_climate_change_reasoning(
            d.pop("climate_change_reasoning", UNSET)
        )

        def _parse_approved_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        approved_on = _parse_approved_on(d.pop("approved_on", UNSET))

        def _parse_reviewed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_on_type_0 = datetime.date.fromisoformat(data)

                return reviewed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        reviewed_on = _parse_reviewed_on(d.pop("reviewed_on", UNSET))

        context_update = cls(
            summary=summary,
            climate_change_relevant=climate_change_relevant,
            climate_change_reasoning=climate_change_reasoning,
            approved_on=approved_on,
            reviewed_on=reviewed_on,
        )

        return context_update
