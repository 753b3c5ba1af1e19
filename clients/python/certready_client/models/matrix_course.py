from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.course_kind import CourseKind

T = TypeVar("T", bound="MatrixCourse")


@_attrs_define
class MatrixCourse:
    """
    Attributes:
        id (UUID):
        title (str):
        kind (CourseKind):
        validity_months (int | None):
    """

    id: UUID
    title: str
    kind: CourseKind
    validity_months: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        kind = self.kind.value

        validity_months: int | None
        validity_months = self.validity_months

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "kind": kind,
                "validity_months": validity_months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        kind = CourseKind(d.pop("kind"))

        def _parse_validity_months(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        validity_months = _parse_validity_months(d.pop("validity_months"))

        matrix_course = cls(
            id=id,
            title=title,
            kind=kind,
            validity_months=validity_months,
        )

        matrix_course.additional_properties = d
        return matrix_course

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
