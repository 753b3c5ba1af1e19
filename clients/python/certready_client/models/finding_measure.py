from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.effectiveness_result import EffectivenessResult
from ..models.measure_status import MeasureStatus

T = TypeVar("T", bound="FindingMeasure")


@_attrs_define
class FindingMeasure:
    """A corrective measure linked to the finding, as the finding page lists it.

    Attributes:
        id (UUID):
        key (str):
        title (str):
        status (MeasureStatus):
        owner_id (None | UUID):
        due_date (datetime.date | None):
        overdue (bool):
        effectiveness_result (EffectivenessResult | None):
        closed_at (datetime.datetime | None):
    """

    id: UUID
    key: str
    title: str
    status: MeasureStatus
    owner_id: None | UUID
    due_date: datetime.date | None
    overdue: bool
    effectiveness_result: EffectivenessResult | None
    closed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        title = self.title

        status = self.status.value

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

        overdue = self.overdue

        effectiveness_result: None | str
        if isinstance(self.effectiveness_result, EffectivenessResult):
            effectiveness_result = self.effectiveness_result.value
        else:
            effectiveness_result = self.effectiveness_result

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "title": title,
                "status": status,
                "owner_id": owner_id,
                "due_date": due_date,
                "overdue": overdue,
                "effectiveness_result": effectiveness_result,
                "closed_at": closed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        title = d.pop("title")

        status = MeasureStatus(d.pop("status"))

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

        overdue = d.pop("overdue")

        def _parse_effectiveness_result(data: object) -> EffectivenessResult | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effectiveness_result_type_0 = EffectivenessResult(data)

                return effectiveness_result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EffectivenessResult | None, data)

        effectiveness_result = _parse_effectiveness_result(d.pop("effectiveness_result"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        finding_measure = cls(
            id=id,
            key=key,
            title=title,
            status=status,
            owner_id=owner_id,
            due_date=due_date,
            overdue=overdue,
            effectiveness_result=effectiveness_result,
            closed_at=closed_at,
        )

        finding_measure.additional_properties = d
        return finding_measure

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
