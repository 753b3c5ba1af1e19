from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_status import RiskStatus
from ..models.treatment import Treatment

if TYPE_CHECKING:
    from ..models.risk_action_read import RiskActionRead


T = TypeVar("T", bound="RiskRead")


@_attrs_define
class RiskRead:
    """
    Attributes:
        id (UUID):
        key (str):
        title (str):
        description (str):
        owner_id (None | UUID):
        likelihood (int):
        impact (int):
        level (None | str): From the method's matrix; null outside it.
        treatment (None | Treatment):
        treatment_note (str):
        review_date (datetime.date | None):
        review_overdue (bool):
        status (RiskStatus):
        service_ids (list[UUID]):
        actions (list[RiskActionRead]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    title: str
    description: str
    owner_id: None | UUID
    likelihood: int
    impact: int
    level: None | str
    treatment: None | Treatment
    treatment_note: str
    review_date: datetime.date | None
    review_overdue: bool
    status: RiskStatus
    service_ids: list[UUID]
    actions: list[RiskActionRead]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        title = self.title

        description = self.description

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        likelihood = self.likelihood

        impact = self.impact

        level: None | str
        level = self.level

        treatment: None | str
        if isinstance(self.treatment, Treatment):
            treatment = self.treatment.value
        else:
            treatment = self.treatment

        treatment_note = self.treatment_note

        review_date: None | str
        if isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        review_overdue = self.review_overdue

        status = self.status.value

        service_ids = []
        for service_ids_item_data in self.service_ids:
            service_ids_item = str(service_ids_item_data)
            service_ids.append(service_ids_item)

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "title": title,
                "description": description,
                "owner_id": owner_id,
                "likelihood": likelihood,
                "impact": impact,
                "level": level,
                "treatment": treatment,
                "treatment_note": treatment_note,
                "review_date": review_date,
                "review_overdue": review_overdue,
                "status": status,
                "service_ids": service_ids,
                "actions": actions,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.risk_action_read import RiskActionRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        title = d.pop("title")

        description = d.pop("description")

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

        likelihood = d.pop("likelihood")

        impact = d.pop("impact")

        def _parse_level(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        level = _parse_level(d.pop("level"))

        def _parse_treatment(data: object) -> None | Treatment:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                treatment_type_0 = Treatment(data)

                return treatment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Treatment, data)

        treatment = _parse_treatment(d.pop("treatment"))

        treatment_note = d.pop("treatment_note")

        def _parse_review_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        review_date = _parse_review_date(d.pop("review_date"))

        review_overdue = d.pop("review_overdue")

        status = RiskStatus(d.pop("status"))

        service_ids = []
        _service_ids = d.pop("service_ids")
        for service_ids_item_data in _service_ids:
            service_ids_item = UUID(service_ids_item_data)

            service_ids.append(service_ids_item)

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = RiskActionRead.from_dict(actions_item_data)

            actions.append(actions_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        risk_read = cls(
            id=id,
            key=key,
            title=title,
            description=description,
            owner_id=owner_id,
            likelihood=likelihood,
            impact=impact,
            level=level,
            treatment=treatment,
            treatment_note=treatment_note,
            review_date=review_date,
            review_overdue=review_overdue,
            status=status,
            service_ids=service_ids,
            actions=actions,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        risk_read.additional_properties = d
        return risk_read

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
