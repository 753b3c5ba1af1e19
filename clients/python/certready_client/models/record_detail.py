from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.record_kind import RecordKind
from ..models.record_priority import RecordPriority
from ..models.record_status import RecordStatus
from ..models.source_type import SourceType

if TYPE_CHECKING:
    from ..models.delivery_read import DeliveryRead


T = TypeVar("T", bound="RecordDetail")


@_attrs_define
class RecordDetail:
    """
    Attributes:
        id (UUID):
        integration_id (UUID):
        source (SourceType):
        external_id (str):
        external_key (None | str):
        kind (RecordKind):
        kind_raw (None | str):
        clause (None | str):
        title (str):
        status (RecordStatus):
        status_raw (None | str):
        priority (None | RecordPriority):
        priority_raw (None | str):
        opened_at (datetime.datetime | None):
        resolved_at (datetime.datetime | None):
        closed_at (datetime.datetime | None):
        service_key (None | str):
        assignment_group (None | str):
        change_counter (int | None):
        source_updated_at (datetime.datetime | None):
        delivery_count (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        history (list[DeliveryRead]):
    """

    id: UUID
    integration_id: UUID
    source: SourceType
    external_id: str
    external_key: None | str
    kind: RecordKind
    kind_raw: None | str
    clause: None | str
    title: str
    status: RecordStatus
    status_raw: None | str
    priority: None | RecordPriority
    priority_raw: None | str
    opened_at: datetime.datetime | None
    resolved_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    service_key: None | str
    assignment_group: None | str
    change_counter: int | None
    source_updated_at: datetime.datetime | None
    delivery_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    history: list[DeliveryRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        integration_id = str(self.integration_id)

        source = self.source.value

        external_id = self.external_id

        external_key: None | str
        external_key = self.external_key

        kind = self.kind.value

        kind_raw: None | str
        kind_raw = self.kind_raw

        clause: None | str
        clause = self.clause

        title = self.title

        status = self.status.value

        status_raw: None | str
        status_raw = self.status_raw

        priority: None | str
        if isinstance(self.priority, RecordPriority):
            priority = self.priority.value
        else:
            priority = self.priority

        priority_raw: None | str
        priority_raw = self.priority_raw

        opened_at: None | str
        if isinstance(self.opened_at, datetime.datetime):
            opened_at = self.opened_at.isoformat()
        else:
            opened_at = self.opened_at

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        service_key: None | str
        service_key = self.service_key

        assignment_group: None | str
        assignment_group = self.assignment_group

        change_counter: int | None
        change_counter = self.change_counter

        source_updated_at: None | str
        if isinstance(self.source_updated_at, datetime.datetime):
            source_updated_at = self.source_updated_at.isoformat()
        else:
            source_updated_at = self.source_updated_at

        delivery_count = self.delivery_count

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "integration_id": integration_id,
                "source": source,
                "external_id": external_id,
                "external_key": external_key,
                "kind": kind,
                "kind_raw": kind_raw,
                "clause": clause,
                "title": title,
                "status": status,
                "status_raw": status_raw,
                "priority": priority,
                "priority_raw": priority_raw,
                "opened_at": opened_at,
                "resolved_at": resolved_at,
                "closed_at": closed_at,
                "service_key": service_key,
                "assignment_group": assignment_group,
                "change_counter": change_counter,
                "source_updated_at": source_updated_at,
                "delivery_count": delivery_count,
                "created_at": created_at,
                "updated_at": updated_at,
                "history": history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_read import DeliveryRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        integration_id = UUID(d.pop("integration_id"))

        source = SourceType(d.pop("source"))

        external_id = d.pop("external_id")

        def _parse_external_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_key = _parse_external_key(d.pop("external_key"))

        kind = RecordKind(d.pop("kind"))

        def _parse_kind_raw(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kind_raw = _parse_kind_raw(d.pop("kind_raw"))

        def _parse_clause(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clause = _parse_clause(d.pop("clause"))

        title = d.pop("title")

        status = RecordStatus(d.pop("status"))

        def _parse_status_raw(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_raw = _parse_status_raw(d.pop("status_raw"))

        def _parse_priority(data: object) -> None | RecordPriority:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = RecordPriority(data)

                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordPriority, data)

        priority = _parse_priority(d.pop("priority"))

        def _parse_priority_raw(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        priority_raw = _parse_priority_raw(d.pop("priority_raw"))

        def _parse_opened_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_at_type_0 = datetime.datetime.fromisoformat(data)

                return opened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        opened_at = _parse_opened_at(d.pop("opened_at"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

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

        def _parse_service_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_key = _parse_service_key(d.pop("service_key"))

        def _parse_assignment_group(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assignment_group = _parse_assignment_group(d.pop("assignment_group"))

        def _parse_change_counter(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        change_counter = _parse_change_counter(d.pop("change_counter"))

        def _parse_source_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return source_updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        source_updated_at = _parse_source_updated_at(d.pop("source_updated_at"))

        delivery_count = d.pop("delivery_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = DeliveryRead.from_dict(history_item_data)

            history.append(history_item)

        record_detail = cls(
            id=id,
            integration_id=integration_id,
            source=source,
            external_id=external_id,
            external_key=external_key,
            kind=kind,
            kind_raw=kind_raw,
            clause=clause,
            title=title,
            status=status,
            status_raw=status_raw,
            priority=priority,
            priority_raw=priority_raw,
            opened_at=opened_at,
            resolved_at=resolved_at,
            closed_at=closed_at,
            service_key=service_key,
            assignment_group=assignment_group,
            change_counter=change_counter,
            source_updated_at=source_updated_at,
            delivery_count=delivery_count,
            created_at=created_at,
            updated_at=updated_at,
            history=history,
        )

        record_detail.additional_properties = d
        return record_detail

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
