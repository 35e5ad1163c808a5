"""Alembic migrations, configured in code (no alembic.ini) so they run from an installed package."""
