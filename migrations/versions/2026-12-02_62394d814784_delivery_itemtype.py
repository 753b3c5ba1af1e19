"""delivery itemtype: GLPI's itemtype (from the receiver URL) kept with the delivery, so it can
be mapped again (preview, retry) exactly as received

Revision ID: 62394d814784
Revises: 4a6d9b48d791
Create Date: 2026-12-02 18:39:33.495413
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "62394d814784"
down_revision: str | Sequence[str] | None = "4a6d9b48d791"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("integration_delivery", schema=None) as batch_op:
        batch_op.add_column(sa.Column("itemtype", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("integration_delivery", schema=None) as batch_op:
        batch_op.drop_column("itemtype")
