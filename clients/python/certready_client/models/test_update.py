from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.test_result import TestResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="TestUpdate")


@_attrs_define
class TestUpdate:
    """
    Attributes:
        tested_on (datetime.date | None | Unset):
        scenario (None | str | Unset):
        result (None | TestResult | Unset):
        issues_found (None | str | Unset):
        evidence_item_id (None | Unset | UUID):
    """

    tested_on: datetime.date | None | Unset = UNSET
    scenario: None | str | Unset = UNSET
    result: None | TestResult | Unset = UNSET
    issues_found: None | str | Unset = UNSET
    evidence_item_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        tested_on: None | str | Unset
        if isinstance(self.tested_on, Unset):
            tested_on = UNSET
        elif isinstance(self.tested_on, datetime.date):
            tested_on = self.tested_on.isoformat()
        else:
            tested_on = self.tested_on

        scenario: None | str | Unset
        if isinstance(self.scenario, Unset):
            scenario = UNSET
        else:
            scenario = self.scenario

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, TestResult):
            result = self.result.value
        else:
            result = self.result

        issues_found: None | str | Unset
        if isinstance(self.issues_found, Unset):
            issues_found = UNSET
        else:
            issues_found = self.issues_found

        evidence_item_id: None | str | Unset
        if isinstance(self.evidence_item_id, Unset):
            evidence_item_id = UNSET
        elif isinstance(self.evidence_item_id, UUID):
            evidence_item_id = str(self.evidence_item_id)
        else:
            evidence_item_id = self.evidence_item_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if tested_on is not UNSET:
            field_dict["tested_on"] = tested_on
        if scenario is not UNSET:
            field_dict["scenario"] = scenario
        if result is not UNSET:
            field_dict["result"] = result
        if issues_found is not UNSET:
            field_dict["issues_found"] = issues_found
        if evidence_item_id is not UNSET:
            field_dict["evidence_item_id"] = evidence_item_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_tested_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tested_on_type_0 = datetime.date.fromisoformat(data)

                return tested_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        tested_on = _parse_tested_on(d.pop("tested_on", UNSET))

        def _parse_scenario(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scenario = _parse_scenario(d.pop("scenario", UNSET))

        def _parse_result(data: object) -> None | TestResult | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_type_0 = TestResult(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TestResult | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_issues_found(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issues_found = _parse_issues_found(d.pop("issues_found", UNSET))

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

        test_update = cls(
            tested_on=tested_on,
            scenario=scenario,
            result=result,
            issues_found=issues_found,
            evidence_item_id=evidence_item_id,
        )

        return test_update
