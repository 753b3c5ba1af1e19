from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.management_review_input_read_prefill import ManagementReviewInputReadPrefill
    from ..models.topic_link import TopicLink


T = TypeVar("T", bound="ManagementReviewInputRead")


@_attrs_define
class ManagementReviewInputRead:
    """
    Attributes:
        id (UUID):
        key (str):
        title (str):
        position (int):
        mandatory (bool):
        notes (str):
        links (list[TopicLink]):
        covered (bool):
        not_applicable_reason (None | str):
        resolved (bool): Covered, or not applicable with a reason.
        prefill (ManagementReviewInputReadPrefill): The snapshot sections that feed this topic, as at review creation.
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    title: str
    position: int
    mandatory: bool
    notes: str
    links: list[TopicLink]
    covered: bool
    not_applicable_reason: None | str
    resolved: bool
    prefill: ManagementReviewInputReadPrefill
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        title = self.title

        position = self.position

        mandatory = self.mandatory

        notes = self.notes

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        covered = self.covered

        not_applicable_reason: None | str
        not_applicable_reason = self.not_applicable_reason

        resolved = self.resolved

        prefill = self.prefill.to_dict()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "title": title,
                "position": position,
                "mandatory": mandatory,
                "notes": notes,
                "links": links,
                "covered": covered,
                "not_applicable_reason": not_applicable_reason,
                "resolved": resolved,
                "prefill": prefill,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.management_review_input_read_prefill import ManagementReviewInputReadPrefill  # noqa: PLC0415
        from ..models.topic_link import TopicLink  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        title = d.pop("title")

        position = d.pop("position")

        mandatory = d.pop("mandatory")

        notes = d.pop("notes")

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = TopicLink.from_dict(links_item_data)

            links.append(links_item)

        covered = d.pop("covered")

        def _parse_not_applicable_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        not_applicable_reason = _parse_not_applicable_reason(d.pop("not_applicable_reason"))

        resolved = d.pop("resolved")

        prefill = ManagementReviewInputReadPrefill.from_dict(d.pop("prefill"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        management_review_input_read = cls(
            id=id,
            key=key,
            title=title,
            position=position,
            mandatory=mandatory,
            notes=notes,
            links=links,
            covered=covered,
            not_applicable_reason=not_applicable_reason,
            resolved=resolved,
            prefill=prefill,
            updated_at=updated_at,
        )

        management_review_input_read.additional_properties = d
        return management_review_input_read

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
