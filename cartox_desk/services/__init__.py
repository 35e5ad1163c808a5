"""Use cases over the record store, one unit of work each (architecture.md). Build with
`Services.from_url(url)`; everything returned is a core dataclass or a plain row of `services.types`."""

from cartox_desk.services.api import GRADED_KINDS, KINDS, RULE_SET_VERSION, Services
from cartox_desk.services.errors import FieldProblem, NotFoundError, ValidationError
from cartox_desk.services.types import AuditEvent, CensusRow, RecordVersion, StoredGrade

__all__ = [
    "GRADED_KINDS",
    "KINDS",
    "RULE_SET_VERSION",
    "AuditEvent",
    "CensusRow",
    "FieldProblem",
    "NotFoundError",
    "RecordVersion",
    "Services",
    "StoredGrade",
    "ValidationError",
]
