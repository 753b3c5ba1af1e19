from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_result import VerificationResult

T = TypeVar("T", bound="ConfigurationVerificationRead")


@_attrs_define
class ConfigurationVerificationRead:
    """
    Attributes:
        id (UUID):
        key (str):
        verified_on (datetime.date):
        sample_size (int):
        result (VerificationResult):
        notes (str):
        evidence_item_id (None | UUID):
        recorded_by_id (None | UUID):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    verified_on: datetime.date
    sample_size: int
    result: VerificationResult
    notes: str
    evidence_item_id: None | UUID
    recorded_by_id: None | UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        verified_on = self.verified_on.isoformat()

        sample_size = self.sample_size

        result = self.result.value

        notes = self.notes

        evidence_item_id: None | str
        if isinstance(self.evidence_item_id, UUID):
            evidence_item_id = str(self.evidence_item_id)
        else:
            evidence_item_id = self.evidence_item_id

        recorded_by_id: None | str
        if isinstance(self.recorded_by_id, UUID):
            recorded_by_id = str(self.recorded_by_id)
        else:
            recorded_by_id = self.recorded_by_id

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "verified_on": verified_on,
                "sample_size": sample_size,
                "result": result,
                "notes": notes,
                "evidence_item_id": evidence_item_id,
                "recorded_by_id": recorded_by_id,
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

        verified_on = datetime.date.fromisoformat(d.pop("verified_on"))

        sample_size = d.pop("sample_size")

        result = VerificationResult(d.pop("result"))

        notes = d.pop("notes")

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

        def _parse_recorded_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_by_id_type_0 = UUID(data)

                return recorded_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recorded_by_id = _parse_recorded_by_id(d.pop("recorded_by_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        configuration_verification_read = cls(
            id=id,
            key=key,
            verified_on=verified_on,
            sample_size=sample_size,
            result=result,
            notes=notes,
            evidence_item_id=evidence_item_id,
            recorded_by_id=recorded_by_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        configuration_verification_read.additional_properties = d
        return configuration_verification_read

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
