from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.supplier_kind import SupplierKind
from ..models.supplier_status import SupplierStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SupplierCreate")


@_attrs_define
class SupplierCreate:
    """
    Attributes:
        name (str):
        kind (SupplierKind):
        contact (str | Unset):  Default: ''.
        owner_id (None | Unset | UUID): The member who manages the supplier; defaults to you.
        status (SupplierStatus | Unset):
        in_scope (bool | Unset):  Default: True.
        notes (str | Unset):  Default: ''.
    """

    name: str
    kind: SupplierKind
    contact: str | Unset = ""
    owner_id: None | Unset | UUID = UNSET
    status: SupplierStatus | Unset = UNSET
    in_scope: bool | Unset = True
    notes: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        contact = self.contact

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        in_scope = self.in_scope

        notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if status is not UNSET:
            field_dict["status"] = status
        if in_scope is not UNSET:
            field_dict["in_scope"] = in_scope
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = SupplierKind(d.pop("kind"))

        contact = d.pop("contact", UNSET)

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

        _status = d.pop("status", UNSET)
        status: SupplierStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = SupplierStatus(_status)

        in_scope = d.pop("in_scope", UNSET)

        notes = d.pop("notes", UNSET)

        supplier_create = cls(
            name=name,
            kind=kind,
            contact=contact,
            owner_id=owner_id,
            status=status,
            in_scope=in_scope,
            notes=notes,
        )

        return supplier_create
