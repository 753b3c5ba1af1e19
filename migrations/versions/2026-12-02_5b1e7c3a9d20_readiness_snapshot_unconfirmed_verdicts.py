"""readiness snapshots: a Stage 1/Stage 2 verdict may be unconfirmed (null)

Revision ID: 5b1e7c3a9d20
Revises: 8df97de4396a
Create Date: 2026-12-02 01:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5b1e7c3a9d20"
down_revision: str | Sequence[str] | None = "8df97de4396a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("readiness_snapshot") as batch:
        batch.alter_column("stage1_ready", existing_type=sa.Boolean(), nullable=True)
        batch.alter_column("stage2_ready", existing_type=sa.Boolean(), nullable=True)


def downgrade() -> None:
    # an unconfirmed verdict was "not ready" before null existed
    op.execute("UPDATE readiness_snapshot SET stage1_ready = false WHERE stage1_ready IS NULL")
    op.execute("UPDATE readiness_snapshot SET stage2_ready = false WHERE stage2_ready IS NULL")
    with op.batch_alter_table("readiness_snapshot") as batch:
        batch.alter_column("stage1_ready", existing_type=sa.Boolean(), nullable=False)
        batch.alter_column("stage2_ready", existing_type=sa.Boolean(), nullable=False)
