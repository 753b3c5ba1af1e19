import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evidence_kind import EvidenceKind
from ...models.evidence_read import EvidenceRead
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    org: str,
    *,
    body: File,
    title: str,
    kind: EvidenceKind,
    description: str | Unset = "",
    source: str | Unset = "api",
    external_ref: str | Unset = "",
    owner_id: None | Unset | UUID = UNSET,
    effective_date: datetime.date | None | Unset = UNSET,
    valid_until: datetime.date | None | Unset = UNSET,
    tag: list[str] | None | Unset = UNSET,
    requirement: list[str] | None | Unset = UNSET,
    fulfils: list[str] | None | Unset = UNSET,
    filename: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
    content_disposition: None | str | Unset = UNSET,
    x_content_sha256: None | str | Unset = UNSET,
    digest: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(content_disposition, Unset):
        headers["content-disposition"] = content_disposition

    if not isinstance(x_content_sha256, Unset):
        headers["X-Content-SHA256"] = x_content_sha256

    if not isinstance(digest, Unset):
        headers["digest"] = digest

    params: dict[str, Any] = {}

    params["title"] = title

    json_kind = kind.value
    params["kind"] = json_kind

    params["description"] = description

    params["source"] = source

    params["external_ref"] = external_ref

    json_owner_id: None | str | Unset
    if isinstance(owner_id, Unset):
        json_owner_id = UNSET
    elif isinstance(owner_id, UUID):
        json_owner_id = str(owner_id)
    else:
        json_owner_id = owner_id
    params["owner_id"] = json_owner_id

    json_effective_date: None | str | Unset
    if isinstance(effective_date, Unset):
        json_effective_date = UNSET
    elif isinstance(effective_date, datetime.date):
        json_effective_date = effective_date.isoformat()
    else:
        json_effective_date = effective_date
    params["effective_date"] = json_effective_date

    json_valid_until: None | str | Unset
    if isinstance(valid_until, Unset):
        json_valid_until = UNSET
    elif isinstance(valid_until, datetime.date):
        json_valid_until = valid_until.isoformat()
    else:
        json_valid_until = valid_until
    params["valid_until"] = json_valid_until

    json_tag: list[str] | None | Unset
    if isinstance(tag, Unset):
        json_tag = UNSET
    elif isinstance(tag, list):
        json_tag = tag

    else:
        json_tag = tag
    params["tag"] = json_tag

    json_requirement: list[str] | None | Unset
    if isinstance(requirement, Unset):
        json_requirement = UNSET
    elif isinstance(requirement, list):
        json_requirement = requirement

    else:
        json_requirement = requirement
    params["requirement"] = json_requirement

    json_fulfils: list[str] | None | Unset
    if isinstance(fulfils, Unset):
        json_fulfils = UNSET
    elif isinstance(fulfils, list):
        json_fulfils = fulfils

    else:
        json_fulfils = fulfils
    params["fulfils"] = json_fulfils

    json_filename: None | str | Unset
    if isinstance(filename, Unset):
        json_filename = UNSET
    else:
        json_filename = filename
    params["filename"] = json_filename

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/orgs/{org}/evidence/upload".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvidenceRead | Problem | None:
    if response.status_code == 201:
        response_201 = EvidenceRead.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EvidenceRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    body: File,
    title: str,
    kind: EvidenceKind,
    description: str | Unset = "",
    source: str | Unset = "api",
    external_ref: str | Unset = "",
    owner_id: None | Unset | UUID = UNSET,
    effective_date: datetime.date | None | Unset = UNSET,
    valid_until: datetime.date | None | Unset = UNSET,
    tag: list[str] | None | Unset = UNSET,
    requirement: list[str] | None | Unset = UNSET,
    fulfils: list[str] | None | Unset = UNSET,
    filename: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
    content_disposition: None | str | Unset = UNSET,
    x_content_sha256: None | str | Unset = UNSET,
    digest: None | str | Unset = UNSET,
) -> Response[EvidenceRead | Problem]:
    """Upload Evidence

     Create an evidence item and its first version from a raw body (scripts and CI).

    The body is the file; metadata is in the query string; the file name comes from
    `filename` or `Content-Disposition`; `X-Content-SHA256` is checked if sent.

    Args:
        org (str): Organisation slug.
        title (str):
        kind (EvidenceKind):
        description (str | Unset):  Default: ''.
        source (str | Unset):  Default: 'api'.
        external_ref (str | Unset):  Default: ''.
        owner_id (None | Unset | UUID):
        effective_date (datetime.date | None | Unset):
        valid_until (datetime.date | None | Unset):
        tag (list[str] | None | Unset): Repeat for several tags.
        requirement (list[str] | None | Unset): Requirement ref; repeat for several.
        fulfils (list[str] | None | Unset): Documented-information key (D1, R3, ...); repeat for
            several.
        filename (None | str | Unset): The file's name (or send Content-Disposition).
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        content_disposition (None | str | Unset):
        x_content_sha256 (None | str | Unset): SHA-256 (hex) of the file; a mismatch is a 422 and
            nothing is kept.
        digest (None | str | Unset): `sha-256=<base64>` (RFC 3230) as an alternative.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
        title=title,
        kind=kind,
        description=description,
        source=source,
        external_ref=external_ref,
        owner_id=owner_id,
        effective_date=effective_date,
        valid_until=valid_until,
        tag=tag,
        requirement=requirement,
        fulfils=fulfils,
        filename=filename,
        idempotency_key=idempotency_key,
        content_disposition=content_disposition,
        x_content_sha256=x_content_sha256,
        digest=digest,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    body: File,
    title: str,
    kind: EvidenceKind,
    description: str | Unset = "",
    source: str | Unset = "api",
    external_ref: str | Unset = "",
    owner_id: None | Unset | UUID = UNSET,
    effective_date: datetime.date | None | Unset = UNSET,
    valid_until: datetime.date | None | Unset = UNSET,
    tag: list[str] | None | Unset = UNSET,
    requirement: list[str] | None | Unset = UNSET,
    fulfils: list[str] | None | Unset = UNSET,
    filename: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
    content_disposition: None | str | Unset = UNSET,
    x_content_sha256: None | str | Unset = UNSET,
    digest: None | str | Unset = UNSET,
) -> EvidenceRead | Problem | None:
    """Upload Evidence

     Create an evidence item and its first version from a raw body (scripts and CI).

    The body is the file; metadata is in the query string; the file name comes from
    `filename` or `Content-Disposition`; `X-Content-SHA256` is checked if sent.

    Args:
        org (str): Organisation slug.
        title (str):
        kind (EvidenceKind):
        description (str | Unset):  Default: ''.
        source (str | Unset):  Default: 'api'.
        external_ref (str | Unset):  Default: ''.
        owner_id (None | Unset | UUID):
        effective_date (datetime.date | None | Unset):
        valid_until (datetime.date | None | Unset):
        tag (list[str] | None | Unset): Repeat for several tags.
        requirement (list[str] | None | Unset): Requirement ref; repeat for several.
        fulfils (list[str] | None | Unset): Documented-information key (D1, R3, ...); repeat for
            several.
        filename (None | str | Unset): The file's name (or send Content-Disposition).
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        content_disposition (None | str | Unset):
        x_content_sha256 (None | str | Unset): SHA-256 (hex) of the file; a mismatch is a 422 and
            nothing is kept.
        digest (None | str | Unset): `sha-256=<base64>` (RFC 3230) as an alternative.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceRead | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        body=body,
        title=title,
        kind=kind,
        description=description,
        source=source,
        external_ref=external_ref,
        owner_id=owner_id,
        effective_date=effective_date,
        valid_until=valid_until,
        tag=tag,
        requirement=requirement,
        fulfils=fulfils,
        filename=filename,
        idempotency_key=idempotency_key,
        content_disposition=content_disposition,
        x_content_sha256=x_content_sha256,
        digest=digest,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    body: File,
    title: str,
    kind: EvidenceKind,
    description: str | Unset = "",
    source: str | Unset = "api",
    external_ref: str | Unset = "",
    owner_id: None | Unset | UUID = UNSET,
    effective_date: datetime.date | None | Unset = UNSET,
    valid_until: datetime.date | None | Unset = UNSET,
    tag: list[str] | None | Unset = UNSET,
    requirement: list[str] | None | Unset = UNSET,
    fulfils: list[str] | None | Unset = UNSET,
    filename: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
    content_disposition: None | str | Unset = UNSET,
    x_content_sha256: None | str | Unset = UNSET,
    digest: None | str | Unset = UNSET,
) -> Response[EvidenceRead | Problem]:
    """Upload Evidence

     Create an evidence item and its first version from a raw body (scripts and CI).

    The body is the file; metadata is in the query string; the file name comes from
    `filename` or `Content-Disposition`; `X-Content-SHA256` is checked if sent.

    Args:
        org (str): Organisation slug.
        title (str):
        kind (EvidenceKind):
        description (str | Unset):  Default: ''.
        source (str | Unset):  Default: 'api'.
        external_ref (str | Unset):  Default: ''.
        owner_id (None | Unset | UUID):
        effective_date (datetime.date | None | Unset):
        valid_until (datetime.date | None | Unset):
        tag (list[str] | None | Unset): Repeat for several tags.
        requirement (list[str] | None | Unset): Requirement ref; repeat for several.
        fulfils (list[str] | None | Unset): Documented-information key (D1, R3, ...); repeat for
            several.
        filename (None | str | Unset): The file's name (or send Content-Disposition).
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        content_disposition (None | str | Unset):
        x_content_sha256 (None | str | Unset): SHA-256 (hex) of the file; a mismatch is a 422 and
            nothing is kept.
        digest (None | str | Unset): `sha-256=<base64>` (RFC 3230) as an alternative.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
        title=title,
        kind=kind,
        description=description,
        source=source,
        external_ref=external_ref,
        owner_id=owner_id,
        effective_date=effective_date,
        valid_until=valid_until,
        tag=tag,
        requirement=requirement,
        fulfils=fulfils,
        filename=filename,
        idempotency_key=idempotency_key,
        content_disposition=content_disposition,
        x_content_sha256=x_content_sha256,
        digest=digest,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    body: File,
    title: str,
    kind: EvidenceKind,
    description: str | Unset = "",
    source: str | Unset = "api",
    external_ref: str | Unset = "",
    owner_id: None | Unset | UUID = UNSET,
    effective_date: datetime.date | None | Unset = UNSET,
    valid_until: datetime.date | None | Unset = UNSET,
    tag: list[str] | None | Unset = UNSET,
    requirement: list[str] | None | Unset = UNSET,
    fulfils: list[str] | None | Unset = UNSET,
    filename: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
    content_disposition: None | str | Unset = UNSET,
    x_content_sha256: None | str | Unset = UNSET,
    digest: None | str | Unset = UNSET,
) -> EvidenceRead | Problem | None:
    """Upload Evidence

     Create an evidence item and its first version from a raw body (scripts and CI).

    The body is the file; metadata is in the query string; the file name comes from
    `filename` or `Content-Disposition`; `X-Content-SHA256` is checked if sent.

    Args:
        org (str): Organisation slug.
        title (str):
        kind (EvidenceKind):
        description (str | Unset):  Default: ''.
        source (str | Unset):  Default: 'api'.
        external_ref (str | Unset):  Default: ''.
        owner_id (None | Unset | UUID):
        effective_date (datetime.date | None | Unset):
        valid_until (datetime.date | None | Unset):
        tag (list[str] | None | Unset): Repeat for several tags.
        requirement (list[str] | None | Unset): Requirement ref; repeat for several.
        fulfils (list[str] | None | Unset): Documented-information key (D1, R3, ...); repeat for
            several.
        filename (None | str | Unset): The file's name (or send Content-Disposition).
        idempotency_key (None | str | Unset): Repeat the request safely: the same key and request
            return the first result.
        content_disposition (None | str | Unset):
        x_content_sha256 (None | str | Unset): SHA-256 (hex) of the file; a mismatch is a 422 and
            nothing is kept.
        digest (None | str | Unset): `sha-256=<base64>` (RFC 3230) as an alternative.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceRead | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            body=body,
            title=title,
            kind=kind,
            description=description,
            source=source,
            external_ref=external_ref,
            owner_id=owner_id,
            effective_date=effective_date,
            valid_until=valid_until,
            tag=tag,
            requirement=requirement,
            fulfils=fulfils,
            filename=filename,
            idempotency_key=idempotency_key,
            content_disposition=content_disposition,
            x_content_sha256=x_content_sha256,
            digest=digest,
        )
    ).parsed
