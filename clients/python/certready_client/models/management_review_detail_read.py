from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_status import EvidenceStatus
from ..models.review_status import ReviewStatus

if TYPE_CHECKING:
    from ..models.attendee import Attendee
    from ..models.management_review_action_read import ManagementReviewActionRead
    from ..models.management_review_decision_read import ManagementReviewDecisionRead
    from ..models.management_review_detail_read_snapshot import ManagementReviewDetailReadSnapshot
    from ..models.management_review_input_read import ManagementReviewInputRead


T = TypeVar("T", bound="ManagementReviewDetailRead")


@_attrs_define
class ManagementReviewDetailRead:
    """
    Attributes:
        id (UUID):
        key (str):
        title (str):
        status (ReviewStatus):
        allowed_transitions (list[ReviewStatus]):
        planned_date (datetime.date):
        held_date (datetime.date | None):
        chair_id (None | UUID):
        chair_name (str):
        attendees (list[Attendee]):
        agenda (str):
        minutes_evidence_id (None | UUID):
        since_date (datetime.date | None):
        held_at (datetime.datetime | None):
        minutes_approved_at (datetime.datetime | None):
        minutes_approved_on (datetime.date | None): The day the minutes were approved (as stated).
        cancelled_at (datetime.datetime | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        minutes_status (EvidenceStatus | None):
        uncovered_topics (list[str]):
        snapshot_at (datetime.datetime):
        snapshot (ManagementReviewDetailReadSnapshot): Data pre-filled at creation: kept as reviewed, never recomputed.
        inputs (list[ManagementReviewInputRead]):
        decisions (list[ManagementReviewDecisionRead]):
        actions (list[ManagementReviewActionRead]):
    """

    id: UUID
    key: str
    title: str
    status: ReviewStatus
    allowed_transitions: list[ReviewStatus]
    planned_date: datetime.date
    held_date: datetime.date | None
    chair_id: None | UUID
    chair_name: str
    attendees: list[Attendee]
    agenda: str
    minutes_evidence_id: None | UUID
    since_date: datetime.date | None
    held_at: datetime.datetime | None
    minutes_approved_at: datetime.datetime | None
    minutes_approved_on: datetime.date | None
    cancelled_at: datetime.datetime | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    minutes_status: EvidenceStatus | None
    uncovered_topics: list[str]
    snapshot_at: datetime.datetime
    snapshot: ManagementReviewDetailReadSnapshot
    inputs: list[ManagementReviewInputRead]
    decisions: list[ManagementReviewDecisionRead]
    actions: list[ManagementReviewActionRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        title = self.title

        status = self.status.value

        allowed_transitions = []
        for allowed_transitions_item_data in self.allowed_transitions:
            allowed_transitions_item = allowed_transitions_item_data.value
            allowed_transitions.append(allowed_transitions_item)

        planned_date = self.planned_date.isoformat()

        held_date: None | str
        if isinstance(self.held_date, datetime.date):
            held_date = self.held_date.isoformat()
        else:
            held_date = self.held_date

        chair_id: None | str
        if isinstance(self.chair_id, UUID):
            chair_id = str(self.chair_id)
        else:
            chair_id = self.chair_id

        chair_name = self.chair_name

        attendees = []
        for attendees_item_data in self.attendees:
            attendees_item = attendees_item_data.to_dict()
            attendees.append(attendees_item)

        agenda = self.agenda

        minutes_evidence_id: None | str
        if isinstance(self.minutes_evidence_id, UUID):
            minutes_evidence_id = str(self.minutes_evidence_id)
        else:
            minutes_evidence_id = self.minutes_evidence_id

        since_date: None | str
        if isinstance(self.since_date, datetime.date):
            since_date = self.since_date.isoformat()
        else:
            since_date = self.since_date

        held_at: None | str
        if isinstance(self.held_at, datetime.datetime):
            held_at = self.held_at.isoformat()
        else:
            held_at = self.held_at

        minutes_approved_at: None | str
        if isinstance(self.minutes_approved_at, datetime.datetime):
            minutes_approved_at = self.minutes_approved_at.isoformat()
        else:
            minutes_approved_at = self.minutes_approved_at

        minutes_approved_on: None | str
        if isinstance(self.minutes_approved_on, datetime.date):
            minutes_approved_on = self.minutes_approved_on.isoformat()
        else:
            minutes_approved_on = self.minutes_approved_on

        cancelled_at: None | str
        if isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        minutes_status: None | str
        if isinstance(self.minutes_status, EvidenceStatus):
            minutes_status = self.minutes_status.value
        else:
            minutes_status = self.minutes_status

        uncovered_topics = self.uncovered_topics

        snapshot_at = self.snapshot_at.isoformat()

        snapshot = self.snapshot.to_dict()

        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)

        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "title": title,
                "status": status,
                "allowed_transitions": allowed_transitions,
                "planned_date": planned_date,
                "held_date": held_date,
                "chair_id": chair_id,
                "chair_name": chair_name,
                "attendees": attendees,
                "agenda": agenda,
                "minutes_evidence_id": minutes_evidence_id,
                "since_date": since_date,
                "held_at": held_at,
                "minutes_approved_at": minutes_approved_at,
                "minutes_approved_on": minutes_approved_on,
                "cancelled_at": cancelled_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "minutes_status": minutes_status,
                "uncovered_topics": uncovered_topics,
                "snapshot_at": snapshot_at,
                "snapshot": snapshot,
                "inputs": inputs,
                "decisions": decisions,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendee import Attendee  # noqa: PLC0415
        from ..models.management_review_action_read import ManagementReviewActionRead  # noqa: PLC0415
        from ..models.management_review_decision_read import ManagementReviewDecisionRead  # noqa: PLC0415
        from ..models.management_review_detail_read_snapshot import (
            ManagementReviewDetailReadSnapshot,  # noqa: PLC0415
        )
        from ..models.management_review_input_read import ManagementReviewInputRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        title = d.pop("title")

        status = ReviewStatus(d.pop("status"))

        allowed_transitions = []
        _allowed_transitions = d.pop("allowed_transitions")
        for allowed_transitions_item_data in _allowed_transitions:
            allowed_transitions_item = ReviewStatus(allowed_transitions_item_data)

            allowed_transitions.append(allowed_transitions_item)

        planned_date = datetime.date.fromisoformat(d.pop("planned_date"))

        def _parse_held_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_date_type_0 = datetime.date.fromisoformat(data)

                return held_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        held_date = _parse_held_date(d.pop("held_date"))

        def _parse_chair_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                chair_id_type_0 = UUID(data)

                return chair_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        chair_id = _parse_chair_id(d.pop("chair_id"))

        chair_name = d.pop("chair_name")

        attendees = []
        _attendees = d.pop("attendees")
        for attendees_item_data in _attendees:
            attendees_item = Attendee.from_dict(attendees_item_data)

            attendees.append(attendees_item)

        agenda = d.pop("agenda")

        def _parse_minutes_evidence_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                minutes_evidence_id_type_0 = UUID(data)

                return minutes_evidence_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        minutes_evidence_id = _parse_minutes_evidence_id(d.pop("minutes_evidence_id"))

        def _parse_since_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_date_type_0 = datetime.date.fromisoformat(data)

                return since_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        since_date = _parse_since_date(d.pop("since_date"))

        def _parse_held_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_at_type_0 = datetime.datetime.fromisoformat(data)

                return held_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        held_at = _parse_held_at(d.pop("held_at"))

        def _parse_minutes_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                minutes_approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return minutes_approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        minutes_approved_at = _parse_minutes_approved_at(d.pop("minutes_approved_at"))

        def _parse_minutes_approved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                minutes_approved_on_type_0 = datetime.date.fromisoformat(data)

                return minutes_approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        minutes_approved_on = _parse_minutes_approved_on(d.pop("minutes_approved_on"))

        def _parse_cancelled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_minutes_status(data: object) -> EvidenceStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                minutes_status_type_0 = EvidenceStatus(data)

                return minutes_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvidenceStatus | None, data)

        minutes_status = _parse_minutes_status(d.pop("minutes_status"))

        uncovered_topics = cast(list[str], d.pop("uncovered_topics"))

        snapshot_at = datetime.datetime.fromisoformat(d.pop("snapshot_at"))

        snapshot = ManagementReviewDetailReadSnapshot.from_dict(d.pop("snapshot"))

        inputs = []
        _inputs = d.pop("inputs")
        for inputs_item_data in _inputs:
            inputs_item = ManagementReviewInputRead.from_dict(inputs_item_data)

            inputs.append(inputs_item)

        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = ManagementReviewDecisionRead.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ManagementReviewActionRead.from_dict(actions_item_data)

            actions.append(actions_item)

        management_review_detail_read = cls(
            id=id,
            key=key,
            title=title,
            status=status,
            allowed_transitions=allowed_transitions,
            planned_date=planned_date,
            held_date=held_date,
            chair_id=chair_id,
            chair_name=chair_name,
            attendees=attendees,
            agenda=agenda,
            minutes_evidence_id=minutes_evidence_id,
            since_date=since_date,
            held_at=held_at,
            minutes_approved_at=minutes_approved_at,
            minutes_approved_on=minutes_approved_on,
            cancelled_at=cancelled_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            minutes_status=minutes_status,
            uncovered_topics=uncovered_topics,
            snapshot_at=snapshot_at,
            snapshot=snapshot,
            inputs=inputs,
            decisions=decisions,
            actions=actions,
        )

        management_review_detail_read.additional_properties = d
        return management_review_detail_read

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
