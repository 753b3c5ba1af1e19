from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.org_sso_update_role_mapping import OrgSsoUpdateRoleMapping


T = TypeVar("T", bound="OrgSsoUpdate")


@_attrs_define
class OrgSsoUpdate:
    """
    Attributes:
        provider_id (str):
        domains (list[str]):
        default_role (None | Role | Unset):
        role_mapping (OrgSsoUpdateRoleMapping | Unset):
    """

    provider_id: str
    domains: list[str]
    default_role: None | Role | Unset = UNSET
    role_mapping: OrgSsoUpdateRoleMapping | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        provider_id = self.provider_id

        domains = self.domains

        default_role: None | str | Unset
        if isinstance(self.default_role, Unset):
            default_role = UNSET
        elif isinstance(self.default_role, Role):
            default_role = self.default_role.value
        else:
            default_role = self.default_role

        role_mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.role_mapping, Unset):
            role_mapping = self.role_mapping.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provider_id": provider_id,
                "domains": domains,
            }
        )
        if default_role is not UNSET:
            field_dict["default_role"] = default_role
        if role_mapping is not UNSET:
            field_dict["role_mapping"] = role_mapping

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.org_sso_update_role_mapping import OrgSsoUpdateRoleMapping  # noqa: PLC0415

        d = dict(src_dict)
        provider_id = d.pop("provider_id")

        domains = cast(list[str], d.pop("domains"))

        def _parse_default_role(data: object) -> None | Role | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_role_type_0 = Role(data)

                return default_role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Role | Unset, data)

        default_role = _parse_default_role(d.pop("default_role", UNSET))

        _role_mapping = d.pop("role_mapping", UNSET)
        role_mapping: OrgSsoUpdateRoleMapping | Unset
        if isinstance(_role_mapping, Unset):
            role_mapping = UNSET
        else:
            role_mapping = OrgSsoUpdateRoleMapping.from_dict(_role_mapping)

        org_sso_update = cls(
            provider_id=provider_id,
            domains=domains,
            default_role=default_role,
            role_mapping=role_mapping,
        )

        return org_sso_update
