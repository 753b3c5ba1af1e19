from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.criticality import Criticality
from ..models.service_status import ServiceStatus

if TYPE_CHECKING:
    from ..models.service_customer_read import ServiceCustomerRead
    from ..models.service_process_read import ServiceProcessRead


T = TypeVar("T", bound="ServiceRead")


@_attrs_define
class ServiceRead:
    """
    Attributes:
        id (UUID):
        key (str):
        name (str):
        description (str):
        status (ServiceStatus):
        owner_id (None | UUID):
        criticality (Criticality):
        in_scope (bool):
        out_of_scope_reason (str):
        in_scope_statement (bool): Whether the scope statement names it.
        customers (list[ServiceCustomerRead]):
        processes (list[ServiceProcessRead]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    name: str
    description: str
    status: ServiceStatus
    owner_id: None | UUID
    criticality: Criticality
    in_scope: bool
    out_of_scope_reason: str
    in_scope_statement: bool
    customers: list[ServiceCustomerRead]
    processes: list[ServiceProcessRead]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        name = self.name

        description = self.description

        status = self.status.value

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        criticality = self.criticality.value

        in_scope = self.in_scope

        out_of_scope_reason = self.out_of_scope_reason

        in_scope_statement = self.in_scope_statement

        customers = []
        for customers_item_data in self.customers:
            customers_item = customers_item_data.to_dict()
            customers.append(customers_item)

        processes = []
        for processes_item_data in self.processes:
            processes_item = processes_item_data.to_dict()
            processes.append(processes_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "name": name,
                "description": description,
                "status": status,
                "owner_id": owner_id,
                "criticality": criticality,
                "in_scope": in_scope,
                "out_of_scope_reason": out_of_scope_reason,
                "in_scope_statement": in_scope_statement,
                "customers": customers,
                "processes": processes,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_customer_read import ServiceCustomerRead  # noqa: PLC0415
        from ..models.service_process_read import ServiceProcessRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        name = d.pop("name")

        description = d.pop("description")

        status = ServiceStatus(d.pop("status"))

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

        criticality = Criticality(d.pop("criticality"))

        in_scope = d.pop("in_scope")

        out_of_scope_reason = d.pop("out_of_scope_reason")

        in_scope_statement = d.pop("in_scope_statement")

        customers = []
        _customers = d.pop("customers")
        for customers_item_data in _customers:
            customers_item = ServiceCustomerRead.from_dict(customers_item_data)

            customers.append(customers_item)

        processes = []
        _processes = d.pop("processes")
        for processes_item_data in _processes:
            processes_item = ServiceProcessRead.from_dict(processes_item_data)

            processes.append(processes_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_read = cls(
            id=id,
            key=key,
            name=name,
            description=description,
            status=status,
            owner_id=owner_id,
            criticality=criticality,
            in_scope=in_scope,
            out_of_scope_reason=out_of_scope_reason,
            in_scope_statement=in_scope_statement,
            customers=customers,
            processes=processes,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        service_read.additional_properties = d
        return service_read

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
