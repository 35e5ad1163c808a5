"""Reusable widgets: grade badges, validated number fields."""
