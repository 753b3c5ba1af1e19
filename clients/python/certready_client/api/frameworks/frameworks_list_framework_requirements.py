from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.catalogue_view import CatalogueView
from ...models.problem import Problem
from ...models.requirement_catalogue import RequirementCatalogue
from ...types import UNSET, Response, Unset


def _get_kwargs(
    framework: str,
    *,
    view: CatalogueView | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_view: str | Unset = UNSET
    if not isinstance(view, Unset):
        json_view = view.value

    params["view"] = json_view

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/frameworks/{framework}/requirements".format(
            framework=quote(str(framework), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RequirementCatalogue | None:
    if response.status_code == 200:
        response_200 = RequirementCatalogue.from_dict(response.json())

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
) -> Response[Problem | RequirementCatalogue]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    framework: str,
    *,
    client: AuthenticatedClient,
    view: CatalogueView | Unset = UNSET,
) -> Response[Problem | RequirementCatalogue]:
    """List Framework Requirements

     Read a framework's requirement catalogue with our guidance, as a flat list or a tree.

    Each node names the documented information it asks for. The catalogue is bounded
    reference data, so it is returned whole (no paging), ordered by clause number.

    Args:
        framework (str): Framework code.
        view (CatalogueView | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequirementCatalogue]
    """

    kwargs = _get_kwargs(
        framework=framework,
        view=view,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    framework: str,
    *,
    client: AuthenticatedClient,
    view: CatalogueView | Unset = UNSET,
) -> Problem | RequirementCatalogue | None:
    """List Framework Requirements

     Read a framework's requirement catalogue with our guidance, as a flat list or a tree.

    Each node names the documented information it asks for. The catalogue is bounded
    reference data, so it is returned whole (no paging), ordered by clause number.

    Args:
        framework (str): Framework code.
        view (CatalogueView | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequirementCatalogue
    """

    return sync_detailed(
        framework=framework,
        client=client,
        view=view,
    ).parsed


async def asyncio_detailed(
    framework: str,
    *,
    client: AuthenticatedClient,
    view: CatalogueView | Unset = UNSET,
) -> Response[Problem | RequirementCatalogue]:
    """List Framework Requirements

     Read a framework's requirement catalogue with our guidance, as a flat list or a tree.

    Each node names the documented information it asks for. The catalogue is bounded
    reference data, so it is returned whole (no paging), ordered by clause number.

    Args:
        framework (str): Framework code.
        view (CatalogueView | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequirementCatalogue]
    """

    kwargs = _get_kwargs(
        framework=framework,
        view=view,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    framework: str,
    *,
    client: AuthenticatedClient,
    view: CatalogueView | Unset = UNSET,
) -> Problem | RequirementCatalogue | None:
    """List Framework Requirements

     Read a framework's requirement catalogue with our guidance, as a flat list or a tree.

    Each node names the documented information it asks for. The catalogue is bounded
    reference data, so it is returned whole (no paging), ordered by clause number.

    Args:
        framework (str): Framework code.
        view (CatalogueView | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequirementCatalogue
    """

    return (
        await asyncio_detailed(
            framework=framework,
            client=client,
            view=view,
        )
    ).parsed
