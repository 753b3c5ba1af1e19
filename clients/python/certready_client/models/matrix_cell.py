from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cell_state import CellState

T = TypeVar("T", bound="MatrixCell")


@_attrs_define
class MatrixCell:
    """
    Attributes:
        course_id (UUID):
        state (CellState):
        required_by (list[str]): Role keys, or "awareness".
        completed_on (datetime.date | None):
        expires_on (datetime.date | None):
        evaluated (bool): A record of this course has an effectiveness evaluation.
    """

    course_id: UUID
    state: CellState
    required_by: list[str]
    completed_on: datetime.date | None
    expires_on: datetime.date | None
    evaluated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        course_id = str(self.course_id)

        state = self.state.value

        required_by = self.required_by

        completed_on: None | str
        if isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        expires_on: None | str
        if isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        evaluated = self.evaluated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "course_id": course_id,
                "state": state,
                "required_by": required_by,
                "completed_on": completed_on,
                "expires_on": expires_on,
                "evaluated": evaluated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        course_id = UUID(d.pop("course_id"))

        state = CellState(d.pop("state"))

        required_by = cast(list[str], d.pop("required_by"))

        def _parse_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_on = _parse_completed_on(d.pop("completed_on"))

        def _parse_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expires_on = _parse_expires_on(d.pop("expires_on"))

        evaluated = d.pop("evaluated")

        matrix_cell = cls(
            course_id=course_id,
            state=state,
            required_by=required_by,
            completed_on=completed_on,
            expires_on=expires_on,
            evaluated=evaluated,
        )

        matrix_cell.additional_properties = d
        return matrix_cell

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
