from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evaluation_method import EvaluationMethod

T = TypeVar("T", bound="TrainingRecordRead")


@_attrs_define
class TrainingRecordRead:
    """
    Attributes:
        id (UUID):
        person_id (UUID):
        course_id (UUID):
        completed_on (datetime.date):
        expires_on (datetime.date | None):
        certificate_evidence_id (None | UUID):
        evaluation_method (EvaluationMethod | None):
        evaluation_result (None | str):
        recorded_by_id (None | UUID):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    person_id: UUID
    course_id: UUID
    completed_on: datetime.date
    expires_on: datetime.date | None
    certificate_evidence_id: None | UUID
    evaluation_method: EvaluationMethod | None
    evaluation_result: None | str
    recorded_by_id: None | UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        course_id = str(self.course_id)

        completed_on = self.completed_on.isoformat()

        expires_on: None | str
        if isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        certificate_evidence_id: None | str
        if isinstance(self.certificate_evidence_id, UUID):
            certificate_evidence_id = str(self.certificate_evidence_id)
        else:
            certificate_evidence_id = self.certificate_evidence_id

        evaluation_method: None | str
        if isinstance(self.evaluation_method, EvaluationMethod):
            evaluation_method = self.evaluation_method.value
        else:
            evaluation_method = self.evaluation_method

        evaluation_result: None | str
        evaluation_result = self.evaluation_result

        recorded_by_id: None | str
        if isinstance(self.recorded_by_id, UUID):
            recorded_by_id = str(self.recorded_by_id)
        else:
            recorded_by_id = self.recorded_by_id

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "course_id": course_id,
                "completed_on": completed_on,
                "expires_on": expires_on,
                "certificate_evidence_id": certificate_evidence_id,
                "evaluation_method": evaluation_method,
                "evaluation_result": evaluation_result,
                "recorded_by_id": recorded_by_id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        course_id = UUID(d.pop("course_id"))

        completed_on = datetime.date.fromisoformat(d.pop("completed_on"))

        def _parse_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expires_on = _parse_expires_on(d.pop("expires_on"))

        def _parse_certificate_evidence_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                certificate_evidence_id_type_0 = UUID(data)

                return certificate_evidence_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        certificate_evidence_id = _parse_certificate_evidence_id(d.pop("certificate_evidence_id"))

        def _parse_evaluation_method(data: object) -> EvaluationMethod | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evaluation_method_type_0 = EvaluationMethod(data)

                return evaluation_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvaluationMethod | None, data)

        evaluation_method = _parse_evaluation_method(d.pop("evaluation_method"))

        def _parse_evaluation_result(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evaluation_result = _parse_evaluation_result(d.pop("evaluation_result"))

        def _parse_recorded_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_by_id_type_0 = UUID(data)

                return recorded_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recorded_by_id = _parse_recorded_by_id(d.pop("recorded_by_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        training_record_read = cls(
            id=id,
            person_id=person_id,
            course_id=course_id,
            completed_on=completed_on,
            expires_on=expires_on,
            certificate_evidence_id=certificate_evidence_id,
            evaluation_method=evaluation_method,
            evaluation_result=evaluation_result,
            recorded_by_id=recorded_by_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        training_record_read.additional_properties = d
        return training_record_read

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
