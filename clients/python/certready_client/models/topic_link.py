from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.link_type import LinkType

T = TypeVar("T", bound="TopicLink")


@_attrs_define
class TopicLink:
    """A typed reference from an input topic to an item of this organisation.

    Attributes:
        type_ (LinkType): What an input topic may point at.
        id (UUID):
    """

    type_: LinkType
    id: UUID

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = str(self.id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = LinkType(d.pop("type"))

        id = UUID(d.pop("id"))

        topic_link = cls(
            type_=type_,
            id=id,
        )

        return topic_link
