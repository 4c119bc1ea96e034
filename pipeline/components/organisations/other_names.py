"""A body's other name written right after its name is that body: a translation or a former name.

"National Migration Service (Servicio Nacional de Migración, SNM)": reports
give a body's own-language name (and its acronym) in parentheses after their
translation of it; both names have the same head ("Service", "Servicio"), so
"State Border Service (Ministry of Interior)", a body and its parent, stays two
bodies. "Ethiopian Diaspora Service (EDS), formerly the Ethiopian Diaspora
Agency": a renamed body is one body; a marker (`former_name_markers` in
`rules/organisations/name_rules.yaml`) introduces its old name. The other name,
and what shares its group (its acronym), take the first name's key or group,
so the row counts them together and is named as the report names the body.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.components.organisations.document import Candidate, DocumentView
from pipeline.components.organisations.head_first_names import english_head
from pipeline.components.organisations.reading import head_index
from pipeline.normalise.acronyms import looks_like_acronym

RULE = "other_name"
_CLOSERS = (")", ",", ";")
_MAX_ACRONYM_TOKENS = 4  # "(EDS)" between a name and the marker of its former name


def join_other_names(view: DocumentView, accepted: list[Candidate]) -> list[Candidate]:
    """The candidates, with every other name of a body joined to that body."""
    doc = view.doc
    ending_at = {c.end: c for c in accepted if c.kind == "org"}
    joined: dict[int, Candidate] = {}  # id of an other name -> the body's name it joins
    for candidate in accepted:
        if candidate.kind != "org" or looks_like_acronym(doc[candidate.start:candidate.end].text):
            continue  # acronyms are defined by `acronym_candidates`
        outer = _translated(view, candidate, ending_at) or _renamed(view, candidate, ending_at)
        if outer is not None and outer is not candidate:
            joined[id(candidate)] = outer
    if not joined:
        return accepted
    regrouped: dict[str, Candidate] = {}  # old group of an other name -> the body's name
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


def _translated(view: DocumentView, candidate: Candidate, ending_at: dict[int, Candidate]) -> Candidate | None:
    """The body whose name ends right before this parenthesised name with the same head."""
    doc = view.doc
    if candidate.start < 1 or doc[candidate.start - 1].text != "(":
        return None
    if candidate.end >= len(doc) or doc[candidate.end].text not in _CLOSERS:
        return None
    outer = ending_at.get(candidate.start - 1)
    return outer if outer is not None and _head(view, outer) == _head(view, candidate) else None


def _renamed(view: DocumentView, candidate: Candidate, ending_at: dict[int, Candidate]) -> Candidate | None:
    """The body named before ", formerly (the) <this name>" (its acronym may stand between)."""
    doc = view.doc
    position = candidate.start
    while position > 0 and position - 1 in view.country_tokens:
        position -= 1  # "Ethiopian" left the name of Ethiopia's body
    if position > 0 and doc[position - 1].lower_ == "the":
        position -= 1
    marker = next((phrase for phrase in view.rules.former_name_markers if position >= len(phrase) and tuple(
        token.lower_ for token in doc[position - len(phrase):position]) == phrase), None)
    if marker is None:
        return None
    position -= len(marker)
    if position < 1 or doc[position - 1].text not in (",", "("):
        return None
    position -= 1
    if position > 0 and doc[position - 1].text == ")":  # "Ethiopian Diaspora Service (EDS), formerly ..."
        opening = next((i for i in range(position - 2, max(position - 2 - _MAX_ACRONYM_TOKENS, -1), -1)
                        if doc[i].text == "("), None)
        if opening is not None:
            position = opening
    return ending_at.get(position)


def _head(view: DocumentView, candidate: Candidate) -> str | None:
    words = view.words_in(candidate.start, candidate.end)
    english = english_head(view.rules, words)
    if english is not None:
        return english
    head = words[head_index(view.rules, words)].lower
    return view.rules.singular(head) or head
