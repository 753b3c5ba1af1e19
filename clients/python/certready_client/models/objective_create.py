from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..models.frequency import Frequency
from ..types import UNSET, Unset

T = TypeVar("T", bound="ObjectiveCreate")


@_attrs_define
class ObjectiveCreate:
    """
    Attributes:
        title (str):
        metric (str):
        target (float):
        direction (Direction):
        frequency (Frequency):
        description (str | Unset):  Default: ''.
        requirement_refs (list[str] | Unset):
        unit (str | Unset):  Default: ''.
        owner_id (None | Unset | UUID): A member; defaults to you.
        due_date (datetime.date | None | Unset):
    """

    title: str
    metric: str
    target: float
    direction: Direction
    frequency: Frequency
    description: str | Unset = ""
    requirement_refs: list[str] | Unset = UNSET
    unit: str | Unset = ""
    owner_id: None | Unset | UUID = UNSET
    due_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        metric = self.metric

        target = self.target

        direction = self.direction.value

        frequency = self.frequency.value

        description = self.description

        requirement_refs: list[str] | Unset = UNSET
        if not isinstance(self.requirement_refs, Unset):
            requirement_refs = self.requirement_refs

        unit = self.unit

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "metric": metric,
                "target": target,
                "direction": direction,
                "frequency": frequency,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if requirement_refs is not UNSET:
            field_dict["requirement_refs"] = requirement_refs
        if unit is not UNSET:
            field_dict["unit"] = unit
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if due_date is not UNSET:
            field_dict["due_date"] = due_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        metric = d.pop("metric")

        target = d.pop("target")

        direction = Direction(d.pop("direction"))

        frequency = Frequency(d.pop("frequency"))

        description = d.pop("description", UNSET)

        requirement_refs = cast(list[str], d.pop("requirement_refs", UNSET))

        unit = d.pop("unit", UNSET)

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

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        objective_create = cls(
            title=title,
            metric=metric,
            target=target,
            direction=direction,
            frequency=frequency,
            description=description,
            requirement_refs=requirement_refs,
            unit=unit,
            owner_id=owner_id,
            due_date=due_date,
        )

        return objective_create
