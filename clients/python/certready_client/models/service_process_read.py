from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.operator import Operator

T = TypeVar("T", bound="ServiceProcessRead")


@_attrs_define
class ServiceProcessRead:
    """
    Attributes:
        id (UUID):
        requirement_ref (str):
        operator (Operator): Who operates a process for a service (8.2.3): the organisation or another party.
        supplier_id (None | UUID):
        owner_id (None | UUID):
        monitoring (str):
        monitoring_objective_id (None | UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    requirement_ref: str
    operator: Operator
    supplier_id: None | UUID
    owner_id: None | UUID
    monitoring: str
    monitoring_objective_id: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        requirement_ref = self.requirement_ref

        operator = self.operator.value

        supplier_id: None | str
        if isinstance(self.supplier_id, UUID):
            supplier_id = str(self.supplier_id)
        else:
            supplier_id = self.supplier_id

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        monitoring = self.monitoring

        monitoring_objective_id: None | str
        if isinstance(self.monitoring_objective_id, UUID):
            monitoring_objective_id = str(self.monitoring_objective_id)
        else:
            monitoring_objective_id = self.monitoring_objective_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "requirement_ref": requirement_ref,
                "operator": operator,
                "supplier_id": supplier_id,
                "owner_id": owner_id,
                "monitoring": monitoring,
                "monitoring_objective_id": monitoring_objective_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        requirement_ref = d.pop("requirement_ref")

        operator = Operator(d.pop("operator"))

        def _parse_supplier_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supplier_id_type_0 = UUID(data)

                return supplier_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id"))

        def _parse_owner_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        monitoring = d.pop("monitoring")

        def _parse_monitoring_objective_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                monitoring_objective_id_type_0 = UUID(data)

                return monitoring_objective_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        monitoring_objective_id = _parse_monitoring_objective_id(d.pop("monitoring_objective_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_process_read = cls(
            id=id,
            requirement_ref=requirement_ref,
            operator=operator,
            supplier_id=supplier_id,
            owner_id=owner_id,
            monitoring=monitoring,
            monitoring_objective_id=monitoring_objective_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        service_process_read.additional_properties = d
        return service_process_read

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
