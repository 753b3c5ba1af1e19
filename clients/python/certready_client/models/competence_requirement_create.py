from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CompetenceRequirementCreate")


@_attrs_define
class CompetenceRequirementCreate:
    """
    Attributes:
        role_key (str): An org role (`process_owner`) or an SMS role ("Change manager").
        course_id (UUID):
    """

    role_key: str
    course_id: UUID

    def to_dict(self) -> dict[str, Any]:
        role_key = self.role_key

        course_id = str(self.course_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role_key": role_key,
                "course_id": course_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role_key = d.pop("role_key")

        course_id = UUID(d.pop("course_id"))

        competence_requirement_create = cls(
            role_key=role_key,
            course_id=course_id,
        )

        return competence_requirement_create
