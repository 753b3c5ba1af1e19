from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.risk_page import RiskPage
from ...models.risk_status import RiskStatus
from ...models.risks_list_risks_format_type_0 import RisksListRisksFormatType0
from ...models.treatment import Treatment
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    level: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    treatment: None | Treatment | Unset = UNSET,
    undecided: bool | None | Unset = UNSET,
    status: None | RiskStatus | Unset = UNSET,
    overdue_review: bool | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | RisksListRisksFormatType0 | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_level: None | str | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    else:
        json_level = level
    params["level"] = json_level

    json_owner_id: None | str | Unset
    if isinstance(owner_id, Unset):
        json_owner_id = UNSET
    elif isinstance(owner_id, UUID):
        json_owner_id = str(owner_id)
    else:
        json_owner_id = owner_id
    params["owner_id"] = json_owner_id

    json_treatment: None | str | Unset
    if isinstance(treatment, Unset):
        json_treatment = UNSET
    elif isinstance(treatment, Treatment):
        json_treatment = treatment.value
    else:
        json_treatment = treatment
    params["treatment"] = json_treatment

    json_undecided: bool | None | Unset
    if isinstance(undecided, Unset):
        json_undecided = UNSET
    else:
        json_undecided = undecided
    params["undecided"] = json_undecided

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, RiskStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_overdue_review: bool | None | Unset
    if isinstance(overdue_review, Unset):
        json_overdue_review = UNSET
    else:
        json_overdue_review = overdue_review
    params["overdue_review"] = json_overdue_review

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, UUID):
        json_service_id = str(service_id)
    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

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
    elif isinstance(format_, RisksListRisksFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/risks".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RiskPage | None:
    if response.status_code == 200:
        response_200 = RiskPage.from_dict(response.json())

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
) -> Response[Problem | RiskPage]:
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
    level: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    treatment: None | Treatment | Unset = UNSET,
    undecided: bool | None | Unset = UNSET,
    status: None | RiskStatus | Unset = UNSET,
    overdue_review: bool | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | RisksListRisksFormatType0 | Unset = UNSET,
) -> Response[Problem | RiskPage]:
    """List Risks

     The risk register (RSK-1 first), by level, owner, treatment, status, overdue review
    or affected service.

    Args:
        org (str): Organisation slug.
        level (None | str | Unset): A level of the method.
        owner_id (None | Unset | UUID):
        treatment (None | Treatment | Unset):
        undecided (bool | None | Unset):
        status (None | RiskStatus | Unset):
        overdue_review (bool | None | Unset):
        service_id (None | Unset | UUID): Only risks affecting this service.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | RisksListRisksFormatType0 | Unset): `csv`: every page as CSV (same as
            `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskPage]
    """

    kwargs = _get_kwargs(
        org=org,
        level=level,
        owner_id=owner_id,
        treatment=treatment,
        undecided=undecided,
        status=status,
        overdue_review=overdue_review,
        service_id=service_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    level: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    treatment: None | Treatment | Unset = UNSET,
    undecided: bool | None | Unset = UNSET,
    status: None | RiskStatus | Unset = UNSET,
    overdue_review: bool | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | RisksListRisksFormatType0 | Unset = UNSET,
) -> Problem | RiskPage | None:
    """List Risks

     The risk register (RSK-1 first), by level, owner, treatment, status, overdue review
    or affected service.

    Args:
        org (str): Organisation slug.
        level (None | str | Unset): A level of the method.
        owner_id (None | Unset | UUID):
        treatment (None | Treatment | Unset):
        undecided (bool | None | Unset):
        status (None | RiskStatus | Unset):
        overdue_review (bool | None | Unset):
        service_id (None | Unset | UUID): Only risks affecting this service.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | RisksListRisksFormatType0 | Unset): `csv`: every page as CSV (same as
            `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskPage
    """

    return sync_detailed(
        org=org,
        client=client,
        level=level,
        owner_id=owner_id,
        treatment=treatment,
        undecided=undecided,
        status=status,
        overdue_review=overdue_review,
        service_id=service_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    level: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    treatment: None | Treatment | Unset = UNSET,
    undecided: bool | None | Unset = UNSET,
    status: None | RiskStatus | Unset = UNSET,
    overdue_review: bool | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | RisksListRisksFormatType0 | Unset = UNSET,
) -> Response[Problem | RiskPage]:
    """List Risks

     The risk register (RSK-1 first), by level, owner, treatment, status, overdue review
    or affected service.

    Args:
        org (str): Organisation slug.
        level (None | str | Unset): A level of the method.
        owner_id (None | Unset | UUID):
        treatment (None | Treatment | Unset):
        undecided (bool | None | Unset):
        status (None | RiskStatus | Unset):
        overdue_review (bool | None | Unset):
        service_id (None | Unset | UUID): Only risks affecting this service.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | RisksListRisksFormatType0 | Unset): `csv`: every page as CSV (same as
            `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskPage]
    """

    kwargs = _get_kwargs(
        org=org,
        level=level,
        owner_id=owner_id,
        treatment=treatment,
        undecided=undecided,
        status=status,
        overdue_review=overdue_review,
        service_id=service_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    level: None | str | Unset = UNSET,
    owner_id: None | Unset | UUID = UNSET,
    treatment: None | Treatment | Unset = UNSET,
    undecided: bool | None | Unset = UNSET,
    status: None | RiskStatus | Unset = UNSET,
    overdue_review: bool | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | RisksListRisksFormatType0 | Unset = UNSET,
) -> Problem | RiskPage | None:
    """List Risks

     The risk register (RSK-1 first), by level, owner, treatment, status, overdue review
    or affected service.

    Args:
        org (str): Organisation slug.
        level (None | str | Unset): A level of the method.
        owner_id (None | Unset | UUID):
        treatment (None | Treatment | Unset):
        undecided (bool | None | Unset):
        status (None | RiskStatus | Unset):
        overdue_review (bool | None | Unset):
        service_id (None | Unset | UUID): Only risks affecting this service.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | RisksListRisksFormatType0 | Unset): `csv`: every page as CSV (same as
            `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskPage
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            level=level,
            owner_id=owner_id,
            treatment=treatment,
            undecided=undecided,
            status=status,
            overdue_review=overdue_review,
            service_id=service_id,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
