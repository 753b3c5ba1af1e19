from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.competence_requirement_page import CompetenceRequirementPage
from ...models.problem import Problem
from ...models.training_list_competence_requirements_format_type_0 import (
    TrainingListCompetenceRequirementsFormatType0,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    role_key: None | str | Unset = UNSET,
    course_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | TrainingListCompetenceRequirementsFormatType0 | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_role_key: None | str | Unset
    if isinstance(role_key, Unset):
        json_role_key = UNSET
    else:
        json_role_key = role_key
    params["role_key"] = json_role_key

    json_course_id: None | str | Unset
    if isinstance(course_id, Unset):
        json_course_id = UNSET
    elif isinstance(course_id, UUID):
        json_course_id = str(course_id)
    else:
        json_course_id = course_id
    params["course_id"] = json_course_id

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
    elif isinstance(format_, TrainingListCompetenceRequirementsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/training/requirements".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CompetenceRequirementPage | Problem | None:
    if response.status_code == 200:
        response_200 = CompetenceRequirementPage.from_dict(response.json())

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
) -> Response[CompetenceRequirementPage | Problem]:
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
    role_key: None | str | Unset = UNSET,
    course_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | TrainingListCompetenceRequirementsFormatType0 | Unset = UNSET,
) -> Response[CompetenceRequirementPage | Problem]:
    """List Competence Requirements

     List which role keys require which courses (7.2 competence requirements).

    Args:
        org (str): Organisation slug.
        role_key (None | str | Unset):
        course_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | TrainingListCompetenceRequirementsFormatType0 | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompetenceRequirementPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        role_key=role_key,
        course_id=course_id,
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
    role_key: None | str | Unset = UNSET,
    course_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | TrainingListCompetenceRequirementsFormatType0 | Unset = UNSET,
) -> CompetenceRequirementPage | Problem | None:
    """List Competence Requirements

     List which role keys require which courses (7.2 competence requirements).

    Args:
        org (str): Organisation slug.
        role_key (None | str | Unset):
        course_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | TrainingListCompetenceRequirementsFormatType0 | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompetenceRequirementPage | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        role_key=role_key,
        course_id=course_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    role_key: None | str | Unset = UNSET,
    course_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | TrainingListCompetenceRequirementsFormatType0 | Unset = UNSET,
) -> Response[CompetenceRequirementPage | Problem]:
    """List Competence Requirements

     List which role keys require which courses (7.2 competence requirements).

    Args:
        org (str): Organisation slug.
        role_key (None | str | Unset):
        course_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | TrainingListCompetenceRequirementsFormatType0 | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompetenceRequirementPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        role_key=role_key,
        course_id=course_id,
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
    role_key: None | str | Unset = UNSET,
    course_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | TrainingListCompetenceRequirementsFormatType0 | Unset = UNSET,
) -> CompetenceRequirementPage | Problem | None:
    """List Competence Requirements

     List which role keys require which courses (7.2 competence requirements).

    Args:
        org (str): Organisation slug.
        role_key (None | str | Unset):
        course_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | TrainingListCompetenceRequirementsFormatType0 | Unset): `csv`: every page
            as CSV (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompetenceRequirementPage | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            role_key=role_key,
            course_id=course_id,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
