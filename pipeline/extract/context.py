"""What every extractor works from: the report, its analysis, its layout and the rows found so far."""

from __future__ import annotations

from collections import defaultdict
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span

from pipeline.layout import Layout
from pipeline.models import MentionRow, Row
from pipeline.prepare import Prepared
from pipeline.rules import load_rules


@dataclass
class ExtractionContext:
    """One report under extraction. Spans live in clean-text offsets; rows carry original offsets."""

    doc_id: str
    prepared: Prepared
    doc: Doc
    layout: Layout
    rows: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    metadata: dict[str, str | None] = field(default_factory=dict)  # extra `documents` columns

    def original_offsets(self, span: Span) -> tuple[int, int]:
        """Offsets of a span in the original file."""
        return self.prepared.to_original(span.start_char, span.end_char)

    def sentence_of(self, span: Span) -> str:
        """The (clean) sentence a span stands in, for reading the row in context."""
        return span.sent.text.strip() if self.has_sentences else span.text

    @cached_property
    def has_sentences(self) -> bool:
        """Whether the doc has sentence boundaries (checked once: the check scans every token)."""
        return self.doc.has_annotation("SENT_START")

    @cached_property
    def text(self) -> str:
        """The clean text the doc was made from; `doc.text` rebuilds the string on every call."""
        return self.prepared.text

    @cached_property
    def report_country(self) -> str | None:
        """The country the report is about, when one clearly dominates its country mentions.

        The country named most, at least `min_mentions` times and `min_ratio`
        times as often as the next one, or the only country the title names.
        Extractors use it as the last fallback for a body's or a strategy's
        country; a report about several countries has none.
        """
        rules = load_rules("countries/report_country.yaml")
        counts = Counter(span.kb_id_ for span in self.doc.spans.get("country", []))
        title = self.layout.title_span
        if title:
            in_title = {span.kb_id_ for span in self.doc.spans.get("country", []) if title[0] <= self.original_offsets(span)[0] < title[1]}
            if len(in_title) == 1:
                return next(iter(in_title))
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < rules["min_mentions"]:
            return None
        if len(ranked) == 2 and ranked[0][1] < rules["min_ratio"] * ranked[1][1]:
            return None
        return ranked[0][0]

    def add(self, row: Row) -> Row:
        self.rows[row.table].append(row)
        return row

    def add_mention(self, type_: str, span: Span, source: str, normalized: str | None) -> MentionRow:
        """Record a mention; ids are numbered later, once all mentions are known."""
        start, end = self.original_offsets(span)
        return self.add(
            MentionRow(
                doc_id=self.doc_id,
                mention_id="",
                type=type_,
                text=span.text,
                start_char=start,
                end_char=end,
                sentence=self.sentence_of(span),
                source=source,
                normalized=normalized,
            )
        )
