# mypy: disable-error-code="attr-defined"
"""IEC-HS grades recorded by the physician (issue 6: CSCO-2024 §4.3.2; 0 = resolved / ruled out)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'iechs_grade',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('patient_id', sa.Integer(), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('entered_by_id', sa.Integer(), nullable=False),
        sa.Column('entered_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('amends_id', sa.Integer(), nullable=True),
        sa.Column('amendment_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('voided', sa.Boolean(), nullable=False),
        sa.Column('grade', sa.Integer(), nullable=False),
        sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(['amends_id'], ['iechs_grade.id'], ),
        sa.ForeignKeyConstraint(['entered_by_id'], ['app_user.id'], ),
        sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('iechs_grade', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_iechs_grade_amends_id'), ['amends_id'], unique=False)
        batch_op.create_index('ix_iechs_grade_patient_at', ['patient_id', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('iechs_grade', schema=None) as batch_op:
        batch_op.drop_index('ix_iechs_grade_patient_at')
        batch_op.drop_index(batch_op.f('ix_iechs_grade_amends_id'))
    op.drop_table('iechs_grade')
