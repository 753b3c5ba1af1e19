from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.issue_kind import IssueKind

T = TypeVar("T", bound="IssueCreate")


@_attrs_define
class IssueCreate:
    """
    Attributes:
        kind (IssueKind):
        description (str):
    """

    kind: IssueKind
    description: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = IssueKind(d.pop("kind"))

        description = d.pop("description")

        issue_create = cls(
            kind=kind,
            description=description,
        )

        return issue_create
