"""composite (patient_id, at) indexes for the time-window queries of the timeline and the ward census

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

"""
from collections.abc import Sequence

from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    'vital_signs', 'oxygen_support', 'vasopressor_infusion', 'fluid_bolus', 'lab_result',
    'encephalopathy_assessment', 'neuro_exam', 'medication_administration', 'intervention', 'grade',
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(f'ix_{table}_patient_at', ['patient_id', 'at'], unique=False)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f'ix_{table}_patient_at')
