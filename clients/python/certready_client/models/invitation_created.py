from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery import Delivery
from ..models.invitation_status import InvitationStatus
from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvitationCreated")


@_attrs_define
class InvitationCreated:
    """The same answer whether or not the address has an account anywhere.

    Attributes:
        id (UUID):
        email (str):
        role (Role):
        status (InvitationStatus):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        delivery (Delivery):
        accept_url (None | str | Unset): Only when no mail is configured (`delivery: link`), shown this once.
    """

    id: UUID
    email: str
    role: Role
    status: InvitationStatus
    created_at: datetime.datetime
    expires_at: datetime.datetime
    delivery: Delivery
    accept_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email = self.email

        role = self.role.value

        status = self.status.value

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        delivery = self.delivery.value

        accept_url: None | str | Unset
        if isinstance(self.accept_url, Unset):
            accept_url = UNSET
        else:
            accept_url = self.accept_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "role": role,
                "status": status,
                "created_at": created_at,
                "expires_at": expires_at,
                "delivery": delivery,
            }
        )
        if accept_url is not UNSET:
            field_dict["accept_url"] = accept_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        role = Role(d.pop("role"))

        status = InvitationStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        delivery = Delivery(d.pop("delivery"))

        def _parse_accept_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accept_url = _parse_accept_url(d.pop("accept_url", UNSET))

        invitation_created = cls(
            id=id,
            email=email,
            role=role,
            status=status,
            created_at=created_at,
            expires_at=expires_at,
            delivery=delivery,
            accept_url=accept_url,
        )

        invitation_created.additional_properties = d
        return invitation_created

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
