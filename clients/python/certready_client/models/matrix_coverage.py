from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.coverage import Coverage
    from ..models.role_coverage import RoleCoverage


T = TypeVar("T", bound="MatrixCoverage")


@_attrs_define
class MatrixCoverage:
    """
    Attributes:
        overall (Coverage):
        awareness (Coverage):
        roles (list[RoleCoverage]):
    """

    overall: Coverage
    awareness: Coverage
    roles: list[RoleCoverage]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        overall = self.overall.to_dict()

        awareness = self.awareness.to_dict()

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.to_dict()
            roles.append(roles_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "overall": overall,
                "awareness": awareness,
                "roles": roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coverage import Coverage  # noqa: PLC0415
        from ..models.role_coverage import RoleCoverage  # noqa: PLC0415

        d = dict(src_dict)
        overall = Coverage.from_dict(d.pop("overall"))

        awareness = Coverage.from_dict(d.pop("awareness"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = RoleCoverage.from_dict(roles_item_data)

            roles.append(roles_item)

        matrix_coverage = cls(
            overall=overall,
            awareness=awareness,
            roles=roles,
        )

        matrix_coverage.additional_properties = d
        return matrix_coverage

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
