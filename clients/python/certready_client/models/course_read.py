from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.course_kind import CourseKind

T = TypeVar("T", bound="CourseRead")


@_attrs_define
class CourseRead:
    """
    Attributes:
        id (UUID):
        title (str):
        description (str):
        validity_months (int | None):
        kind (CourseKind):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    title: str
    description: str
    validity_months: int | None
    kind: CourseKind
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        description = self.description

        validity_months: int | None
        validity_months = self.validity_months

        kind = self.kind.value

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "description": description,
                "validity_months": validity_months,
                "kind": kind,
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

        title = d.pop("title")

        description = d.pop("description")

        def _parse_validity_months(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        validity_months = _parse_validity_months(d.pop("validity_months"))

        kind = CourseKind(d.pop("kind"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        course_read = cls(
            id=id,
            title=title,
            description=description,
            validity_months=validity_months,
            kind=kind,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        course_read.additional_properties = d
        return course_read

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
