from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_scope import TokenScope

T = TypeVar("T", bound="CurrentTokenRead")


@_attrs_define
class CurrentTokenRead:
    """What the API token making the call may do, and where (for scripts and the CLI).

    Attributes:
        id (UUID):
        name (str):
        org_id (UUID):
        org_slug (str):
        scopes (list[TokenScope]):
        role (str):
        expires_at (datetime.datetime):
    """

    id: UUID
    name: str
    org_id: UUID
    org_slug: str
    scopes: list[TokenScope]
    role: str
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        org_id = str(self.org_id)

        org_slug = self.org_slug

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        role = self.role

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "org_id": org_id,
                "org_slug": org_slug,
                "scopes": scopes,
                "role": role,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        org_id = UUID(d.pop("org_id"))

        org_slug = d.pop("org_slug")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = TokenScope(scopes_item_data)

            scopes.append(scopes_item)

        role = d.pop("role")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        current_token_read = cls(
            id=id,
            name=name,
            org_id=org_id,
            org_slug=org_slug,
            scopes=scopes,
            role=role,
            expires_at=expires_at,
        )

        current_token_read.additional_properties = d
        return current_token_read

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
