"""Ties every row to the section and speaker turn it falls in, and numbers the mentions."""

from __future__ import annotations

from pipeline.extract.context import ExtractionContext
from pipeline.models import Located, MentionRow

# Where a row of each table is in the report.
_POSITION_FIELD = {"countries": "first_start_char", "organisations": "first_start_char"}


def attribute_locations(context: ExtractionContext) -> None:
    """Fill `section` and `speaker_id` of every located row; give mentions stable ids."""
    for table, rows in context.rows.items():
        position_field = _POSITION_FIELD.get(table, "start_char")
        located: list = []
        for row in rows:
            if isinstance(row, Located):
                offset = getattr(row, position_field)
                section = context.layout.section_at(offset)
                turn = context.layout.turn_at(offset)
                row = row.model_copy(
                    update={
                        "section": section.title if section else None,
                        "speaker_id": turn.speaker_id if turn else None,
                    }
                )
            located.append(row)
        rows[:] = located
    mentions = context.rows.get("mentions", [])
    mentions.sort(key=lambda row: (row.start_char, row.end_char, row.type, row.normalized or ""))
    mentions[:] = [
        mention.model_copy(update={"mention_id": f"mention-{index:05d}"})
        for index, mention in enumerate(mentions, start=1)
        if isinstance(mention, MentionRow)
    ]
