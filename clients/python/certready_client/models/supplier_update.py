from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.supplier_kind import SupplierKind
from ..models.supplier_status import SupplierStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SupplierUpdate")


@_attrs_define
class SupplierUpdate:
    """
    Attributes:
        name (None | str | Unset):
        kind (None | SupplierKind | Unset):
        contact (None | str | Unset):
        owner_id (None | Unset | UUID):
        status (None | SupplierStatus | Unset):
        in_scope (bool | None | Unset):
        notes (None | str | Unset):
    """

    name: None | str | Unset = UNSET
    kind: None | SupplierKind | Unset = UNSET
    contact: None | str | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    status: None | SupplierStatus | Unset = UNSET
    in_scope: bool | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, SupplierKind):
            kind = self.kind.value
        else:
            kind = self.kind

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, SupplierStatus):
            status = self.status.value
        else:
            status = self.status

        in_scope: bool | None | Unset
        if isinstance(self.in_scope, Unset):
            in_scope = UNSET
        else:
            in_scope = self.in_scope

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_kind(data: object) -> None | SupplierKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = SupplierKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SupplierKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

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

        def _parse_status(data: object) -> None | SupplierStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = SupplierStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SupplierStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_in_scope(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        in_scope = _parse_in_scope(d.pop("in_scope", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        supplier_update = cls(
            name=name,
            kind=kind,
            contact=contact,
            owner_id=owner_id,
            status=status,
            in_scope=in_scope,
            notes=notes,
        )

        return supplier_update
