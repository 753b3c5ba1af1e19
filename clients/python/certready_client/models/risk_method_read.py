from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RiskMethodRead")


@_attrs_define
class RiskMethodRead:
    """
    Attributes:
        id (UUID):
        likelihood_scale (list[str]):
        impact_scale (list[str]):
        levels (list[str]):
        matrix (list[list[str]]):
        acceptance_criteria (str):
        acceptable_levels (list[str]):
        approved (bool):
        approved_on (datetime.date | None):
        approved_by_id (None | UUID):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    likelihood_scale: list[str]
    impact_scale: list[str]
    levels: list[str]
    matrix: list[list[str]]
    acceptance_criteria: str
    acceptable_levels: list[str]
    approved: bool
    approved_on: datetime.date | None
    approved_by_id: None | UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        likelihood_scale = self.likelihood_scale

        impact_scale = self.impact_scale

        levels = self.levels

        matrix = []
        for matrix_item_data in self.matrix:
            matrix_item = matrix_item_data

            matrix.append(matrix_item)

        acceptance_criteria = self.acceptance_criteria

        acceptable_levels = self.acceptable_levels

        approved = self.approved

        approved_on: None | str
        if isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        approved_by_id: None | str
        if isinstance(self.approved_by_id, UUID):
            approved_by_id = str(self.approved_by_id)
        else:
            approved_by_id = self.approved_by_id

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "likelihood_scale": likelihood_scale,
                "impact_scale": impact_scale,
                "levels": levels,
                "matrix": matrix,
                "acceptance_criteria": acceptance_criteria,
                "acceptable_levels": acceptable_levels,
                "approved": approved,
                "approved_on": approved_on,
                "approved_by_id": approved_by_id,
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

        likelihood_scale = cast(list[str], d.pop("likelihood_scale"))

        impact_scale = cast(list[str], d.pop("impact_scale"))

        levels = cast(list[str], d.pop("levels"))

        matrix = []
        _matrix = d.pop("matrix")
        for matrix_item_data in _matrix:
            matrix_item = cast(list[str], matrix_item_data)

            matrix.append(matrix_item)

        acceptance_criteria = d.pop("acceptance_criteria")

        acceptable_levels = cast(list[str], d.pop("acceptable_levels"))

        approved = d.pop("approved")

        def _parse_approved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        approved_on = _parse_approved_on(d.pop("approved_on"))

        def _parse_approved_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_by_id_type_0 = UUID(data)

                return approved_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        approved_by_id = _parse_approved_by_id(d.pop("approved_by_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        risk_method_read = cls(
            id=id,
            likelihood_scale=likelihood_scale,
            impact_scale=impact_scale,
            levels=levels,
            matrix=matrix,
            acceptance_criteria=acceptance_criteria,
            acceptable_levels=acceptable_levels,
            approved=approved,
            approved_on=approved_on,
            approved_by_id=approved_by_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        risk_method_read.additional_properties = d
        return risk_method_read

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
