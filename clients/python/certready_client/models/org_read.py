from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrgRead")


@_attrs_define
class OrgRead:
    """
    Attributes:
        id (UUID):
        slug (str):
        name (str):
        sms_scope (str):
        target_certification_date (datetime.date | None):
        certification_body (str):
        certification_decision_date (datetime.date | None):
        require_mfa (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    slug: str
    name: str
    sms_scope: str
    target_certification_date: datetime.date | None
    certification_body: str
    certification_decision_date: datetime.date | None
    require_mfa: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        slug = self.slug

        name = self.name

        sms_scope = self.sms_scope

        target_certification_date: None | str
        if isinstance(self.target_certification_date, datetime.date):
            target_certification_date = self.target_certification_date.isoformat()
        else:
            target_certification_date = self.target_certification_date

        certification_body = self.certification_body

        certification_decision_date: None | str
        if isinstance(self.certification_decision_date, datetime.date):
            certification_decision_date = self.certification_decision_date.isoformat()
        else:
            certification_decision_date = self.certification_decision_date

        require_mfa = self.require_mfa

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "slug": slug,
                "name": name,
                "sms_scope": sms_scope,
                "target_certification_date": target_certification_date,
                "certification_body": certification_body,
                "certification_decision_date": certification_decision_date,
                "require_mfa": require_mfa,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        slug = d.pop("slug")

        name = d.pop("name")

        sms_scope = d.pop("sms_scope")

        def _parse_target_certification_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_certification_date_type_0 = datetime.date.fromisoformat(data)

                return target_certification_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        target_certification_date = _parse_target_certification_date(
            d.pop("target_certification_date")
        )

        certification_body = d.pop("certification_body")

        def _parse_certification_decision_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                certification_decision_date_type_0 = datetime.date.fromisoformat(data)

                return certification_decision_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        certification_decision_date = _parse_certification_decision_date(
            d.pop("certification_decision_date")
        )

        require_mfa = d.pop("require_mfa")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        org_read = cls(
            id=id,
            slug=slug,
            name=name,
            sms_scope=sms_scope,
            target_certification_date=target_certification_date,
            certification_body=certification_body,
            certification_decision_date=certification_decision_date,
            require_mfa=require_mfa,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        org_read.additional_properties = d
        return org_read

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
