from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.test_result import TestResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="TestCreate")


@_attrs_define
class TestCreate:
    """
    Attributes:
        tested_on (datetime.date): The day the test was held (not in the future).
        scenario (str):
        result (TestResult):
        issues_found (str | Unset):  Default: ''.
        evidence_item_id (None | Unset | UUID):
    """

    tested_on: datetime.date
    scenario: str
    result: TestResult
    issues_found: str | Unset = ""
    evidence_item_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        tested_on = self.tested_on.isoformat()

        scenario = self.scenario

        result = self.result.value

        issues_found = self.issues_found

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
                "tested_on": tested_on,
                "scenario": scenario,
                "result": result,
            }
        )
        if issues_found is not UNSET:
            field_dict["issues_found"] = issues_found
        if evidence_item_id is not UNSET:
            field_dict["evidence_item_id"] = evidence_item_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tested_on = datetime.date.fromisoformat(d.pop("tested_on"))

        scenario = d.pop("scenario")

        result = TestResult(d.pop("result"))

        issues_found = d.pop("issues_found", UNSET)

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

        test_create = cls(
            tested_on=tested_on,
            scenario=scenario,
            result=result,
            issues_found=issues_found,
            evidence_item_id=evidence_item_id,
        )

        return test_create
