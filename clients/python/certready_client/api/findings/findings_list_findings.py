from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.finding_grade import FindingGrade
from ...models.finding_page import FindingPage
from ...models.finding_source import FindingSource
from ...models.finding_status import FindingStatus
from ...models.findings_list_findings_format_type_0 import FindingsListFindingsFormatType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    grade: FindingGrade | None | Unset = UNSET,
    status: FindingStatus | None | Unset = UNSET,
    clause: None | str | Unset = UNSET,
    audit_id: None | Unset | UUID = UNSET,
    source: FindingSource | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: FindingsListFindingsFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_grade: None | str | Unset
    if isinstance(grade, Unset):
        json_grade = UNSET
    elif isinstance(grade, FindingGrade):
        json_grade = grade.value
    else:
        json_grade = grade
    params["grade"] = json_grade

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, FindingStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_clause: None | str | Unset
    if isinstance(clause, Unset):
        json_clause = UNSET
    else:
        json_clause = clause
    params["clause"] = json_clause

    json_audit_id: None | str | Unset
    if isinstance(audit_id, Unset):
        json_audit_id = UNSET
    elif isinstance(audit_id, UUID):
        json_audit_id = str(audit_id)
    else:
        json_audit_id = audit_id
    params["audit_id"] = json_audit_id

    json_source: None | str | Unset
    if isinstance(source, Unset):
        json_source = UNSET
    elif isinstance(source, FindingSource):
        json_source = source.value
    else:
        json_source = source
    params["source"] = json_source

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

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
    elif isinstance(format_, FindingsListFindingsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/findings".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FindingPage | Problem | None:
    if response.status_code == 200:
        response_200 = FindingPage.from_dict(response.json())

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
) -> Response[FindingPage | Problem]:
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
    grade: FindingGrade | None | Unset = UNSET,
    status: FindingStatus | None | Unset = UNSET,
    clause: None | str | Unset = UNSET,
    audit_id: None | Unset | UUID = UNSET,
    source: FindingSource | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: FindingsListFindingsFormatType0 | None | Unset = UNSET,
) -> Response[FindingPage | Problem]:
    """List Findings

     List findings, newest first, filtered by grade, status, clause, audit, source or overdue.

    Args:
        org (str): Organisation slug.
        grade (FindingGrade | None | Unset):
        status (FindingStatus | None | Unset):
        clause (None | str | Unset): Clause prefix: "8" or "8.5".
        audit_id (None | Unset | UUID):
        source (FindingSource | None | Unset):
        overdue (bool | None | Unset): Due date passed and not closed.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (FindingsListFindingsFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FindingPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        grade=grade,
        status=status,
        clause=clause,
        audit_id=audit_id,
        source=source,
        overdue=overdue,
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
    grade: FindingGrade | None | Unset = UNSET,
    status: FindingStatus | None | Unset = UNSET,
    clause: None | str | Unset = UNSET,
    audit_id: None | Unset | UUID = UNSET,
    source: FindingSource | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: FindingsListFindingsFormatType0 | None | Unset = UNSET,
) -> FindingPage | Problem | None:
    """List Findings

     List findings, newest first, filtered by grade, status, clause, audit, source or overdue.

    Args:
        org (str): Organisation slug.
        grade (FindingGrade | None | Unset):
        status (FindingStatus | None | Unset):
        clause (None | str | Unset): Clause prefix: "8" or "8.5".
        audit_id (None | Unset | UUID):
        source (FindingSource | None | Unset):
        overdue (bool | None | Unset): Due date passed and not closed.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (FindingsListFindingsFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FindingPage | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        grade=grade,
        status=status,
        clause=clause,
        audit_id=audit_id,
        source=source,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    grade: FindingGrade | None | Unset = UNSET,
    status: FindingStatus | None | Unset = UNSET,
    clause: None | str | Unset = UNSET,
    audit_id: None | Unset | UUID = UNSET,
    source: FindingSource | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: FindingsListFindingsFormatType0 | None | Unset = UNSET,
) -> Response[FindingPage | Problem]:
    """List Findings

     List findings, newest first, filtered by grade, status, clause, audit, source or overdue.

    Args:
        org (str): Organisation slug.
        grade (FindingGrade | None | Unset):
        status (FindingStatus | None | Unset):
        clause (None | str | Unset): Clause prefix: "8" or "8.5".
        audit_id (None | Unset | UUID):
        source (FindingSource | None | Unset):
        overdue (bool | None | Unset): Due date passed and not closed.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (FindingsListFindingsFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FindingPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        grade=grade,
        status=status,
        clause=clause,
        audit_id=audit_id,
        source=source,
        overdue=overdue,
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
    grade: FindingGrade | None | Unset = UNSET,
    status: FindingStatus | None | Unset = UNSET,
    clause: None | str | Unset = UNSET,
    audit_id: None | Unset | UUID = UNSET,
    source: FindingSource | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: FindingsListFindingsFormatType0 | None | Unset = UNSET,
) -> FindingPage | Problem | None:
    """List Findings

     List findings, newest first, filtered by grade, status, clause, audit, source or overdue.

    Args:
        org (str): Organisation slug.
        grade (FindingGrade | None | Unset):
        status (FindingStatus | None | Unset):
        clause (None | str | Unset): Clause prefix: "8" or "8.5".
        audit_id (None | Unset | UUID):
        source (FindingSource | None | Unset):
        overdue (bool | None | Unset): Due date passed and not closed.
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (FindingsListFindingsFormatType0 | None | Unset): `csv`: every page as CSV (same
            as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FindingPage | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            grade=grade,
            status=status,
            clause=clause,
            audit_id=audit_id,
            source=source,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
