from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.requirement_detail_read import RequirementDetailRead
from ...models.requirement_update import RequirementUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    ref: str,
    *,
    body: RequirementUpdate,
    framework: str | Unset = "iso20000-1:2018",
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    params: dict[str, Any] = {}

    params["framework"] = framework

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/orgs/{org}/requirements/{ref}".format(
            org=quote(str(org), safe=""),
            ref=quote(str(ref), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RequirementDetailRead | None:
    if response.status_code == 200:
        response_200 = RequirementDetailRead.from_dict(response.json())

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
    body: RequirementUpdate,
    framework: str | Unset = "iso20000-1:2018",
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | RequirementDetailRead]:
    """Update Requirement

     Change a requirement's status, owner, target date, notes or not-occurring justification.

    ISO/IEC 20000-1 allows no exclusions: "not applicable" is refused (422); use
    `not_occurring` with a justification. Process owners change only the requirements
    they own and cannot hand them to someone else (403).

    Args:
        org (str): Organisation slug.
        ref (str): Clause ref.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        if_match (None | str | Unset):
        body (RequirementUpdate): Fields to change; omitted fields stay as they are. There is no
            "not applicable".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequirementDetailRead]
    """

    kwargs = _get_kwargs(
        org=org,
        ref=ref,
        body=body,
        framework=framework,
        if_match=if_match,
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
    body: RequirementUpdate,
    framework: str | Unset = "iso20000-1:2018",
    if_match: None | str | Unset = UNSET,
) -> Problem | RequirementDetailRead | None:
    """Update Requirement

     Change a requirement's status, owner, target date, notes or not-occurring justification.

    ISO/IEC 20000-1 allows no exclusions: "not applicable" is refused (422); use
    `not_occurring` with a justification. Process owners change only the requirements
    they own and cannot hand them to someone else (403).

    Args:
        org (str): Organisation slug.
        ref (str): Clause ref.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        if_match (None | str | Unset):
        body (RequirementUpdate): Fields to change; omitted fields stay as they are. There is no
            "not applicable".

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
        body=body,
        framework=framework,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    org: str,
    ref: str,
    *,
    client: AuthenticatedClient,
    body: RequirementUpdate,
    framework: str | Unset = "iso20000-1:2018",
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | RequirementDetailRead]:
    """Update Requirement

     Change a requirement's status, owner, target date, notes or not-occurring justification.

    ISO/IEC 20000-1 allows no exclusions: "not applicable" is refused (422); use
    `not_occurring` with a justification. Process owners change only the requirements
    they own and cannot hand them to someone else (403).

    Args:
        org (str): Organisation slug.
        ref (str): Clause ref.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        if_match (None | str | Unset):
        body (RequirementUpdate): Fields to change; omitted fields stay as they are. There is no
            "not applicable".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequirementDetailRead]
    """

    kwargs = _get_kwargs(
        org=org,
        ref=ref,
        body=body,
        framework=framework,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    ref: str,
    *,
    client: AuthenticatedClient,
    body: RequirementUpdate,
    framework: str | Unset = "iso20000-1:2018",
    if_match: None | str | Unset = UNSET,
) -> Problem | RequirementDetailRead | None:
    """Update Requirement

     Change a requirement's status, owner, target date, notes or not-occurring justification.

    ISO/IEC 20000-1 allows no exclusions: "not applicable" is refused (422); use
    `not_occurring` with a justification. Process owners change only the requirements
    they own and cannot hand them to someone else (403).

    Args:
        org (str): Organisation slug.
        ref (str): Clause ref.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        if_match (None | str | Unset):
        body (RequirementUpdate): Fields to change; omitted fields stay as they are. There is no
            "not applicable".

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
            body=body,
            framework=framework,
            if_match=if_match,
        )
    ).parsed
