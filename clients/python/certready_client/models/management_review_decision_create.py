from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.decision_kind import DecisionKind

T = TypeVar("T", bound="ManagementReviewDecisionCreate")


@_attrs_define
class ManagementReviewDecisionCreate:
    """
    Attributes:
        kind (DecisionKind): Outputs of 9.3 (iso20000.md 4.2): improvement, changes to the SMS and services, resources.
        text (str):
    """

    kind: DecisionKind
    text: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = DecisionKind(d.pop("kind"))

        text = d.pop("text")

        management_review_decision_create = cls(
            kind=kind,
            text=text,
        )

        return management_review_decision_create
