from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.training_list_training_records_format_type_0 import (
    TrainingListTrainingRecordsFormatType0,
)
from ...models.training_record_page import TrainingRecordPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    person_id: None | Unset | UUID = UNSET,
    course_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | TrainingListTrainingRecordsFormatType0 | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_person_id: None | str | Unset
    if isinstance(person_id, Unset):
        json_person_id = UNSET
    elif isinstance(person_id, UUID):
        json_person_id = str(person_id)
    else:
        json_person_id = person_id
    params["person_id"] = json_person_id

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
    elif isinstance(format_, TrainingListTrainingRecordsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/training/records".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TrainingRecordPage | None:
    if response.status_code == 200:
        response_200 = TrainingRecordPage.from_dict(response.json())

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
) -> Response[Problem | TrainingRecordPage]:
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
    person_id: None | Unset | UUID = UNSET,
    course_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | TrainingListTrainingRecordsFormatType0 | Unset = UNSET,
) -> Response[Problem | TrainingRecordPage]:
    """List Training Records

     List completion records, latest completion first, by person or course.

    Args:
        org (str): Organisation slug.
        person_id (None | Unset | UUID):
        course_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | TrainingListTrainingRecordsFormatType0 | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingRecordPage]
    """

    kwargs = _get_kwargs(
        org=org,
        person_id=person_id,
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
    person_id: None | Unset | UUID = UNSET,
    course_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | TrainingListTrainingRecordsFormatType0 | Unset = UNSET,
) -> Problem | TrainingRecordPage | None:
    """List Training Records

     List completion records, latest completion first, by person or course.

    Args:
        org (str): Organisation slug.
        person_id (None | Unset | UUID):
        course_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | TrainingListTrainingRecordsFormatType0 | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingRecordPage
    """

    return sync_detailed(
        org=org,
        client=client,
        person_id=person_id,
        course_id=course_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    person_id: None | Unset | UUID = UNSET,
    course_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | TrainingListTrainingRecordsFormatType0 | Unset = UNSET,
) -> Response[Problem | TrainingRecordPage]:
    """List Training Records

     List completion records, latest completion first, by person or course.

    Args:
        org (str): Organisation slug.
        person_id (None | Unset | UUID):
        course_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | TrainingListTrainingRecordsFormatType0 | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainingRecordPage]
    """

    kwargs = _get_kwargs(
        org=org,
        person_id=person_id,
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
    person_id: None | Unset | UUID = UNSET,
    course_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | TrainingListTrainingRecordsFormatType0 | Unset = UNSET,
) -> Problem | TrainingRecordPage | None:
    """List Training Records

     List completion records, latest completion first, by person or course.

    Args:
        org (str): Organisation slug.
        person_id (None | Unset | UUID):
        course_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (None | TrainingListTrainingRecordsFormatType0 | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainingRecordPage
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            person_id=person_id,
            course_id=course_id,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
