from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DownloadTicketCreate")


@_attrs_define
class DownloadTicketCreate:
    """
    Attributes:
        url (str): The download's path and query, as it would be requested with the bearer token
            (`/api/v1/orgs/<org>/exports/evidence-pack.zip?clause=8.6`).
    """

    url: str

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        download_ticket_create = cls(
            url=url,
        )

        return download_ticket_create
