from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.implementation_status import ImplementationStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequirementChange")


@_attrs_define
class RequirementChange:
    """One row of a bulk update: the requirement's ref plus the fields to change.

    Attributes:
        ref (str):
        status (ImplementationStatus | None | Unset): Cannot be null.
        owner_id (None | Unset | UUID): A member of the organisation; null removes the owner.
        target_date (datetime.date | None | Unset):
        notes (None | str | Unset):
        not_occurring (bool | None | Unset): True when the requirement has no instances in the SMS scope; needs a
            justification. This is not an exclusion: the requirement still applies.
        not_occurring_justification (None | str | Unset):
        version (int | None | Unset): Optional optimistic lock: the row's current version; a stale one is a 412.
    """

    ref: str
    status: ImplementationStatus | None | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    target_date: datetime.date | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    not_occurring: bool | None | Unset = UNSET
    not_occurring_justification: None | str | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ImplementationStatus):
            status = self.status.value
        else:
            status = self.status

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        target_date: None | str | Unset
        if isinstance(self.target_date, Unset):
            target_date = UNSET
        elif isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        not_occurring: bool | None | Unset
        if isinstance(self.not_occurring, Unset):
            not_occurring = UNSET
        else:
            not_occurring = self.not_occurring

        not_occurring_justification: None | str | Unset
        if isinstance(self.not_occurring_justification, Unset):
            not_occurring_justification = UNSET
        else:
            not_occurring_justification = self.not_occurring_justification

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ref": ref,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if target_date is not UNSET:
            field_dict["target_date"] = target_date
        if notes is not UNSET:
            field_dict["notes"] = notes
        if not_occurring is not UNSET:
            field_dict["not_occurring"] = not_occurring
        if not_occurring_justification is not UNSET:
            field_dict["not_occurring_justification"] = not_occurring_justification
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ref = d.pop("ref")

        def _parse_status(data: object) -> ImplementationStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ImplementationStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImplementationStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_owner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_target_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_date_type_0 = datetime.date.fromisoformat(data)

                return target_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        target_date = _parse_target_date(d.pop("target_date", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_not_occurring(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        not_occurring = _parse_not_occurring(d.pop("not_occurring", UNSET))

        def _parse_not_occurring_justification(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        not_occurring_justification = _parse_not_occurring_justification(
            d.pop("not_occurring_justification", UNSET)
        )

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        requirement_change = cls(
            ref=ref,
            status=status,
            owner_id=owner_id,
            target_date=target_date,
            notes=notes,
            not_occurring=not_occurring,
            not_occurring_justification=not_occurring_justification,
            version=version,
        )

        return requirement_change
