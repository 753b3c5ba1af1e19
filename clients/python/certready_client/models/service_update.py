from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.criticality import Criticality
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceUpdate")


@_attrs_define
class ServiceUpdate:
    """
    Attributes:
        name (None | str | Unset):
        description (None | str | Unset):
        owner_id (None | Unset | UUID):
        criticality (Criticality | None | Unset):
        in_scope (bool | None | Unset):
        out_of_scope_reason (None | str | Unset):
        customer_ids (list[UUID] | None | Unset): The full list of customers (replaces the current one).
    """

    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    criticality: Criticality | None | Unset = UNSET
    in_scope: bool | None | Unset = UNSET
    out_of_scope_reason: None | str | Unset = UNSET
    customer_ids: list[UUID] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        criticality: None | str | Unset
        if isinstance(self.criticality, Unset):
            criticality = UNSET
        elif isinstance(self.criticality, Criticality):
            criticality = self.criticality.value
        else:
            criticality = self.criticality

        in_scope: bool | None | Unset
        if isinstance(self.in_scope, Unset):
            in_scope = UNSET
        else:
            in_scope = self.in_scope

        out_of_scope_reason: None | str | Unset
        if isinstance(self.out_of_scope_reason, Unset):
            out_of_scope_reason = UNSET
        else:
            out_of_scope_reason = self.out_of_scope_reason

        customer_ids: list[str] | None | Unset
        if isinstance(self.customer_ids, Unset):
            customer_ids = UNSET
        elif isinstance(self.customer_ids, list):
            customer_ids = []
            for customer_ids_type_0_item_data in self.customer_ids:
                customer_ids_type_0_item = str(customer_ids_type_0_item_data)
                customer_ids.append(customer_ids_type_0_item)

        else:
            customer_ids = self.customer_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        def _parse_criticality(data: object) -> Criticality | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                criticality_type_0 = Criticality(data)

                return criticality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Criticality | None | Unset, data)

        criticality = _parse_criticality(d.pop("criticality", UNSET))

        def _parse_in_scope(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        in_scope = _parse_in_scope(d.pop("in_scope", UNSET))

        def _parse_out_of_scope_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        out_of_scope_reason = _parse_out_of_scope_reason(d.pop("out_of_scope_reason", UNSET))

        def _parse_customer_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                customer_ids_type_0 = []
                _customer_ids_type_0 = data
                for customer_ids_type_0_item_data in _customer_ids_type_0:
                    customer_ids_type_0_item = UUID(customer_ids_type_0_item_data)

                    customer_ids_type_0.append(customer_ids_type_0_item)

                return customer_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        customer_ids = _parse_customer_ids(d.pop("customer_ids", UNSET))

        service_update = cls(
            name=name,
            description=description,
            owner_id=owner_id,
            criticality=criticality,
            in_scope=in_scope,
            out_of_scope_reason=out_of_scope_reason,
            customer_ids=customer_ids,
        )

        return service_update
