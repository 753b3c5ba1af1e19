from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rule_result_read import RuleResultRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    rule_id: str,
    *,
    framework: str | Unset = "iso20000-1:2018",
    cache_control: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(cache_control, Unset):
        headers["cache-control"] = cache_control

    params: dict[str, Any] = {}

    params["framework"] = framework

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/readiness/rules/{rule_id}".format(
            org=quote(str(org), safe=""),
            rule_id=quote(str(rule_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RuleResultRead | None:
    if response.status_code == 200:
        response_200 = RuleResultRead.from_dict(response.json())

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
) -> Response[Problem | RuleResultRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    rule_id: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
    cache_control: None | str | Unset = UNSET,
) -> Response[Problem | RuleResultRead]:
    """Get Readiness Rule

     Read one rule's result with its first 50 failing objects, their count and the rule's
    parameters (cached like the whole report).

    Args:
        org (str): Organisation slug.
        rule_id (str):
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        cache_control (None | str | Unset): `no-cache` evaluates afresh instead of using the
            cache.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RuleResultRead]
    """

    kwargs = _get_kwargs(
        org=org,
        rule_id=rule_id,
        framework=framework,
        cache_control=cache_control,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    rule_id: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
    cache_control: None | str | Unset = UNSET,
) -> Problem | RuleResultRead | None:
    """Get Readiness Rule

     Read one rule's result with its first 50 failing objects, their count and the rule's
    parameters (cached like the whole report).

    Args:
        org (str): Organisation slug.
        rule_id (str):
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        cache_control (None | str | Unset): `no-cache` evaluates afresh instead of using the
            cache.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RuleResultRead
    """

    return sync_detailed(
        org=org,
        rule_id=rule_id,
        client=client,
        framework=framework,
        cache_control=cache_control,
    ).parsed


async def asyncio_detailed(
    org: str,
    rule_id: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
    cache_control: None | str | Unset = UNSET,
) -> Response[Problem | RuleResultRead]:
    """Get Readiness Rule

     Read one rule's result with its first 50 failing objects, their count and the rule's
    parameters (cached like the whole report).

    Args:
        org (str): Organisation slug.
        rule_id (str):
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        cache_control (None | str | Unset): `no-cache` evaluates afresh instead of using the
            cache.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RuleResultRead]
    """

    kwargs = _get_kwargs(
        org=org,
        rule_id=rule_id,
        framework=framework,
        cache_control=cache_control,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    rule_id: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
    cache_control: None | str | Unset = UNSET,
) -> Problem | RuleResultRead | None:
    """Get Readiness Rule

     Read one rule's result with its first 50 failing objects, their count and the rule's
    parameters (cached like the whole report).

    Args:
        org (str): Organisation slug.
        rule_id (str):
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        cache_control (None | str | Unset): `no-cache` evaluates afresh instead of using the
            cache.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RuleResultRead
    """

    return (
        await asyncio_detailed(
            org=org,
            rule_id=rule_id,
            client=client,
            framework=framework,
            cache_control=cache_control,
        )
    ).parsed
