"""Country rows and mentions from the `country` spans."""

from __future__ import annotations

from pipeline.extract.context import ExtractionContext
from pipeline.models import CountryRow
from pipeline.normalise.countries import country_name


def extract_countries(context: ExtractionContext) -> None:
    """One mention per country span; one row per country with its count and first position."""
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    for span in context.doc.spans.get("country", []):
        mention = context.add_mention("country", span, span.id_ or "gazetteer", span.kb_id_)
        iso3 = span.kb_id_
        counts[iso3] = counts.get(iso3, 0) + 1
        first[iso3] = min(first.get(iso3, mention.start_char), mention.start_char)
    for iso3, count in counts.items():
        context.add(
            CountryRow(
                doc_id=context.doc_id,
                iso3=iso3,
                name=country_name(iso3),
                mentions=count,
                first_start_char=first[iso3],
            )
        )
