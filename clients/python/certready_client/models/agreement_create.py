from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.agreement_status import AgreementStatus
from ..models.agreement_type import AgreementType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.target_create import TargetCreate


T = TypeVar("T", bound="AgreementCreate")


@_attrs_define
class AgreementCreate:
    """
    Attributes:
        title (str):
        type_ (AgreementType):
        customer_id (None | Unset | UUID): The customer of an SLA.
        supplier_id (None | Unset | UUID): The supplier of a contract or an OLA / internal agreement.
        service_ids (list[UUID] | Unset):
        start_date (datetime.date | None | Unset):
        end_date (datetime.date | None | Unset):
        review_date (datetime.date | None | Unset):
        evidence_id (None | Unset | UUID): The agreement document.
        status (AgreementStatus | Unset):
        notes (str | Unset):  Default: ''.
        targets (list[TargetCreate] | Unset):
    """

    title: str
    type_: AgreementType
    customer_id: None | Unset | UUID = UNSET
    supplier_id: None | Unset | UUID = UNSET
    service_ids: list[UUID] | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    review_date: datetime.date | None | Unset = UNSET
    evidence_id: None | Unset | UUID = UNSET
    status: AgreementStatus | Unset = UNSET
    notes: str | Unset = ""
    targets: list[TargetCreate] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        type_ = self.type_.value

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        elif isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        supplier_id: None | str | Unset
        if isinstance(self.supplier_id, Unset):
            supplier_id = UNSET
        elif isinstance(self.supplier_id, UUID):
            supplier_id = str(self.supplier_id)
        else:
            supplier_id = self.supplier_id

        service_ids: list[str] | Unset = UNSET
        if not isinstance(self.service_ids, Unset):
            service_ids = []
            for service_ids_item_data in self.service_ids:
                service_ids_item = str(service_ids_item_data)
                service_ids.append(service_ids_item)

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        review_date: None | str | Unset
        if isinstance(self.review_date, Unset):
            review_date = UNSET
        elif isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        evidence_id: None | str | Unset
        if isinstance(self.evidence_id, Unset):
            evidence_id = UNSET
        elif isinstance(self.evidence_id, UUID):
            evidence_id = str(self.evidence_id)
        else:
            evidence_id = self.evidence_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        notes = self.notes

        targets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = []
            for targets_item_data in self.targets:
                targets_item = targets_item_data.to_dict()
                targets.append(targets_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "type": type_,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if supplier_id is not UNSET:
            field_dict["supplier_id"] = supplier_id
        if service_ids is not UNSET:
            field_dict["service_ids"] = service_ids
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if review_date is not UNSET:
            field_dict["review_date"] = review_date
        if evidence_id is not UNSET:
            field_dict["evidence_id"] = evidence_id
        if status is not UNSET:
            field_dict["status"] = status
        if notes is not UNSET:
            field_dict["notes"] = notes
        if targets is not UNSET:
            field_dict["targets"] = targets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_create import TargetCreate  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        type_ = AgreementType(d.pop("type"))

        def _parse_customer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)

                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        def _parse_supplier_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supplier_id_type_0 = UUID(data)

                return supplier_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id", UNSET))

        _service_ids = d.pop("service_ids", UNSET)
        service_ids: list[UUID] | Unset = UNSET
        if _service_ids is not UNSET:
            service_ids = []
            for service_ids_item_data in _service_ids:
                service_ids_item = UUID(service_ids_item_data)

                service_ids.append(service_ids_item)

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

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

        def _parse_evidence_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evidence_id_type_0 = UUID(data)

                return evidence_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        evidence_id = _parse_evidence_id(d.pop("evidence_id", UNSET))

        _status = d.pop("status", UNSET)
        status: AgreementStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AgreementStatus(_status)

        notes = d.pop("notes", UNSET)

        _targets = d.pop("targets", UNSET)
        targets: list[TargetCreate] | Unset = UNSET
        if _targets is not UNSET:
            targets = []
            for targets_item_data in _targets:
                targets_item = TargetCreate.from_dict(targets_item_data)

                targets.append(targets_item)

        agreement_create = cls(
            title=title,
            type_=type_,
            customer_id=customer_id,
            supplier_id=supplier_id,
            service_ids=service_ids,
            start_date=start_date,
            end_date=end_date,
            review_date=review_date,
            evidence_id=evidence_id,
            status=status,
            notes=notes,
            targets=targets,
        )

        return agreement_create
