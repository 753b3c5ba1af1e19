from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.statement_status import StatementStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatementMove")


@_attrs_define
class StatementMove:
    """
    Attributes:
        to (StatementStatus):
        note (str | Unset):  Default: ''.
    """

    to: StatementStatus
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = StatementStatus(d.pop("to"))

        note = d.pop("note", UNSET)

        statement_move = cls(
            to=to,
            note=note,
        )

        return statement_move
