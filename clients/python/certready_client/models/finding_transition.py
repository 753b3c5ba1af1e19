from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.finding_closure import FindingClosure
from ..models.finding_status import FindingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="FindingTransition")


@_attrs_define
class FindingTransition:
    """
    Attributes:
        to (FindingStatus):
        note (str | Unset):  Default: ''.
        decision (FindingClosure | None | Unset): Closing only: observations and OFIs close on `correction_only` (the
            note is the reason, required); nonconformities close on `corrective_action`.
        occurred_on (datetime.date | None | Unset): The day this happened, for past events (closed: sets closed_on);
            default today. Not in the future, not before the finding was raised.
    """

    to: FindingStatus
    note: str | Unset = ""
    decision: FindingClosure | None | Unset = UNSET
    occurred_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        note = self.note

        decision: None | str | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        elif isinstance(self.decision, FindingClosure):
            decision = self.decision.value
        else:
            decision = self.decision

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
        if decision is not UNSET:
            field_dict["decision"] = decision
        if occurred_on is not UNSET:
            field_dict["occurred_on"] = occurred_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = FindingStatus(d.pop("to"))

        note = d.pop("note", UNSET)

        def _parse_decision(data: object) -> FindingClosure | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decision_type_0 = FindingClosure(data)

                return decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindingClosure | None | Unset, data)

        decision = _parse_decision(d.pop("decision", UNSET))

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

        finding_transition = cls(
            to=to,
            note=note,
            decision=decision,
            occurred_on=occurred_on,
        )

        return finding_transition
