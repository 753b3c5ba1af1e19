from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.statement_status import StatementStatus
from ..models.supplier_kind import SupplierKind

T = TypeVar("T", bound="StatementRead")


@_attrs_define
class StatementRead:
    """
    Attributes:
        id (UUID):
        category (SupplierKind):
        statement (str):
        status (StatementStatus):
        approved_by_id (None | UUID):
        approved_on (datetime.date | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    category: SupplierKind
    statement: str
    status: StatementStatus
    approved_by_id: None | UUID
    approved_on: datetime.date | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        category = self.category.value

        statement = self.statement

        status = self.status.value

        approved_by_id: None | str
        if isinstance(self.approved_by_id, UUID):
            approved_by_id = str(self.approved_by_id)
        else:
            approved_by_id = self.approved_by_id

        approved_on: None | str
        if isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "category": category,
                "statement": statement,
                "status": status,
                "approved_by_id": approved_by_id,
                "approved_on": approved_on,
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

        category = SupplierKind(d.pop("category"))

        statement = d.pop("statement")

        status = StatementStatus(d.pop("status"))

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

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        statement_read = cls(
            id=id,
            category=category,
            statement=statement,
            status=status,
            approved_by_id=approved_by_id,
            approved_on=approved_on,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        statement_read.additional_properties = d
        return statement_read

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
