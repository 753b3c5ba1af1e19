"""occurred dates beside the recorded timestamps (issue 13: history with real dates)

Revision ID: 7c1d2e9a4b60
Revises: 1dff956fa340
Create Date: 2026-12-02 04:45:00

Every record a user may claim happened in the past gets the day it occurred beside the
instant it was recorded: checklist lines (assessed_on), findings (raised_on, closed_on),
audits (closed_on), corrective measures (closed_on), management reviews
(minutes_approved_on), evidence (approved_on), and activity entries (occurred_on, null
for entries that happened when they were recorded). Existing rows take the day of their
recorded timestamp (UTC), so nothing reads differently after the upgrade.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7c1d2e9a4b60"
down_revision: str | Sequence[str] | None = "1dff956fa340"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> [(new date column, the recorded timestamp it is backfilled from)]
BACKFILLED = {
    "audit": [("closed_on", "closed_at")],
    "audit_checklist_line": [("assessed_on", "assessed_at")],
    "finding": [("raised_on", "raised_at"), ("closed_on", "closed_at")],
    "corrective_measure": [("closed_on", "closed_at")],
    "management_review": [("minutes_approved_on", "minutes_approved_at")],
    "evidence": [("approved_on", "approved_at")],
}


def _day(column: str) -> str:
    """The UTC day of a stored timestamp (SQLite stores naive UTC text)."""
    if op.get_bind().dialect.name == "sqlite":
        return f"date({column})"
    return f"CAST(({column} AT TIME ZONE 'UTC') AS DATE)"


def upgrade() -> None:
    for table, pairs in BACKFILLED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for new, _old in pairs:
                batch_op.add_column(sa.Column(new, sa.Date(), nullable=True))
        sets = ", ".join(f"{new} = {_day(old)}" for new, old in pairs)
        op.execute(f"UPDATE {table} SET {sets}")
    # every finding has a raised day, like its raised_at
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.alter_column("raised_on", existing_type=sa.Date(), nullable=False)
    with op.batch_alter_table("activity_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("occurred_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("activity_entry", schema=None) as batch_op:
        batch_op.drop_column("occurred_on")
    for table, pairs in reversed(BACKFILLED.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for new, _old in reversed(pairs):
                batch_op.drop_column(new)
