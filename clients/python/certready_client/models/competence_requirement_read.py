from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CompetenceRequirementRead")


@_attrs_define
class CompetenceRequirementRead:
    """
    Attributes:
        id (UUID):
        role_key (str):
        course_id (UUID):
        created_at (datetime.datetime):
    """

    id: UUID
    role_key: str
    course_id: UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        role_key = self.role_key

        course_id = str(self.course_id)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "role_key": role_key,
                "course_id": course_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        role_key = d.pop("role_key")

        course_id = UUID(d.pop("course_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        competence_requirement_read = cls(
            id=id,
            role_key=role_key,
            course_id=course_id,
            created_at=created_at,
        )

        competence_requirement_read.additional_properties = d
        return competence_requirement_read

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
