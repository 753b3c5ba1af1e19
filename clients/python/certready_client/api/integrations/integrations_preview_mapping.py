from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.mapping_preview import MappingPreview
from ...models.mapping_rules import MappingRules
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org: str,
    integration_id: UUID,
    *,
    body: MappingRules,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/integrations/{integration_id}/mapping-preview".format(
            org=quote(str(org), safe=""),
            integration_id=quote(str(integration_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MappingPreview | Problem | None:
    if response.status_code == 200:
        response_200 = MappingPreview.from_dict(response.json())

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
) -> Response[MappingPreview | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    integration_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MappingRules,
) -> Response[MappingPreview | Problem]:
    """Preview Mapping

     Try mapping rules against the 20 newest deliveries before saving them: what each
    would become, and which outcomes differ from the current rules. Nothing is stored.

    Args:
        org (str): Organisation slug.
        integration_id (UUID):
        body (MappingRules): Per integration: the record kind from the tool's own type, the
            service from its
            project / category / CI / group (matched case-insensitively), and a kind for the rest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MappingPreview | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        integration_id=integration_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    integration_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MappingRules,
) -> MappingPreview | Problem | None:
    """Preview Mapping

     Try mapping rules against the 20 newest deliveries before saving them: what each
    would become, and which outcomes differ from the current rules. Nothing is stored.

    Args:
        org (str): Organisation slug.
        integration_id (UUID):
        body (MappingRules): Per integration: the record kind from the tool's own type, the
            service from its
            project / category / CI / group (matched case-insensitively), and a kind for the rest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MappingPreview | Problem
    """

    return sync_detailed(
        org=org,
        integration_id=integration_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    org: str,
    integration_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MappingRules,
) -> Response[MappingPreview | Problem]:
    """Preview Mapping

     Try mapping rules against the 20 newest deliveries before saving them: what each
    would become, and which outcomes differ from the current rules. Nothing is stored.

    Args:
        org (str): Organisation slug.
        integration_id (UUID):
        body (MappingRules): Per integration: the record kind from the tool's own type, the
            service from its
            project / category / CI / group (matched case-insensitively), and a kind for the rest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MappingPreview | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        integration_id=integration_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    integration_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MappingRules,
) -> MappingPreview | Problem | None:
    """Preview Mapping

     Try mapping rules against the 20 newest deliveries before saving them: what each
    would become, and which outcomes differ from the current rules. Nothing is stored.

    Args:
        org (str): Organisation slug.
        integration_id (UUID):
        body (MappingRules): Per integration: the record kind from the tool's own type, the
            service from its
            project / category / CI / group (matched case-insensitively), and a kind for the rest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MappingPreview | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            integration_id=integration_id,
            client=client,
            body=body,
        )
    ).parsed
