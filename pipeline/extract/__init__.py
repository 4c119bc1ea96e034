"""From an analysed report to table rows: one extractor per table, run in order."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.extract.context import ExtractionContext
from pipeline.extract.countries import extract_countries
from pipeline.extract.location import attribute_locations
from pipeline.extract.metadata import extract_metadata
from pipeline.extract.organisations import extract_organisations
from pipeline.extract.speaker_countries import settle_speaker_countries
from pipeline.extract.speakers import extract_speakers
from pipeline.extract.statistics import extract_statistics
from pipeline.extract.strategies import extract_strategies

Extractor = Callable[[ExtractionContext], None]

# Order matters: later extractors read what earlier ones found (speakers link organisations).
EXTRACTORS: tuple[Extractor, ...] = (
    extract_countries,
    settle_speaker_countries,  # a turn's country, read by the organisations and strategies below
    extract_organisations,
    extract_strategies,
    extract_statistics,
    extract_speakers,
    extract_metadata,
)


def extract_all(context: ExtractionContext) -> ExtractionContext:
    """Run every extractor, then tie every row to its section and speaker."""
    for extractor in EXTRACTORS:
        extractor(context)
    attribute_locations(context)
    return context


__all__ = ["EXTRACTORS", "ExtractionContext", "extract_all"]
