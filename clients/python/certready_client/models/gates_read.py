from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.gate_read import GateRead


T = TypeVar("T", bound="GatesRead")


@_attrs_define
class GatesRead:
    """
    Attributes:
        stage1 (GateRead): A gate's verdict: ``true`` when no blocker of this or an earlier gate fails and every
            blocker was evaluated; ``false`` when one fails (or the gate does not apply); ``null``
            when none fails but some blocker rules are not evaluated yet (``unevaluated``).
        stage2 (GateRead): A gate's verdict: ``true`` when no blocker of this or an earlier gate fails and every
            blocker was evaluated; ``false`` when one fails (or the gate does not apply); ``null``
            when none fails but some blocker rules are not evaluated yet (``unevaluated``).
        certification (GateRead): A gate's verdict: ``true`` when no blocker of this or an earlier gate fails and every
            blocker was evaluated; ``false`` when one fails (or the gate does not apply); ``null``
            when none fails but some blocker rules are not evaluated yet (``unevaluated``).
        maintenance (GateRead): A gate's verdict: ``true`` when no blocker of this or an earlier gate fails and every
            blocker was evaluated; ``false`` when one fails (or the gate does not apply); ``null``
            when none fails but some blocker rules are not evaluated yet (``unevaluated``).
    """

    stage1: GateRead
    stage2: GateRead
    certification: GateRead
    maintenance: GateRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage1 = self.stage1.to_dict()

        stage2 = self.stage2.to_dict()

        certification = self.certification.to_dict()

        maintenance = self.maintenance.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage1": stage1,
                "stage2": stage2,
                "certification": certification,
                "maintenance": maintenance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gate_read import GateRead  # noqa: PLC0415

        d = dict(src_dict)
        stage1 = GateRead.from_dict(d.pop("stage1"))

        stage2 = GateRead.from_dict(d.pop("stage2"))

        certification = GateRead.from_dict(d.pop("certification"))

        maintenance = GateRead.from_dict(d.pop("maintenance"))

        gates_read = cls(
            stage1=stage1,
            stage2=stage2,
            certification=certification,
            maintenance=maintenance,
        )

        gates_read.additional_properties = d
        return gates_read

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
