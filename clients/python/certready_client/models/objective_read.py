from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction
from ..models.frequency import Frequency
from ..models.objective_status import ObjectiveStatus

T = TypeVar("T", bound="ObjectiveRead")


@_attrs_define
class ObjectiveRead:
    """
    Attributes:
        id (UUID):
        key (str):
        title (str):
        description (str):
        requirement_refs (list[str]):
        metric (str):
        unit (str):
        target (float):
        direction (Direction):
        owner_id (None | UUID):
        due_date (datetime.date | None):
        frequency (Frequency):
        status (ObjectiveStatus):
        latest_value (float | None):
        latest_period_end (datetime.date | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    title: str
    description: str
    requirement_refs: list[str]
    metric: str
    unit: str
    target: float
    direction: Direction
    owner_id: None | UUID
    due_date: datetime.date | None
    frequency: Frequency
    status: ObjectiveStatus
    latest_value: float | None
    latest_period_end: datetime.date | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        title = self.title

        description = self.description

        requirement_refs = self.requirement_refs

        metric = self.metric

        unit = self.unit

        target = self.target

        direction = self.direction.value

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        frequency = self.frequency.value

        status = self.status.value

        latest_value: float | None
        latest_value = self.latest_value

        latest_period_end: None | str
        if isinstance(self.latest_period_end, datetime.date):
            latest_period_end = self.latest_period_end.isoformat()
        else:
            latest_period_end = self.latest_period_end

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "title": title,
                "description": description,
                "requirement_refs": requirement_refs,
                "metric": metric,
                "unit": unit,
                "target": target,
                "direction": direction,
                "owner_id": owner_id,
                "due_date": due_date,
                "frequency": frequency,
                "status": status,
                "latest_value": latest_value,
                "latest_period_end": latest_period_end,
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

        key = d.pop("key")

        title = d.pop("title")

        description = d.pop("description")

        requirement_refs = cast(list[str], d.pop("requirement_refs"))

        metric = d.pop("metric")

        unit = d.pop("unit")

        target = d.pop("target")

        direction = Direction(d.pop("direction"))

        def _parse_owner_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        frequency = Frequency(d.pop("frequency"))

        status = ObjectiveStatus(d.pop("status"))

        def _parse_latest_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latest_value = _parse_latest_value(d.pop("latest_value"))

        def _parse_latest_period_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_period_end_type_0 = datetime.date.fromisoformat(data)

                return latest_period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        latest_period_end = _parse_latest_period_end(d.pop("latest_period_end"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        objective_read = cls(
            id=id,
            key=key,
            title=title,
            description=description,
            requirement_refs=requirement_refs,
            metric=metric,
            unit=unit,
            target=target,
            direction=direction,
            owner_id=owner_id,
            due_date=due_date,
            frequency=frequency,
            status=status,
            latest_value=latest_value,
            latest_period_end=latest_period_end,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        objective_read.additional_properties = d
        return objective_read

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
