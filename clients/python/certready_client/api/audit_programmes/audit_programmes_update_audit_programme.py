from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_programme_read import AuditProgrammeRead
from ...models.audit_programme_update import AuditProgrammeUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    programme_id: UUID,
    *,
    body: AuditProgrammeUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/orgs/{org}/audit-programmes/{programme_id}".format(
            org=quote(str(org), safe=""),
            programme_id=quote(str(programme_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditProgrammeRead | Problem | None:
    if response.status_code == 200:
        response_200 = AuditProgrammeRead.from_dict(response.json())

        return response_200

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AuditProgrammeRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AuditProgrammeUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[AuditProgrammeRead | Problem]:
    """Update Audit Programme

     Change a programme; changing period, objectives or method withdraws its approval.

    Args:
        org (str): Organisation slug.
        programme_id (UUID):
        if_match (None | str | Unset):
        body (AuditProgrammeUpdate): Changing the period, objectives or method of an approved
            programme resets its approval.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditProgrammeRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        programme_id=programme_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AuditProgrammeUpdate,
    if_match: None | str | Unset = UNSET,
) -> AuditProgrammeRead | Problem | None:
    """Update Audit Programme

     Change a programme; changing period, objectives or method withdraws its approval.

    Args:
        org (str): Organisation slug.
        programme_id (UUID):
        if_match (None | str | Unset):
        body (AuditProgrammeUpdate): Changing the period, objectives or method of an approved
            programme resets its approval.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditProgrammeRead | Problem
    """

    return sync_detailed(
        org=org,
        programme_id=programme_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    org: str,
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AuditProgrammeUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[AuditProgrammeRead | Problem]:
    """Update Audit Programme

     Change a programme; changing period, objectives or method withdraws its approval.

    Args:
        org (str): Organisation slug.
        programme_id (UUID):
        if_match (None | str | Unset):
        body (AuditProgrammeUpdate): Changing the period, objectives or method of an approved
            programme resets its approval.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditProgrammeRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        programme_id=programme_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AuditProgrammeUpdate,
    if_match: None | str | Unset = UNSET,
) -> AuditProgrammeRead | Problem | None:
    """Update Audit Programme

     Change a programme; changing period, objectives or method withdraws its approval.

    Args:
        org (str): Organisation slug.
        programme_id (UUID):
        if_match (None | str | Unset):
        body (AuditProgrammeUpdate): Changing the period, objectives or method of an approved
            programme resets its approval.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditProgrammeRead | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            programme_id=programme_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
