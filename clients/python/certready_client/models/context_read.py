from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_read import IssueRead
    from ..models.party_read import PartyRead


T = TypeVar("T", bound="ContextRead")


@_attrs_define
class ContextRead:
    """
    Attributes:
        id (UUID):
        summary (str):
        climate_change_relevant (bool | None):
        climate_change_reasoning (str):
        approved (bool):
        approved_on (datetime.date | None):
        approved_by_id (None | UUID):
        reviewed_on (datetime.date | None):
        issues (list[IssueRead]):
        parties (list[PartyRead]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    summary: str
    climate_change_relevant: bool | None
    climate_change_reasoning: str
    approved: bool
    approved_on: datetime.date | None
    approved_by_id: None | UUID
    reviewed_on: datetime.date | None
    issues: list[IssueRead]
    parties: list[PartyRead]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        summary = self.summary

        climate_change_relevant: bool | None
        climate_change_relevant = self.climate_change_relevant

        climate_change_reasoning = self.climate_change_reasoning

        approved = self.approved

        approved_on: None | str
        if isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        approved_by_id: None | str
        if isinstance(self.approved_by_id, UUID):
            approved_by_id = str(self.approved_by_id)
        else:
            approved_by_id = self.approved_by_id

        reviewed_on: None | str
        if isinstance(self.reviewed_on, datetime.date):
            reviewed_on = self.reviewed_on.isoformat()
        else:
            reviewed_on = self.reviewed_on

        issues = []
        for issues_item_data in self.issues:
            issues_item = issues_item_data.to_dict()
            issues.append(issues_item)

        parties = []
        for parties_item_data in self.parties:
            parties_item = parties_item_data.to_dict()
            parties.append(parties_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "summary": summary,
                "climate_change_relevant": climate_change_relevant,
                "climate_change_reasoning": climate_change_reasoning,
                "approved": approved,
                "approved_on": approved_on,
                "approved_by_id": approved_by_id,
                "reviewed_on": reviewed_on,
                "issues": issues,
                "parties": parties,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_read import IssueRead  # noqa: PLC0415
        from ..models.party_read import PartyRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        summary = d.pop("summary")

        def _parse_climate_change_relevant(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        climate_change_relevant = _parse_climate_change_relevant(d.pop("climate_change_relevant"))

        climate_change_reasoning = d.pop("climate_change_reasoning")

        approved = d.pop("approved")

        def _parse_approved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        approved_on = _parse_approved_on(d.pop("approved_on"))

        def _parse_approved_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_by_id_type_0 = UUID(data)

                return approved_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        approved_by_id = _parse_approved_by_id(d.pop("approved_by_id"))

        def _parse_reviewed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_on_type_0 = datetime.date.fromisoformat(data)

                return reviewed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        reviewed_on = _parse_reviewed_on(d.pop("reviewed_on"))

        issues = []
        _issues = d.pop("issues")
        for issues_item_data in _issues:
            issues_item = IssueRead.from_dict(issues_item_data)

            issues.append(issues_item)

        parties = []
        _parties = d.pop("parties")
        for parties_item_data in _parties:
            parties_item = PartyRead.from_dict(parties_item_data)

            parties.append(parties_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        context_read = cls(
            id=id,
            summary=summary,
            climate_change_relevant=climate_change_relevant,
            climate_change_reasoning=climate_change_reasoning,
            approved=approved,
            approved_on=approved_on,
            approved_by_id=approved_by_id,
            reviewed_on=reviewed_on,
            issues=issues,
            parties=parties,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        context_read.additional_properties = d
        return context_read

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
