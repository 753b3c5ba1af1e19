from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.requirement_detail_read import RequirementDetailRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    ref: str,
    *,
    framework: str | Unset = "iso20000-1:2018",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["framework"] = framework

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/requirements/{ref}".format(
            org=quote(str(org), safe=""),
            ref=quote(str(ref), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RequirementDetailRead | None:
    if response.status_code == 200:
        response_200 = RequirementDetailRead.from_dict(response.json())

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
) -> Response[Problem | RequirementDetailRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    ref: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
) -> Response[Problem | RequirementDetailRead]:
    """Get Requirement

     Read one requirement: status, guidance, documented information it asks for and its history.

    The `ETag` header is needed to change it.

    Args:
        org (str): Organisation slug.
        ref (str): Clause ref.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequirementDetailRead]
    """

    kwargs = _get_kwargs(
        org=org,
        ref=ref,
        framework=framework,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    ref: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
) -> Problem | RequirementDetailRead | None:
    """Get Requirement

     Read one requirement: status, guidance, documented information it asks for and its history.

    The `ETag` header is needed to change it.

    Args:
        org (str): Organisation slug.
        ref (str): Clause ref.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequirementDetailRead
    """

    return sync_detailed(
        org=org,
        ref=ref,
        client=client,
        framework=framework,
    ).parsed


async def asyncio_detailed(
    org: str,
    ref: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
) -> Response[Problem | RequirementDetailRead]:
    """Get Requirement

     Read one requirement: status, guidance, documented information it asks for and its history.

    The `ETag` header is needed to change it.

    Args:
        org (str): Organisation slug.
        ref (str): Clause ref.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequirementDetailRead]
    """

    kwargs = _get_kwargs(
        org=org,
        ref=ref,
        framework=framework,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    ref: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
) -> Problem | RequirementDetailRead | None:
    """Get Requirement

     Read one requirement: status, guidance, documented information it asks for and its history.

    The `ETag` header is needed to change it.

    Args:
        org (str): Organisation slug.
        ref (str): Clause ref.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequirementDetailRead
    """

    return (
        await asyncio_detailed(
            org=org,
            ref=ref,
            client=client,
            framework=framework,
        )
    ).parsed
