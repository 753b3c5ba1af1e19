from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.supplier_kind import SupplierKind

T = TypeVar("T", bound="StatementCreate")


@_attrs_define
class StatementCreate:
    """
    Attributes:
        category (SupplierKind):
        statement (str):
    """

    category: SupplierKind
    statement: str

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        statement = self.statement

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "statement": statement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = SupplierKind(d.pop("category"))

        statement = d.pop("statement")

        statement_create = cls(
            category=category,
            statement=statement,
        )

        return statement_create
