from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.integrations_record_read import IntegrationsRecordRead
    from ..models.sample_filters import SampleFilters


T = TypeVar("T", bound="SampleRead")


@_attrs_define
class SampleRead:
    """The line's sample: how it was drawn (seed, filters, population) and the records.

    Attributes:
        clauses (list[str]):
        filters (SampleFilters): Which of the line's ITSM records form the population (``opened_*``: days, inclusive).
        population (int):
        suggested_size (int):
        line_id (UUID):
        ref (str):
        seed (int | None):
        size (int):
        drawn_at (datetime.datetime | None):
        drawn_by_id (None | UUID):
        records (list[IntegrationsRecordRead]):
        version (int): The checklist line's version.
    """

    clauses: list[str]
    filters: SampleFilters
    population: int
    suggested_size: int
    line_id: UUID
    ref: str
    seed: int | None
    size: int
    drawn_at: datetime.datetime | None
    drawn_by_id: None | UUID
    records: list[IntegrationsRecordRead]
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clauses = self.clauses

        filters = self.filters.to_dict()

        population = self.population

        suggested_size = self.suggested_size

        line_id = str(self.line_id)

        ref = self.ref

        seed: int | None
        seed = self.seed

        size = self.size

        drawn_at: None | str
        if isinstance(self.drawn_at, datetime.datetime):
            drawn_at = self.drawn_at.isoformat()
        else:
            drawn_at = self.drawn_at

        drawn_by_id: None | str
        if isinstance(self.drawn_by_id, UUID):
            drawn_by_id = str(self.drawn_by_id)
        else:
            drawn_by_id = self.drawn_by_id

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clauses": clauses,
                "filters": filters,
                "population": population,
                "suggested_size": suggested_size,
                "line_id": line_id,
                "ref": ref,
                "seed": seed,
                "size": size,
                "drawn_at": drawn_at,
                "drawn_by_id": drawn_by_id,
                "records": records,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.integrations_record_read import IntegrationsRecordRead  # noqa: PLC0415
        from ..models.sample_filters import SampleFilters  # noqa: PLC0415

        d = dict(src_dict)
        clauses = cast(list[str], d.pop("clauses"))

        filters = SampleFilters.from_dict(d.pop("filters"))

        population = d.pop("population")

        suggested_size = d.pop("suggested_size")

        line_id = UUID(d.pop("line_id"))

        ref = d.pop("ref")

        def _parse_seed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seed = _parse_seed(d.pop("seed"))

        size = d.pop("size")

        def _parse_drawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                drawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return drawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        drawn_at = _parse_drawn_at(d.pop("drawn_at"))

        def _parse_drawn_by_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                drawn_by_id_type_0 = UUID(data)

                return drawn_by_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        drawn_by_id = _parse_drawn_by_id(d.pop("drawn_by_id"))

        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = IntegrationsRecordRead.from_dict(records_item_data)

            records.append(records_item)

        version = d.pop("version")

        sample_read = cls(
            clauses=clauses,
            filters=filters,
            population=population,
            suggested_size=suggested_size,
            line_id=line_id,
            ref=ref,
            seed=seed,
            size=size,
            drawn_at=drawn_at,
            drawn_by_id=drawn_by_id,
            records=records,
            version=version,
        )

        sample_read.additional_properties = d
        return sample_read

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
