"""A body's name in parentheses right after its name is that body written another way.

"National Migration Service (Servicio Nacional de Migración, SNM)": reports
give a body's own-language name (and its acronym) after their translation of
it. The parenthesised name, and what shares its group (the acronym), take the
outer name's key or group, so the row counts them together and is named in
the report's language. Both names must have the same head ("Service",
"Servicio"), so "State Border Service (Ministry of Interior)", a body and
its parent, stays two bodies.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.components.organisations.document import Candidate, DocumentView
from pipeline.components.organisations.head_first_names import english_head
from pipeline.components.organisations.reading import head_index
from pipeline.normalise.acronyms import looks_like_acronym

RULE = "parenthesised_name"
_CLOSERS = (")", ",", ";")


def join_parenthesised_names(view: DocumentView, accepted: list[Candidate]) -> list[Candidate]:
    """The candidates, with every parenthesised other name of a body joined to that body."""
    doc = view.doc
    ending_at = {c.end: c for c in accepted if c.kind == "org"}
    joined: dict[int, Candidate] = {}  # id of a parenthesised name -> the outer name it joins
    for candidate in accepted:
        if candidate.kind != "org" or candidate.start < 1 or doc[candidate.start - 1].text != "(":
            continue
        if candidate.end >= len(doc) or doc[candidate.end].text not in _CLOSERS:
            continue
        if looks_like_acronym(doc[candidate.start:candidate.end].text):
            continue  # acronyms are defined by `acronym_candidates`
        outer = ending_at.get(candidate.start - 1)
        if outer is None or outer is candidate or _head(view, outer) != _head(view, candidate):
            continue
        joined[id(candidate)] = outer
    if not joined:
        return accepted
    regrouped: dict[str, Candidate] = {}  # old group of a parenthesised name -> the outer name
    for candidate in accepted:
        outer = joined.get(id(candidate))
        if outer is not None and candidate.group:
            regrouped[candidate.group] = outer
    result: list[Candidate] = []
    for candidate in accepted:
        outer = joined.get(id(candidate)) or (regrouped.get(candidate.group) if candidate.group else None)
        if outer is None:
            result.append(candidate)
            continue
        rule = RULE if id(candidate) in joined else candidate.rule
        result.append(replace(candidate, rule=rule, key=outer.key, group=outer.group,
                              government=outer.government, country=outer.country))
    return result


def _head(view: DocumentView, candidate: Candidate) -> str | None:
    words = view.words_in(candidate.start, candidate.end)
    english = english_head(view.rules, words)
    if english is not None:
        return english
    head = words[head_index(view.rules, words)].lower
    return view.rules.singular(head) or head
