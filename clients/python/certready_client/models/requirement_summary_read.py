from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.requirement_clause_summary import RequirementClauseSummary
    from ..models.requirement_status_counts import RequirementStatusCounts


T = TypeVar("T", bound="RequirementSummaryRead")


@_attrs_define
class RequirementSummaryRead:
    """
    Attributes:
        framework (str):
        overall (RequirementStatusCounts):
        clauses (list[RequirementClauseSummary]):
    """

    framework: str
    overall: RequirementStatusCounts
    clauses: list[RequirementClauseSummary]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        framework = self.framework

        overall = self.overall.to_dict()

        clauses = []
        for clauses_item_data in self.clauses:
            clauses_item = clauses_item_data.to_dict()
            clauses.append(clauses_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework": framework,
                "overall": overall,
                "clauses": clauses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requirement_clause_summary import RequirementClauseSummary  # noqa: PLC0415
        from ..models.requirement_status_counts import RequirementStatusCounts  # noqa: PLC0415

        d = dict(src_dict)
        framework = d.pop("framework")

        overall = RequirementStatusCounts.from_dict(d.pop("overall"))

        clauses = []
        _clauses = d.pop("clauses")
        for clauses_item_data in _clauses:
            clauses_item = RequirementClauseSummary.from_dict(clauses_item_data)

            clauses.append(clauses_item)

        requirement_summary_read = cls(
            framework=framework,
            overall=overall,
            clauses=clauses,
        )

        requirement_summary_read.additional_properties = d
        return requirement_summary_read

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
