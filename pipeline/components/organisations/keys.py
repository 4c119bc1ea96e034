"""From accepted candidates to spans with keys: one key per organisation, shared by all its forms.

A gazetteer organisation's key is its id; another body's is a slug of its
name, and a government body's carries its country ("ministry-of-interior@MDA",
or "@?" for the extractor to settle). An acronym or short form takes the key
of the long form of its group, so the row counts them together.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.organisations.body_countries import appositive_country
from pipeline.components.organisations.document import Candidate, DocumentView
from pipeline.components.organisations.other_names import RULE as OTHER_NAME
from pipeline.normalise.acronyms import looks_like_acronym, looks_like_short_form
from pipeline.normalise.organisations import organisation_key

ORGANISATION = "organisation"
INTERNAL_UNIT = "internal_unit"
# Rules of mentions that stand for a body named next to or before them, whose key they take.
STANDS_FOR_NAMED = frozenset({"short_form", OTHER_NAME})


def to_spans(view: DocumentView, accepted: list[Candidate]) -> list[Span]:
    """Spans with their keys; an acronym or short form takes the key of the name it stands for."""
    doc = view.doc
    ordered = sorted(accepted, key=lambda c: (c.start, c.end))
    keys: dict[int, str] = {}
    group_keys: dict[str, str] = {}
    name_ends = {c.start: c.end for c in accepted}
    for candidate in ordered:
        text = doc[candidate.start:candidate.end].text
        if candidate.key is not None or looks_like_acronym(text) or (
            candidate.rule in ("acronym_definition", "acronym") and looks_like_short_form(text)
        ):
            continue  # "HRD Korea" takes the key of the name it shortens
        if candidate.rule in STANDS_FOR_NAMED or candidate.kind == "unit":
            continue  # they take the key of the body they stand for
        if candidate.government and candidate.country is None:
            candidate.country = appositive_country(view, candidate, name_ends)
        text = doc[candidate.start:candidate.end].text
        name = view.rules.equivalent(text) if candidate.government else text
        key = organisation_key(name, candidate.country, government_body=candidate.government)
        keys[id(candidate)] = key
        if candidate.group and (candidate.group not in group_keys or group_keys[candidate.group].endswith("@?")):
            group_keys[candidate.group] = key
    spans: list[Span] = []
    for candidate in ordered:
        key = candidate.key or keys.get(id(candidate)) or group_keys.get(candidate.group or "")
        if key is None:
            text = doc[candidate.start:candidate.end].text
            key = organisation_key(text, candidate.country, government_body=candidate.government)
        label = INTERNAL_UNIT if candidate.kind == "unit" else ORGANISATION
        spans.append(Span(doc, candidate.start, candidate.end, label=label, kb_id=key, span_id=candidate.rule))
    return spans
