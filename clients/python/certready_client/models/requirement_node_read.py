from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RequirementNodeRead")


@_attrs_define
class RequirementNodeRead:
    """One catalogue node; ``children`` is filled in the tree view only.

    Attributes:
        ref (str):
        title (str):
        parent_ref (None | str):
        depth (int):
        assessable (bool):
        guidance (str):
        documented_information_keys (list[str]): Keys of the documented information this node (or a parent clause) asks
            for.
        children (list[RequirementNodeRead] | Unset):
    """

    ref: str
    title: str
    parent_ref: None | str
    depth: int
    assessable: bool
    guidance: str
    documented_information_keys: list[str]
    children: list[RequirementNodeRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        title = self.title

        parent_ref: None | str
        parent_ref = self.parent_ref

        depth = self.depth

        assessable = self.assessable

        guidance = self.guidance

        documented_information_keys = self.documented_information_keys

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "title": title,
                "parent_ref": parent_ref,
                "depth": depth,
                "assessable": assessable,
                "guidance": guidance,
                "documented_information_keys": documented_information_keys,
            }
        )
        if children is not UNSET:
            field_dict["children"] = children

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ref = d.pop("ref")

        title = d.pop("title")

        def _parse_parent_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_ref = _parse_parent_ref(d.pop("parent_ref"))

        depth = d.pop("depth")

        assessable = d.pop("assessable")

        guidance = d.pop("guidance")

        documented_information_keys = cast(list[str], d.pop("documented_information_keys"))

        _children = d.pop("children", UNSET)
        children: list[RequirementNodeRead] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = RequirementNodeRead.from_dict(children_item_data)

                children.append(children_item)

        requirement_node_read = cls(
            ref=ref,
            title=title,
            parent_ref=parent_ref,
            depth=depth,
            assessable=assessable,
            guidance=guidance,
            documented_information_keys=documented_information_keys,
            children=children,
        )

        requirement_node_read.additional_properties = d
        return requirement_node_read

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
