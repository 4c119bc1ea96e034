"""PLACEHOLDER (to be replaced): organisations rows and mentions from the `organisation` spans."""

from __future__ import annotations

from pipeline.extract.context import ExtractionContext


def extract_organisations(context: ExtractionContext) -> None:
    return None
