from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_status import MeasureStatus
from ..models.root_cause_method import RootCauseMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.corrective_action_read import CorrectiveActionRead
    from ..models.effectiveness_review_read import EffectivenessReviewRead
    from ..models.finding_consequence import FindingConsequence


T = TypeVar("T", bound="CorrectiveMeasureRead")


@_attrs_define
class CorrectiveMeasureRead:
    """
    Attributes:
        id (UUID):
        key (str):
        title (str):
        description (str):
        status (MeasureStatus):
        allowed_transitions (list[MeasureStatus]):
        finding_ids (list[UUID]):
        owner_id (None | UUID):
        due_date (datetime.date | None):
        overdue (bool):
        correction (str):
        correction_date (datetime.date | None):
        correction_by_id (None | UUID):
        root_cause_method (None | RootCauseMethod):
        root_cause (str):
        extent (str):
        actions (list[CorrectiveActionRead]):
        actions_editable (bool): Actions may still be added, changed and ticked off (up to 'planned').
        sms_change_evidence_ids (list[UUID]):
        effectiveness_review (EffectivenessReviewRead | None):
        reopen_count (int):
        cancel_reason (str):
        closed_at (datetime.datetime | None):
        closed_on (datetime.date | None): The day the measure was closed (as stated).
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        consequences (list[FindingConsequence] | Unset): Findings this request moved on (planning the measure plans
            their action; closing it effective closes the nonconformities it settles); empty on reads.
    """

    id: UUID
    key: str
    title: str
    description: str
    status: MeasureStatus
    allowed_transitions: list[MeasureStatus]
    finding_ids: list[UUID]
    owner_id: None | UUID
    due_date: datetime.date | None
    overdue: bool
    correction: str
    correction_date: datetime.date | None
    correction_by_id: None | UUID
    root_cause_method: None | RootCauseMethod
    root_cause: str
    extent: str
    actions: list[CorrectiveActionRead]
    actions_editable: bool
    sms_change_evidence_ids: list[UUID]
    effectiveness_review: EffectivenessReviewRead | None
    reopen_count: int
    cancel_reason: str
    closed_at: datetime.datetime | None
    closed_on: datetime.date | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    consequences: list[FindingConsequence] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.effectiveness_review_read import EffectivenessReviewRead  # noqa: PLC0415

        id = str(self.id)

        key = self.key

        title = self.title

        description = self.description

        status = self.status.value

        allowed_transitions = []
        for allowed_transitions_item_data in self.allowed_transitions:
            allowed_transitions_item = allowed_transitions_item_data.value
            allowed_transitions.append(allowed_transitions_item)

        finding_ids = []
        for finding_ids_item_data in self.finding_ids:
            finding_ids_item = str(finding_ids_item_data)
            finding_ids.append(finding_ids_item)

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        overdue = self.overdue

        correction = self.correction

        correction_date: None | str
        if isinstance(self.correction_date, datetime.date):
            correction_date = self.correction_date.isoformat()
        else:
            correction_date = self.correction_date

        correction_by_id: None | str
        if isinstance(self.correction_by_id, UUID):
            correction_by_id = str(self.correction_by_id)
        else:
            correction_by_id = self.correction_by_id

        root_cause_method: None | str
        if isinstance(self.root_cause_method, RootCauseMethod):
            root_cause_method = self.root_cause_method.value
        else:
            root_cause_method = self.root_cause_method

        root_cause = self.root_cause

        extent = self.extent

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        actions_editable = self.actions_editable

        sms_change_evidence_ids = []
        for sms_change_evidence_ids_item_data in self.sms_change_evidence_ids:
            sms_change_evidence_ids_item = str(sms_change_evidence_ids_item_data)
            sms_change_evidence_ids.append(sms_change_evidence_ids_item)

        effectiveness_review: dict[str, Any] | None
        if isinstance(self.effectiveness_review, EffectivenessReviewRead):
            effectiveness_review = self.effectiveness_review.to_dict()
        else:
            effectiveness_review = self.effectiveness_review

        reopen_count = self.reopen_count

        cancel_reason = self.cancel_reason

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        consequences: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.consequences, Unset):
            consequences = []
            for consequences_item_data in self.consequences:
                consequences_item = consequences_item_data.to_dict()
                consequences.append(consequences_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "title": title,
                "description": description,
                "status": status,
                "allowed_transitions": allowed_transitions,
                "finding_ids": finding_ids,
                "owner_id": owner_id,
                "due_date": due_date,
                "overdue": overdue,
                "correction": correction,
                "correction_date": correction_date,
                "correction_by_id": correction_by_id,
                "root_cause_method": root_cause_method,
                "root_cause": root_cause,
                "extent": extent,
                "actions": actions,
                "actions_editable": actions_editable,
                "sms_change_evidence_ids": sms_change_evidence_ids,
                "effectiveness_review": effectiveness_review,
                "reopen_count": reopen_count,
                "cancel_reason": cancel_reason,
                "closed_at": closed_at,
                "closed_on": closed_on,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if consequences is not UNSET:
            field_dict["consequences"] = consequences

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.corrective_action_read import CorrectiveActionRead  # noqa: PLC0415
        from ..models.effectiveness_review_read import EffectivenessReviewRead  # noqa: PLC0415
        from ..models.finding_consequence import FindingConsequence  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        title = d.pop("title")

        description = d.pop("description")

        status = MeasureStatus(d.pop("status"))

        allowed_transitions = []
        _allowed_transitions = d.pop("allowed_transitions")
        for allowed_transitions_item_data in _allowed_transitions:
            allowed_transitions_item = MeasureStatus(allowed_transitions_item_data)

            allowed_transitions.append(allowed_transitions_item)

        finding_ids = []
        _finding_ids = d.pop("finding_ids")
        for finding_ids_item_data in _finding_ids:
            finding_ids_item = UUID(finding_ids_item_data)

            finding_ids.append(finding_ids_item)

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

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        overdue = d.pop("overdue")

        correction = d.pop("correction")

        def _parse_correction_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                correction_date_type_0 = datetime.date.fromisoformat(data)

                return correction_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        correction_date = _parse_correction_date(d.pop("correction_date"))

        def _parse_correction_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                correction_by_id_type_0 = UUID(data)

                return correction_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        correction_by_id = _parse_correction_by_id(d.pop("correction_by_id"))

        def _parse_root_cause_method(data: object) -> None | RootCauseMethod:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                root_cause_method_type_0 = RootCauseMethod(data)

                return root_cause_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RootCauseMethod, data)

        root_cause_method = _parse_root_cause_method(d.pop("root_cause_method"))

        root_cause = d.pop("root_cause")

        extent = d.pop("extent")

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = CorrectiveActionRead.from_dict(actions_item_data)

            actions.append(actions_item)

        actions_editable = d.pop("actions_editable")

        sms_change_evidence_ids = []
        _sms_change_evidence_ids = d.pop("sms_change_evidence_ids")
        for sms_change_evidence_ids_item_data in _sms_change_evidence_ids:
            sms_change_evidence_ids_item = UUID(sms_change_evidence_ids_item_data)

            sms_change_evidence_ids.append(sms_change_evidence_ids_item)

        def _parse_effectiveness_review(data: object) -> EffectivenessReviewRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                effectiveness_review_type_0 = EffectivenessReviewRead.from_dict(data)

                return effectiveness_review_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EffectivenessReviewRead | None, data)

        effectiveness_review = _parse_effectiveness_review(d.pop("effectiveness_review"))

        reopen_count = d.pop("reopen_count")

        cancel_reason = d.pop("cancel_reason")

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _consequences = d.pop("consequences", UNSET)
        consequences: list[FindingConsequence] | Unset = UNSET
        if _consequences is not UNSET:
            consequences = []
            for consequences_item_data in _consequences:
                consequences_item = FindingConsequence.from_dict(consequences_item_data)

                consequences.append(consequences_item)

        corrective_measure_read = cls(
            id=id,
            key=key,
            title=title,
            description=description,
            status=status,
            allowed_transitions=allowed_transitions,
            finding_ids=finding_ids,
            owner_id=owner_id,
            due_date=due_date,
            overdue=overdue,
            correction=correction,
            correction_date=correction_date,
            correction_by_id=correction_by_id,
            root_cause_method=root_cause_method,
            root_cause=root_cause,
            extent=extent,
            actions=actions,
            actions_editable=actions_editable,
            sms_change_evidence_ids=sms_change_evidence_ids,
            effectiveness_review=effectiveness_review,
            reopen_count=reopen_count,
            cancel_reason=cancel_reason,
            closed_at=closed_at,
            closed_on=closed_on,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            consequences=consequences,
        )

        corrective_measure_read.additional_properties = d
        return corrective_measure_read

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
