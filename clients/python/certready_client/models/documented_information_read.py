from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.documented_information_kind import DocumentedInformationKind

T = TypeVar("T", bound="DocumentedInformationRead")


@_attrs_define
class DocumentedInformationRead:
    """
    Attributes:
        key (str):
        kind (DocumentedInformationKind):
        title (str):
        clause_refs (list[str]):
        mandatory (bool):
        description (str):
    """

    key: str
    kind: DocumentedInformationKind
    title: str
    clause_refs: list[str]
    mandatory: bool
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        kind = self.kind.value

        title = self.title

        clause_refs = self.clause_refs

        mandatory = self.mandatory

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "kind": kind,
                "title": title,
                "clause_refs": clause_refs,
                "mandatory": mandatory,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        kind = DocumentedInformationKind(d.pop("kind"))

        title = d.pop("title")

        clause_refs = cast(list[str], d.pop("clause_refs"))

        mandatory = d.pop("mandatory")

        description = d.pop("description")

        documented_information_read = cls(
            key=key,
            kind=kind,
            title=title,
            clause_refs=clause_refs,
            mandatory=mandatory,
            description=description,
        )

        documented_information_read.additional_properties = d
        return documented_information_read

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
