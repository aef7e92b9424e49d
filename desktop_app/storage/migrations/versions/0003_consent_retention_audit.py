"""consent validity, recordings removed by retention, audit log

Revision ID: 0003
Revises: 0002

Adds `consent.valid_until` (existing consents stay valid one year from when they were given),
`interview.media_removed_at` / `media_removed_reason` (the retention policy deleted the
recording; the interview and its transcript stay) and the `auditentry` table (what was
exported or presented, when, for which audience and where).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import desktop_app.storage.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN (no batch copy): a table copy would drop the search index triggers
    op.add_column("consent", sa.Column(
        "valid_until", desktop_app.storage.types.UTCDateTime(timezone=True), nullable=True))
    op.execute("UPDATE consent SET valid_until = datetime(given_at, '+365 days') "
               "WHERE method != 'none'")
    op.add_column("interview", sa.Column(
        "media_removed_at", desktop_app.storage.types.UTCDateTime(timezone=True),
        nullable=True))
    op.add_column("interview", sa.Column(
        "media_removed_reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
        server_default=""))
    op.create_table(
        "auditentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", desktop_app.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("audience", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("path", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("customer_ids", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("details_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_auditentry_action"), "auditentry", ["action"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_auditentry_action"), table_name="auditentry")
    op.drop_table("auditentry")
    # SQLite >= 3.35 drops plain columns in place (a batch copy would cascade-delete rows)
    for table, column in (("interview", "media_removed_reason"),
                          ("interview", "media_removed_at"), ("consent", "valid_until")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
