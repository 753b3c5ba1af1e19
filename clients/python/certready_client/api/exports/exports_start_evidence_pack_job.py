from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pack_job_read import PackJobRead
from ...models.pack_versions import PackVersions
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    framework: str | Unset = "iso20000-1:2018",
    clause: list[str] | Unset = UNSET,
    documented_information: list[str] | Unset = UNSET,
    approved_only: bool | Unset = False,
    versions: PackVersions | Unset = UNSET,
    audit_id: None | Unset | UUID = UNSET,
    compliance_matrix: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["framework"] = framework

    json_clause: list[str] | Unset = UNSET
    if not isinstance(clause, Unset):
        json_clause = clause

    params["clause"] = json_clause

    json_documented_information: list[str] | Unset = UNSET
    if not isinstance(documented_information, Unset):
        json_documented_information = documented_information

    params["documented_information"] = json_documented_information

    params["approved_only"] = approved_only

    json_versions: str | Unset = UNSET
    if not isinstance(versions, Unset):
        json_versions = versions.value

    params["versions"] = json_versions

    json_audit_id: None | str | Unset
    if isinstance(audit_id, Unset):
        json_audit_id = UNSET
    elif isinstance(audit_id, UUID):
        json_audit_id = str(audit_id)
    else:
        json_audit_id = audit_id
    params["audit_id"] = json_audit_id

    params["compliance_matrix"] = compliance_matrix

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/exports/evidence-pack/jobs".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PackJobRead | Problem | None:
    if response.status_code == 202:
        response_202 = PackJobRead.from_dict(response.json())

        return response_202

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[PackJobRead | Problem]:
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
    framework: str | Unset = "iso20000-1:2018",
    clause: list[str] | Unset = UNSET,
    documented_information: list[str] | Unset = UNSET,
    approved_only: bool | Unset = False,
    versions: PackVersions | Unset = UNSET,
    audit_id: None | Unset | UUID = UNSET,
    compliance_matrix: bool | Unset = False,
) -> Response[PackJobRead | Problem]:
    """Start Evidence Pack Job

     Start making the evidence pack in the background (the same query as
    `evidence-pack.zip`, the same contents and signature). Poll the job for its progress
    (files and bytes written); once `done`, download it from its `download_url` (with the
    Authorization header, or a download ticket in a browser). Only the caller sees the job;
    finished packs are kept `CERTREADY_PACK_JOB_RETENTION_HOURS`. Recorded in the activity
    log (`export.pack_job_started`).

    Args:
        org (str): Organisation slug.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        clause (list[str] | Unset): Requirement ref or clause (`8.6` takes 8.6.x); repeat for
            several.
        documented_information (list[str] | Unset): Mandatory document or record key (D1, R3...).
        approved_only (bool | Unset): Only approved items (always so for external auditors).
            Default: False.
        versions (PackVersions | Unset): Which versions of each item go into the pack.
        audit_id (None | Unset | UUID): Only the evidence sampled in this audit, with its pinned
            versions.
        compliance_matrix (bool | Unset): Include the compliance matrix (`compliance-
            matrix.xlsx`). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackJobRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        framework=framework,
        clause=clause,
        documented_information=documented_information,
        approved_only=approved_only,
        versions=versions,
        audit_id=audit_id,
        compliance_matrix=compliance_matrix,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
    clause: list[str] | Unset = UNSET,
    documented_information: list[str] | Unset = UNSET,
    approved_only: bool | Unset = False,
    versions: PackVersions | Unset = UNSET,
    audit_id: None | Unset | UUID = UNSET,
    compliance_matrix: bool | Unset = False,
) -> PackJobRead | Problem | None:
    """Start Evidence Pack Job

     Start making the evidence pack in the background (the same query as
    `evidence-pack.zip`, the same contents and signature). Poll the job for its progress
    (files and bytes written); once `done`, download it from its `download_url` (with the
    Authorization header, or a download ticket in a browser). Only the caller sees the job;
    finished packs are kept `CERTREADY_PACK_JOB_RETENTION_HOURS`. Recorded in the activity
    log (`export.pack_job_started`).

    Args:
        org (str): Organisation slug.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        clause (list[str] | Unset): Requirement ref or clause (`8.6` takes 8.6.x); repeat for
            several.
        documented_information (list[str] | Unset): Mandatory document or record key (D1, R3...).
        approved_only (bool | Unset): Only approved items (always so for external auditors).
            Default: False.
        versions (PackVersions | Unset): Which versions of each item go into the pack.
        audit_id (None | Unset | UUID): Only the evidence sampled in this audit, with its pinned
            versions.
        compliance_matrix (bool | Unset): Include the compliance matrix (`compliance-
            matrix.xlsx`). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackJobRead | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        framework=framework,
        clause=clause,
        documented_information=documented_information,
        approved_only=approved_only,
        versions=versions,
        audit_id=audit_id,
        compliance_matrix=compliance_matrix,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
    clause: list[str] | Unset = UNSET,
    documented_information: list[str] | Unset = UNSET,
    approved_only: bool | Unset = False,
    versions: PackVersions | Unset = UNSET,
    audit_id: None | Unset | UUID = UNSET,
    compliance_matrix: bool | Unset = False,
) -> Response[PackJobRead | Problem]:
    """Start Evidence Pack Job

     Start making the evidence pack in the background (the same query as
    `evidence-pack.zip`, the same contents and signature). Poll the job for its progress
    (files and bytes written); once `done`, download it from its `download_url` (with the
    Authorization header, or a download ticket in a browser). Only the caller sees the job;
    finished packs are kept `CERTREADY_PACK_JOB_RETENTION_HOURS`. Recorded in the activity
    log (`export.pack_job_started`).

    Args:
        org (str): Organisation slug.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        clause (list[str] | Unset): Requirement ref or clause (`8.6` takes 8.6.x); repeat for
            several.
        documented_information (list[str] | Unset): Mandatory document or record key (D1, R3...).
        approved_only (bool | Unset): Only approved items (always so for external auditors).
            Default: False.
        versions (PackVersions | Unset): Which versions of each item go into the pack.
        audit_id (None | Unset | UUID): Only the evidence sampled in this audit, with its pinned
            versions.
        compliance_matrix (bool | Unset): Include the compliance matrix (`compliance-
            matrix.xlsx`). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackJobRead | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        framework=framework,
        clause=clause,
        documented_information=documented_information,
        approved_only=approved_only,
        versions=versions,
        audit_id=audit_id,
        compliance_matrix=compliance_matrix,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    framework: str | Unset = "iso20000-1:2018",
    clause: list[str] | Unset = UNSET,
    documented_information: list[str] | Unset = UNSET,
    approved_only: bool | Unset = False,
    versions: PackVersions | Unset = UNSET,
    audit_id: None | Unset | UUID = UNSET,
    compliance_matrix: bool | Unset = False,
) -> PackJobRead | Problem | None:
    """Start Evidence Pack Job

     Start making the evidence pack in the background (the same query as
    `evidence-pack.zip`, the same contents and signature). Poll the job for its progress
    (files and bytes written); once `done`, download it from its `download_url` (with the
    Authorization header, or a download ticket in a browser). Only the caller sees the job;
    finished packs are kept `CERTREADY_PACK_JOB_RETENTION_HOURS`. Recorded in the activity
    log (`export.pack_job_started`).

    Args:
        org (str): Organisation slug.
        framework (str | Unset): Framework code. Default: 'iso20000-1:2018'.
        clause (list[str] | Unset): Requirement ref or clause (`8.6` takes 8.6.x); repeat for
            several.
        documented_information (list[str] | Unset): Mandatory document or record key (D1, R3...).
        approved_only (bool | Unset): Only approved items (always so for external auditors).
            Default: False.
        versions (PackVersions | Unset): Which versions of each item go into the pack.
        audit_id (None | Unset | UUID): Only the evidence sampled in this audit, with its pinned
            versions.
        compliance_matrix (bool | Unset): Include the compliance matrix (`compliance-
            matrix.xlsx`). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackJobRead | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            framework=framework,
            clause=clause,
            documented_information=documented_information,
            approved_only=approved_only,
            versions=versions,
            audit_id=audit_id,
            compliance_matrix=compliance_matrix,
        )
    ).parsed
