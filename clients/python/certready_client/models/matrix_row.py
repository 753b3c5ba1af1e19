from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.matrix_cell import MatrixCell


T = TypeVar("T", bound="MatrixRow")


@_attrs_define
class MatrixRow:
    """
    Attributes:
        person_id (UUID):
        user_id (None | UUID):
        full_name (str):
        email (None | str):
        role_keys (list[str]):
        cells (list[MatrixCell]):
    """

    person_id: UUID
    user_id: None | UUID
    full_name: str
    email: None | str
    role_keys: list[str]
    cells: list[MatrixCell]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        full_name = self.full_name

        email: None | str
        email = self.email

        role_keys = self.role_keys

        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data.to_dict()
            cells.append(cells_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "user_id": user_id,
                "full_name": full_name,
                "email": email,
                "role_keys": role_keys,
                "cells": cells,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matrix_cell import MatrixCell  # noqa: PLC0415

        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        full_name = d.pop("full_name")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        role_keys = cast(list[str], d.pop("role_keys"))

        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = MatrixCell.from_dict(cells_item_data)

            cells.append(cells_item)

        matrix_row = cls(
            person_id=person_id,
            user_id=user_id,
            full_name=full_name,
            email=email,
            role_keys=role_keys,
            cells=cells,
        )

        matrix_row.additional_properties = d
        return matrix_row

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
