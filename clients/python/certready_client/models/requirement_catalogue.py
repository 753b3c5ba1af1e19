from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.catalogue_view import CatalogueView

if TYPE_CHECKING:
    from ..models.framework_read import FrameworkRead
    from ..models.requirement_node_read import RequirementNodeRead


T = TypeVar("T", bound="RequirementCatalogue")


@_attrs_define
class RequirementCatalogue:
    """
    Attributes:
        framework (FrameworkRead):
        view (CatalogueView):
        total (int): Number of nodes in the catalogue.
        items (list[RequirementNodeRead]):
    """

    framework: FrameworkRead
    view: CatalogueView
    total: int
    items: list[RequirementNodeRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        framework = self.framework.to_dict()

        view = self.view.value

        total = self.total

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework": framework,
                "view": view,
                "total": total,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.framework_read import FrameworkRead  # noqa: PLC0415
        from ..models.requirement_node_read import RequirementNodeRead  # noqa: PLC0415

        d = dict(src_dict)
        framework = FrameworkRead.from_dict(d.pop("framework"))

        view = CatalogueView(d.pop("view"))

        total = d.pop("total")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = RequirementNodeRead.from_dict(items_item_data)

            items.append(items_item)

        requirement_catalogue = cls(
            framework=framework,
            view=view,
            total=total,
            items=items,
        )

        requirement_catalogue.additional_properties = d
        return requirement_catalogue

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
