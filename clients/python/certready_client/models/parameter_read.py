from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ParameterRead")


@_attrs_define
class ParameterRead:
    """
    Attributes:
        name (str):
        description (str):
        default (int):
        minimum (int):
        maximum (int):
        value (int):
    """

    name: str
    description: str
    default: int
    minimum: int
    maximum: int
    value: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        default = self.default

        minimum = self.minimum

        maximum = self.maximum

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "default": default,
                "minimum": minimum,
                "maximum": maximum,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        default = d.pop("default")

        minimum = d.pop("minimum")

        maximum = d.pop("maximum")

        value = d.pop("value")

        parameter_read = cls(
            name=name,
            description=description,
            default=default,
            minimum=minimum,
            maximum=maximum,
            value=value,
        )

        parameter_read.additional_properties = d
        return parameter_read

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
