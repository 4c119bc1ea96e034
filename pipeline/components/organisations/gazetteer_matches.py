"""Candidate source 1: organisations the gazetteer knows, by long form, alias or acronym.

Long forms are matched case-insensitively but count only when written as a
name: their words capitalised as in the gazetteer, where only small words and
the words an entry itself writes in lowercase ("Fund for responding to Loss
and Damage") may be lowercase; acronyms are matched as written and only as whole words, so "EU" in
"EU-funded" counts and "EU" inside "EUR" does not.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span

from pipeline.components.organisations.document import Candidate, DocumentView
from pipeline.normalise.organisations import OrganisationGazetteer

UNIT_PREFIX = "unit:"
_LOWERCASE_NAME_PARTICLES = ("für", "de", "du", "des")


class GazetteerMatcher:
    """PhraseMatchers over every known form, built once per pipeline."""

    def __init__(self, nlp: Language, gazetteer: OrganisationGazetteer) -> None:
        self.gazetteer = gazetteer
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lowercase_words: dict[str, frozenset[str]] = {}
        for key, forms in gazetteer.name_forms().items():
            self.name_matcher.add(key, [nlp.make_doc(form) for form in forms])
            self.lowercase_words[key] = frozenset(
                word for form in forms for word in form.split() if word[:1].islower()
            )
        for key, forms in gazetteer.acronym_forms().items():
            self.acronym_matcher.add(key, [nlp.make_doc(form) for form in forms])

    def __call__(self, view: DocumentView) -> list[Candidate]:
        doc = view.doc
        found: list[Candidate] = []
        for match_id, start, end in self.name_matcher(doc):
            key = doc.vocab.strings[match_id]
            if not written_as_name(doc[start:end], self.lowercase_words.get(key, frozenset())):
                continue
            found.append(self._candidate(key, start, end))
            found[-1].nested_ok = view.after_relation(start)
        for match_id, start, end in self.acronym_matcher(doc):
            key = doc.vocab.strings[match_id]
            entry = self.gazetteer.entries.get(key.removeprefix(UNIT_PREFIX))
            if entry and entry.ambiguous_acronym and view.in_caps_block(start):
                continue  # "WHO" in "WHO WE ARE"
            if not stands_alone(view, start, end):
                continue
            found.append(self._candidate(key, start, end))
            found[-1].nested_ok = view.after_relation(start)
        return found

    def _candidate(self, key: str, start: int, end: int) -> Candidate:
        if key.startswith(UNIT_PREFIX):
            parent = key.removeprefix(UNIT_PREFIX)
            return Candidate(start, end, "unit", "gazetteer", key=parent, parent=parent, international=True)
        entry = self.gazetteer.entries[key]
        return Candidate(start, end, "org", "gazetteer", key=key, international=entry.international,
                         country=entry.country)


def written_as_name(span: Span, lowercase_words: frozenset[str] = frozenset()) -> bool:
    """A long form counts only written as a name: its content words capitalised, but for the words its
    gazetteer form writes in lowercase."""
    for token in span:
        if not token.text[:1].isalpha() or token.is_stop or token.text.lower() in _LOWERCASE_NAME_PARTICLES:
            continue
        if token.text in lowercase_words:
            continue
        if token.i > span.start and token.nbor(-1).text in ("-", "‐") and not token.nbor(-1).whitespace_:
            continue  # "Co-operation"
        if not token.text[0].isupper():
            return False
    return True


def stands_alone(view: DocumentView, start: int, end: int) -> bool:
    """An acronym is a word or a hyphenated part of one ("EU-funded", "non-EU"), not letters inside a word."""
    doc = view.doc
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    glued_before = before is not None and not doc[start - 1].whitespace_ and before.is_alpha
    glued_after = after is not None and not doc[end - 1].whitespace_ and after.is_alpha
    return not (glued_before or glued_after)
