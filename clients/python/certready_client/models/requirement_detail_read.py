from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.implementation_status import ImplementationStatus

if TYPE_CHECKING:
    from ..models.activity_read import ActivityRead
    from ..models.documented_information_read import DocumentedInformationRead
    from ..models.requirement_owner import RequirementOwner


T = TypeVar("T", bound="RequirementDetailRead")


@_attrs_define
class RequirementDetailRead:
    """
    Attributes:
        ref (str):
        title (str):
        depth (int):
        parent_ref (None | str):
        assessable (bool):
        status (ImplementationStatus | None):
        owner_id (None | UUID):
        owner (None | RequirementOwner):
        target_date (datetime.date | None):
        notes (None | str):
        not_occurring (bool | None):
        not_occurring_justification (None | str):
        version (int | None): The ETag value; send it as If-Match to change the row.
        updated_at (datetime.datetime | None):
        updated_by (None | UUID):
        guidance (str):
        documented_information (list[DocumentedInformationRead]):
        history (list[ActivityRead]): The latest 50 changes of this requirement, newest first.
    """

    ref: str
    title: str
    depth: int
    parent_ref: None | str
    assessable: bool
    status: ImplementationStatus | None
    owner_id: None | UUID
    owner: None | RequirementOwner
    target_date: datetime.date | None
    notes: None | str
    not_occurring: bool | None
    not_occurring_justification: None | str
    version: int | None
    updated_at: datetime.datetime | None
    updated_by: None | UUID
    guidance: str
    documented_information: list[DocumentedInformationRead]
    history: list[ActivityRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.requirement_owner import RequirementOwner  # noqa: PLC0415

        ref = self.ref

        title = self.title

        depth = self.depth

        parent_ref: None | str
        parent_ref = self.parent_ref

        assessable = self.assessable

        status: None | str
        if isinstance(self.status, ImplementationStatus):
            status = self.status.value
        else:
            status = self.status

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        owner: dict[str, Any] | None
        if isinstance(self.owner, RequirementOwner):
            owner = self.owner.to_dict()
        else:
            owner = self.owner

        target_date: None | str
        if isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        notes: None | str
        notes = self.notes

        not_occurring: bool | None
        not_occurring = self.not_occurring

        not_occurring_justification: None | str
        not_occurring_justification = self.not_occurring_justification

        version: int | None
        version = self.version

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        updated_by: None | str
        if isinstance(self.updated_by, UUID):
            updated_by = str(self.updated_by)
        else:
            updated_by = self.updated_by

        guidance = self.guidance

        documented_information = []
        for documented_information_item_data in self.documented_information:
            documented_information_item = documented_information_item_data.to_dict()
            documented_information.append(documented_information_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "title": title,
                "depth": depth,
                "parent_ref": parent_ref,
                "assessable": assessable,
                "status": status,
                "owner_id": owner_id,
                "owner": owner,
                "target_date": target_date,
                "notes": notes,
                "not_occurring": not_occurring,
                "not_occurring_justification": not_occurring_justification,
                "version": version,
                "updated_at": updated_at,
                "updated_by": updated_by,
                "guidance": guidance,
                "documented_information": documented_information,
                "history": history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_read import ActivityRead  # noqa: PLC0415
        from ..models.documented_information_read import DocumentedInformationRead  # noqa: PLC0415
        from ..models.requirement_owner import RequirementOwner  # noqa: PLC0415

        d = dict(src_dict)
        ref = d.pop("ref")

        title = d.pop("title")

        depth = d.pop("depth")

        def _parse_parent_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_ref = _parse_parent_ref(d.pop("parent_ref"))

        assessable = d.pop("assessable")

        def _parse_status(data: object) -> ImplementationStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ImplementationStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImplementationStatus | None, data)

        status = _parse_status(d.pop("status"))

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

        def _parse_owner(data: object) -> None | RequirementOwner:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                owner_type_0 = RequirementOwner.from_dict(data)

                return owner_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RequirementOwner, data)

        owner = _parse_owner(d.pop("owner"))

        def _parse_target_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_date_type_0 = datetime.date.fromisoformat(data)

                return target_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        target_date = _parse_target_date(d.pop("target_date"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_not_occurring(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        not_occurring = _parse_not_occurring(d.pop("not_occurring"))

        def _parse_not_occurring_justification(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        not_occurring_justification = _parse_not_occurring_justification(
            d.pop("not_occurring_justification")
        )

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_updated_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_by_type_0 = UUID(data)

                return updated_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))

        guidance = d.pop("guidance")

        documented_information = []
        _documented_information = d.pop("documented_information")
        for documented_information_item_data in _documented_information:
            documented_information_item = DocumentedInformationRead.from_dict(
                documented_information_item_data
            )

            documented_information.append(documented_information_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = ActivityRead.from_dict(history_item_data)

            history.append(history_item)

        requirement_detail_read = cls(
            ref=ref,
            title=title,
            depth=depth,
            parent_ref=parent_ref,
            assessable=assessable,
            status=status,
            owner_id=owner_id,
            owner=owner,
            target_date=target_date,
            notes=notes,
            not_occurring=not_occurring,
            not_occurring_justification=not_occurring_justification,
            version=version,
            updated_at=updated_at,
            updated_by=updated_by,
            guidance=guidance,
            documented_information=documented_information,
            history=history,
        )

        requirement_detail_read.additional_properties = d
        return requirement_detail_read

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
