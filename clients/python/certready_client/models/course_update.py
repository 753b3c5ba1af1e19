from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.course_kind import CourseKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CourseUpdate")


@_attrs_define
class CourseUpdate:
    """
    Attributes:
        title (None | str | Unset):
        description (None | str | Unset):
        validity_months (int | None | Unset):
        kind (CourseKind | None | Unset):
    """

    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    validity_months: int | None | Unset = UNSET
    kind: CourseKind | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        validity_months: int | None | Unset
        if isinstance(self.validity_months, Unset):
            validity_months = UNSET
        else:
            validity_months = self.validity_months

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, CourseKind):
            kind = self.kind.value
        else:
            kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
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

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_validity_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        validity_months = _parse_validity_months(d.pop("validity_months", UNSET))

        def _parse_kind(data: object) -> CourseKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = CourseKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CourseKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        course_update = cls(
            title=title,
            description=description,
            validity_months=validity_months,
            kind=kind,
        )

        return course_update
