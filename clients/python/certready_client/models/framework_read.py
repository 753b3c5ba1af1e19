from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FrameworkRead")


@_attrs_define
class FrameworkRead:
    """
    Attributes:
        id (UUID):
        code (str):
        name (str):
        version (str):
        publisher (str):
        allows_exclusions (bool): False for ISO/IEC 20000-1: no requirement can be declared not applicable.
        catalogue_version (str):
    """

    id: UUID
    code: str
    name: str
    version: str
    publisher: str
    allows_exclusions: bool
    catalogue_version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        version = self.version

        publisher = self.publisher

        allows_exclusions = self.allows_exclusions

        catalogue_version = self.catalogue_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "version": version,
                "publisher": publisher,
                "allows_exclusions": allows_exclusions,
                "catalogue_version": catalogue_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        name = d.pop("name")

        version = d.pop("version")

        publisher = d.pop("publisher")

        allows_exclusions = d.pop("allows_exclusions")

        catalogue_version = d.pop("catalogue_version")

        framework_read = cls(
            id=id,
            code=code,
            name=name,
            version=version,
            publisher=publisher,
            allows_exclusions=allows_exclusions,
            catalogue_version=catalogue_version,
        )

        framework_read.additional_properties = d
        return framework_read

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
