from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

if TYPE_CHECKING:
    from ..models.org_sso_read_role_mapping import OrgSsoReadRoleMapping


T = TypeVar("T", bound="OrgSsoRead")


@_attrs_define
class OrgSsoRead:
    """
    Attributes:
        enabled (bool): Whether the organisation uses single sign-on.
        provider_id (None | str):
        domains (list[str]):
        default_role (None | Role): The role of a person of these domains who signs in without a membership (just-in-
            time membership); null: only existing members and mapped roles.
        role_mapping (OrgSsoReadRoleMapping): A value of the provider's role claim -> our role (the highest one wins).
        role_claim (None | str): The provider's claim the mapping reads.
    """

    enabled: bool
    provider_id: None | str
    domains: list[str]
    default_role: None | Role
    role_mapping: OrgSsoReadRoleMapping
    role_claim: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        provider_id: None | str
        provider_id = self.provider_id

        domains = self.domains

        default_role: None | str
        if isinstance(self.default_role, Role):
            default_role = self.default_role.value
        else:
            default_role = self.default_role

        role_mapping = self.role_mapping.to_dict()

        role_claim: None | str
        role_claim = self.role_claim

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
                "provider_id": provider_id,
                "domains": domains,
                "default_role": default_role,
                "role_mapping": role_mapping,
                "role_claim": role_claim,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.org_sso_read_role_mapping import OrgSsoReadRoleMapping  # noqa: PLC0415

        d = dict(src_dict)
        enabled = d.pop("enabled")

        def _parse_provider_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provider_id = _parse_provider_id(d.pop("provider_id"))

        domains = cast(list[str], d.pop("domains"))

        def _parse_default_role(data: object) -> None | Role:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_role_type_0 = Role(data)

                return default_role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Role, data)

        default_role = _parse_default_role(d.pop("default_role"))

        role_mapping = OrgSsoReadRoleMapping.from_dict(d.pop("role_mapping"))

        def _parse_role_claim(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role_claim = _parse_role_claim(d.pop("role_claim"))

        org_sso_read = cls(
            enabled=enabled,
            provider_id=provider_id,
            domains=domains,
            default_role=default_role,
            role_mapping=role_mapping,
            role_claim=role_claim,
        )

        org_sso_read.additional_properties = d
        return org_sso_read

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
