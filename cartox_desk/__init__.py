"""cartox_desk: bedside CAR-T toxicity grading, charting and daily summaries."""

__version__ = "0.1.0"
