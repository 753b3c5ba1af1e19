from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.criticality import Criticality
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceCreate")


@_attrs_define
class ServiceCreate:
    """
    Attributes:
        name (str):
        description (str | Unset):  Default: ''.
        owner_id (None | Unset | UUID): A member.
        criticality (Criticality | Unset):
        in_scope (bool | Unset):  Default: True.
        out_of_scope_reason (str | Unset): Required when the service is not in scope. Default: ''.
        customer_ids (list[UUID] | Unset):
    """

    name: str
    description: str | Unset = ""
    owner_id: None | Unset | UUID = UNSET
    criticality: Criticality | Unset = UNSET
    in_scope: bool | Unset = True
    out_of_scope_reason: str | Unset = ""
    customer_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        criticality: str | Unset = UNSET
        if not isinstance(self.criticality, Unset):
            criticality = self.criticality.value

        in_scope = self.in_scope

        out_of_scope_reason = self.out_of_scope_reason

        customer_ids: list[str] | Unset = UNSET
        if not isinstance(self.customer_ids, Unset):
            customer_ids = []
            for customer_ids_item_data in self.customer_ids:
                customer_ids_item = str(customer_ids_item_data)
                customer_ids.append(customer_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if criticality is not UNSET:
            field_dict["criticality"] = criticality
        if in_scope is not UNSET:
            field_dict["in_scope"] = in_scope
        if out_of_scope_reason is not UNSET:
            field_dict["out_of_scope_reason"] = out_of_scope_reason
        if customer_ids is not UNSET:
            field_dict["customer_ids"] = customer_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

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

        _criticality = d.pop("criticality", UNSET)
        criticality: Criticality | Unset
        if isinstance(_criticality, Unset):
            criticality = UNSET
        else:
            criticality = Criticality(_criticality)

        in_scope = d.pop("in_scope", UNSET)

        out_of_scope_reason = d.pop("out_of_scope_reason", UNSET)

        _customer_ids = d.pop("customer_ids", UNSET)
        customer_ids: list[UUID] | Unset = UNSET
        if _customer_ids is not UNSET:
            customer_ids = []
            for customer_ids_item_data in _customer_ids:
                customer_ids_item = UUID(customer_ids_item_data)

                customer_ids.append(customer_ids_item)

        service_create = cls(
            name=name,
            description=description,
            owner_id=owner_id,
            criticality=criticality,
            in_scope=in_scope,
            out_of_scope_reason=out_of_scope_reason,
            customer_ids=customer_ids,
        )

        return service_create
