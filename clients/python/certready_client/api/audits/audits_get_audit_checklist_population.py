import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.record_kind import RecordKind
from ...models.record_priority import RecordPriority
from ...models.sample_population import SamplePopulation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    audit_id: UUID,
    ref: str,
    *,
    service_key: None | str | Unset = UNSET,
    kind: None | RecordKind | Unset = UNSET,
    priority: None | RecordPriority | Unset = UNSET,
    opened_from: datetime.date | None | Unset = UNSET,
    opened_to: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_service_key: None | str | Unset
    if isinstance(service_key, Unset):
        json_service_key = UNSET
    else:
        json_service_key = service_key
    params["service_key"] = json_service_key

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, RecordKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_priority: None | str | Unset
    if isinstance(priority, Unset):
        json_priority = UNSET
    elif isinstance(priority, RecordPriority):
        json_priority = priority.value
    else:
        json_priority = priority
    params["priority"] = json_priority

    json_opened_from: None | str | Unset
    if isinstance(opened_from, Unset):
        json_opened_from = UNSET
    elif isinstance(opened_from, datetime.date):
        json_opened_from = opened_from.isoformat()
    else:
        json_opened_from = opened_from
    params["opened_from"] = json_opened_from

    json_opened_to: None | str | Unset
    if isinstance(opened_to, Unset):
        json_opened_to = UNSET
    elif isinstance(opened_to, datetime.date):
        json_opened_to = opened_to.isoformat()
    else:
        json_opened_to = opened_to
    params["opened_to"] = json_opened_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/audits/{audit_id}/checklist/{ref}/sample/population".format(
            org=quote(str(org), safe=""),
            audit_id=quote(str(audit_id), safe=""),
            ref=quote(str(ref), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SamplePopulation | None:
    if response.status_code == 200:
        response_200 = SamplePopulation.from_dict(response.json())

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
) -> Response[Problem | SamplePopulation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    audit_id: UUID,
    ref: str,
    *,
    client: AuthenticatedClient,
    service_key: None | str | Unset = UNSET,
    kind: None | RecordKind | Unset = UNSET,
    priority: None | RecordPriority | Unset = UNSET,
    opened_from: datetime.date | None | Unset = UNSET,
    opened_to: datetime.date | None | Unset = UNSET,
) -> Response[Problem | SamplePopulation]:
    """Get Audit Checklist Population

     How many of the line's ITSM records the filters hold, and the suggested sample size
    (population up to 50: 5, up to 250: 10, more: 25).

    Args:
        org (str): Organisation slug.
        audit_id (UUID):
        ref (str):
        service_key (None | str | Unset):
        kind (None | RecordKind | Unset):
        priority (None | RecordPriority | Unset):
        opened_from (datetime.date | None | Unset):
        opened_to (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SamplePopulation]
    """

    kwargs = _get_kwargs(
        org=org,
        audit_id=audit_id,
        ref=ref,
        service_key=service_key,
        kind=kind,
        priority=priority,
        opened_from=opened_from,
        opened_to=opened_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    audit_id: UUID,
    ref: str,
    *,
    client: AuthenticatedClient,
    service_key: None | str | Unset = UNSET,
    kind: None | RecordKind | Unset = UNSET,
    priority: None | RecordPriority | Unset = UNSET,
    opened_from: datetime.date | None | Unset = UNSET,
    opened_to: datetime.date | None | Unset = UNSET,
) -> Problem | SamplePopulation | None:
    """Get Audit Checklist Population

     How many of the line's ITSM records the filters hold, and the suggested sample size
    (population up to 50: 5, up to 250: 10, more: 25).

    Args:
        org (str): Organisation slug.
        audit_id (UUID):
        ref (str):
        service_key (None | str | Unset):
        kind (None | RecordKind | Unset):
        priority (None | RecordPriority | Unset):
        opened_from (datetime.date | None | Unset):
        opened_to (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SamplePopulation
    """

    return sync_detailed(
        org=org,
        audit_id=audit_id,
        ref=ref,
        client=client,
        service_key=service_key,
        kind=kind,
        priority=priority,
        opened_from=opened_from,
        opened_to=opened_to,
    ).parsed


async def asyncio_detailed(
    org: str,
    audit_id: UUID,
    ref: str,
    *,
    client: AuthenticatedClient,
    service_key: None | str | Unset = UNSET,
    kind: None | RecordKind | Unset = UNSET,
    priority: None | RecordPriority | Unset = UNSET,
    opened_from: datetime.date | None | Unset = UNSET,
    opened_to: datetime.date | None | Unset = UNSET,
) -> Response[Problem | SamplePopulation]:
    """Get Audit Checklist Population

     How many of the line's ITSM records the filters hold, and the suggested sample size
    (population up to 50: 5, up to 250: 10, more: 25).

    Args:
        org (str): Organisation slug.
        audit_id (UUID):
        ref (str):
        service_key (None | str | Unset):
        kind (None | RecordKind | Unset):
        priority (None | RecordPriority | Unset):
        opened_from (datetime.date | None | Unset):
        opened_to (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SamplePopulation]
    """

    kwargs = _get_kwargs(
        org=org,
        audit_id=audit_id,
        ref=ref,
        service_key=service_key,
        kind=kind,
        priority=priority,
        opened_from=opened_from,
        opened_to=opened_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    audit_id: UUID,
    ref: str,
    *,
    client: AuthenticatedClient,
    service_key: None | str | Unset = UNSET,
    kind: None | RecordKind | Unset = UNSET,
    priority: None | RecordPriority | Unset = UNSET,
    opened_from: datetime.date | None | Unset = UNSET,
    opened_to: datetime.date | None | Unset = UNSET,
) -> Problem | SamplePopulation | None:
    """Get Audit Checklist Population

     How many of the line's ITSM records the filters hold, and the suggested sample size
    (population up to 50: 5, up to 250: 10, more: 25).

    Args:
        org (str): Organisation slug.
        audit_id (UUID):
        ref (str):
        service_key (None | str | Unset):
        kind (None | RecordKind | Unset):
        priority (None | RecordPriority | Unset):
        opened_from (datetime.date | None | Unset):
        opened_to (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SamplePopulation
    """

    return (
        await asyncio_detailed(
            org=org,
            audit_id=audit_id,
            ref=ref,
            client=client,
            service_key=service_key,
            kind=kind,
            priority=priority,
            opened_from=opened_from,
            opened_to=opened_to,
        )
    ).parsed
