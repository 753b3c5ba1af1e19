from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.course_kind import CourseKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CourseCreate")


@_attrs_define
class CourseCreate:
    """
    Attributes:
        title (str):
        description (str | Unset):  Default: ''.
        validity_months (int | None | Unset):
        kind (CourseKind | Unset):
    """

    title: str
    description: str | Unset = ""
    validity_months: int | None | Unset = UNSET
    kind: CourseKind | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        validity_months: int | None | Unset
        if isinstance(self.validity_months, Unset):
            validity_months = UNSET
        else:
            validity_months = self.validity_months

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if validity_months is not UNSET:
            field_dict["validity_months"] = validity_months
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description", UNSET)

        def _parse_validity_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        validity_months = _parse_validity_months(d.pop("validity_months", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: CourseKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = CourseKind(_kind)

        course_create = cls(
            title=title,
            description=description,
            validity_months=validity_months,
            kind=kind,
        )

        return course_create
