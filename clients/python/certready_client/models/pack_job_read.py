from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pack_job_status import PackJobStatus

T = TypeVar("T", bound="PackJobRead")


@_attrs_define
class PackJobRead:
    """An evidence pack being made in the background, with its progress.

    Attributes:
        id (UUID):
        status (PackJobStatus): Where a pack job is: queued, running, done (downloadable) or failed.
        filename (str): The pack's file name once downloaded.
        files_done (int): Evidence files written into the pack so far.
        files_total (int): Evidence files the pack holds.
        bytes_done (int): Bytes of the ZIP written so far.
        bytes_total (int | None): The ZIP's exact size, known once the pack's contents are fixed.
        sha256 (None | str): SHA-256 of the finished ZIP (done only).
        size (int | None): Size of the finished ZIP in bytes (done only).
        pack_id (None | str): The pack's id in its manifest.json.
        error (None | str): Why it failed (failed only).
        download_url (None | str): The finished pack's download (done only): send the Authorization header, or ask for a
            download ticket for this URL.
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        expires_at (datetime.datetime | None): When the finished pack and this job are removed (retention).
    """

    id: UUID
    status: PackJobStatus
    filename: str
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int | None
    sha256: None | str
    size: int | None
    pack_id: None | str
    error: None | str
    download_url: None | str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        filename = self.filename

        files_done = self.files_done

        files_total = self.files_total

        bytes_done = self.bytes_done

        bytes_total: int | None
        bytes_total = self.bytes_total

        sha256: None | str
        sha256 = self.sha256

        size: int | None
        size = self.size

        pack_id: None | str
        pack_id = self.pack_id

        error: None | str
        error = self.error

        download_url: None | str
        download_url = self.download_url

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "filename": filename,
                "files_done": files_done,
                "files_total": files_total,
                "bytes_done": bytes_done,
                "bytes_total": bytes_total,
                "sha256": sha256,
                "size": size,
                "pack_id": pack_id,
                "error": error,
                "download_url": download_url,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = PackJobStatus(d.pop("status"))

        filename = d.pop("filename")

        files_done = d.pop("files_done")

        files_total = d.pop("files_total")

        bytes_done = d.pop("bytes_done")

        def _parse_bytes_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bytes_total = _parse_bytes_total(d.pop("bytes_total"))

        def _parse_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sha256 = _parse_sha256(d.pop("sha256"))

        def _parse_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size = _parse_size(d.pop("size"))

        def _parse_pack_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pack_id = _parse_pack_id(d.pop("pack_id"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_download_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        download_url = _parse_download_url(d.pop("download_url"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        pack_job_read = cls(
            id=id,
            status=status,
            filename=filename,
            files_done=files_done,
            files_total=files_total,
            bytes_done=bytes_done,
            bytes_total=bytes_total,
            sha256=sha256,
            size=size,
            pack_id=pack_id,
            error=error,
            download_url=download_url,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            expires_at=expires_at,
        )

        pack_job_read.additional_properties = d
        return pack_job_read

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
