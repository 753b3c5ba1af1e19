from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PersonInScopeRead")


@_attrs_define
class PersonInScopeRead:
    """One person in scope for awareness and competence (iso20000.md 6.6) and why.

    Attributes:
        id (UUID):
        name (str):
        user_id (None | UUID):
        registered (bool):
        role_keys (list[str]):
        reasons (list[str]):
        awareness_completed_on (datetime.date | None):
        competence_gaps (list[str]):
    """

    id: UUID
    name: str
    user_id: None | UUID
    registered: bool
    role_keys: list[str]
    reasons: list[str]
    awareness_completed_on: datetime.date | None
    competence_gaps: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        registered = self.registered

        role_keys = self.role_keys

        reasons = self.reasons

        awareness_completed_on: None | str
        if isinstance(self.awareness_completed_on, datetime.date):
            awareness_completed_on = self.awareness_completed_on.isoformat()
        else:
            awareness_completed_on = self.awareness_completed_on

        competence_gaps = self.competence_gaps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "user_id": user_id,
                "registered": registered,
                "role_keys": role_keys,
                "reasons": reasons,
                "awareness_completed_on": awareness_completed_on,
                "competence_gaps": competence_gaps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        registered = d.pop("registered")

        role_keys = cast(list[str], d.pop("role_keys"))

        reasons = cast(list[str], d.pop("reasons"))

        def _parse_awareness_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                awareness_completed_on_type_0 = datetime.date.fromisoformat(data)

                return awareness_completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        awareness_completed_on = _parse_awareness_completed_on(d.pop("awareness_completed_on"))

        competence_gaps = cast(list[str], d.pop("competence_gaps"))

        person_in_scope_read = cls(
            id=id,
            name=name,
            user_id=user_id,
            registered=registered,
            role_keys=role_keys,
            reasons=reasons,
            awareness_completed_on=awareness_completed_on,
            competence_gaps=competence_gaps,
        )

        person_in_scope_read.additional_properties = d
        return person_in_scope_read

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
