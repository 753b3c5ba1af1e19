from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.training_matrix import TrainingMatrix
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    role: None | str | Unset = UNSET,
    expiring_within_days: int | Unset = 30,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    else:
        json_role = role
    params["role"] = json_role

    params["expiring_within_days"] = expiring_within_days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/training/matrix".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TrainingMatrix | None:
    if response.status_code == 200:
        response_200 = TrainingMatrix.from_dict(response.json())

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
) -> Response[Problem | TrainingMatrix]:
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
    role: None | str | Unset = UNSET,
    expiring_within_days: int | Unset = 30,
) -> Response[Problem | TrainingMatrix]:
    """Get Training Matrix

     Person x required course (`ok`, `expiring`, `expired`, `missing`) with coverage
    overall, for awareness and per role.

    Args:
        org (str): Organisation slug.
        role (None | str | Unset): One role key.
        expiring_within_days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingMatrix]
    """

    kwargs = _get_kwargs(
        org=org,
        role=role,
        expiring_within_days=expiring_within_days,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    role: None | str | Unset = UNSET,
    expiring_within_days: int | Unset = 30,
) -> Problem | TrainingMatrix | None:
    """Get Training Matrix

     Person x required course (`ok`, `expiring`, `expired`, `missing`) with coverage
    overall, for awareness and per role.

    Args:
        org (str): Organisation slug.
        role (None | str | Unset): One role key.
        expiring_within_days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingMatrix
    """

    return sync_detailed(
        org=org,
        client=client,
        role=role,
        expiring_within_days=expiring_within_days,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    role: None | str | Unset = UNSET,
    expiring_within_days: int | Unset = 30,
) -> Response[Problem | TrainingMatrix]:
    """Get Training Matrix

     Person x required course (`ok`, `expiring`, `expired`, `missing`) with coverage
    overall, for awareness and per role.

    Args:
        org (str): Organisation slug.
        role (None | str | Unset): One role key.
        expiring_within_days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingMatrix]
    """

    kwargs = _get_kwargs(
        org=org,
        role=role,
        expiring_within_days=expiring_within_days,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    role: None | str | Unset = UNSET,
    expiring_within_days: int | Unset = 30,
) -> Problem | TrainingMatrix | None:
    """Get Training Matrix

     Person x required course (`ok`, `expiring`, `expired`, `missing`) with coverage
    overall, for awareness and per role.

    Args:
        org (str): Organisation slug.
        role (None | str | Unset): One role key.
        expiring_within_days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingMatrix
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            role=role,
            expiring_within_days=expiring_within_days,
        )
    ).parsed
