from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.supplier_kind import SupplierKind
from ..models.supplier_status import SupplierStatus

T = TypeVar("T", bound="SupplierRead")


@_attrs_define
class SupplierRead:
    """
    Attributes:
        id (UUID):
        key (str):
        name (str):
        kind (SupplierKind):
        contact (str):
        owner_id (None | UUID):
        status (SupplierStatus):
        in_scope (bool):
        notes (str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    name: str
    kind: SupplierKind
    contact: str
    owner_id: None | UUID
    status: SupplierStatus
    in_scope: bool
    notes: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        name = self.name

        kind = self.kind.value

        contact = self.contact

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        status = self.status.value

        in_scope = self.in_scope

        notes = self.notes

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
                "kind": kind,
                "contact": contact,
                "owner_id": owner_id,
                "status": status,
                "in_scope": in_scope,
                "notes": notes,
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

        key = d.pop("key")

        name = d.pop("name")

        kind = SupplierKind(d.pop("kind"))

        contact = d.pop("contact")

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

        status = SupplierStatus(d.pop("status"))

        in_scope = d.pop("in_scope")

        notes = d.pop("notes")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        supplier_read = cls(
            id=id,
            key=key,
            name=name,
            kind=kind,
            contact=contact,
            owner_id=owner_id,
            status=status,
            in_scope=in_scope,
            notes=notes,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        supplier_read.additional_properties = d
        return supplier_read

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
