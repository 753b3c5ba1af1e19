from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.status_counts import StatusCounts


T = TypeVar("T", bound="ClauseRead")


@_attrs_define
class ClauseRead:
    """Roll-up of one top-level clause (4-10 for ISO/IEC 20000-1).

    Attributes:
        ref (str):
        title (str):
        requirements (int):
        statuses (StatusCounts):
        evidence_links (int):
        current_evidence_links (int):
        open_findings (int):
        failing_rules (list[str]):
    """

    ref: str
    title: str
    requirements: int
    statuses: StatusCounts
    evidence_links: int
    current_evidence_links: int
    open_findings: int
    failing_rules: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        title = self.title

        requirements = self.requirements

        statuses = self.statuses.to_dict()

        evidence_links = self.evidence_links

        current_evidence_links = self.current_evidence_links

        open_findings = self.open_findings

        failing_rules = self.failing_rules

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "title": title,
                "requirements": requirements,
                "statuses": statuses,
                "evidence_links": evidence_links,
                "current_evidence_links": current_evidence_links,
                "open_findings": open_findings,
                "failing_rules": failing_rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.status_counts import StatusCounts  # noqa: PLC0415

        d = dict(src_dict)
        ref = d.pop("ref")

        title = d.pop("title")

        requirements = d.pop("requirements")

        statuses = StatusCounts.from_dict(d.pop("statuses"))

        evidence_links = d.pop("evidence_links")

        current_evidence_links = d.pop("current_evidence_links")

        open_findings = d.pop("open_findings")

        failing_rules = cast(list[str], d.pop("failing_rules"))

        clause_read = cls(
            ref=ref,
            title=title,
            requirements=requirements,
            statuses=statuses,
            evidence_links=evidence_links,
            current_evidence_links=current_evidence_links,
            open_findings=open_findings,
            failing_rules=failing_rules,
        )

        clause_read.additional_properties = d
        return clause_read

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
