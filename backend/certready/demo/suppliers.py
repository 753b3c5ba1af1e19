"""Suppliers and agreements: a hosting provider under contract (with targets and a review),
the facilities team under an internal agreement, a telecoms carrier whose contract has
expired (the demo's RDY-13 gap), an SLA for every (service, customer) pair the catalogue
holds, and the approved statement that no customer acts as a supplier."""

from __future__ import annotations

from certready.agreements.enums import AgreementStatus, AgreementType
from certready.agreements.repository import AgreementRepository
from certready.agreements.schemas import AgreementCreate, TargetCreate
from certready.agreements.service import create_agreement
from certready.demo.base import Demo
from certready.objectives.enums import Direction
from certready.orgs.enums import Role
from certready.suppliers.enums import ReviewResult, StatementStatus, SupplierKind
from certready.suppliers.reviews import add_review
from certready.suppliers.schemas import (
    ReviewCreate,
    StatementCreate,
    StatementMove,
    SupplierCreate,
)
from certready.suppliers.service import create_supplier
from certready.suppliers.statements import create_statement, move_statement

AVAILABILITY = TargetCreate(
    metric="Availability", target=99.9, unit="%", direction=Direction.at_least
)
RESPONSE = TargetCreate(
    metric="P1 response time", target=30, unit="minutes", direction=Direction.at_most
)


async def add_suppliers(demo: Demo) -> None:
    s, ctx = demo.session, demo.ctx
    owner = demo.manager.id
    hosting = await create_supplier(
        s,
        ctx,
        SupplierCreate(
            name="Northwind Cloud Hosting",
            kind=SupplierKind.external,
            contact="account-team@northwind.example",
            owner_id=owner,
        ),
    )
    facilities = await create_supplier(
        s,
        ctx,
        SupplierCreate(name="Facilities team", kind=SupplierKind.internal, owner_id=owner),
    )
    telecom = await create_supplier(
        s,
        ctx,
        SupplierCreate(
            name="Fabrikam Telecom",
            kind=SupplierKind.external,
            contact="noc@fabrikam.example",
            owner_id=owner,
        ),
    )
    for title, type_, supplier_id, start, end, targets in (
        (
            "Hosting contract",
            AgreementType.contract,
            hosting.id,
            -400,
            700,
            [AVAILABILITY, RESPONSE],
        ),
        ("Facilities OLA", AgreementType.ola_internal_agreement, facilities.id, -200, None, []),
        # the gap: the carrier's contract ran out last month and was not renewed
        ("WAN contract", AgreementType.contract, telecom.id, -760, -30, [AVAILABILITY]),
    ):
        await create_agreement(
            s,
            ctx,
            AgreementCreate(
                title=title,
                type=type_,
                supplier_id=supplier_id,
                start_date=demo.days(start),
                end_date=demo.days(end) if end is not None else None,
                review_date=demo.days(120),
                status=AgreementStatus.active,
                targets=targets,
            ),
        )
    await add_review(
        s,
        ctx,
        hosting,
        ReviewCreate(
            reviewed_on=demo.days(-20),
            result=ReviewResult.satisfactory,
            summary="Availability 99.95 % over the quarter; one P1 answered late.",
        ),
    )
    await _slas(demo)
    manager = demo.as_member(demo.manager, Role.sms_manager)
    statement = await create_statement(
        s,
        manager,
        StatementCreate(
            category=SupplierKind.customer_as_supplier,
            statement="No customer supplies any part of our services.",
        ),
    )
    await move_statement(s, manager, statement, StatementMove(to=StatementStatus.approved))


async def _slas(demo: Demo) -> None:
    """One SLA per (service, customer) pair the catalogue holds when the suppliers are built."""
    repo = AgreementRepository(demo.session, demo.org.id)
    for service_id, service_name, customer_id, customer_name in await repo.service_customer_pairs():
        await create_agreement(
            demo.session,
            demo.ctx,
            AgreementCreate(
                title=f"{service_name} SLA for {customer_name}",
                type=AgreementType.sla,
                customer_id=customer_id,
                service_ids=[service_id],
                start_date=demo.days(-300),
                review_date=demo.days(60),
                status=AgreementStatus.active,
                targets=[AVAILABILITY],
            ),
        )
