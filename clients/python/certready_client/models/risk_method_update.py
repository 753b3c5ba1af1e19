from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskMethodUpdate")


@_attrs_define
class RiskMethodUpdate:
    """A partial change; ``approved_on`` records the approval (a date it occurred, by you).
    A change of the scales, levels, matrix or criteria without ``approved_on`` withdraws
    an earlier approval.

        Attributes:
            likelihood_scale (list[str] | None | Unset):
            impact_scale (list[str] | None | Unset):
            levels (list[str] | None | Unset):
            matrix (list[list[str]] | None | Unset):
            acceptance_criteria (None | str | Unset):
            acceptable_levels (list[str] | None | Unset):
            approved_on (datetime.date | None | Unset):
    """

    likelihood_scale: list[str] | None | Unset = UNSET
    impact_scale: list[str] | None | Unset = UNSET
    levels: list[str] | None | Unset = UNSET
    matrix: list[list[str]] | None | Unset = UNSET
    acceptance_criteria: None | str | Unset = UNSET
    acceptable_levels: list[str] | None | Unset = UNSET
    approved_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        likelihood_scale: list[str] | None | Unset
        if isinstance(self.likelihood_scale, Unset):
            likelihood_scale = UNSET
        elif isinstance(self.likelihood_scale, list):
            likelihood_scale = self.likelihood_scale

        else:
            likelihood_scale = self.likelihood_scale

        impact_scale: list[str] | None | Unset
        if isinstance(self.impact_scale, Unset):
            impact_scale = UNSET
        elif isinstance(self.impact_scale, list):
            impact_scale = self.impact_scale

        else:
            impact_scale = self.impact_scale

        levels: list[str] | None | Unset
        if isinstance(self.levels, Unset):
            levels = UNSET
        elif isinstance(self.levels, list):
            levels = self.levels

        else:
            levels = self.levels

        matrix: list[list[str]] | None | Unset
        if isinstance(self.matrix, Unset):
            matrix = UNSET
        elif isinstance(self.matrix, list):
            matrix = []
            for matrix_type_0_item_data in self.matrix:
                matrix_type_0_item = matrix_type_0_item_data

                matrix.append(matrix_type_0_item)

        else:
            matrix = self.matrix

        acceptance_criteria: None | str | Unset
        if isinstance(self.acceptance_criteria, Unset):
            acceptance_criteria = UNSET
        else:
            acceptance_criteria = self.acceptance_criteria

        acceptable_levels: list[str] | None | Unset
        if isinstance(self.acceptable_levels, Unset):
            acceptable_levels = UNSET
        elif isinstance(self.acceptable_levels, list):
            acceptable_levels = self.acceptable_levels

        else:
            acceptable_levels = self.acceptable_levels

        approved_on: None | str | Unset
        if isinstance(self.approved_on, Unset):
            approved_on = UNSET
        elif isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if likelihood_scale is not UNSET:
            field_dict["likelihood_scale"] = likelihood_scale
        if impact_scale is not UNSET:
            field_dict["impact_scale"] = impact_scale
        if levels is not UNSET:
            field_dict["levels"] = levels
        if matrix is not UNSET:
            field_dict["matrix"] = matrix
        if acceptance_criteria is not UNSET:
            field_dict["acceptance_criteria"] = acceptance_criteria
        if acceptable_levels is not UNSET:
            field_dict["acceptable_levels"] = acceptable_levels
        if approved_on is not UNSET:
            field_dict["approved_on"] = approved_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_likelihood_scale(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                likelihood_scale_type_0 = cast(list[str], data)

                return likelihood_scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        likelihood_scale = _parse_likelihood_scale(d.pop("likelihood_scale", UNSET))

        def _parse_impact_scale(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                impact_scale_type_0 = cast(list[str], data)

                return impact_scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        impact_scale = _parse_impact_scale(d.pop("impact_scale", UNSET))

        def _parse_levels(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                levels_type_0 = cast(list[str], data)

                return levels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        levels = _parse_levels(d.pop("levels", UNSET))

        def _parse_matrix(data: object) -> list[list[str]] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                matrix_type_0 = []
                _matrix_type_0 = data
                for matrix_type_0_item_data in _matrix_type_0:
                    matrix_type_0_item = cast(list[str], matrix_type_0_item_data)

                    matrix_type_0.append(matrix_type_0_item)

                return matrix_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[list[str]] | None | Unset, data)

        matrix = _parse_matrix(d.pop("matrix", UNSET))

        def _parse_acceptance_criteria(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acceptance_criteria = _parse_acceptance_criteria(d.pop("acceptance_criteria", UNSET))

        def _parse_acceptable_levels(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                acceptable_levels_type_0 = cast(list[str], data)

                return acceptable_levels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        acceptable_levels = _parse_acceptable_levels(d.pop("acceptable_levels", UNSET))

        def _parse_approved_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        approved_on = _parse_approved_on(d.pop("approved_on", UNSET))

        risk_method_update = cls(
            likelihood_scale=likelihood_scale,
            impact_scale=impact_scale,
            levels=levels,
            matrix=matrix,
            acceptance_criteria=acceptance_criteria,
            acceptable_levels=acceptable_levels,
            approved_on=approved_on,
        )

        return risk_method_update
