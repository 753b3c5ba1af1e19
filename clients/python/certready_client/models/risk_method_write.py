from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskMethodWrite")


@_attrs_define
class RiskMethodWrite:
    """The whole method: scales (lowest first), levels (lowest first), the level matrix
    (``matrix[likelihood - 1][impact - 1]``) and the acceptance criteria.

        Attributes:
            likelihood_scale (list[str]):
            impact_scale (list[str]):
            levels (list[str]):
            matrix (list[list[str]]):
            acceptance_criteria (str | Unset):  Default: ''.
            acceptable_levels (list[str] | Unset):
    """

    likelihood_scale: list[str]
    impact_scale: list[str]
    levels: list[str]
    matrix: list[list[str]]
    acceptance_criteria: str | Unset = ""
    acceptable_levels: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        likelihood_scale = self.likelihood_scale

        impact_scale = self.impact_scale

        levels = self.levels

        matrix = []
        for matrix_item_data in self.matrix:
            matrix_item = matrix_item_data

            matrix.append(matrix_item)

        acceptance_criteria = self.acceptance_criteria

        acceptable_levels: list[str] | Unset = UNSET
        if not isinstance(self.acceptable_levels, Unset):
            acceptable_levels = self.acceptable_levels

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "likelihood_scale": likelihood_scale,
                "impact_scale": impact_scale,
                "levels": levels,
                "matrix": matrix,
            }
        )
        if acceptance_criteria is not UNSET:
            field_dict["acceptance_criteria"] = acceptance_criteria
        if acceptable_levels is not UNSET:
            field_dict["acceptable_levels"] = acceptable_levels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        likelihood_scale = cast(list[str], d.pop("likelihood_scale"))

        impact_scale = cast(list[str], d.pop("impact_scale"))

        levels = cast(list[str], d.pop("levels"))

        matrix = []
        _matrix = d.pop("matrix")
        for matrix_item_data in _matrix:
            matrix_item = cast(list[str], matrix_item_data)

            matrix.append(matrix_item)

        acceptance_criteria = d.pop("acceptance_criteria", UNSET)

        acceptable_levels = cast(list[str], d.pop("acceptable_levels", UNSET))

        risk_method_write = cls(
            likelihood_scale=likelihood_scale,
            impact_scale=impact_scale,
            levels=levels,
            matrix=matrix,
            acceptance_criteria=acceptance_criteria,
            acceptable_levels=acceptable_levels,
        )

        return risk_method_write
