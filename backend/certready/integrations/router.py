from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response, status
from fastapi.responses import PlainTextResponse, StreamingResponse

from certready.api.csv import CSV_RESPONSES, ListFormatDep, list_or_csv
from certready.api.deps import DatabaseDep, SessionDep, SettingsDep
from certready.core.http import set_etag
from certready.core.pagination import PageDep
from certready.core.problems import problem_responses
from certready.integrations import receiver, service
from certready.integrations.deps import (
    HookBody,
    IntegrationDep,
    IntegrationsManager,
    ItsmReader,
    LimiterDep,
    WriterDep,
)
from certready.integrations.enums import RecordKind, RecordStatus, SourceType
from certready.integrations.schemas import (
    DeliveryDetail,
    DeliveryPage,
    DeliveryRead,
    HookAccepted,
    IntegrationCreate,
    IntegrationPage,
    IntegrationRead,
    IntegrationSecret,
    IntegrationUpdate,
    MappingPreview,
    MappingRules,
    RecordDetail,
    RecordFilters,
    RecordPage,
    RecordRead,
    SecretRotation,
)

router = APIRouter(prefix="/orgs/{org}/integrations", tags=["integrations"])
records_router = APIRouter(prefix="/orgs/{org}/itsm-records", tags=["integrations"])
hooks_router = APIRouter(prefix="/hooks", tags=["hooks"])


@router.get("", response_model=IntegrationPage, responses=CSV_RESPONSES)
async def list_integrations(
    ctx: IntegrationsManager, session: SessionDep, page: PageDep, fmt: ListFormatDep
) -> IntegrationPage | StreamingResponse:
    """The organisation's integrations with their delivery counts (admins)."""
    return await list_or_csv(
        fmt, page, lambda p: service.list_integrations(session, ctx.org_id, p), IntegrationPage
    )


@router.post("", response_model=IntegrationSecret, status_code=status.HTTP_201_CREATED)
async def create_integration(
    data: IntegrationCreate,
    ctx: IntegrationsManager,
    session: SessionDep,
    settings: SettingsDep,
    response: Response,
) -> IntegrationSecret:
    """Create an integration; the secret is in this answer only, never again."""
    created = await service.create_integration(session, settings, ctx, data)
    set_etag(response, created.version)
    return created


@router.get("/{integration_id}", response_model=IntegrationRead)
async def get_integration(
    ctx: IntegrationsManager, integration: IntegrationDep, session: SessionDep, response: Response
) -> IntegrationRead:
    """Read an integration (never its secret); the `ETag` header is needed to change it."""
    set_etag(response, integration.version)
    return await service.integration_read(session, integration)


@router.patch(
    "/{integration_id}", response_model=IntegrationRead, responses=problem_responses(412, 428)
)
async def update_integration(
    data: IntegrationUpdate,
    ctx: IntegrationsManager,
    integration: IntegrationDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> IntegrationRead:
    """Rename, enable or disable an integration or change its mapping rules (`If-Match`)."""
    integration = await service.update_integration(session, ctx, integration, data, if_match)
    set_etag(response, integration.version)
    return await service.integration_read(session, integration)


@router.post(
    "/{integration_id}/rotate-secret",
    response_model=IntegrationSecret,
    responses=problem_responses(412, 428),
)
async def rotate_secret(
    data: SecretRotation,
    ctx: IntegrationsManager,
    integration: IntegrationDep,
    session: SessionDep,
    settings: SettingsDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> IntegrationSecret:
    """A new secret (shown once); the previous one verifies during `grace_hours`."""
    rotated = await service.rotate_secret(session, settings, ctx, integration, data, if_match)
    set_etag(response, rotated.version)
    return rotated


@router.get("/{integration_id}/deliveries", response_model=DeliveryPage)
async def list_deliveries(
    ctx: IntegrationsManager, integration: IntegrationDep, session: SessionDep, page: PageDep
) -> DeliveryPage:
    """The delivery log, newest first: how each verified and what its mapping did."""
    items, next_cursor, total = await service.list_deliveries(
        session, ctx.org_id, integration, page
    )
    return DeliveryPage(
        items=[DeliveryRead.model_validate(d) for d in items], next_cursor=next_cursor, total=total
    )


@router.get("/{integration_id}/deliveries/{delivery_id}", response_model=DeliveryDetail)
async def get_delivery(
    delivery_id: uuid.UUID,
    ctx: IntegrationsManager,
    integration: IntegrationDep,
    session: SessionDep,
) -> DeliveryDetail:
    """One delivery as received: headers (credentials redacted) and raw body."""
    return await service.get_delivery(session, ctx.org_id, integration, delivery_id)


@router.post(
    "/{integration_id}/mapping-preview",
    response_model=MappingPreview,
)
async def preview_mapping(
    rules: MappingRules,
    ctx: IntegrationsManager,
    integration: IntegrationDep,
    session: SessionDep,
) -> MappingPreview:
    """Try mapping rules against the 20 newest deliveries before saving them: what each
    would become, and which outcomes differ from the current rules. Nothing is stored."""
    return await receiver.preview(session, integration, rules)


@router.post(
    "/{integration_id}/deliveries/{delivery_id}/retry",
    response_model=DeliveryRead,
    responses=problem_responses(409),
)
async def retry_delivery(
    delivery_id: uuid.UUID,
    ctx: IntegrationsManager,
    integration: IntegrationDep,
    session: SessionDep,
) -> DeliveryRead:
    """Map a delivery whose mapping failed again with the current rules (after correcting
    them); 409 for a delivery that was mapped. The body stays as received; logged."""
    delivery = await receiver.retry(session, ctx, integration, delivery_id)
    return DeliveryRead.model_validate(delivery)


@records_router.get("", response_model=RecordPage)
async def list_records(
    ctx: ItsmReader,
    session: SessionDep,
    page: PageDep,
    integration_id: uuid.UUID | None = None,
    kind: RecordKind | None = None,
    status: RecordStatus | None = None,
    service_key: Annotated[str | None, Query(max_length=200)] = None,
    clause: Annotated[str | None, Query(max_length=16)] = None,
) -> RecordPage:
    """ITSM records received from the integrations, filtered by kind, status, service, clause."""
    filters = RecordFilters(
        integration_id=integration_id,
        kind=kind,
        status=status,
        service_key=service_key,
        clause=clause,
    )
    items, next_cursor, total = await service.list_records(session, ctx.org_id, filters, page)
    return RecordPage(
        items=[RecordRead.model_validate(r) for r in items], next_cursor=next_cursor, total=total
    )


@records_router.get("/{record_id}", response_model=RecordDetail)
async def get_record(record_id: uuid.UUID, ctx: ItsmReader, session: SessionDep) -> RecordDetail:
    """A record with every delivery about it (its history)."""
    return await service.record_detail(session, ctx.org_id, record_id)


@hooks_router.post(
    "/{integration_id}/{source}",
    response_model=HookAccepted,
    responses=problem_responses(401, 413, 429),
)
async def receive_delivery(
    integration_id: uuid.UUID,
    source: SourceType,
    request: Request,
    body: HookBody,
    db: DatabaseDep,
    settings: SettingsDep,
    limiter: LimiterDep,
    writer: WriterDep,
    itemtype: Annotated[
        str, Query(max_length=64, pattern=r"^[A-Za-z]+$", description="GLPI itemtype.")
    ] = "Ticket",
) -> HookAccepted:
    """Receive a signed delivery from an ITSM tool (the signature is the credential)."""
    return await receiver.receive(
        db,
        settings,
        limiter,
        writer,
        integration_id,
        source,
        dict(request.headers),
        body,
        itemtype,
    )


@hooks_router.get(
    "/{integration_id}/glpi",
    response_model=str,
    response_class=PlainTextResponse,
    responses=problem_responses(401),
)
async def glpi_challenge(
    integration_id: uuid.UUID,
    db: DatabaseDep,
    settings: SettingsDep,
    crc_token: Annotated[str, Query(min_length=1, max_length=256)],
) -> PlainTextResponse:
    """GLPI's challenge-response check: the HMAC of `crc_token` with the secret."""
    answer = await receiver.glpi_challenge(db, settings, integration_id, crc_token)
    return PlainTextResponse(answer)
