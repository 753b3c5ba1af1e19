from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.evaluation_method import EvaluationMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecordUpdate")


@_attrs_define
class RecordUpdate:
    """
    Attributes:
        completed_on (datetime.date | None | Unset):
        certificate_evidence_id (None | Unset | UUID):
        evaluation_method (EvaluationMethod | None | Unset):
        evaluation_result (None | str | Unset):
    """

    completed_on: datetime.date | None | Unset = UNSET
    certificate_evidence_id: None | Unset | UUID = UNSET
    evaluation_method: EvaluationMethod | None | Unset = UNSET
    evaluation_result: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        completed_on: None | str | Unset
        if isinstance(self.completed_on, Unset):
            completed_on = UNSET
        elif isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        certificate_evidence_id: None | str | Unset
        if isinstance(self.certificate_evidence_id, Unset):
            certificate_evidence_id = UNSET
        elif isinstance(self.certificate_evidence_id, UUID):
            certificate_evidence_id = str(self.certificate_evidence_id)
        else:
            certificate_evidence_id = self.certificate_evidence_id

        evaluation_method: None | str | Unset
        if isinstance(self.evaluation_method, Unset):
            evaluation_method = UNSET
        elif isinstance(self.evaluation_method, EvaluationMethod):
            evaluation_method = self.evaluation_method.value
        else:
            evaluation_method = self.evaluation_method

        evaluation_result: None | str | Unset
        if isinstance(self.evaluation_result, Unset):
            evaluation_result = UNSET
        else:
            evaluation_result = self.evaluation_result

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on
        if certificate_evidence_id is not UNSET:
            field_dict["certificate_evidence_id"] = certificate_evidence_id
        if evaluation_method is not UNSET:
            field_dict["evaluation_method"] = evaluation_method
        if evaluation_result is not UNSET:
            field_dict["evaluation_result"] = evaluation_result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_completed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        completed_on = _parse_completed_on(d.pop("completed_on", UNSET))

        def _parse_certificate_evidence_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                certificate_evidence_id_type_0 = UUID(data)

                return certificate_evidence_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        certificate_evidence_id = _parse_certificate_evidence_id(
            d.pop("certificate_evidence_id", UNSET)
        )

        def _parse_evaluation_method(data: object) -> EvaluationMethod | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evaluation_method_type_0 = EvaluationMethod(data)

                return evaluation_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvaluationMethod | None | Unset, data)

        evaluation_method = _parse_evaluation_method(d.pop("evaluation_method", UNSET))

        def _parse_evaluation_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evaluation_result = _parse_evaluation_result(d.pop("evaluation_result", UNSET))

        record_update = cls(
            completed_on=completed_on,
            certificate_evidence_id=certificate_evidence_id,
            evaluation_method=evaluation_method,
            evaluation_result=evaluation_result,
        )

        return record_update
