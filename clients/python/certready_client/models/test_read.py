from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.test_result import TestResult

T = TypeVar("T", bound="TestRead")


@_attrs_define
class TestRead:
    """
    Attributes:
        id (UUID):
        key (str):
        plan_id (UUID):
        tested_on (datetime.date):
        scenario (str):
        result (TestResult):
        issues_found (str):
        evidence_item_id (None | UUID):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    plan_id: UUID
    tested_on: datetime.date
    scenario: str
    result: TestResult
    issues_found: str
    evidence_item_id: None | UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        plan_id = str(self.plan_id)

        tested_on = self.tested_on.isoformat()

        scenario = self.scenario

        result = self.result.value

        issues_found = self.issues_found

        evidence_item_id: None | str
        if isinstance(self.evidence_item_id, UUID):
            evidence_item_id = str(self.evidence_item_id)
        else:
            evidence_item_id = self.evidence_item_id

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "plan_id": plan_id,
                "tested_on": tested_on,
                "scenario": scenario,
                "result": result,
                "issues_found": issues_found,
                "evidence_item_id": evidence_item_id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        plan_id = UUID(d.pop("plan_id"))

        tested_on = datetime.date.fromisoformat(d.pop("tested_on"))

        scenario = d.pop("scenario")

        result = TestResult(d.pop("result"))

        issues_found = d.pop("issues_found")

        def _parse_evidence_item_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evidence_item_id_type_0 = UUID(data)

                return evidence_item_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        evidence_item_id = _parse_evidence_item_id(d.pop("evidence_item_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        test_read = cls(
            id=id,
            key=key,
            plan_id=plan_id,
            tested_on=tested_on,
            scenario=scenario,
            result=result,
            issues_found=issues_found,
            evidence_item_id=evidence_item_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        test_read.additional_properties = d
        return test_read

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
