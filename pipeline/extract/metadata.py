"""Document metadata for `documents.csv`: title, event date and organiser.

The title comes from the layout (pipeline/layout.py). The event date is, in order of preference:

1. the first date in the lead (the first prose paragraphs) that a meeting verb governs in the
   dependency parse ("On 11 September 2013, the Government of Sweden ... convened a thematic
   meeting", "was held in Ankara, Turkey, on 10 - 11 December 2012", "took place on 30 June 2020"):
   it is the event's own date, where a line above the text may be the day the piece was published
   ("Thursday, 17 October 2013") or an outcome document was adopted;
2. the front matter's date line or the first paragraph's dateline, from the layout.

A span of days gives its first day ("6–7 March 2024" -> 2024-03-06; see pipeline/normalise/dates.py).

The organiser is the organisation named right after a cue such as "organised by" ("A high-level
event organised by IOM Regional office in Vienna" -> International Organization for Migration),
with its canonical name from the organisations table; without an organisation mention there,
the organiser stays empty rather than guessed.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from spacy.tokens import Span, Token

from pipeline.extract.context import ExtractionContext
from pipeline.layout import ends_like_sentence
from pipeline.models import MentionRow, OrganisationRow
from pipeline.normalise.dates import date_line, find_dates
from pipeline.prepare import Block
from pipeline.rules import load_rules

RULES_FILE = "speakers/metadata.yaml"


def extract_metadata(context: ExtractionContext) -> None:
    """Fill `context.metadata` with the document's title, event date and organiser."""
    context.metadata.update(
        title=context.layout.title,
        event_date=meeting_date(context) or context.layout.event_date,
        organiser=find_organiser(context),
    )


def _lead_blocks(context: ExtractionContext, count: int) -> list[Block]:
    """The first `count` prose paragraphs of the report (numbered ones too), speaker introductions aside."""
    max_words = load_rules(RULES_FILE)["date_line_max_words"]
    introductions = {turn.intro_start for turn in context.layout.turns}
    lead: list[Block] = []
    for block in context.prepared.blocks:
        if block.kind not in ("paragraph", "list_item") or block.orig_start in introductions:
            continue
        text = block.text.strip()
        if ends_like_sentence(text) and date_line(text, max_words) is None:
            lead.append(block)
            if len(lead) == count:
                break
    return lead


def governing_verb(span: Span) -> Token | None:
    """The verb a date phrase depends on, through prepositions only ("on 5 May" -> "held"); None otherwise.

    A date that hangs on a noun ("the report of 5 May") or on anything else is not governed by a verb.
    """
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if span.start <= token.i < span.end:
            continue
        if token.pos_ == "ADP":
            continue
        return token if token.pos_ == "VERB" else None
    return None


def _is_meeting_verb(verb: Token, meeting_verbs: list[str]) -> bool:
    for phrase in meeting_verbs:
        head, *rest = phrase.casefold().split()
        if verb.lemma_.casefold() != head and verb.text.casefold() != head:
            continue
        children = {child.lemma_.casefold() for child in verb.children}
        if all(word in children for word in rest):
            return True
    return False


def meeting_date(context: ExtractionContext) -> str | None:
    """ISO date of the first date in the lead that a meeting verb governs ("convened", "was held on", "took place on")."""
    doc = context.doc
    if not doc.has_annotation("DEP"):
        return None
    rules = load_rules(RULES_FILE)
    for block in _lead_blocks(context, int(rules["event_lead_blocks"])):
        for found in find_dates(block.text):
            span = doc.char_span(block.start + found.start, block.start + found.end, alignment_mode="expand")
            if span is None:
                continue
            verb = governing_verb(span)
            if verb is not None and _is_meeting_verb(verb, rules["meeting_verbs"]):
                return found.iso
    return None


class _Mentions:
    """The organisation mentions of a report, sorted by start, with lookups by original offset."""

    def __init__(self, mentions: list[MentionRow]) -> None:
        self.mentions = sorted(mentions, key=lambda row: row.start_char)
        self.starts = [row.start_char for row in self.mentions]
        self.furthest_ends = list(accumulate((row.end_char for row in self.mentions), max))

    def inside_one(self, at: int) -> bool:
        """Whether an offset stands strictly inside a mention."""
        before = bisect.bisect_left(self.starts, at)  # the mentions that start before it
        return before > 0 and self.furthest_ends[before - 1] > at

    def within(self, start: int, end: int) -> list[MentionRow]:
        """The mentions that lie within [start, end), in order."""
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)
        return [row for row in self.mentions[first:last] if row.end_char <= end]


def _phrase_end(
    context: ExtractionContext, end_pattern: re.Pattern[str], mentions: _Mentions, start: int, limit: int
) -> int:
    """Where an organiser phrase ends: at its first phrase end that stands inside no organisation's name
    ("organised by the International Organization for Migration (IOM) and the ILO under ..." does not end
    at the "for" of a name, and "the General Inspectorate (GIM) of the Ministry ..." ends at "of")."""
    for stop in end_pattern.finditer(context.text, start, limit):
        if not mentions.inside_one(context.prepared.to_original(stop.start(), stop.start() + 1)[0]):
            return stop.start()
    return limit


def find_organiser(context: ExtractionContext) -> str | None:
    """Names of the organisations right after the first organiser cue that names any, joined by "; "."""
    rules = load_rules(RULES_FILE)
    cues = sorted((re.escape(cue) for cue in rules["organiser_cues"]), key=len, reverse=True)
    cue_pattern = re.compile(r"(?<![\w-])(?:" + "|".join(cues) + r")\s+", re.IGNORECASE)
    ends = sorted(rules["organiser_phrase_ends"], key=len, reverse=True)
    end_pattern = re.compile("|".join(re.escape(end) for end in ends))
    text = context.text
    organisations = {
        row.org_id: row for row in context.rows.get("organisations", []) if isinstance(row, OrganisationRow)
    }
    mentions = _Mentions(
        [row for row in context.rows.get("mentions", []) if isinstance(row, MentionRow) and row.type == "organisation"]
    )
    for cue in cue_pattern.finditer(text):
        paragraph_end = text.find("\n", cue.end())
        limit = len(text) if paragraph_end < 0 else paragraph_end
        phrase_end = _phrase_end(context, end_pattern, mentions, cue.end(), limit)
        if phrase_end <= cue.end():
            continue
        start, end = context.prepared.to_original(cue.end(), phrase_end)
        names: list[str] = []
        for mention in mentions.within(start, end):
            row = organisations.get(mention.normalized or "")
            name = row.name if row is not None else mention.text
            if name not in names:
                names.append(name)
        if names:
            return "; ".join(names)
    return None
