from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.topic_link import TopicLink


T = TypeVar("T", bound="ManagementReviewInputUpdate")


@_attrs_define
class ManagementReviewInputUpdate:
    """Record how a topic was covered, or why it does not apply this time.

    Attributes:
        notes (None | str | Unset):
        links (list[TopicLink] | None | Unset):
        covered (bool | None | Unset):
        not_applicable_reason (None | str | Unset): A reason marks the topic not applicable (a blank one is refused:
            422); null withdraws it.
    """

    notes: None | str | Unset = UNSET
    links: list[TopicLink] | None | Unset = UNSET
    covered: bool | None | Unset = UNSET
    not_applicable_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        links: list[dict[str, Any]] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, list):
            links = []
            for links_type_0_item_data in self.links:
                links_type_0_item = links_type_0_item_data.to_dict()
                links.append(links_type_0_item)

        else:
            links = self.links

        covered: bool | None | Unset
        if isinstance(self.covered, Unset):
            covered = UNSET
        else:
            covered = self.covered

        not_applicable_reason: None | str | Unset
        if isinstance(self.not_applicable_reason, Unset):
            not_applicable_reason = UNSET
        else:
            not_applicable_reason = self.not_applicable_reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if notes is not UNSET:
            field_dict["notes"] = notes
        if links is not UNSET:
            field_dict["links"] = links
        if covered is not UNSET:
            field_dict["covered"] = covered
        if not_applicable_reason is not UNSET:
            field_dict["not_applicable_reason"] = not_applicable_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topic_link import TopicLink  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_links(data: object) -> list[TopicLink] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                links_type_0 = []
                _links_type_0 = data
                for links_type_0_item_data in _links_type_0:
                    links_type_0_item = TopicLink.from_dict(links_type_0_item_data)

                    links_type_0.append(links_type_0_item)

                return links_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TopicLink] | None | Unset, data)

        links = _parse_links(d.pop("links", UNSET))

        def _parse_covered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        covered = _parse_covered(d.pop("covered", UNSET))

        def _parse_not_applicable_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        not_applicable_reason = _parse_not_applicable_reason(d.pop("not_applicable_reason", UNSET))

        management_review_input_update = cls(
            notes=notes,
            links=links,
            covered=covered,
            not_applicable_reason=not_applicable_reason,
        )

        return management_review_input_update
