from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.party_kind import PartyKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartyUpdate")


@_attrs_define
class PartyUpdate:
    """
    Attributes:
        name (None | str | Unset):
        kind (None | PartyKind | Unset):
        requirements (None | str | Unset):
        relevant (bool | None | Unset):
    """

    name: None | str | Unset = UNSET
    kind: None | PartyKind | Unset = UNSET
    requirements: None | str | Unset = UNSET
    relevant: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, PartyKind):
            kind = self.kind.value
        else:
            kind = self.kind

        requirements: None | str | Unset
        if isinstance(self.requirements, Unset):
            requirements = UNSET
        else:
            requirements = self.requirements

        relevant: bool | None | Unset
        if isinstance(self.relevant, Unset):
            relevant = UNSET
        else:
            relevant = self.relevant

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if relevant is not UNSET:
            field_dict["relevant"] = relevant

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_kind(data: object) -> None | PartyKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = PartyKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartyKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_requirements(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requirements = _parse_requirements(d.pop("requirements", UNSET))

        def _parse_relevant(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        relevant = _parse_relevant(d.pop("relevant", UNSET))

        party_update = cls(
            name=name,
            kind=kind,
            requirements=requirements,
            relevant=relevant,
        )

        return party_update
