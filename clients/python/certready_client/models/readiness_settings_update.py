from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.readiness_settings_update_parameters import ReadinessSettingsUpdateParameters


T = TypeVar("T", bound="ReadinessSettingsUpdate")


@_attrs_define
class ReadinessSettingsUpdate:
    """Parameter overrides per rule: ``{"RDY-10": {"months": 6}}``; ``null`` resets a value.

    Attributes:
        parameters (ReadinessSettingsUpdateParameters):
    """

    parameters: ReadinessSettingsUpdateParameters

    def to_dict(self) -> dict[str, Any]:
        parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "parameters": parameters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_settings_update_parameters import ReadinessSettingsUpdateParameters  # noqa: PLC0415

        d = dict(src_dict)
        parameters = ReadinessSettingsUpdateParameters.from_dict(d.pop("parameters"))

        readiness_settings_update = cls(
            parameters=parameters,
        )

        return readiness_settings_update
