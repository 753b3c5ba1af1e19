from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.risk_status import RiskStatus
from ..models.treatment import Treatment
from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskUpdate")


@_attrs_define
class RiskUpdate:
    """
    Attributes:
        title (None | str | Unset):
        description (None | str | Unset):
        owner_id (None | Unset | UUID):
        likelihood (int | None | Unset):
        impact (int | None | Unset):
        treatment (None | Treatment | Unset):
        treatment_note (None | str | Unset):
        review_date (datetime.date | None | Unset):
        status (None | RiskStatus | Unset):
        service_ids (list[UUID] | None | Unset): Replaces the services the risk affects.
    """

    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    owner_id: None | Unset | UUID = UNSET
    likelihood: int | None | Unset = UNSET
    impact: int | None | Unset = UNSET
    treatment: None | Treatment | Unset = UNSET
    treatment_note: None | str | Unset = UNSET
    review_date: datetime.date | None | Unset = UNSET
    status: None | RiskStatus | Unset = UNSET
    service_ids: list[UUID] | None | Unset = UNSET

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

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        likelihood: int | None | Unset
        if isinstance(self.likelihood, Unset):
            likelihood = UNSET
        else:
            likelihood = self.likelihood

        impact: int | None | Unset
        if isinstance(self.impact, Unset):
            impact = UNSET
        else:
            impact = self.impact

        treatment: None | str | Unset
        if isinstance(self.treatment, Unset):
            treatment = UNSET
        elif isinstance(self.treatment, Treatment):
            treatment = self.treatment.value
        else:
            treatment = self.treatment

        treatment_note: None | str | Unset
        if isinstance(self.treatment_note, Unset):
            treatment_note = UNSET
        else:
            treatment_note = self.treatment_note

        review_date: None | str | Unset
        if isinstance(self.review_date, Unset):
            review_date = UNSET
        elif isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, RiskStatus):
            status = self.status.value
        else:
            status = self.status

        service_ids: list[str] | None | Unset
        if isinstance(self.service_ids, Unset):
            service_ids = UNSET
        elif isinstance(self.service_ids, list):
            service_ids = []
            for service_ids_type_0_item_data in self.service_ids:
                service_ids_type_0_item = str(service_ids_type_0_item_data)
                service_ids.append(service_ids_type_0_item)

        else:
            service_ids = self.service_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if likelihood is not UNSET:
            field_dict["likelihood"] = likelihood
        if impact is not UNSET:
            field_dict["impact"] = impact
        if treatment is not UNSET:
            field_dict["treatment"] = treatment
        if treatment_note is not UNSET:
            field_dict["treatment_note"] = treatment_note
        if review_date is not UNSET:
            field_dict["review_date"] = review_date
        if status is not UNSET:
            field_dict["status"] = status
        if service_ids is not UNSET:
            field_dict["service_ids"] = service_ids

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

        def _parse_likelihood(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        likelihood = _parse_likelihood(d.pop("likelihood", UNSET))

        def _parse_impact(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        impact = _parse_impact(d.pop("impact", UNSET))

        def _parse_treatment(data: object) -> None | Treatment | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                treatment_type_0 = Treatment(data)

                return treatment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Treatment | Unset, data)

        treatment = _parse_treatment(d.pop("treatment", UNSET))

        def _parse_treatment_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        treatment_note = _parse_treatment_note(d.pop("treatment_note", UNSET))

        def _parse_review_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        review_date = _parse_review_date(d.pop("review_date", UNSET))

        def _parse_status(data: object) -> None | RiskStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = RiskStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_service_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                service_ids_type_0 = []
                _service_ids_type_0 = data
                for service_ids_type_0_item_data in _service_ids_type_0:
                    service_ids_type_0_item = UUID(service_ids_type_0_item_data)

                    service_ids_type_0.append(service_ids_type_0_item)

                return service_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        service_ids = _parse_service_ids(d.pop("service_ids", UNSET))

        risk_update = cls(
            title=title,
            description=description,
            owner_id=owner_id,
            likelihood=likelihood,
            impact=impact,
            treatment=treatment,
            treatment_note=treatment_note,
            review_date=review_date,
            status=status,
            service_ids=service_ids,
        )

        return risk_update
