from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EvidenceVersionRead")


@_attrs_define
class EvidenceVersionRead:
    """
    Attributes:
        evidence_id (UUID):
        number (int):
        sha256 (str):
        size (int):
        media_type (str):
        filename (str):
        uploaded_by (None | UUID):
        uploaded_at (datetime.datetime):
    """

    evidence_id: UUID
    number: int
    sha256: str
    size: int
    media_type: str
    filename: str
    uploaded_by: None | UUID
    uploaded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        evidence_id = str(self.evidence_id)

        number = self.number

        sha256 = self.sha256

        size = self.size

        media_type = self.media_type

        filename = self.filename

        uploaded_by: None | str
        if isinstance(self.uploaded_by, UUID):
            uploaded_by = str(self.uploaded_by)
        else:
            uploaded_by = self.uploaded_by

        uploaded_at = self.uploaded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "evidence_id": evidence_id,
                "number": number,
                "sha256": sha256,
                "size": size,
                "media_type": media_type,
                "filename": filename,
                "uploaded_by": uploaded_by,
                "uploaded_at": uploaded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        evidence_id = UUID(d.pop("evidence_id"))

        number = d.pop("number")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        media_type = d.pop("media_type")

        filename = d.pop("filename")

        def _parse_uploaded_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                uploaded_by_type_0 = UUID(data)

                return uploaded_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        uploaded_by = _parse_uploaded_by(d.pop("uploaded_by"))

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        evidence_version_read = cls(
            evidence_id=evidence_id,
            number=number,
            sha256=sha256,
            size=size,
            media_type=media_type,
            filename=filename,
            uploaded_by=uploaded_by,
            uploaded_at=uploaded_at,
        )

        evidence_version_read.additional_properties = d
        return evidence_version_read

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
