from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.parameter_read import ParameterRead


T = TypeVar("T", bound="RuleSettingsRead")


@_attrs_define
class RuleSettingsRead:
    """
    Attributes:
        rule_id (str):
        title (str):
        parameters (list[ParameterRead]):
    """

    rule_id: str
    title: str
    parameters: list[ParameterRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule_id = self.rule_id

        title = self.title

        parameters = []
        for parameters_item_data in self.parameters:
            parameters_item = parameters_item_data.to_dict()
            parameters.append(parameters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule_id": rule_id,
                "title": title,
                "parameters": parameters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.parameter_read import ParameterRead  # noqa: PLC0415

        d = dict(src_dict)
        rule_id = d.pop("rule_id")

        title = d.pop("title")

        parameters = []
        _parameters = d.pop("parameters")
        for parameters_item_data in _parameters:
            parameters_item = ParameterRead.from_dict(parameters_item_data)

            parameters.append(parameters_item)

        rule_settings_read = cls(
            rule_id=rule_id,
            title=title,
            parameters=parameters,
        )

        rule_settings_read.additional_properties = d
        return rule_settings_read

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
