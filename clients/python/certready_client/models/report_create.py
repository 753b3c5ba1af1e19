from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportCreate")


@_attrs_define
class ReportCreate:
    """
    Attributes:
        period_start (datetime.date):
        period_end (datetime.date):
        produced_on (datetime.date): The day the report was issued (not in the future).
        evidence_item_id (None | Unset | UUID):
    """

    period_start: datetime.date
    period_end: datetime.date
    produced_on: datetime.date
    evidence_item_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        produced_on = self.produced_on.isoformat()

        evidence_item_id: None | str | Unset
        if isinstance(self.evidence_item_id, Unset):
            evidence_item_id = UNSET
        elif isinstance(self.evidence_item_id, UUID):
            evidence_item_id = str(self.evidence_item_id)
        else:
            evidence_item_id = self.evidence_item_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period_start": period_start,
                "period_end": period_end,
                "produced_on": produced_on,
            }
        )
        if evidence_item_id is not UNSET:
            field_dict["evidence_item_id"] = evidence_item_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        produced_on = datetime.date.fromisoformat(d.pop("produced_on"))

        def _parse_evidence_item_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evidence_item_id_type_0 = UUID(data)

                return evidence_item_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        evidence_item_id = _parse_evidence_item_id(d.pop("evidence_item_id", UNSET))

        report_create = cls(
            period_start=period_start,
            period_end=period_end,
            produced_on=produced_on,
            evidence_item_id=evidence_item_id,
        )

        return report_create
