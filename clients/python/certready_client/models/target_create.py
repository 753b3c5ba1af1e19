from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetCreate")


@_attrs_define
class TargetCreate:
    """
    Attributes:
        metric (str):
        target (float):
        direction (Direction):
        unit (str | Unset):  Default: ''.
    """

    metric: str
    target: float
    direction: Direction
    unit: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric

        target = self.target

        direction = self.direction.value

        unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "metric": metric,
                "target": target,
                "direction": direction,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        metric = d.pop("metric")

        target = d.pop("target")

        direction = Direction(d.pop("direction"))

        unit = d.pop("unit", UNSET)

        target_create = cls(
            metric=metric,
            target=target,
            direction=direction,
            unit=unit,
        )

        return target_create
