"""Candidate source: bodies a report introduces by their kind ("the Albanian NGO Different and Equal",
"companies such as Zespri").

Many NGOs and companies are named with ordinary words and none of the head
nouns a body's name has, so what tells one is the noun of its kind written
before it: a singular kind noun right before one name, or a plural one before
"such as" and a list of names. The nouns and markers are data (`kind_nouns`,
`kind_nouns_plural`, `example_markers` in `rules/organisations/name_rules.yaml`);
a name must be plain words, none heading a body, an event or a document
(`news_outlets.name_after`).
"""

from __future__ import annotations

from pipeline.components.organisations.document import (
    Candidate,
    DocumentView,
    phrase_at,
)
from pipeline.components.organisations.news_outlets import name_after

RULE = "kind_noun_pattern"
_LIST_JOINERS = (",", "and", "or")


def find_introduced_bodies(view: DocumentView) -> list[Candidate]:
    """Names right after a singular kind noun, and the names listed after a plural one and "such as"."""
    words, rules = view.words, view.rules
    found: list[Candidate] = []
    for index, word in enumerate(words):
        if word.text[:1].isupper() and not word.text.isupper():
            continue  # "Company" in a name; "NGO" and "company" are kind nouns
        length = phrase_at(words, index, rules.kind_nouns)
        if length:
            last = _name_end(view, index + length, within_name=("and", "&"))
            if last is not None:
                found.append(_candidate(view, index + length, last))
            continue
        length = phrase_at(words, index, rules.kind_nouns_plural)
        marker = phrase_at(words, index + length, rules.example_markers) if length else 0
        if marker:
            found.extend(_listed(view, index + length + marker))
    return found


def _listed(view: DocumentView, index: int) -> list[Candidate]:
    """ "Zespri, Fonterra and T&G Global": names joined by commas, "and", "or"."""
    words = view.words
    found: list[Candidate] = []
    while index < len(words):
        last = _name_end(view, index, within_name=("&",))
        if last is None:
            break
        found.append(_candidate(view, index, last))
        index = last + 1
        while index < len(words) and words[index].lower in _LIST_JOINERS:
            index += 1
    return found


def _name_end(view: DocumentView, index: int, within_name: tuple[str, ...]) -> int | None:
    """Index of the last word of a plain name starting at index, after an optional "the"."""
    words = view.words
    if index < len(words) and words[index].lower == "the" and words[index].text.islower():
        index += 1
    return name_after(view, index, within_name)


def _candidate(view: DocumentView, first: int, last: int) -> Candidate:
    return Candidate(view.words[first].start, view.words[last].end, "org", RULE)
