"""PLACEHOLDER (to be replaced): strategies rows and mentions from the `strategy` spans."""

from __future__ import annotations

from pipeline.extract.context import ExtractionContext


def extract_strategies(context: ExtractionContext) -> None:
    return None
