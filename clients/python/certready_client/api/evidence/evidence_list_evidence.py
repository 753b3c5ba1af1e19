from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evidence_kind import EvidenceKind
from ...models.evidence_list_evidence_format_type_0 import EvidenceListEvidenceFormatType0
from ...models.evidence_page import EvidencePage
from ...models.evidence_status import EvidenceStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: EvidenceListEvidenceFormatType0 | None | Unset = UNSET,
    requirement: None | str | Unset = UNSET,
    documented_information: None | str | Unset = UNSET,
    status: EvidenceStatus | None | Unset = UNSET,
    kind: EvidenceKind | None | Unset = UNSET,
    source: None | str | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    expiring_within_days: int | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    archived: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, EvidenceListEvidenceFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_requirement: None | str | Unset
    if isinstance(requirement, Unset):
        json_requirement = UNSET
    else:
        json_requirement = requirement
    params["requirement"] = json_requirement

    json_documented_information: None | str | Unset
    if isinstance(documented_information, Unset):
        json_documented_information = UNSET
    else:
        json_documented_information = documented_information
    params["documented_information"] = json_documented_information

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, EvidenceStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, EvidenceKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_source: None | str | Unset
    if isinstance(source, Unset):
        json_source = UNSET
    else:
        json_source = source
    params["source"] = json_source

    json_tag: None | str | Unset
    if isinstance(tag, Unset):
        json_tag = UNSET
    else:
        json_tag = tag
    params["tag"] = json_tag

    json_owner_id: None | str | Unset
    if isinstance(owner_id, Unset):
        json_owner_id = UNSET
    elif isinstance(owner_id, UUID):
        json_owner_id = str(owner_id)
    else:
        json_owner_id = owner_id
    params["owner_id"] = json_owner_id

    json_expiring_within_days: int | None | Unset
    if isinstance(expiring_within_days, Unset):
        json_expiring_within_days = UNSET
    else:
        json_expiring_within_days = expiring_within_days
    params["expiring_within_days"] = json_expiring_within_days

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["archived"] = archived

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/evidence".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvidencePage | Problem | None:
    if response.status_code == 200:
        response_200 = EvidencePage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[EvidencePage | Problem]:
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
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: EvidenceListEvidenceFormatType0 | None | Unset = UNSET,
    requirement: None | str | Unset = UNSET,
    documented_information: None | str | Unset = UNSET,
    status: EvidenceStatus | None | Unset = UNSET,
    kind: EvidenceKind | None | Unset = UNSET,
    source: None | str | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    expiring_within_days: int | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    archived: bool | Unset = False,
) -> Response[EvidencePage | Problem]:
    """List Evidence

     List evidence items, newest first, with their current version and links.

    Args:
        org (str): Organisation slug.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (EvidenceListEvidenceFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).
        requirement (None | str | Unset): Requirement ref or clause prefix (`8.6` finds 8.6.x).
        documented_information (None | str | Unset): Documented-information key (D1, R3).
        status (EvidenceStatus | None | Unset):
        kind (EvidenceKind | None | Unset):
        source (None | str | Unset):
        tag (None | str | Unset):
        owner_id (None | Unset | UUID):
        expiring_within_days (int | None | Unset): valid_until within N days (or already past).
        q (None | str | Unset): Text in title, description, reference, or the key.
        archived (bool | Unset): true: only archived items. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidencePage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        limit=limit,
        cursor=cursor,
        format_=format_,
        requirement=requirement,
        documented_information=documented_information,
        status=status,
        kind=kind,
        source=source,
        tag=tag,
        owner_id=owner_id,
        expiring_within_days=expiring_within_days,
        q=q,
        archived=archived,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: EvidenceListEvidenceFormatType0 | None | Unset = UNSET,
    requirement: None | str | Unset = UNSET,
    documented_information: None | str | Unset = UNSET,
    status: EvidenceStatus | None | Unset = UNSET,
    kind: EvidenceKind | None | Unset = UNSET,
    source: None | str | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    expiring_within_days: int | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    archived: bool | Unset = False,
) -> EvidencePage | Problem | None:
    """List Evidence

     List evidence items, newest first, with their current version and links.

    Args:
        org (str): Organisation slug.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (EvidenceListEvidenceFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).
        requirement (None | str | Unset): Requirement ref or clause prefix (`8.6` finds 8.6.x).
        documented_information (None | str | Unset): Documented-information key (D1, R3).
        status (EvidenceStatus | None | Unset):
        kind (EvidenceKind | None | Unset):
        source (None | str | Unset):
        tag (None | str | Unset):
        owner_id (None | Unset | UUID):
        expiring_within_days (int | None | Unset): valid_until within N days (or already past).
        q (None | str | Unset): Text in title, description, reference, or the key.
        archived (bool | Unset): true: only archived items. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidencePage | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        limit=limit,
        cursor=cursor,
        format_=format_,
        requirement=requirement,
        documented_information=documented_information,
        status=status,
        kind=kind,
        source=source,
        tag=tag,
        owner_id=owner_id,
        expiring_within_days=expiring_within_days,
        q=q,
        archived=archived,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: EvidenceListEvidenceFormatType0 | None | Unset = UNSET,
    requirement: None | str | Unset = UNSET,
    documented_information: None | str | Unset = UNSET,
    status: EvidenceStatus | None | Unset = UNSET,
    kind: EvidenceKind | None | Unset = UNSET,
    source: None | str | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    expiring_within_days: int | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    archived: bool | Unset = False,
) -> Response[EvidencePage | Problem]:
    """List Evidence

     List evidence items, newest first, with their current version and links.

    Args:
        org (str): Organisation slug.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (EvidenceListEvidenceFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).
        requirement (None | str | Unset): Requirement ref or clause prefix (`8.6` finds 8.6.x).
        documented_information (None | str | Unset): Documented-information key (D1, R3).
        status (EvidenceStatus | None | Unset):
        kind (EvidenceKind | None | Unset):
        source (None | str | Unset):
        tag (None | str | Unset):
        owner_id (None | Unset | UUID):
        expiring_within_days (int | None | Unset): valid_until within N days (or already past).
        q (None | str | Unset): Text in title, description, reference, or the key.
        archived (bool | Unset): true: only archived items. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidencePage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        limit=limit,
        cursor=cursor,
        format_=format_,
        requirement=requirement,
        documented_information=documented_information,
        status=status,
        kind=kind,
        source=source,
        tag=tag,
        owner_id=owner_id,
        expiring_within_days=expiring_within_days,
        q=q,
        archived=archived,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: EvidenceListEvidenceFormatType0 | None | Unset = UNSET,
    requirement: None | str | Unset = UNSET,
    documented_information: None | str | Unset = UNSET,
    status: EvidenceStatus | None | Unset = UNSET,
    kind: EvidenceKind | None | Unset = UNSET,
    source: None | str | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    expiring_within_days: int | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    archived: bool | Unset = False,
) -> EvidencePage | Problem | None:
    """List Evidence

     List evidence items, newest first, with their current version and links.

    Args:
        org (str): Organisation slug.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (EvidenceListEvidenceFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).
        requirement (None | str | Unset): Requirement ref or clause prefix (`8.6` finds 8.6.x).
        documented_information (None | str | Unset): Documented-information key (D1, R3).
        status (EvidenceStatus | None | Unset):
        kind (EvidenceKind | None | Unset):
        source (None | str | Unset):
        tag (None | str | Unset):
        owner_id (None | Unset | UUID):
        expiring_within_days (int | None | Unset): valid_until within N days (or already past).
        q (None | str | Unset): Text in title, description, reference, or the key.
        archived (bool | Unset): true: only archived items. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidencePage | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            limit=limit,
            cursor=cursor,
            format_=format_,
            requirement=requirement,
            documented_information=documented_information,
            status=status,
            kind=kind,
            source=source,
            tag=tag,
            owner_id=owner_id,
            expiring_within_days=expiring_within_days,
            q=q,
            archived=archived,
        )
    ).parsed
