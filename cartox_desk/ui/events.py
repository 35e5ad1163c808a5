"""Cross-view events on one small QObject owned by the composition root (architecture.md).

Views subscribe; nobody reaches for globals. Signals are named in the past tense.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    patient_changed = Signal(object)  # patient id, or None when no patient is selected
    records_saved = Signal(object)  # patient id whose records changed
    assessment_completed = Signal(object)  # a wizard's CompletedAssessment (not yet saved)
    language_changed = Signal(str)
    settings_changed = Signal(object)  # the new AppSettings, already saved
