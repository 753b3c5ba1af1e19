from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.treatment import Treatment
from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskCreate")


@_attrs_define
class RiskCreate:
    """
    Attributes:
        title (str):
        likelihood (int):
        impact (int):
        description (str | Unset):  Default: ''.
        owner_id (None | Unset | UUID): A member.
        treatment (None | Treatment | Unset):
        treatment_note (str | Unset):  Default: ''.
        review_date (datetime.date | None | Unset):
        service_ids (list[UUID] | Unset): The services the risk affects.
    """

    title: str
    likelihood: int
    impact: int
    description: str | Unset = ""
    owner_id: None | Unset | UUID = UNSET
    treatment: None | Treatment | Unset = UNSET
    treatment_note: str | Unset = ""
    review_date: datetime.date | None | Unset = UNSET
    service_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        likelihood = self.likelihood

        impact = self.impact

        description = self.description

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        elif isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        treatment: None | str | Unset
        if isinstance(self.treatment, Unset):
            treatment = UNSET
        elif isinstance(self.treatment, Treatment):
            treatment = self.treatment.value
        else:
            treatment = self.treatment

        treatment_note = self.treatment_note

        review_date: None | str | Unset
        if isinstance(self.review_date, Unset):
            review_date = UNSET
        elif isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        service_ids: list[str] | Unset = UNSET
        if not isinstance(self.service_ids, Unset):
            service_ids = []
            for service_ids_item_data in self.service_ids:
                service_ids_item = str(service_ids_item_data)
                service_ids.append(service_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "likelihood": likelihood,
                "impact": impact,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if treatment is not UNSET:
            field_dict["treatment"] = treatment
        if treatment_note is not UNSET:
            field_dict["treatment_note"] = treatment_note
        if review_date is not UNSET:
            field_dict["review_date"] = review_date
        if service_ids is not UNSET:
            field_dict["service_ids"] = service_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        likelihood = d.pop("likelihood")

        impact = d.pop("impact")

        description = d.pop("description", UNSET)

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

        treatment_note = d.pop("treatment_note", UNSET)

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

        _service_ids = d.pop("service_ids", UNSET)
        service_ids: list[UUID] | Unset = UNSET
        if _service_ids is not UNSET:
            service_ids = []
            for service_ids_item_data in _service_ids:
                service_ids_item = UUID(service_ids_item_data)

                service_ids.append(service_ids_item)

        risk_create = cls(
            title=title,
            likelihood=likelihood,
            impact=impact,
            description=description,
            owner_id=owner_id,
            treatment=treatment,
            treatment_note=treatment_note,
            review_date=review_date,
            service_ids=service_ids,
        )

        return risk_create
