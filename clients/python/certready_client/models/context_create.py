from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContextCreate")


@_attrs_define
class ContextCreate:
    """
    Attributes:
        summary (str | Unset):  Default: ''.
        climate_change_relevant (bool | None | Unset):
        climate_change_reasoning (str | Unset):  Default: ''.
    """

    summary: str | Unset = ""
    climate_change_relevant: bool | None | Unset = UNSET
    climate_change_reasoning: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary

        climate_change_relevant: bool | None | Unset
        if isinstance(self.climate_change_relevant, Unset):
            climate_change_relevant = UNSET
        else:
            climate_change_relevant = self.climate_change_relevant

        climate_change_reasoning = self.climate_change_reasoning

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if summary is not UNSET:
            field_dict["summary"] = summary
        if climate_change_relevant is not UNSET:
            field_dict["climate_change_relevant"] = climate_change_relevant
        if climate_change_reasoning is not UNSET:
            field_dict["climate_change_reasoning"] = climate_change_reasoning

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        summary = d.pop("summary", UNSET)

        def _parse_climate_change_relevant(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        climate_change_relevant = _parse_climate_change_relevant(
            d.pop("climate_change_relevant", UNSET)
        )

        climate_change_reasoning = d.pop("climate_change_reasoning", UNSET)

        context_create = cls(
            summary=summary,
            climate_change_relevant=climate_change_relevant,
            climate_change_reasoning=climate_change_reasoning,
        )

        return context_create
