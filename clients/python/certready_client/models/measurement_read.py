from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MeasurementRead")


@_attrs_define
class MeasurementRead:
    """
    Attributes:
        id (UUID):
        objective_id (UUID):
        period_start (datetime.date):
        period_end (datetime.date):
        value (float):
        source (str):
        note (str):
        recorded_by_id (None | UUID):
        created_at (datetime.datetime):
    """

    id: UUID
    objective_id: UUID
    period_start: datetime.date
    period_end: datetime.date
    value: float
    source: str
    note: str
    recorded_by_id: None | UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        objective_id = str(self.objective_id)

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        value = self.value

        source = self.source

        note = self.note

        recorded_by_id: None | str
        if isinstance(self.recorded_by_id, UUID):
            recorded_by_id = str(self.recorded_by_id)
        else:
            recorded_by_id = self.recorded_by_id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "objective_id": objective_id,
                "period_start": period_start,
                "period_end": period_end,
                "value": value,
                "source": source,
                "note": note,
                "recorded_by_id": recorded_by_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        objective_id = UUID(d.pop("objective_id"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        value = d.pop("value")

        source = d.pop("source")

        note = d.pop("note")

        def _parse_recorded_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_by_id_type_0 = UUID(data)

                return recorded_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recorded_by_id = _parse_recorded_by_id(d.pop("recorded_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        measurement_read = cls(
            id=id,
            objective_id=objective_id,
            period_start=period_start,
            period_end=period_end,
            value=value,
            source=source,
            note=note,
            recorded_by_id=recorded_by_id,
            created_at=created_at,
        )

        measurement_read.additional_properties = d
        return measurement_read

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
