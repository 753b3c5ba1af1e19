from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.report_frequency import ReportFrequency
from ..types import UNSET, Unset

T = TypeVar("T", bound="DefinitionCreate")


@_attrs_define
class DefinitionCreate:
    """
    Attributes:
        title (str):
        frequency (ReportFrequency):
        audience (str | Unset): The customer or recipient. Default: ''.
        starts_on (datetime.date | None | Unset):
        owner_id (None | Unset | UUID):
    """

    title: str
    frequency: ReportFrequency
    audience: str | Unset = ""
    starts_on: datetime.date | None | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        frequency = self.frequency.value

        audience = self.audience

        starts_on: None | str | Unset
        if isinstance(self.starts_on, Unset):
            starts_on = UNSET
        elif isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "frequency": frequency,
            }
        )
        if audience is not UNSET:
            field_dict["audience"] = audience
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        frequency = ReportFrequency(d.pop("frequency"))

        audience = d.pop("audience", UNSET)

        def _parse_starts_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        starts_on = _parse_starts_on(d.pop("starts_on", UNSET))

        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        definition_create = cls(
            title=title,
            frequency=frequency,
            audience=audience,
            starts_on=starts_on,
            owner_id=owner_id,
        )

        return definition_create
