from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatementUpdate")


@_attrs_define
class StatementUpdate:
    """
    Attributes:
        statement (None | str | Unset):
    """

    statement: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        statement: None | str | Unset
        if isinstance(self.statement, Unset):
            statement = UNSET
        else:
            statement = self.statement

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if statement is not UNSET:
            field_dict["statement"] = statement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_statement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        statement = _parse_statement(d.pop("statement", UNSET))

        statement_update = cls(
            statement=statement,
        )

        return statement_update
