from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.party_kind import PartyKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartyCreate")


@_attrs_define
class PartyCreate:
    """
    Attributes:
        name (str):
        kind (PartyKind):
        requirements (str | Unset):  Default: ''.
        relevant (bool | Unset):  Default: True.
    """

    name: str
    kind: PartyKind
    requirements: str | Unset = ""
    relevant: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        requirements = self.requirements

        relevant = self.relevant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
            }
        )
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if relevant is not UNSET:
            field_dict["relevant"] = relevant

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = PartyKind(d.pop("kind"))

        requirements = d.pop("requirements", UNSET)

        relevant = d.pop("relevant", UNSET)

        party_create = cls(
            name=name,
            kind=kind,
            requirements=requirements,
            relevant=relevant,
        )

        return party_create
