"""Document metadata for `documents.csv`: title, event date and organiser.

Title and event date come from the layout (the H1 and the front matter's date line). The
organiser is the organisation named right after a cue such as "organised by" ("A high-level
event organised by IOM Regional office in Vienna" -> International Organization for Migration),
with its canonical name from the organisations table; without an organisation mention there,
the organiser stays empty rather than guessed.
"""

from __future__ import annotations

import re

from pipeline.extract.context import ExtractionContext
from pipeline.models import MentionRow, OrganisationRow
from pipeline.rules import load_rules

RULES_FILE = "speakers/metadata.yaml"


def extract_metadata(context: ExtractionContext) -> None:
    """Fill `context.metadata` with the document's title, event date and organiser."""
    context.metadata.update(
        title=context.layout.title,
        event_date=context.layout.event_date,
        organiser=find_organiser(context),
    )


def find_organiser(context: ExtractionContext) -> str | None:
    """Names of the organisations right after the first organiser cue that names any, joined by "; "."""
    rules = load_rules(RULES_FILE)
    cues = sorted((re.escape(cue) for cue in rules["organiser_cues"]), key=len, reverse=True)
    cue_pattern = re.compile(r"(?<![\w-])(?:" + "|".join(cues) + r")\s+", re.IGNORECASE)
    ends = sorted(rules["organiser_phrase_ends"], key=len, reverse=True)
    end_pattern = re.compile("|".join(re.escape(end) for end in ends))
    text = context.prepared.text
    organisations = {
        row.org_id: row for row in context.rows.get("organisations", []) if isinstance(row, OrganisationRow)
    }
    mentions = sorted(
        (row for row in context.rows.get("mentions", []) if isinstance(row, MentionRow) and row.type == "organisation"),
        key=lambda row: row.start_char,
    )
    for cue in cue_pattern.finditer(text):
        paragraph_end = text.find("\n", cue.end())
        limit = len(text) if paragraph_end < 0 else paragraph_end
        stop = end_pattern.search(text, cue.end(), limit)
        phrase_end = stop.start() if stop else limit
        if phrase_end <= cue.end():
            continue
        start, end = context.prepared.to_original(cue.end(), phrase_end)
        names: list[str] = []
        for mention in mentions:
            if start <= mention.start_char and mention.end_char <= end:
                row = organisations.get(mention.normalized or "")
                name = row.name if row is not None else mention.text
                if name not in names:
                    names.append(name)
        if names:
            return "; ".join(names)
    return None
