from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.root_cause_method import RootCauseMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="CorrectiveMeasureUpdate")


@_attrs_define
class CorrectiveMeasureUpdate:
    """Fields to change while the measure is neither closed nor cancelled.

    Attributes:
        title (None | str | Unset):
        description (None | str | Unset):
        finding_ids (list[UUID] | None | Unset):
        owner_id (None | Unset | UUID):
        due_date (datetime.date | None | Unset):
        correction (None | str | Unset): The immediate correction.
        correction_date (datetime.date | None | Unset):
        correction_by_id (None | Unset | UUID):
        root_cause_method (None | RootCauseMethod | Unset):
        root_cause (None | str | Unset): Result of the root-cause analysis.
        extent (None | str | Unset): Could it occur elsewhere?
        sms_change_evidence_ids (list[UUID] | None | Unset): Evidence of the SMS changes made.
    """

    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    finding_ids: list[UUID] | None | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    due_date: datetime.date | None | Unset = UNSET
    correction: None | str | Unset = UNSET
    correction_date: datetime.date | None | Unset = UNSET
    correction_by_id: None | Unset | UUID = UNSET
    root_cause_method: None | RootCauseMethod | Unset = UNSET
    root_cause: None | str | Unset = UNSET
    extent: None | str | Unset = UNSET
    sms_change_evidence_ids: list[UUID] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        finding_ids: list[str] | None | Unset
        if isinstance(self.finding_ids, Unset):
            finding_ids = UNSET
        elif isinstance(self.finding_ids, list):
            finding_ids = []
            for finding_ids_type_0_item_data in self.finding_ids:
                finding_ids_type_0_item = str(finding_ids_type_0_item_data)
                finding_ids.append(finding_ids_type_0_item)

        else:
            finding_ids = self.finding_ids

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        correction: None | str | Unset
        if isinstance(self.correction, Unset):
            correction = UNSET
        else:
            correction = self.correction

        correction_date: None | str | Unset
        if isinstance(self.correction_date, Unset):
            correction_date = UNSET
        elif isinstance(self.correction_date, datetime.date):
            correction_date = self.correction_date.isoformat()
        else:
            correction_date = self.correction_date

        correction_by_id: None | str | Unset
        if isinstance(self.correction_by_id, Unset):
            correction_by_id = UNSET
        elif isinstance(self.correction_by_id, UUID):
            correction_by_id = str(self.correction_by_id)
        else:
            correction_by_id = self.correction_by_id

        root_cause_method: None | str | Unset
        if isinstance(self.root_cause_method, Unset):
            root_cause_method = UNSET
        elif isinstance(self.root_cause_method, RootCauseMethod):
            root_cause_method = self.root_cause_method.value
        else:
            root_cause_method = self.root_cause_method

        root_cause: None | str | Unset
        if isinstance(self.root_cause, Unset):
            root_cause = UNSET
        else:
            root_cause = self.root_cause

        extent: None | str | Unset
        if isinstance(self.extent, Unset):
            extent = UNSET
        else:
            extent = self.extent

        sms_change_evidence_ids: list[str] | None | Unset
        if isinstance(self.sms_change_evidence_ids, Unset):
            sms_change_evidence_ids = UNSET
        elif isinstance(self.sms_change_evidence_ids, list):
            sms_change_evidence_ids = []
            for sms_change_evidence_ids_type_0_item_data in self.sms_change_evidence_ids:
                sms_change_evidence_ids_type_0_item = str(sms_change_evidence_ids_type_0_item_data)
                sms_change_evidence_ids.append(sms_change_evidence_ids_type_0_item)

        else:
            sms_change_evidence_ids = self.sms_change_evidence_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if finding_ids is not UNSET:
            field_dict["finding_ids"] = finding_ids
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if correction is not UNSET:
            field_dict["correction"] = correction
        if correction_date is not UNSET:
            field_dict["correction_date"] = correction_date
        if correction_by_id is not UNSET:
            field_dict["correction_by_id"] = correction_by_id
        if root_cause_method is not UNSET:
            field_dict["root_cause_method"] = root_cause_method
        if root_cause is not UNSET:
            field_dict["root_cause"] = root_cause
        if extent is not UNSET:
            field_dict["extent"] = extent
        if sms_change_evidence_ids is not UNSET:
            field_dict["sms_change_evidence_ids"] = sms_change_evidence_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_finding_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                finding_ids_type_0 = []
                _finding_ids_type_0 = data
                for finding_ids_type_0_item_data in _finding_ids_type_0:
                    finding_ids_type_0_item = UUID(finding_ids_type_0_item_data)

                    finding_ids_type_0.append(finding_ids_type_0_item)

                return finding_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        finding_ids = _parse_finding_ids(d.pop("finding_ids", UNSET))

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

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_correction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        correction = _parse_correction(d.pop("correction", UNSET))

        def _parse_correction_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                correction_date_type_0 = datetime.date.fromisoformat(data)

                return correction_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        correction_date = _parse_correction_date(d.pop("correction_date", UNSET))

        def _parse_correction_by_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                correction_by_id_type_0 = UUID(data)

                return correction_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        correction_by_id = _parse_correction_by_id(d.pop("correction_by_id", UNSET))

        def _parse_root_cause_method(data: object) -> None | RootCauseMethod | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                root_cause_method_type_0 = RootCauseMethod(data)

                return root_cause_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RootCauseMethod | Unset, data)

        root_cause_method = _parse_root_cause_method(d.pop("root_cause_method", UNSET))

        def _parse_root_cause(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        root_cause = _parse_root_cause(d.pop("root_cause", UNSET))

        def _parse_extent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        extent = _parse_extent(d.pop("extent", UNSET))

        def _parse_sms_change_evidence_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sms_change_evidence_ids_type_0 = []
                _sms_change_evidence_ids_type_0 = data
                for sms_change_evidence_ids_type_0_item_data in _sms_change_evidence_ids_type_0:
                    sms_change_evidence_ids_type_0_item = UUID(
                        sms_change_evidence_ids_type_0_item_data
                    )

                    sms_change_evidence_ids_type_0.append(sms_change_evidence_ids_type_0_item)

                return sms_change_evidence_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        sms_change_evidence_ids = _parse_sms_change_evidence_ids(
            d.pop("sms_change_evidence_ids", UNSET)
        )

        corrective_measure_update = cls(
            title=title,
            description=description,
            finding_ids=finding_ids,
            owner_id=owner_id,
            due_date=due_date,
            correction=correction,
            correction_date=correction_date,
            correction_by_id=correction_by_id,
            root_cause_method=root_cause_method,
            root_cause=root_cause,
            extent=extent,
            sms_change_evidence_ids=sms_change_evidence_ids,
        )

        return corrective_measure_update
