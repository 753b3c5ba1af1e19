from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attendee import Attendee
    from ..models.extra_topic import ExtraTopic


T = TypeVar("T", bound="ManagementReviewCreate")


@_attrs_define
class ManagementReviewCreate:
    """Plan a review; its inputs are pre-filled from the organisation's data now.

    Attributes:
        planned_date (datetime.date):
        title (str | Unset):  Default: 'Management review'.
        chair_id (None | Unset | UUID):
        chair_name (str | Unset):  Default: ''.
        attendees (list[Attendee] | Unset):
        agenda (str | Unset):  Default: ''.
        extra_topics (list[ExtraTopic] | Unset): Topics added to the twelve defaults for this review.
    """

    planned_date: datetime.date
    title: str | Unset = "Management review"
    chair_id: None | Unset | UUID = UNSET
    chair_name: str | Unset = ""
    attendees: list[Attendee] | Unset = UNSET
    agenda: str | Unset = ""
    extra_topics: list[ExtraTopic] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        planned_date = self.planned_date.isoformat()

        title = self.title

        chair_id: None | str | Unset
        if isinstance(self.chair_id, Unset):
            chair_id = UNSET
        elif isinstance(self.chair_id, UUID):
            chair_id = str(self.chair_id)
        else:
            chair_id = self.chair_id

        chair_name = self.chair_name

        attendees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attendees, Unset):
            attendees = []
            for attendees_item_data in self.attendees:
                attendees_item = attendees_item_data.to_dict()
                attendees.append(attendees_item)

        agenda = self.agenda

        extra_topics: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.extra_topics, Unset):
            extra_topics = []
            for extra_topics_item_data in self.extra_topics:
                extra_topics_item = extra_topics_item_data.to_dict()
                extra_topics.append(extra_topics_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "planned_date": planned_date,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if chair_id is not UNSET:
            field_dict["chair_id"] = chair_id
        if chair_name is not UNSET:
            field_dict["chair_name"] = chair_name
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if agenda is not UNSET:
            field_dict["agenda"] = agenda
        if extra_topics is not UNSET:
            field_dict["extra_topics"] = extra_topics

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendee import Attendee  # noqa: PLC0415
        from ..models.extra_topic import ExtraTopic  # noqa: PLC0415

        d = dict(src_dict)
        planned_date = datetime.date.fromisoformat(d.pop("planned_date"))

        title = d.pop("title", UNSET)

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

        chair_name = d.pop("chair_name", UNSET)

        _attendees = d.pop("attendees", UNSET)
        attendees: list[Attendee] | Unset = UNSET
        if _attendees is not UNSET:
            attendees = []
            for attendees_item_data in _attendees:
                attendees_item = Attendee.from_dict(attendees_item_data)

                attendees.append(attendees_item)

        agenda = d.pop("agenda", UNSET)

        _extra_topics = d.pop("extra_topics", UNSET)
        extra_topics: list[ExtraTopic] | Unset = UNSET
        if _extra_topics is not UNSET:
            extra_topics = []
            for extra_topics_item_data in _extra_topics:
                extra_topics_item = ExtraTopic.from_dict(extra_topics_item_data)

                extra_topics.append(extra_topics_item)

        management_review_create = cls(
            planned_date=planned_date,
            title=title,
            chair_id=chair_id,
            chair_name=chair_name,
            attendees=attendees,
            agenda=agenda,
            extra_topics=extra_topics,
        )

        return management_review_create
