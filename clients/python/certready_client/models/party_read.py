from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.party_kind import PartyKind

T = TypeVar("T", bound="PartyRead")


@_attrs_define
class PartyRead:
    """
    Attributes:
        id (UUID):
        name (str):
        kind (PartyKind):
        requirements (str):
        relevant (bool):
    """

    id: UUID
    name: str
    kind: PartyKind
    requirements: str
    relevant: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        kind = self.kind.value

        requirements = self.requirements

        relevant = self.relevant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "requirements": requirements,
                "relevant": relevant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        kind = PartyKind(d.pop("kind"))

        requirements = d.pop("requirements")

        relevant = d.pop("relevant")

        party_read = cls(
            id=id,
            name=name,
            kind=kind,
            requirements=requirements,
            relevant=relevant,
        )

        party_read.additional_properties = d
        return party_read

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
