"""PLACEHOLDER (to be replaced): statistics rows and mentions from the `statistic` spans."""

from __future__ import annotations

from pipeline.extract.context import ExtractionContext


def extract_statistics(context: ExtractionContext) -> None:
    return None
