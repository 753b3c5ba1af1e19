from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.matrix_course import MatrixCourse
    from ..models.matrix_coverage import MatrixCoverage
    from ..models.matrix_row import MatrixRow


T = TypeVar("T", bound="TrainingMatrix")


@_attrs_define
class TrainingMatrix:
    """
    Attributes:
        as_of (datetime.date):
        expiring_within_days (int):
        role (None | str):
        courses (list[MatrixCourse]):
        rows (list[MatrixRow]):
        coverage (MatrixCoverage):
    """

    as_of: datetime.date
    expiring_within_days: int
    role: None | str
    courses: list[MatrixCourse]
    rows: list[MatrixRow]
    coverage: MatrixCoverage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        expiring_within_days = self.expiring_within_days

        role: None | str
        role = self.role

        courses = []
        for courses_item_data in self.courses:
            courses_item = courses_item_data.to_dict()
            courses.append(courses_item)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        coverage = self.coverage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "expiring_within_days": expiring_within_days,
                "role": role,
                "courses": courses,
                "rows": rows,
                "coverage": coverage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matrix_course import MatrixCourse  # noqa: PLC0415
        from ..models.matrix_coverage import MatrixCoverage  # noqa: PLC0415
        from ..models.matrix_row import MatrixRow  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        expiring_within_days = d.pop("expiring_within_days")

        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))

        courses = []
        _courses = d.pop("courses")
        for courses_item_data in _courses:
            courses_item = MatrixCourse.from_dict(courses_item_data)

            courses.append(courses_item)

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = MatrixRow.from_dict(rows_item_data)

            rows.append(rows_item)

        coverage = MatrixCoverage.from_dict(d.pop("coverage"))

        training_matrix = cls(
            as_of=as_of,
            expiring_within_days=expiring_within_days,
            role=role,
            courses=courses,
            rows=rows,
            coverage=coverage,
        )

        training_matrix.additional_properties = d
        return training_matrix

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
