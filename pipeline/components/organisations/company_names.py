"""Candidate source: companies named with their legal form ("Seri Kenanga Plantations Berhad", "Danube
Staffing d.o.o.", "Acme Ltd").

A company's name has none of the head nouns a body's name has, and its words
are ordinary ones ("Danube Staffing"); what marks it is the legal form written
after it. The forms are data (`legal_forms` in `rules/organisations/name_rules.yaml`),
matched as written, since case and dots tell "S.A." from other words. The name
is the run of capitalised words before the form, in its sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.components.organisations.document import Candidate, DocumentView

RULE = "company_name_pattern"
_MAX_NAME_WORDS = 5
_NAME_JOINERS = ("&", "and")


def find_company_names(view: DocumentView) -> list[Candidate]:
    """Names followed by a legal form, left to right; the form is part of the name."""
    doc = view.doc
    found: list[Candidate] = []
    for match in _legal_form_pattern(view.rules.legal_forms).finditer(view.text):
        form = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if form is None:
            continue
        first = _name_start(view, view.word_at(form.start))
        if first is None:
            continue
        found.append(Candidate(view.words[first].start, form.end, "org", RULE))
    return found


@lru_cache(maxsize=8)
def _legal_form_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Any legal form as a word of its own (longest first): "Sdn Bhd" before "Bhd"."""
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in form.split()) for form in forms)
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w/])")


def _name_start(view: DocumentView, form_at: int) -> int | None:
    """Index of the first word of the name before a legal form: capitalised words of the same sentence,
    possibly joined by "&"/"and", not a title nor a sentence's opening small word; None when there is none."""
    words, doc, rules = view.words, view.doc, view.rules
    if form_at == 0:
        return None
    sentence_start = doc[words[form_at].start].sent.start
    first = form_at
    while first - 1 >= 0 and form_at - first < _MAX_NAME_WORDS:
        word = words[first - 1]
        token = doc[word.start]
        if word.start < sentence_start or word.lower in rules.title_words:
            break
        if word.lower in _NAME_JOINERS and first < form_at and _name_word(view, first - 2):
            first -= 1  # "Johnson & Johnson Inc."
            continue
        if not _name_word(view, first - 1):
            break
        if token.is_sent_start and token.is_stop:
            break  # "The", "A" opening the sentence
        first -= 1
    if first == form_at:
        return None
    return first


def _name_word(view: DocumentView, index: int) -> bool:
    """A capitalised word of letters ("Kenanga", "Al-Amal", "O'Brien")."""
    if index < 0:
        return False
    word = view.words[index]
    return word.capitalised and (view.doc[word.start].is_alpha or "-" in word.text or "'" in word.text)
