"""'None exist' statements per supplier kind (iso20000.md 6.6, RDY-13): an organisation with
no internal suppliers, or no customer acting as a supplier, says so, and approves it."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from certready.activity.service import record, snapshot
from certready.context import OrgContext
from certready.core.changes import ChangeSpec, check_version, move_object, requested, update_object
from certready.core.clock import today
from certready.core.pagination import PageParams, paginate
from certready.core.problems import Conflict
from certready.suppliers.enums import StatementStatus
from certready.suppliers.models import SupplierStatement
from certready.suppliers.repository import StatementRepository
from certready.suppliers.schemas import StatementCreate, StatementMove, StatementUpdate
from certready.suppliers.workflow import STATEMENT_WORKFLOW

STATEMENT_FIELDS = ["statement", "approved_by_id", "approved_on"]


def statement_key(statement: SupplierStatement) -> str:
    """How the statement is named in the log: 'no internal suppliers'."""
    return f"'no {statement.category.replace('_', ' ')} suppliers' statement"


STATEMENT_CHANGES = ChangeSpec(
    object_type="supplier_statement",
    fields=STATEMENT_FIELDS,
    label=statement_key,
    required=frozenset({"statement"}),
)


async def list_statements(
    session: AsyncSession, org_id: uuid.UUID, page: PageParams
) -> tuple[list[SupplierStatement], str | None, int]:
    """The organisation's statements (at most one per supplier kind)."""
    stmt = StatementRepository(session, org_id).base_statement()
    return await paginate(session, stmt, keys=[col(SupplierStatement.category)], params=page)


async def create_statement(
    session: AsyncSession, ctx: OrgContext, data: StatementCreate
) -> SupplierStatement:
    """Draft the statement for one supplier kind (409 when the kind has one)."""
    repo = StatementRepository(session, ctx.org_id)
    await repo.lock_organisation()
    if await repo.of_category(data.category) is not None:
        raise Conflict(f"There is a statement for {data.category.value} suppliers already.")
    statement = repo.add(
        SupplierStatement(org_id=ctx.org_id, category=data.category, statement=data.statement)
    )
    await session.flush()
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="supplier_statement.create",
        object_type="supplier_statement",
        object_id=statement.id,
        summary=f"{statement_key(statement)} drafted",
        after={"category": data.category.value, **snapshot(statement, STATEMENT_FIELDS)},
    )
    await session.flush()
    return statement


async def update_statement(
    session: AsyncSession,
    ctx: OrgContext,
    statement: SupplierStatement,
    data: StatementUpdate,
    if_match: str | None,
) -> SupplierStatement:
    """Change the wording of a draft (an approved one is withdrawn to draft first)."""
    check_version(statement, if_match, STATEMENT_CHANGES)
    if statement.status == StatementStatus.approved:
        raise Conflict("The statement is approved; move it back to draft to change it.")
    values = requested(data, STATEMENT_CHANGES)
    await update_object(session, ctx, statement, values, STATEMENT_CHANGES, if_match=if_match)
    return statement


async def move_statement(
    session: AsyncSession, ctx: OrgContext, statement: SupplierStatement, data: StatementMove
) -> SupplierStatement:
    """Approve a draft (records who and when) or withdraw an approval."""

    def effects() -> None:
        approving = data.to == StatementStatus.approved
        statement.approved_by_id = ctx.actor.id if approving else None
        statement.approved_on = today() if approving else None

    await move_object(
        session,
        ctx,
        statement,
        STATEMENT_WORKFLOW,
        statement,
        data.to,
        STATEMENT_CHANGES,
        note=data.note,
        effects=effects,
    )
    return statement
