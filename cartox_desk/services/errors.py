"""Errors the services raise: the GUI shows their messages as they are (they name the field)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field: str
    message: str  # e.g. "temperature_c: 46 is outside 30-45 °C"

    def __str__(self) -> str:
        return self.message


class ValidationError(ValueError):
    """Refused input (clinical-rules §10): one entry per field problem; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(p.message for p in self.problems))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls([FieldProblem(field, message)])


class NotFoundError(LookupError):
    """No patient / user / record with that id."""
