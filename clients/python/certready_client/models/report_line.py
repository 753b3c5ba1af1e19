from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.checklist_result import ChecklistResult

T = TypeVar("T", bound="ReportLine")


@_attrs_define
class ReportLine:
    """A checklist line as the report shows it.

    Attributes:
        ref (str):
        result (ChecklistResult):
        auditor (None | str):
        assessed_on (datetime.date | None):
        notes (str):
        sampled_evidence (list[str]): Keys of the sampled evidence items.
    """

    ref: str
    result: ChecklistResult
    auditor: None | str
    assessed_on: datetime.date | None
    notes: str
    sampled_evidence: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        result = self.result.value

        auditor: None | str
        auditor = self.auditor

        assessed_on: None | str
        if isinstance(self.assessed_on, datetime.date):
            assessed_on = self.assessed_on.isoformat()
        else:
            assessed_on = self.assessed_on

        notes = self.notes

        sampled_evidence = self.sampled_evidence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "result": result,
                "auditor": auditor,
                "assessed_on": assessed_on,
                "notes": notes,
                "sampled_evidence": sampled_evidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ref = d.pop("ref")

        result = ChecklistResult(d.pop("result"))

        def _parse_auditor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        auditor = _parse_auditor(d.pop("auditor"))

        def _parse_assessed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessed_on_type_0 = datetime.date.fromisoformat(data)

                return assessed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        assessed_on = _parse_assessed_on(d.pop("assessed_on"))

        notes = d.pop("notes")

        sampled_evidence = cast(list[str], d.pop("sampled_evidence"))

        report_line = cls(
            ref=ref,
            result=result,
            auditor=auditor,
            assessed_on=assessed_on,
            notes=notes,
            sampled_evidence=sampled_evidence,
        )

        report_line.additional_properties = d
        return report_line

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
