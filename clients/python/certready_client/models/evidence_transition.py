from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.evidence_status import EvidenceStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="EvidenceTransition")


@_attrs_define
class EvidenceTransition:
    """
    Attributes:
        to (EvidenceStatus): Document control (ISO/IEC 20000-1 7.5.4): approved before it counts as evidence.
        note (str | Unset):  Default: ''.
        occurred_on (datetime.date | None | Unset): The day this happened, for past events (approved: sets approved_on);
            default today; not in the future.
    """

    to: EvidenceStatus
    note: str | Unset = ""
    occurred_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        note = self.note

        occurred_on: None | str | Unset
        if isinstance(self.occurred_on, Unset):
            occurred_on = UNSET
        elif isinstance(self.occurred_on, datetime.date):
            occurred_on = self.occurred_on.isoformat()
        else:
            occurred_on = self.occurred_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if occurred_on is not UNSET:
            field_dict["occurred_on"] = occurred_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = EvidenceStatus(d.pop("to"))

        note = d.pop("note", UNSET)

        def _parse_occurred_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_on_type_0 = datetime.date.fromisoformat(data)

                return occurred_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        occurred_on = _parse_occurred_on(d.pop("occurred_on", UNSET))

        evidence_transition = cls(
            to=to,
            note=note,
            occurred_on=occurred_on,
        )

        return evidence_transition
