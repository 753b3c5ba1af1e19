from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.record_kind import RecordKind
from ..models.record_priority import RecordPriority
from ..types import UNSET, Unset

T = TypeVar("T", bound="SampleFilters")


@_attrs_define
class SampleFilters:
    """Which of the line's ITSM records form the population (``opened_*``: days, inclusive).

    Attributes:
        service_key (None | str | Unset):
        kind (None | RecordKind | Unset):
        priority (None | RecordPriority | Unset):
        opened_from (datetime.date | None | Unset):
        opened_to (datetime.date | None | Unset):
    """

    service_key: None | str | Unset = UNSET
    kind: None | RecordKind | Unset = UNSET
    priority: None | RecordPriority | Unset = UNSET
    opened_from: datetime.date | None | Unset = UNSET
    opened_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        service_key: None | str | Unset
        if isinstance(self.service_key, Unset):
            service_key = UNSET
        else:
            service_key = self.service_key

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, RecordKind):
            kind = self.kind.value
        else:
            kind = self.kind

        priority: None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        elif isinstance(self.priority, RecordPriority):
            priority = self.priority.value
        else:
            priority = self.priority

        opened_from: None | str | Unset
        if isinstance(self.opened_from, Unset):
            opened_from = UNSET
        elif isinstance(self.opened_from, datetime.date):
            opened_from = self.opened_from.isoformat()
        else:
            opened_from = self.opened_from

        opened_to: None | str | Unset
        if isinstance(self.opened_to, Unset):
            opened_to = UNSET
        elif isinstance(self.opened_to, datetime.date):
            opened_to = self.opened_to.isoformat()
        else:
            opened_to = self.opened_to

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if service_key is not UNSET:
            field_dict["service_key"] = service_key
        if kind is not UNSET:
            field_dict["kind"] = kind
        if priority is not UNSET:
            field_dict["priority"] = priority
        if opened_from is not UNSET:
            field_dict["opened_from"] = opened_from
        if opened_to is not UNSET:
            field_dict["opened_to"] = opened_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_service_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_key = _parse_service_key(d.pop("service_key", UNSET))

        def _parse_kind(data: object) -> None | RecordKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = RecordKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_priority(data: object) -> None | RecordPriority | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = RecordPriority(data)

                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordPriority | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_opened_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_from_type_0 = datetime.date.fromisoformat(data)

                return opened_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        opened_from = _parse_opened_from(d.pop("opened_from", UNSET))

        def _parse_opened_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_to_type_0 = datetime.date.fromisoformat(data)

                return opened_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        opened_to = _parse_opened_to(d.pop("opened_to", UNSET))

        sample_filters = cls(
            service_key=service_key,
            kind=kind,
            priority=priority,
            opened_from=opened_from,
            opened_to=opened_to,
        )

        return sample_filters
