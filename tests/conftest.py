"""Test-wide setup: Qt offscreen before any QApplication exists, hypothesis profiles."""

from __future__ import annotations

import os

# Without a display Qt aborts the whole process instead of raising: force offscreen first.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "default")
