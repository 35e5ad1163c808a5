"""Alembic revision scripts (a package so an installed wheel ships them)."""
