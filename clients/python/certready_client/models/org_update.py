from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrgUpdate")


@_attrs_define
class OrgUpdate:
    """Fields an admin may change; anything else is refused (SECURITY.md Z4).

    Attributes:
        name (None | str | Unset):
        sms_scope (None | str | Unset):
        target_certification_date (datetime.date | None | Unset):
        certification_body (None | str | Unset):
        certification_decision_date (datetime.date | None | Unset):
        require_mfa (bool | None | Unset): Members must sign in with a second factor (TOTP); those without one enrol at
            their next sign-in. Turning it on needs a factor of your own.
    """

    name: None | str | Unset = UNSET
    sms_scope: None | str | Unset = UNSET
    target_certification_date: datetime.date | None | Unset = UNSET
    certification_body: None | str | Unset = UNSET
    certification_decision_date: datetime.date | None | Unset = UNSET
    require_mfa: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        sms_scope: None | str | Unset
        if isinstance(self.sms_scope, Unset):
            sms_scope = UNSET
        else:
            sms_scope = self.sms_scope

        target_certification_date: None | str | Unset
        if isinstance(self.target_certification_date, Unset):
            target_certification_date = UNSET
        elif isinstance(self.target_certification_date, datetime.date):
            target_certification_date = self.target_certification_date.isoformat()
        else:
            target_certification_date = self.target_certification_date

        certification_body: None | str | Unset
        if isinstance(self.certification_body, Unset):
            certification_body = UNSET
        else:
            certification_body = self.certification_body

        certification_decision_date: None | str | Unset
        if isinstance(self.certification_decision_date, Unset):
            certification_decision_date = UNSET
        elif isinstance(self.certification_decision_date, datetime.date):
            certification_decision_date = self.certification_decision_date.isoformat()
        else:
            certification_decision_date = self.certification_decision_date

        require_mfa: bool | None | Unset
        if isinstance(self.require_mfa, Unset):
            require_mfa = UNSET
        else:
            require_mfa = self.require_mfa

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if sms_scope is not UNSET:
            field_dict["sms_scope"] = sms_scope
        if target_certification_date is not UNSET:
            field_dict["target_certification_date"] = target_certification_date
        if certification_body is not UNSET:
            field_dict["certification_body"] = certification_body
        if certification_decision_date is not UNSET:
            field_dict["certification_decision_date"] = certification_decision_date
        if require_mfa is not UNSET:
            field_dict["require_mfa"] = require_mfa

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_sms_scope(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sms_scope = _parse_sms_scope(d.pop("sms_scope", UNSET))

        def _parse_target_certification_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_certification_date_type_0 = datetime.date.fromisoformat(data)

                return target_certification_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        target_certification_date = _parse_target_certification_date(
            d.pop("target_certification_date", UNSET)
        )

        def _parse_certification_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        certification_body = _parse_certification_body(d.pop("certification_body", UNSET))

        def _parse_certification_decision_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                certification_decision_date_type_0 = datetime.date.fromisoformat(data)

                return certification_decision_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        certification_decision_date = _parse_certification_decision_date(
            d.pop("certification_decision_date", UNSET)
        )

        def _parse_require_mfa(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        require_mfa = _parse_require_mfa(d.pop("require_mfa", UNSET))

        org_update = cls(
            name=name,
            sms_scope=sms_scope,
            target_certification_date=target_certification_date,
            certification_body=certification_body,
            certification_decision_date=certification_decision_date,
            require_mfa=require_mfa,
        )

        return org_update
