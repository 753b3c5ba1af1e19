from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.checklist_result import ChecklistResult

if TYPE_CHECKING:
    from ..models.linked_evidence import LinkedEvidence


T = TypeVar("T", bound="ChecklistLineRead")


@_attrs_define
class ChecklistLineRead:
    """
    Attributes:
        id (UUID):
        ref (str):
        title (str):
        root_ref (str): The top-level clause, for grouping.
        sort_key (str):
        result (ChecklistResult):
        notes (str):
        auditor_id (None | UUID):
        owner_id (None | UUID): Owner of the requirement in this organisation.
        assessed_by_id (None | UUID):
        assessed_at (datetime.datetime | None): When the assessment was recorded.
        assessed_on (datetime.date | None): The day the line was assessed (as stated).
        evidence (list[LinkedEvidence]):
        finding_ids (list[UUID]):
        itsm_clauses (list[str]): The clauses whose ITSM records a sample on this line is drawn from (empty: no record
            kind is evidence for it).
        sample_seed (int | None): The seed of the line's last ITSM sample.
        sample_size (int): How many ITSM records the line's sample holds.
        version (int):
    """

    id: UUID
    ref: str
    title: str
    root_ref: str
    sort_key: str
    result: ChecklistResult
    notes: str
    auditor_id: None | UUID
    owner_id: None | UUID
    assessed_by_id: None | UUID
    assessed_at: datetime.datetime | None
    assessed_on: datetime.date | None
    evidence: list[LinkedEvidence]
    finding_ids: list[UUID]
    itsm_clauses: list[str]
    sample_seed: int | None
    sample_size: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        ref = self.ref

        title = self.title

        root_ref = self.root_ref

        sort_key = self.sort_key

        result = self.result.value

        notes = self.notes

        auditor_id: None | str
        if isinstance(self.auditor_id, UUID):
            auditor_id = str(self.auditor_id)
        else:
            auditor_id = self.auditor_id

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        assessed_by_id: None | str
        if isinstance(self.assessed_by_id, UUID):
            assessed_by_id = str(self.assessed_by_id)
        else:
            assessed_by_id = self.assessed_by_id

        assessed_at: None | str
        if isinstance(self.assessed_at, datetime.datetime):
            assessed_at = self.assessed_at.isoformat()
        else:
            assessed_at = self.assessed_at

        assessed_on: None | str
        if isinstance(self.assessed_on, datetime.date):
            assessed_on = self.assessed_on.isoformat()
        else:
            assessed_on = self.assessed_on

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        finding_ids = []
        for finding_ids_item_data in self.finding_ids:
            finding_ids_item = str(finding_ids_item_data)
            finding_ids.append(finding_ids_item)

        itsm_clauses = self.itsm_clauses

        sample_seed: int | None
        sample_seed = self.sample_seed

        sample_size = self.sample_size

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "ref": ref,
                "title": title,
                "root_ref": root_ref,
                "sort_key": sort_key,
                "result": result,
                "notes": notes,
                "auditor_id": auditor_id,
                "owner_id": owner_id,
                "assessed_by_id": assessed_by_id,
                "assessed_at": assessed_at,
                "assessed_on": assessed_on,
                "evidence": evidence,
                "finding_ids": finding_ids,
                "itsm_clauses": itsm_clauses,
                "sample_seed": sample_seed,
                "sample_size": sample_size,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.linked_evidence import LinkedEvidence  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        ref = d.pop("ref")

        title = d.pop("title")

        root_ref = d.pop("root_ref")

        sort_key = d.pop("sort_key")

        result = ChecklistResult(d.pop("result"))

        notes = d.pop("notes")

        def _parse_auditor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                auditor_id_type_0 = UUID(data)

                return auditor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        auditor_id = _parse_auditor_id(d.pop("auditor_id"))

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

        def _parse_assessed_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessed_by_id_type_0 = UUID(data)

                return assessed_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        assessed_by_id = _parse_assessed_by_id(d.pop("assessed_by_id"))

        def _parse_assessed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessed_at_type_0 = datetime.datetime.fromisoformat(data)

                return assessed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        assessed_at = _parse_assessed_at(d.pop("assessed_at"))

        def _parse_assessed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessed_on_type_0 = datetime.date.fromisoformat(data)

                return assessed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        assessed_on = _parse_assessed_on(d.pop("assessed_on"))

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = LinkedEvidence.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        finding_ids = []
        _finding_ids = d.pop("finding_ids")
        for finding_ids_item_data in _finding_ids:
            finding_ids_item = UUID(finding_ids_item_data)

            finding_ids.append(finding_ids_item)

        itsm_clauses = cast(list[str], d.pop("itsm_clauses"))

        def _parse_sample_seed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        sample_seed = _parse_sample_seed(d.pop("sample_seed"))

        sample_size = d.pop("sample_size")

        version = d.pop("version")

        checklist_line_read = cls(
            id=id,
            ref=ref,
            title=title,
            root_ref=root_ref,
            sort_key=sort_key,
            result=result,
            notes=notes,
            auditor_id=auditor_id,
            owner_id=owner_id,
            assessed_by_id=assessed_by_id,
            assessed_at=assessed_at,
            assessed_on=assessed_on,
            evidence=evidence,
            finding_ids=finding_ids,
            itsm_clauses=itsm_clauses,
            sample_seed=sample_seed,
            sample_size=sample_size,
            version=version,
        )

        checklist_line_read.additional_properties = d
        return checklist_line_read

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
