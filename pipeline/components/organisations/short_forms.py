"""Short forms a report uses for a body it has named: "(the Network)", "the Commission".

A short form the text sets up in parentheses after a name, and "the <head
noun>" when exactly one body named so far has that head, both count for that
body from then on; "the Committee of Ministers" is another name, not a short form.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from pipeline.components.organisations.document import Candidate, DocumentView
from pipeline.components.organisations.reading import head_index
from pipeline.normalise.acronyms import looks_like_acronym
from pipeline.normalise.countries import fold

_MAX_SHORT_FORM_WORDS = 4


def find_short_forms(view: DocumentView, accepted: list[Candidate]) -> list[Candidate]:
    doc = view.doc
    keyed = [c for c in accepted if c.kind == "org"]
    short_forms = _declared_short_forms(view, keyed)
    for head, group in _bodies_by_head(view, keyed).items():
        if len({_identity(view, c) for c in group}) == 1:
            first = min(group, key=lambda c: c.start)
            short_forms.setdefault((head,), (first, first.end))
    taken = {i for c in accepted for i in range(c.start, c.end)}
    found: list[Candidate] = []
    texts = view.token_texts
    positions: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        positions[text].append(index)
    for phrase, (source, after) in short_forms.items():
        length = len(phrase)
        for index in positions.get(phrase[0], ()):
            if index < after or tuple(texts[index:index + length]) != phrase:
                continue
            if index == 0 or doc[index - 1].lower_ != "the":
                continue
            following = doc[index + length] if index + length < len(doc) else None
            if following is not None and following.lower_ in view.rules.tail_connectors and (
                index + length + 1 < len(doc) and doc[index + length + 1].text[:1].isupper()
            ):
                continue  # "the Committee of Ministers": another name
            if not taken.isdisjoint(range(index, index + length)):
                continue
            found.append(replace(source, start=index, end=index + length, rule="short_form", kind="org"))
            taken.update(range(index, index + length))
    return found


def _declared_short_forms(view: DocumentView, keyed: list[Candidate]) -> dict[tuple[str, ...], tuple[Candidate, int]]:
    """ "UN Network on Migration (the Network)": capitalised words of the name, in parentheses after it."""
    doc = view.doc
    short_forms: dict[tuple[str, ...], tuple[Candidate, int]] = {}
    for candidate in keyed:
        end = candidate.end
        if end + 3 < len(doc) and doc[end].text == "(" and doc[end + 1].lower_ == "the":
            close = next((i for i in range(end + 2, min(end + 2 + _MAX_SHORT_FORM_WORDS, len(doc)))
                          if doc[i].text == ")"), None)
            if close is None:
                continue
            phrase = doc[end + 2:close]
            name_words = {token.lower_ for token in doc[candidate.start:candidate.end]}
            if all(token.text[:1].isupper() for token in phrase) and all(
                token.lower_ in name_words for token in phrase
            ):
                short_forms[tuple(token.text for token in phrase)] = (candidate, end + 2)
    return short_forms


def _bodies_by_head(view: DocumentView, keyed: list[Candidate]) -> dict[str, list[Candidate]]:
    heads: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in keyed:
        words = view.words_in(candidate.start, candidate.end)
        head = words[head_index(view.rules, words)]
        if head.lower in view.rules.organisation_heads and head.capitalised and not looks_like_acronym(head.text):
            heads[head.text].append(candidate)
    return heads


def _identity(view: DocumentView, candidate: Candidate) -> str:
    return candidate.key or fold(view.doc[candidate.start:candidate.end].text)
