from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.evidence_kind import EvidenceKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="EvidenceCreateEvidenceJsonEvidenceCreate")


@_attrs_define
class EvidenceCreateEvidenceJsonEvidenceCreate:
    """A new evidence item; a file, if any, comes with it (multipart or raw upload).

    Attributes:
        title (str):
        kind (EvidenceKind):
        description (str | Unset):  Default: ''.
        source (str | Unset):  Default: 'api'.
        external_ref (str | Unset): Ticket key or CI run URL the evidence comes from. Default: ''.
        owner_id (None | Unset | UUID):
        effective_date (datetime.date | None | Unset):
        valid_until (datetime.date | None | Unset): Review or expiry date.
        tags (list[str] | Unset):
        requirement_refs (list[str] | Unset):
        documented_information_keys (list[str] | Unset): Keys of the mandatory documents / records it fulfils (D1, R3,
            ...).
    """

    title: str
    kind: EvidenceKind
    description: str | Unset = ""
    source: str | Unset = "api"
    external_ref: str | Unset = ""
    owner_id: None | Unset | UUID = UNSET
    effective_date: datetime.date | None | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET
    tags: list[str] | Unset = UNSET
    requirement_refs: list[str] | Unset = UNSET
    documented_information_keys: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        kind = self.kind.value

        description = self.description

        source = self.source

        external_ref = self.external_ref

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        effective_date: None | str | Unset
        if isinstance(self.effective_date, Unset):
            effective_date = UNSET
        elif isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        requirement_refs: list[str] | Unset = UNSET
        if not isinstance(self.requirement_refs, Unset):
            requirement_refs = self.requirement_refs

        documented_information_keys: list[str] | Unset = UNSET
        if not isinstance(self.documented_information_keys, Unset):
            documented_information_keys = self.documented_information_keys

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "kind": kind,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if source is not UNSET:
            field_dict["source"] = source
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if effective_date is not UNSET:
            field_dict["effective_date"] = effective_date
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if tags is not UNSET:
            field_dict["tags"] = tags
        if requirement_refs is not UNSET:
            field_dict["requirement_refs"] = requirement_refs
        if documented_information_keys is not UNSET:
            field_dict["documented_information_keys"] = documented_information_keys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        kind = EvidenceKind(d.pop("kind"))

        description = d.pop("description", UNSET)

        source = d.pop("source", UNSET)

        external_ref = d.pop("external_ref", UNSET)

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

        def _parse_effective_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_date_type_0 = datetime.date.fromisoformat(data)

                return effective_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_date = _parse_effective_date(d.pop("effective_date", UNSET))

        def _parse_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        requirement_refs = cast(list[str], d.pop("requirement_refs", UNSET))

        documented_information_keys = cast(list[str], d.pop("documented_information_keys", UNSET))

        evidence_create_evidence_json_evidence_create = cls(
            title=title,
            kind=kind,
            description=description,
            source=source,
            external_ref=external_ref,
            owner_id=owner_id,
            effective_date=effective_date,
            valid_until=valid_until,
            tags=tags,
            requirement_refs=requirement_refs,
            documented_information_keys=documented_information_keys,
        )

        return evidence_create_evidence_json_evidence_create
