# mypy: disable-error-code="attr-defined"
"""alerts kept in the record and the recommendation checklist marks (issue 6 items 2 and 4)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'alert',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('patient_id', sa.Integer(), nullable=False),
        sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('severity', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column('params', sa.JSON(), nullable=False),
        sa.Column('first_raised_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('last_seen_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('cleared_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('acknowledged_by_id', sa.Integer(), nullable=True),
        sa.Column('acknowledged_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('ack_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(['acknowledged_by_id'], ['app_user.id'], ),
        sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.create_index('ix_alert_patient_cleared', ['patient_id', 'cleared_at'], unique=False)

    op.create_table(
        'recommendation_mark',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('patient_id', sa.Integer(), nullable=False),
        sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column('by_id', sa.Integer(), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(['by_id'], ['app_user.id'], ),
        sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('recommendation_mark', schema=None) as batch_op:
        batch_op.create_index('ix_recommendation_mark_patient_code', ['patient_id', 'code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('recommendation_mark', schema=None) as batch_op:
        batch_op.drop_index('ix_recommendation_mark_patient_code')
    op.drop_table('recommendation_mark')
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.drop_index('ix_alert_patient_cleared')
    op.drop_table('alert')
