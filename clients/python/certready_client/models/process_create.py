from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.operator import Operator
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProcessCreate")


@_attrs_define
class ProcessCreate:
    """
    Attributes:
        requirement_ref (str): A clause-8 leaf of the catalogue.
        operator (Operator | Unset): Who operates a process for a service (8.2.3): the organisation or another party.
        supplier_id (None | Unset | UUID):
        owner_id (None | Unset | UUID): A member (internal owner).
        monitoring (str | Unset):  Default: ''.
        monitoring_objective_id (None | Unset | UUID):
    """

    requirement_ref: str
    operator: Operator | Unset = UNSET
    supplier_id: None | Unset | UUID = UNSET
    owner_id: None | Unset | UUID = UNSET
    monitoring: str | Unset = ""
    monitoring_objective_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        requirement_ref = self.requirement_ref

        operator: str | Unset = UNSET
        if not isinstance(self.operator, Unset):
            operator = self.operator.value

        supplier_id: None | str | Unset
        if isinstance(self.supplier_id, Unset):
            supplier_id = UNSET
        elif isinstance(self.supplier_id, UUID):
            supplier_id = str(self.supplier_id)
        else:
            supplier_id = self.supplier_id

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        monitoring = self.monitoring

        monitoring_objective_id: None | str | Unset
        if isinstance(self.monitoring_objective_id, Unset):
            monitoring_objective_id = UNSET
        elif isinstance(self.monitoring_objective_id, UUID):
            monitoring_objective_id = str(self.monitoring_objective_id)
        else:
            monitoring_objective_id = self.monitoring_objective_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "requirement_ref": requirement_ref,
            }
        )
        if operator is not UNSET:
            field_dict["operator"] = operator
        if supplier_id is not UNSET:
            field_dict["supplier_id"] = supplier_id
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if monitoring is not UNSET:
            field_dict["monitoring"] = monitoring
        if monitoring_objective_id is not UNSET:
            field_dict["monitoring_objective_id"] = monitoring_objective_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requirement_ref = d.pop("requirement_ref")

        _operator = d.pop("operator", UNSET)
        operator: Operator | Unset
        if isinstance(_operator, Unset):
            operator = UNSET
        else:
            operator = Operator(_operator)

        def _parse_supplier_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supplier_id_type_0 = UUID(data)

                return supplier_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id", UNSET))

        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        monitoring = d.pop("monitoring", UNSET)

        def _parse_monitoring_objective_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                monitoring_objective_id_type_0 = UUID(data)

                return monitoring_objective_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        monitoring_objective_id = _parse_monitoring_objective_id(
            d.pop("monitoring_objective_id", UNSET)
        )

        process_create = cls(
            requirement_ref=requirement_ref,
            operator=operator,
            supplier_id=supplier_id,
            owner_id=owner_id,
            monitoring=monitoring,
            monitoring_objective_id=monitoring_objective_id,
        )

        return process_create
