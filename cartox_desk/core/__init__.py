"""The shared grading core: pure, typed, side-effect-free. No Qt, no database, no reportlab.

The GUI, the PDF and `cartox-desk grade` all call `grade_snapshot` (core.grading).
"""
