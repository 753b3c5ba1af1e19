from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_kind import EvidenceKind
from ..models.evidence_status import EvidenceStatus

if TYPE_CHECKING:
    from ..models.evidence_version_read import EvidenceVersionRead


T = TypeVar("T", bound="EvidenceRead")


@_attrs_define
class EvidenceRead:
    """
    Attributes:
        id (UUID):
        key (str):
        title (str):
        description (str):
        kind (EvidenceKind):
        source (str):
        external_ref (str):
        owner_id (None | UUID):
        effective_date (datetime.date | None):
        valid_until (datetime.date | None):
        tags (list[str]):
        status (EvidenceStatus): Document control (ISO/IEC 20000-1 7.5.4): approved before it counts as evidence.
        allowed_transitions (list[EvidenceStatus]):
        expired (bool): Approved, but past its valid_until date.
        archived (bool):
        archived_at (datetime.datetime | None):
        approved_by (None | UUID):
        approved_at (datetime.datetime | None): When the approval was recorded.
        approved_on (datetime.date | None): The day it was approved (as stated).
        requirement_refs (list[str]):
        documented_information_keys (list[str]):
        current_version (EvidenceVersionRead | None):
        version_count (int):
        created_by (None | UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        revision (int): Changes with every metadata change (the ETag).
    """

    id: UUID
    key: str
    title: str
    description: str
    kind: EvidenceKind
    source: str
    external_ref: str
    owner_id: None | UUID
    effective_date: datetime.date | None
    valid_until: datetime.date | None
    tags: list[str]
    status: EvidenceStatus
    allowed_transitions: list[EvidenceStatus]
    expired: bool
    archived: bool
    archived_at: datetime.datetime | None
    approved_by: None | UUID
    approved_at: datetime.datetime | None
    approved_on: datetime.date | None
    requirement_refs: list[str]
    documented_information_keys: list[str]
    current_version: EvidenceVersionRead | None
    version_count: int
    created_by: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    revision: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.evidence_version_read import EvidenceVersionRead  # noqa: PLC0415

        id = str(self.id)

        key = self.key

        title = self.title

        description = self.description

        kind = self.kind.value

        source = self.source

        external_ref = self.external_ref

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        effective_date: None | str
        if isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        valid_until: None | str
        if isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        tags = self.tags

        status = self.status.value

        allowed_transitions = []
        for allowed_transitions_item_data in self.allowed_transitions:
            allowed_transitions_item = allowed_transitions_item_data.value
            allowed_transitions.append(allowed_transitions_item)

        expired = self.expired

        archived = self.archived

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        approved_by: None | str
        if isinstance(self.approved_by, UUID):
            approved_by = str(self.approved_by)
        else:
            approved_by = self.approved_by

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        approved_on: None | str
        if isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        requirement_refs = self.requirement_refs

        documented_information_keys = self.documented_information_keys

        current_version: dict[str, Any] | None
        if isinstance(self.current_version, EvidenceVersionRead):
            current_version = self.current_version.to_dict()
        else:
            current_version = self.current_version

        version_count = self.version_count

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        revision = self.revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "title": title,
                "description": description,
                "kind": kind,
                "source": source,
                "external_ref": external_ref,
                "owner_id": owner_id,
                "effective_date": effective_date,
                "valid_until": valid_until,
                "tags": tags,
                "status": status,
                "allowed_transitions": allowed_transitions,
                "expired": expired,
                "archived": archived,
                "archived_at": archived_at,
                "approved_by": approved_by,
                "approved_at": approved_at,
                "approved_on": approved_on,
                "requirement_refs": requirement_refs,
                "documented_information_keys": documented_information_keys,
                "current_version": current_version,
                "version_count": version_count,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "revision": revision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evidence_version_read import EvidenceVersionRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        title = d.pop("title")

        description = d.pop("description")

        kind = EvidenceKind(d.pop("kind"))

        source = d.pop("source")

        external_ref = d.pop("external_ref")

        def _parse_owner_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        def _parse_effective_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_date_type_0 = datetime.date.fromisoformat(data)

                return effective_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_date = _parse_effective_date(d.pop("effective_date"))

        def _parse_valid_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        tags = cast(list[str], d.pop("tags"))

        status = EvidenceStatus(d.pop("status"))

        allowed_transitions = []
        _allowed_transitions = d.pop("allowed_transitions")
        for allowed_transitions_item_data in _allowed_transitions:
            allowed_transitions_item = EvidenceStatus(allowed_transitions_item_data)

            allowed_transitions.append(allowed_transitions_item)

        expired = d.pop("expired")

        archived = d.pop("archived")

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        def _parse_approved_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_by_type_0 = UUID(data)

                return approved_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_approved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        approved_on = _parse_approved_on(d.pop("approved_on"))

        requirement_refs = cast(list[str], d.pop("requirement_refs"))

        documented_information_keys = cast(list[str], d.pop("documented_information_keys"))

        def _parse_current_version(data: object) -> EvidenceVersionRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_version_type_0 = EvidenceVersionRead.from_dict(data)

                return current_version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvidenceVersionRead | None, data)

        current_version = _parse_current_version(d.pop("current_version"))

        version_count = d.pop("version_count")

        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        revision = d.pop("revision")

        evidence_read = cls(
            id=id,
            key=key,
            title=title,
            description=description,
            kind=kind,
            source=source,
            external_ref=external_ref,
            owner_id=owner_id,
            effective_date=effective_date,
            valid_until=valid_until,
            tags=tags,
            status=status,
            allowed_transitions=allowed_transitions,
            expired=expired,
            archived=archived,
            archived_at=archived_at,
            approved_by=approved_by,
            approved_at=approved_at,
            approved_on=approved_on,
            requirement_refs=requirement_refs,
            documented_information_keys=documented_information_keys,
            current_version=current_version,
            version_count=version_count,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            revision=revision,
        )

        evidence_read.additional_properties = d
        return evidence_read

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
