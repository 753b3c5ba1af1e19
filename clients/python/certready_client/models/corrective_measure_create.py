from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CorrectiveMeasureCreate")


@_attrs_define
class CorrectiveMeasureCreate:
    """Open a corrective measure, linked to findings of the organisation or standing alone.

    Attributes:
        title (str):
        description (str | Unset):  Default: ''.
        finding_ids (list[UUID] | Unset):
        owner_id (None | Unset | UUID):
        due_date (datetime.date | None | Unset):
    """

    title: str
    description: str | Unset = ""
    finding_ids: list[UUID] | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    due_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        finding_ids: list[str] | Unset = UNSET
        if not isinstance(self.finding_ids, Unset):
            finding_ids = []
            for finding_ids_item_data in self.finding_ids:
                finding_ids_item = str(finding_ids_item_data)
                finding_ids.append(finding_ids_item)

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if finding_ids is not UNSET:
            field_dict["finding_ids"] = finding_ids
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if due_date is not UNSET:
            field_dict["due_date"] = due_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description", UNSET)

        _finding_ids = d.pop("finding_ids", UNSET)
        finding_ids: list[UUID] | Unset = UNSET
        if _finding_ids is not UNSET:
            finding_ids = []
            for finding_ids_item_data in _finding_ids:
                finding_ids_item = UUID(finding_ids_item_data)

                finding_ids.append(finding_ids_item)

        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        corrective_measure_create = cls(
            title=title,
            description=description,
            finding_ids=finding_ids,
            owner_id=owner_id,
            due_date=due_date,
        )

        return corrective_measure_create
