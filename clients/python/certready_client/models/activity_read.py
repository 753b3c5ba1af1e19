from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.activity_read_after_type_0 import ActivityReadAfterType0
    from ..models.activity_read_before_type_0 import ActivityReadBeforeType0


T = TypeVar("T", bound="ActivityRead")


@_attrs_define
class ActivityRead:
    """
    Attributes:
        id (UUID):
        at (datetime.datetime):
        occurred_on (datetime.date | None): The day the change says it happened (a past event stated by the user); `at`
            is when it was recorded.
        actor_id (None | UUID):
        actor_name (str):
        action (str):
        object_type (str):
        object_id (str):
        summary (str):
        before (ActivityReadBeforeType0 | None):
        after (ActivityReadAfterType0 | None):
    """

    id: UUID
    at: datetime.datetime
    occurred_on: datetime.date | None
    actor_id: None | UUID
    actor_name: str
    action: str
    object_type: str
    object_id: str
    summary: str
    before: ActivityReadBeforeType0 | None
    after: ActivityReadAfterType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.activity_read_after_type_0 import ActivityReadAfterType0  # noqa: PLC0415
        from ..models.activity_read_before_type_0 import ActivityReadBeforeType0  # noqa: PLC0415

        id = str(self.id)

        at = self.at.isoformat()

        occurred_on: None | str
        if isinstance(self.occurred_on, datetime.date):
            occurred_on = self.occurred_on.isoformat()
        else:
            occurred_on = self.occurred_on

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_name = self.actor_name

        action = self.action

        object_type = self.object_type

        object_id = self.object_id

        summary = self.summary

        before: dict[str, Any] | None
        if isinstance(self.before, ActivityReadBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, ActivityReadAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "occurred_on": occurred_on,
                "actor_id": actor_id,
                "actor_name": actor_name,
                "action": action,
                "object_type": object_type,
                "object_id": object_id,
                "summary": summary,
                "before": before,
                "after": after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_read_after_type_0 import ActivityReadAfterType0  # noqa: PLC0415
        from ..models.activity_read_before_type_0 import ActivityReadBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_occurred_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_on_type_0 = datetime.date.fromisoformat(data)

                return occurred_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        occurred_on = _parse_occurred_on(d.pop("occurred_on"))

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        actor_name = d.pop("actor_name")

        action = d.pop("action")

        object_type = d.pop("object_type")

        object_id = d.pop("object_id")

        summary = d.pop("summary")

        def _parse_before(data: object) -> ActivityReadBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = ActivityReadBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActivityReadBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> ActivityReadAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = ActivityReadAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActivityReadAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        activity_read = cls(
            id=id,
            at=at,
            occurred_on=occurred_on,
            actor_id=actor_id,
            actor_name=actor_name,
            action=action,
            object_type=object_type,
            object_id=object_id,
            summary=summary,
            before=before,
            after=after,
        )

        activity_read.additional_properties = d
        return activity_read

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
