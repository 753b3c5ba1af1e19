from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.snapshot_trigger import SnapshotTrigger

T = TypeVar("T", bound="SnapshotRead")


@_attrs_define
class SnapshotRead:
    """
    Attributes:
        id (UUID):
        framework (str):
        taken_at (datetime.datetime):
        snapshot_date (datetime.date):
        trigger (SnapshotTrigger):
        score (int):
        stage1_ready (bool | None):
        stage2_ready (bool | None):
        certification_ready (bool | None):
        maintenance_ready (bool | None):
        blockers (int):
        warnings (int):
        failing_rules (list[str]):
    """

    id: UUID
    framework: str
    taken_at: datetime.datetime
    snapshot_date: datetime.date
    trigger: SnapshotTrigger
    score: int
    stage1_ready: bool | None
    stage2_ready: bool | None
    certification_ready: bool | None
    maintenance_ready: bool | None
    blockers: int
    warnings: int
    failing_rules: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        framework = self.framework

        taken_at = self.taken_at.isoformat()

        snapshot_date = self.snapshot_date.isoformat()

        trigger = self.trigger.value

        score = self.score

        stage1_ready: bool | None
        stage1_ready = self.stage1_ready

        stage2_ready: bool | None
        stage2_ready = self.stage2_ready

        certification_ready: bool | None
        certification_ready = self.certification_ready

        maintenance_ready: bool | None
        maintenance_ready = self.maintenance_ready

        blockers = self.blockers

        warnings = self.warnings

        failing_rules = self.failing_rules

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "framework": framework,
                "taken_at": taken_at,
                "snapshot_date": snapshot_date,
                "trigger": trigger,
                "score": score,
                "stage1_ready": stage1_ready,
                "stage2_ready": stage2_ready,
                "certification_ready": certification_ready,
                "maintenance_ready": maintenance_ready,
                "blockers": blockers,
                "warnings": warnings,
                "failing_rules": failing_rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        framework = d.pop("framework")

        taken_at = datetime.datetime.fromisoformat(d.pop("taken_at"))

        snapshot_date = datetime.date.fromisoformat(d.pop("snapshot_date"))

        trigger = SnapshotTrigger(d.pop("trigger"))

        score = d.pop("score")

        def _parse_stage1_ready(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        stage1_ready = _parse_stage1_ready(d.pop("stage1_ready"))

        def _parse_stage2_ready(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        stage2_ready = _parse_stage2_ready(d.pop("stage2_ready"))

        def _parse_certification_ready(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        certification_ready = _parse_certification_ready(d.pop("certification_ready"))

        def _parse_maintenance_ready(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        maintenance_ready = _parse_maintenance_ready(d.pop("maintenance_ready"))

        blockers = d.pop("blockers")

        warnings = d.pop("warnings")

        failing_rules = cast(list[str], d.pop("failing_rules"))

        snapshot_read = cls(
            id=id,
            framework=framework,
            taken_at=taken_at,
            snapshot_date=snapshot_date,
            trigger=trigger,
            score=score,
            stage1_ready=stage1_ready,
            stage2_ready=stage2_ready,
            certification_ready=certification_ready,
            maintenance_ready=maintenance_ready,
            blockers=blockers,
            warnings=warnings,
            failing_rules=failing_rules,
        )

        snapshot_read.additional_properties = d
        return snapshot_read

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
