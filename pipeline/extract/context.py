"""What every extractor works from: the report, its analysis, its layout and the rows found so far."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pipeline.layout import Layout
from pipeline.models import MentionRow, Row
from pipeline.prepare import Prepared


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
        return span.sent.text.strip() if span.doc.has_annotation("SENT_START") else span.text

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
