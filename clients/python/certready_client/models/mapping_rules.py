from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.record_kind import RecordKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mapping_rules_kinds import MappingRulesKinds
    from ..models.mapping_rules_services import MappingRulesServices


T = TypeVar("T", bound="MappingRules")


@_attrs_define
class MappingRules:
    """Per integration: the record kind from the tool's own type, the service from its
    project / category / CI / group (matched case-insensitively), and a kind for the rest.

        Attributes:
            kinds (MappingRulesKinds | Unset): Tool type -> kind, e.g. {"[System] Incident": "incident"}; Jira issue type,
                ServiceNow table, GLPI "Ticket:incident" / "Change", Zammad ticket type.
            services (MappingRulesServices | Unset): Project key, category, CI or assignment group -> service.
            default_kind (None | RecordKind | Unset):
    """

    kinds: MappingRulesKinds | Unset = UNSET
    services: MappingRulesServices | Unset = UNSET
    default_kind: None | RecordKind | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kinds: dict[str, Any] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = self.kinds.to_dict()

        services: dict[str, Any] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = self.services.to_dict()

        default_kind: None | str | Unset
        if isinstance(self.default_kind, Unset):
            default_kind = UNSET
        elif isinstance(self.default_kind, RecordKind):
            default_kind = self.default_kind.value
        else:
            default_kind = self.default_kind

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kinds is not UNSET:
            field_dict["kinds"] = kinds
        if services is not UNSET:
            field_dict["services"] = services
        if default_kind is not UNSET:
            field_dict["default_kind"] = default_kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mapping_rules_kinds import MappingRulesKinds  # noqa: PLC0415
        from ..models.mapping_rules_services import MappingRulesServices  # noqa: PLC0415

        d = dict(src_dict)
        _kinds = d.pop("kinds", UNSET)
        kinds: MappingRulesKinds | Unset
        if isinstance(_kinds, Unset):
            kinds = UNSET
        else:
            kinds = MappingRulesKinds.from_dict(_kinds)

        _services = d.pop("services", UNSET)
        services: MappingRulesServices | Unset
        if isinstance(_services, Unset):
            services = UNSET
        else:
            services = MappingRulesServices.from_dict(_services)

        def _parse_default_kind(data: object) -> None | RecordKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_kind_type_0 = RecordKind(data)

                return default_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordKind | Unset, data)

        default_kind = _parse_default_kind(d.pop("default_kind", UNSET))

        mapping_rules = cls(
            kinds=kinds,
            services=services,
            default_kind=default_kind,
        )

        return mapping_rules
