"""PLACEHOLDER (to be replaced): speaker rows from the layout's turns, and the report's metadata."""

from __future__ import annotations

from pipeline.extract.context import ExtractionContext


def extract_speakers(context: ExtractionContext) -> None:
    return None
