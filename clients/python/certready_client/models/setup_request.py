from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.admin_create import AdminCreate
    from ..models.org_create import OrgCreate


T = TypeVar("T", bound="SetupRequest")


@_attrs_define
class SetupRequest:
    """
    Attributes:
        organisation (OrgCreate):
        admin (AdminCreate):
    """

    organisation: OrgCreate
    admin: AdminCreate

    def to_dict(self) -> dict[str, Any]:
        organisation = self.organisation.to_dict()

        admin = self.admin.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "organisation": organisation,
                "admin": admin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_create import AdminCreate  # noqa: PLC0415
        from ..models.org_create import OrgCreate  # noqa: PLC0415

        d = dict(src_dict)
        organisation = OrgCreate.from_dict(d.pop("organisation"))

        admin = AdminCreate.from_dict(d.pop("admin"))

        setup_request = cls(
            organisation=organisation,
            admin=admin,
        )

        return setup_request
