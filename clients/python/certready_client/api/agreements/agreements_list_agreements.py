from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agreement_page import AgreementPage
from ...models.agreement_status import AgreementStatus
from ...models.agreement_type import AgreementType
from ...models.agreements_list_agreements_format_type_0 import AgreementsListAgreementsFormatType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org: str,
    *,
    type_: AgreementType | None | Unset = UNSET,
    status: AgreementStatus | None | Unset = UNSET,
    supplier_id: None | Unset | UUID = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: AgreementsListAgreementsFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, AgreementType):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AgreementStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_supplier_id: None | str | Unset
    if isinstance(supplier_id, Unset):
        json_supplier_id = UNSET
    elif isinstance(supplier_id, UUID):
        json_supplier_id = str(supplier_id)
    else:
        json_supplier_id = supplier_id
    params["supplier_id"] = json_supplier_id

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    elif isinstance(customer_id, UUID):
        json_customer_id = str(customer_id)
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, UUID):
        json_service_id = str(service_id)
    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

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
    elif isinstance(format_, AgreementsListAgreementsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/agreements".format(
            org=quote(str(org), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgreementPage | Problem | None:
    if response.status_code == 200:
        response_200 = AgreementPage.from_dict(response.json())

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
) -> Response[AgreementPage | Problem]:
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
    type_: AgreementType | None | Unset = UNSET,
    status: AgreementStatus | None | Unset = UNSET,
    supplier_id: None | Unset | UUID = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: AgreementsListAgreementsFormatType0 | None | Unset = UNSET,
) -> Response[AgreementPage | Problem]:
    """List Agreements

     List agreements (AGR-1 first), by type, status, supplier, customer or service.

    Args:
        org (str): Organisation slug.
        type_ (AgreementType | None | Unset):
        status (AgreementStatus | None | Unset):
        supplier_id (None | Unset | UUID):
        customer_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (AgreementsListAgreementsFormatType0 | None | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        type_=type_,
        status=status,
        supplier_id=supplier_id,
        customer_id=customer_id,
        service_id=service_id,
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
    type_: AgreementType | None | Unset = UNSET,
    status: AgreementStatus | None | Unset = UNSET,
    supplier_id: None | Unset | UUID = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: AgreementsListAgreementsFormatType0 | None | Unset = UNSET,
) -> AgreementPage | Problem | None:
    """List Agreements

     List agreements (AGR-1 first), by type, status, supplier, customer or service.

    Args:
        org (str): Organisation slug.
        type_ (AgreementType | None | Unset):
        status (AgreementStatus | None | Unset):
        supplier_id (None | Unset | UUID):
        customer_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (AgreementsListAgreementsFormatType0 | None | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementPage | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        type_=type_,
        status=status,
        supplier_id=supplier_id,
        customer_id=customer_id,
        service_id=service_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    type_: AgreementType | None | Unset = UNSET,
    status: AgreementStatus | None | Unset = UNSET,
    supplier_id: None | Unset | UUID = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: AgreementsListAgreementsFormatType0 | None | Unset = UNSET,
) -> Response[AgreementPage | Problem]:
    """List Agreements

     List agreements (AGR-1 first), by type, status, supplier, customer or service.

    Args:
        org (str): Organisation slug.
        type_ (AgreementType | None | Unset):
        status (AgreementStatus | None | Unset):
        supplier_id (None | Unset | UUID):
        customer_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (AgreementsListAgreementsFormatType0 | None | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementPage | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        type_=type_,
        status=status,
        supplier_id=supplier_id,
        customer_id=customer_id,
        service_id=service_id,
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
    type_: AgreementType | None | Unset = UNSET,
    status: AgreementStatus | None | Unset = UNSET,
    supplier_id: None | Unset | UUID = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    service_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: AgreementsListAgreementsFormatType0 | None | Unset = UNSET,
) -> AgreementPage | Problem | None:
    """List Agreements

     List agreements (AGR-1 first), by type, status, supplier, customer or service.

    Args:
        org (str): Organisation slug.
        type_ (AgreementType | None | Unset):
        status (AgreementStatus | None | Unset):
        supplier_id (None | Unset | UUID):
        customer_id (None | Unset | UUID):
        service_id (None | Unset | UUID):
        limit (int | Unset): Page size, 1..500. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.
        format_ (AgreementsListAgreementsFormatType0 | None | Unset): `csv`: every page as CSV
            (same as `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementPage | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            type_=type_,
            status=status,
            supplier_id=supplier_id,
            customer_id=customer_id,
            service_id=service_id,
            limit=limit,
            cursor=cursor,
            format_=format_,
        )
    ).parsed
