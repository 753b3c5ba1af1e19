from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from certready.orgs.enums import Role

Domain = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        min_length=3,
        max_length=253,
        pattern=r"^([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$",
    ),
]
ClaimValue = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class ProviderRead(BaseModel):
    id: str
    name: str
    login_url: str = Field(description="Open this in the browser (a top-level navigation).")


class ProviderList(BaseModel):
    items: list[ProviderRead]


class OrgSsoRead(BaseModel):
    enabled: bool = Field(description="Whether the organisation uses single sign-on.")
    provider_id: str | None
    domains: list[str]
    default_role: Role | None = Field(
        description="The role of a person of these domains who signs in without a membership "
        "(just-in-time membership); null: only existing members and mapped roles."
    )
    role_mapping: dict[str, Role] = Field(
        description="A value of the provider's role claim -> our role (the highest one wins)."
    )
    role_claim: str | None = Field(description="The provider's claim the mapping reads.")


class OrgSsoUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "provider_id": "corp",
                    "domains": ["acme.example"],
                    "default_role": "viewer",
                    "role_mapping": {"certready-auditors": "auditor"},
                }
            ]
        },
    )

    provider_id: str = Field(max_length=63)
    domains: list[Domain] = Field(min_length=1, max_length=20)
    default_role: Role | None = None
    role_mapping: dict[ClaimValue, Role] = Field(default_factory=dict, max_length=50)


class SsoExchange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=128, description="The one-time code the callback handed over.")
