from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.record_kind import RecordKind
from ..models.record_priority import RecordPriority
from ..models.record_status import RecordStatus

T = TypeVar("T", bound="PreviewRecord")


@_attrs_define
class PreviewRecord:
    """What a delivery would become under the rules tried.

    Attributes:
        external_key (None | str):
        kind (RecordKind):
        clause (None | str):
        service_key (None | str):
        title (str):
        status (RecordStatus):
        priority (None | RecordPriority):
    """

    external_key: None | str
    kind: RecordKind
    clause: None | str
    service_key: None | str
    title: str
    status: RecordStatus
    priority: None | RecordPriority
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_key: None | str
        external_key = self.external_key

        kind = self.kind.value

        clause: None | str
        clause = self.clause

        service_key: None | str
        service_key = self.service_key

        title = self.title

        status = self.status.value

        priority: None | str
        if isinstance(self.priority, RecordPriority):
            priority = self.priority.value
        else:
            priority = self.priority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_key": external_key,
                "kind": kind,
                "clause": clause,
                "service_key": service_key,
                "title": title,
                "status": status,
                "priority": priority,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_external_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_key = _parse_external_key(d.pop("external_key"))

        kind = RecordKind(d.pop("kind"))

        def _parse_clause(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clause = _parse_clause(d.pop("clause"))

        def _parse_service_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_key = _parse_service_key(d.pop("service_key"))

        title = d.pop("title")

        status = RecordStatus(d.pop("status"))

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

        preview_record = cls(
            external_key=external_key,
            kind=kind,
            clause=clause,
            service_key=service_key,
            title=title,
            status=status,
            priority=priority,
        )

        preview_record.additional_properties = d
        return preview_record

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
