from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agreement_status import AgreementStatus
from ..models.agreement_type import AgreementType

if TYPE_CHECKING:
    from ..models.target_read import TargetRead


T = TypeVar("T", bound="AgreementRead")


@_attrs_define
class AgreementRead:
    """
    Attributes:
        id (UUID):
        key (str):
        title (str):
        type_ (AgreementType):
        customer_id (None | UUID):
        supplier_id (None | UUID):
        service_ids (list[UUID]):
        start_date (datetime.date | None):
        end_date (datetime.date | None):
        review_date (datetime.date | None):
        evidence_id (None | UUID):
        status (AgreementStatus):
        notes (str):
        targets (list[TargetRead]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    title: str
    type_: AgreementType
    customer_id: None | UUID
    supplier_id: None | UUID
    service_ids: list[UUID]
    start_date: datetime.date | None
    end_date: datetime.date | None
    review_date: datetime.date | None
    evidence_id: None | UUID
    status: AgreementStatus
    notes: str
    targets: list[TargetRead]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        title = self.title

        type_ = self.type_.value

        customer_id: None | str
        if isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        supplier_id: None | str
        if isinstance(self.supplier_id, UUID):
            supplier_id = str(self.supplier_id)
        else:
            supplier_id = self.supplier_id

        service_ids = []
        for service_ids_item_data in self.service_ids:
            service_ids_item = str(service_ids_item_data)
            service_ids.append(service_ids_item)

        start_date: None | str
        if isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        review_date: None | str
        if isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        evidence_id: None | str
        if isinstance(self.evidence_id, UUID):
            evidence_id = str(self.evidence_id)
        else:
            evidence_id = self.evidence_id

        status = self.status.value

        notes = self.notes

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

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
                "type": type_,
                "customer_id": customer_id,
                "supplier_id": supplier_id,
                "service_ids": service_ids,
                "start_date": start_date,
                "end_date": end_date,
                "review_date": review_date,
                "evidence_id": evidence_id,
                "status": status,
                "notes": notes,
                "targets": targets,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_read import TargetRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        title = d.pop("title")

        type_ = AgreementType(d.pop("type"))

        def _parse_customer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)

                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))

        def _parse_supplier_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supplier_id_type_0 = UUID(data)

                return supplier_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id"))

        service_ids = []
        _service_ids = d.pop("service_ids")
        for service_ids_item_data in _service_ids:
            service_ids_item = UUID(service_ids_item_data)

            service_ids.append(service_ids_item)

        def _parse_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        start_date = _parse_start_date(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

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

        def _parse_evidence_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evidence_id_type_0 = UUID(data)

                return evidence_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        evidence_id = _parse_evidence_id(d.pop("evidence_id"))

        status = AgreementStatus(d.pop("status"))

        notes = d.pop("notes")

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = TargetRead.from_dict(targets_item_data)

            targets.append(targets_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        agreement_read = cls(
            id=id,
            key=key,
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
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        agreement_read.additional_properties = d
        return agreement_read

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
