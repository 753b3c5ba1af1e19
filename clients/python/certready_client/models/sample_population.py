from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sample_filters import SampleFilters


T = TypeVar("T", bound="SamplePopulation")


@_attrs_define
class SamplePopulation:
    """The population the filters hold on a line and the sample size suggested for it.

    Attributes:
        clauses (list[str]):
        filters (SampleFilters): Which of the line's ITSM records form the population (``opened_*``: days, inclusive).
        population (int):
        suggested_size (int):
    """

    clauses: list[str]
    filters: SampleFilters
    population: int
    suggested_size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clauses = self.clauses

        filters = self.filters.to_dict()

        population = self.population

        suggested_size = self.suggested_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clauses": clauses,
                "filters": filters,
                "population": population,
                "suggested_size": suggested_size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sample_filters import SampleFilters  # noqa: PLC0415

        d = dict(src_dict)
        clauses = cast(list[str], d.pop("clauses"))

        filters = SampleFilters.from_dict(d.pop("filters"))

        population = d.pop("population")

        suggested_size = d.pop("suggested_size")

        sample_population = cls(
            clauses=clauses,
            filters=filters,
            population=population,
            suggested_size=suggested_size,
        )

        sample_population.additional_properties = d
        return sample_population

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
