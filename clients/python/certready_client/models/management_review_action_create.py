from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ManagementReviewActionCreate")


@_attrs_define
class ManagementReviewActionCreate:
    """
    Attributes:
        description (str):
        owner_id (UUID):
        due_date (datetime.date):
        decision_id (None | Unset | UUID):
    """

    description: str
    owner_id: UUID
    due_date: datetime.date
    decision_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        owner_id = str(self.owner_id)

        due_date = self.due_date.isoformat()

        decision_id: None | str | Unset
        if isinstance(self.decision_id, Unset):
            decision_id = UNSET
        elif isinstance(self.decision_id, UUID):
            decision_id = str(self.decision_id)
        else:
            decision_id = self.decision_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "owner_id": owner_id,
                "due_date": due_date,
            }
        )
        if decision_id is not UNSET:
            field_dict["decision_id"] = decision_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        owner_id = UUID(d.pop("owner_id"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_decision_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decision_id_type_0 = UUID(data)

                return decision_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        decision_id = _parse_decision_id(d.pop("decision_id", UNSET))

        management_review_action_create = cls(
            description=description,
            owner_id=owner_id,
            due_date=due_date,
            decision_id=decision_id,
        )

        return management_review_action_create
