from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_kind import CustomerKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerCreate")


@_attrs_define
class CustomerCreate:
    """
    Attributes:
        name (str):
        kind (CustomerKind):
        contact (str | Unset):  Default: ''.
        description (str | Unset):  Default: ''.
    """

    name: str
    kind: CustomerKind
    contact: str | Unset = ""
    description: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        contact = self.contact

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = CustomerKind(d.pop("kind"))

        contact = d.pop("contact", UNSET)

        description = d.pop("description", UNSET)

        customer_create = cls(
            name=name,
            kind=kind,
            contact=contact,
            description=description,
        )

        return customer_create
