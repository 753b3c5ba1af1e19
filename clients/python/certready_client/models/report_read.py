from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportRead")


@_attrs_define
class ReportRead:
    """
    Attributes:
        id (UUID):
        key (str):
        definition_id (UUID):
        period_start (datetime.date):
        period_end (datetime.date):
        produced_on (datetime.date):
        evidence_item_id (None | UUID):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    definition_id: UUID
    period_start: datetime.date
    period_end: datetime.date
    produced_on: datetime.date
    evidence_item_id: None | UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        definition_id = str(self.definition_id)

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        produced_on = self.produced_on.isoformat()

        evidence_item_id: None | str
        if isinstance(self.evidence_item_id, UUID):
            evidence_item_id = str(self.evidence_item_id)
        else:
            evidence_item_id = self.evidence_item_id

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "definition_id": definition_id,
                "period_start": period_start,
                "period_end": period_end,
                "produced_on": produced_on,
                "evidence_item_id": evidence_item_id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        definition_id = UUID(d.pop("definition_id"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        produced_on = datetime.date.fromisoformat(d.pop("produced_on"))

        def _parse_evidence_item_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evidence_item_id_type_0 = UUID(data)

                return evidence_item_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        evidence_item_id = _parse_evidence_item_id(d.pop("evidence_item_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        report_read = cls(
            id=id,
            key=key,
            definition_id=definition_id,
            period_start=period_start,
            period_end=period_end,
            produced_on=produced_on,
            evidence_item_id=evidence_item_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        report_read.additional_properties = d
        return report_read

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
