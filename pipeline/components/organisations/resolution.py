"""Choosing among overlapping candidates, and dropping mentions that name no body.

Overlaps resolve longest first, then by how much the source is trusted; a
known name may still stand inside a longer one when that one only points at
it ("Permanent Mission of Sweden to the UN"). Then two filters: a news
outlet's own byline is not a mention of it, and a name only ever used as the
name of a meeting or a document ("the tenth SURAC meeting", "the Falepili
Union treaty") names an event series or that document, not a body.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.components.organisations.document import Candidate, DocumentView
from pipeline.normalise.countries import fold

# Lower is more trusted.
RULE_PRIORITY = {"gazetteer": 0, "acronym_definition": 1, "acronym": 1, "name_pattern": 2,
                 "government_body_pattern": 2, "news_outlet_pattern": 2,
                 "company_name_pattern": 2, "kind_noun_pattern": 2, "ner:ORG": 3, "internal_unit": 2,
                 "short_form": 4}
NEWS_OUTLET = "news_outlet"
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"eleventh|twelfth|\w+teenth|\w+tieth)$", re.IGNORECASE)


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then the most trusted rule; known names may stand inside blocked phrases and after "to"."""
    ordered = sorted(candidates, key=lambda c: (-c.length, RULE_PRIORITY.get(c.rule, 5), c.start))
    accepted: list[Candidate] = []
    covering: dict[int, list[Candidate]] = defaultdict(list)  # token -> accepted candidates over it
    for candidate in ordered:
        clash = {id(other): other for i in range(candidate.start, candidate.end) for other in covering.get(i, ())}
        if clash and not (candidate.rule == "gazetteer" and candidate.kind == "org" and all(
            candidate.inside(other)
            and (other.kind == "block" or (candidate.nested_ok and other.start < candidate.start - 1))
            for other in clash.values()
        )):
            continue
        accepted.append(candidate)
        for i in range(candidate.start, candidate.end):
            covering[i].append(candidate)
    return sorted(accepted, key=lambda c: (c.start, c.end))


def drop_bylines(view: DocumentView, candidates: list[Candidate]) -> list[Candidate]:
    """A news outlet's own byline ("Ammon News - AMMONNEWS - ...", "..., Trend reports") is not a mention of it."""
    doc, rules = view.doc, view.rules
    kept = []
    byline_end: int | None = None
    for candidate in candidates:
        entry = view.gazetteer.entries.get(candidate.key or "")
        if entry is None or entry.kind != NEWS_OUTLET:
            kept.append(candidate)
            continue
        following = doc[candidate.end] if candidate.end < len(doc) else None
        block_start = view.block_start(candidate.start)
        lead = byline_end if byline_end is not None and byline_end <= candidate.start else block_start
        at_head = lead is not None and all(token.is_punct or token.is_space for token in doc[lead:candidate.start])
        byline = following is not None and (
            (at_head and following.text in rules.byline_separators)
            or following.lower_ in rules.byline_verbs
        )
        if byline:
            byline_end = candidate.end
        else:
            kept.append(candidate)
    return kept


def drop_meeting_and_document_names(view: DocumentView, candidates: list[Candidate]) -> list[Candidate]:
    """A name the gazetteer does not know, only ever used for meetings ("the tenth SURAC meeting", "SURAC 10")
    or before a document noun ("the Falepili Union treaty"), names those, not a body."""
    by_group: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.kind == "org" and candidate.key is None:
            group = candidate.group or fold(view.doc[candidate.start:candidate.end].text)
            by_group[group].append(candidate)
    dropped: set[int] = set()
    for group in by_group.values():
        if all(_names_meeting_or_document(view, c) for c in group):
            dropped.update(id(c) for c in group)
    return [c for c in candidates if id(c) not in dropped]


def _names_meeting_or_document(view: DocumentView, candidate: Candidate) -> bool:
    doc = view.doc
    position = candidate.end
    # skip "(SURAC)" after a long form, and the ")" after a short form in its definition
    if position < len(doc) and doc[position].text == "(":
        close = next((i for i in range(position, min(position + 6, len(doc))) if doc[i].text == ")"), None)
        if close is not None:
            position = close + 1
    elif position < len(doc) and doc[position].text == ")":
        position += 1
    following = doc[position] if position < len(doc) else None
    rules = view.rules
    if following is not None and (
        following.lower_ in rules.event_nouns or following.like_num
        or (following.lower_ in rules.document_nouns and following.is_lower)
    ):
        return True
    previous = candidate.start - 1
    return previous >= 0 and bool(_ORDINAL.match(doc[previous].text))
