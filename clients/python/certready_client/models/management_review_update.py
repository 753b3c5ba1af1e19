from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attendee import Attendee


T = TypeVar("T", bound="ManagementReviewUpdate")


@_attrs_define
class ManagementReviewUpdate:
    """
    Attributes:
        title (None | str | Unset):
        planned_date (datetime.date | None | Unset):
        held_date (datetime.date | None | Unset):
        chair_id (None | Unset | UUID):
        chair_name (None | str | Unset):
        attendees (list[Attendee] | None | Unset):
        agenda (None | str | Unset):
        minutes_evidence_id (None | Unset | UUID): The evidence item holding the minutes (same organisation).
    """

    title: None | str | Unset = UNSET
    planned_date: datetime.date | None | Unset = UNSET
    held_date: datetime.date | None | Unset = UNSET
    chair_id: None | Unset | UUID = UNSET
    chair_name: None | str | Unset = UNSET
    attendees: list[Attendee] | None | Unset = UNSET
    agenda: None | str | Unset = UNSET
    minutes_evidence_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        planned_date: None | str | Unset
        if isinstance(self.planned_date, Unset):
            planned_date = UNSET
        elif isinstance(self.planned_date, datetime.date):
            planned_date = self.planned_date.isoformat()
        else:
            planned_date = self.planned_date

        held_date: None | str | Unset
        if isinstance(self.held_date, Unset):
            held_date = UNSET
        elif isinstance(self.held_date, datetime.date):
            held_date = self.held_date.isoformat()
        else:
            held_date = self.held_date

        chair_id: None | str | Unset
        if isinstance(self.chair_id, Unset):
            chair_id = UNSET
        elif isinstance(self.chair_id, UUID):
            chair_id = str(self.chair_id)
        else:
            chair_id = self.chair_id

        chair_name: None | str | Unset
        if isinstance(self.chair_name, Unset):
            chair_name = UNSET
        else:
            chair_name = self.chair_name

        attendees: list[dict[str, Any]] | None | Unset
        if isinstance(self.attendees, Unset):
            attendees = UNSET
        elif isinstance(self.attendees, list):
            attendees = []
            for attendees_type_0_item_data in self.attendees:
                attendees_type_0_item = attendees_type_0_item_data.to_dict()
                attendees.append(attendees_type_0_item)

        else:
            attendees = self.attendees

        agenda: None | str | Unset
        if isinstance(self.agenda, Unset):
            agenda = UNSET
        else:
            agenda = self.agenda

        minutes_evidence_id: None | str | Unset
        if isinstance(self.minutes_evidence_id, Unset):
            minutes_evidence_id = UNSET
        elif isinstance(self.minutes_evidence_id, UUID):
            minutes_evidence_id = str(self.minutes_evidence_id)
        else:
            minutes_evidence_id = self.minutes_evidence_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if planned_date is not UNSET:
            field_dict["planned_date"] = planned_date
        if held_date is not UNSET:
            field_dict["held_date"] = held_date
        if chair_id is not UNSET:
            field_dict["chair_id"] = chair_id
        if chair_name is not UNSET:
            field_dict["chair_name"] = chair_name
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if agenda is not UNSET:
            field_dict["agenda"] = agenda
        if minutes_evidence_id is not UNSET:
            field_dict["minutes_evidence_id"] = minutes_evidence_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendee import Attendee  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_planned_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_date_type_0 = datetime.date.fromisoformat(data)

                return planned_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_date = _parse_planned_date(d.pop("planned_date", UNSET))

        def _parse_held_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_date_type_0 = datetime.date.fromisoformat(data)

                return held_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        held_date = _parse_held_date(d.pop("held_date", UNSET))

        def _parse_chair_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                chair_id_type_0 = UUID(data)

                return chair_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        chair_id = _parse_chair_id(d.pop("chair_id", UNSET))

        def _parse_chair_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chair_name = _parse_chair_name(d.pop("chair_name", UNSET))

        def _parse_attendees(data: object) -> list[Attendee] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attendees_type_0 = []
                _attendees_type_0 = data
                for attendees_type_0_item_data in _attendees_type_0:
                    attendees_type_0_item = Attendee.from_dict(attendees_type_0_item_data)

                    attendees_type_0.append(attendees_type_0_item)

                return attendees_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Attendee] | None | Unset, data)

        attendees = _parse_attendees(d.pop("attendees", UNSET))

        def _parse_agenda(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agenda = _parse_agenda(d.pop("agenda", UNSET))

        def _parse_minutes_evidence_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                minutes_evidence_id_type_0 = UUID(data)

                return minutes_evidence_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        minutes_evidence_id = _parse_minutes_evidence_id(d.pop("minutes_evidence_id", UNSET))

        management_review_update = cls(
            title=title,
            planned_date=planned_date,
            held_date=held_date,
            chair_id=chair_id,
            chair_name=chair_name,
            attendees=attendees,
            agenda=agenda,
            minutes_evidence_id=minutes_evidence_id,
        )

        return management_review_update
