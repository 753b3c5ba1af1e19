from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.source_type import SourceType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mapping_rules import MappingRules


T = TypeVar("T", bound="IntegrationCreate")


@_attrs_define
class IntegrationCreate:
    """
    Attributes:
        name (str):
        source (SourceType):
        secret (None | str | Unset): Only where the tool generates the secret itself (Jira can): otherwise leave it out
            and Certready generates one, shown once.
        mapping (MappingRules | Unset): Per integration: the record kind from the tool's own type, the service from its
            project / category / CI / group (matched case-insensitively), and a kind for the rest.
    """

    name: str
    source: SourceType
    secret: None | str | Unset = UNSET
    mapping: MappingRules | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        source = self.source.value

        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret

        mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mapping, Unset):
            mapping = self.mapping.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "source": source,
            }
        )
        if secret is not UNSET:
            field_dict["secret"] = secret
        if mapping is not UNSET:
            field_dict["mapping"] = mapping

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mapping_rules import MappingRules  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        source = SourceType(d.pop("source"))

        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))

        _mapping = d.pop("mapping", UNSET)
        mapping: MappingRules | Unset
        if isinstance(_mapping, Unset):
            mapping = UNSET
        else:
            mapping = MappingRules.from_dict(_mapping)

        integration_create = cls(
            name=name,
            source=source,
            secret=secret,
            mapping=mapping,
        )

        return integration_create
