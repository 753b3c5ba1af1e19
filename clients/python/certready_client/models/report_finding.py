from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportFinding")


@_attrs_define
class ReportFinding:
    """
    Attributes:
        id (UUID):
        key (str):
        grade (str):
        status (str):
        requirement_ref (None | str):
        statement (str):
        objective_evidence (list[str] | Unset): Keys of the evidence items (E-12...) it rests on.
    """

    id: UUID
    key: str
    grade: str
    status: str
    requirement_ref: None | str
    statement: str
    objective_evidence: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        grade = self.grade

        status = self.status

        requirement_ref: None | str
        requirement_ref = self.requirement_ref

        statement = self.statement

        objective_evidence: list[str] | Unset = UNSET
        if not isinstance(self.objective_evidence, Unset):
            objective_evidence = self.objective_evidence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "grade": grade,
                "status": status,
                "requirement_ref": requirement_ref,
                "statement": statement,
            }
        )
        if objective_evidence is not UNSET:
            field_dict["objective_evidence"] = objective_evidence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        grade = d.pop("grade")

        status = d.pop("status")

        def _parse_requirement_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requirement_ref = _parse_requirement_ref(d.pop("requirement_ref"))

        statement = d.pop("statement")

        objective_evidence = cast(list[str], d.pop("objective_evidence", UNSET))

        report_finding = cls(
            id=id,
            key=key,
            grade=grade,
            status=status,
            requirement_ref=requirement_ref,
            statement=statement,
            objective_evidence=objective_evidence,
        )

        report_finding.additional_properties = d
        return report_finding

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
