"""findings: the closing decision (corrective action, or correction only for observations/OFIs)

Revision ID: c0e1a7f3b2d4
Revises: dec91f96616f
Create Date: 2026-12-02 04:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0e1a7f3b2d4"
down_revision: str | Sequence[str] | None = "dec91f96616f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("closure_decision", sa.String(length=32), nullable=True))
    # findings closed before the decision was recorded: NCs closed on corrective action,
    # observations and OFIs on their decision note (a correction only)
    op.execute(
        "UPDATE finding SET closure_decision = CASE WHEN grade IN ('major_nc', 'minor_nc') "
        "THEN 'corrective_action' ELSE 'correction_only' END WHERE status = 'closed'"
    )


def downgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.drop_column("closure_decision")
