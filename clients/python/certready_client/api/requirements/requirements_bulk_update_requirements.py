from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.requirement_bulk_result import RequirementBulkResult
from ...models.requirement_bulk_update import RequirementBulkUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    body: RequirementBulkUpdate,
    framework: str | Unset = "iso20000-1:2018",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["framework"] = framework

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/requirements/bulk".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RequirementBulkResult | None:
    if response.status_code == 200:
        response_200 = RequirementBulkResult.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RequirementBulkResult]:
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
    body: RequirementBulkUpdate,
    framework: str | Unset = "iso20000-1:2018",
) -> Response[Problem | RequirementBulkResult]:
    """Bulk Update Requirements

     Change up to 500 requirements at once, all or nothing.

    Every row is checked before anything is written; one bad row refuses the whole
    request (422, each error names the row index and ref). `If-Match` is not used here:
    give a row's `version` to refuse it when someone changed it meanwhile (412).

    Args:
        org (str): Organisation slug.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        body (RequirementBulkUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequirementBulkResult]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
        framework=framework,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    body: RequirementBulkUpdate,
    framework: str | Unset = "iso20000-1:2018",
) -> Problem | RequirementBulkResult | None:
    """Bulk Update Requirements

     Change up to 500 requirements at once, all or nothing.

    Every row is checked before anything is written; one bad row refuses the whole
    request (422, each error names the row index and ref). `If-Match` is not used here:
    give a row's `version` to refuse it when someone changed it meanwhile (412).

    Args:
        org (str): Organisation slug.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        body (RequirementBulkUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequirementBulkResult
    """

    return sync_detailed(
        org=org,
        client=client,
        body=body,
        framework=framework,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    body: RequirementBulkUpdate,
    framework: str | Unset = "iso20000-1:2018",
) -> Response[Problem | RequirementBulkResult]:
    """Bulk Update Requirements

     Change up to 500 requirements at once, all or nothing.

    Every row is checked before anything is written; one bad row refuses the whole
    request (422, each error names the row index and ref). `If-Match` is not used here:
    give a row's `version` to refuse it when someone changed it meanwhile (412).

    Args:
        org (str): Organisation slug.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        body (RequirementBulkUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequirementBulkResult]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
        framework=framework,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    body: RequirementBulkUpdate,
    framework: str | Unset = "iso20000-1:2018",
) -> Problem | RequirementBulkResult | None:
    """Bulk Update Requirements

     Change up to 500 requirements at once, all or nothing.

    Every row is checked before anything is written; one bad row refuses the whole
    request (422, each error names the row index and ref). `If-Match` is not used here:
    give a row's `version` to refuse it when someone changed it meanwhile (412).

    Args:
        org (str): Organisation slug.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        body (RequirementBulkUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequirementBulkResult
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            body=body,
            framework=framework,
        )
    ).parsed
