from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.checklist_result import ChecklistResult

T = TypeVar("T", bound="CoverageLine")


@_attrs_define
class CoverageLine:
    """
    Attributes:
        ref (str):
        title (str):
        root_ref (str):
        sort_key (str):
        audit_id (None | UUID):
        audit_key (None | str):
        result (ChecklistResult | None):
        assessed_at (datetime.datetime | None):
        assessed_on (datetime.date | None):
    """

    ref: str
    title: str
    root_ref: str
    sort_key: str
    audit_id: None | UUID
    audit_key: None | str
    result: ChecklistResult | None
    assessed_at: datetime.datetime | None
    assessed_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        title = self.title

        root_ref = self.root_ref

        sort_key = self.sort_key

        audit_id: None | str
        if isinstance(self.audit_id, UUID):
            audit_id = str(self.audit_id)
        else:
            audit_id = self.audit_id

        audit_key: None | str
        audit_key = self.audit_key

        result: None | str
        if isinstance(self.result, ChecklistResult):
            result = self.result.value
        else:
            result = self.result

        assessed_at: None | str
        if isinstance(self.assessed_at, datetime.datetime):
            assessed_at = self.assessed_at.isoformat()
        else:
            assessed_at = self.assessed_at

        assessed_on: None | str
        if isinstance(self.assessed_on, datetime.date):
            assessed_on = self.assessed_on.isoformat()
        else:
            assessed_on = self.assessed_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "title": title,
                "root_ref": root_ref,
                "sort_key": sort_key,
                "audit_id": audit_id,
                "audit_key": audit_key,
                "result": result,
                "assessed_at": assessed_at,
                "assessed_on": assessed_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ref = d.pop("ref")

        title = d.pop("title")

        root_ref = d.pop("root_ref")

        sort_key = d.pop("sort_key")

        def _parse_audit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                audit_id_type_0 = UUID(data)

                return audit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        audit_id = _parse_audit_id(d.pop("audit_id"))

        def _parse_audit_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        audit_key = _parse_audit_key(d.pop("audit_key"))

        def _parse_result(data: object) -> ChecklistResult | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_type_0 = ChecklistResult(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChecklistResult | None, data)

        result = _parse_result(d.pop("result"))

        def _parse_assessed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessed_at_type_0 = datetime.datetime.fromisoformat(data)

                return assessed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        assessed_at = _parse_assessed_at(d.pop("assessed_at"))

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

        coverage_line = cls(
            ref=ref,
            title=title,
            root_ref=root_ref,
            sort_key=sort_key,
            audit_id=audit_id,
            audit_key=audit_key,
            result=result,
            assessed_at=assessed_at,
            assessed_on=assessed_on,
        )

        coverage_line.additional_properties = d
        return coverage_line

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
