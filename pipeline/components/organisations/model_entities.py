"""Candidate source 4 (the weakest): the model's ORG entities that, cleaned, read as a body's name.

en_core_web_sm tags documents, events, countries and fragments as ORG, so an
entity counts only where no other source found something, when it has no
clause punctuation inside, and when its head noun makes a body.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.components.organisations.body_countries import strip_country
from pipeline.components.organisations.document import ARTICLES, Candidate, DocumentView
from pipeline.components.organisations.name_patterns import (
    adjectival_title,
    head_out_of_place,
)
from pipeline.components.organisations.reading import classify, head_index

MODEL_LABEL = "ORG"


def find_model_entities(view: DocumentView, names: list[Candidate]) -> list[Candidate]:
    doc, rules = view.doc, view.rules
    found: list[Candidate] = []
    taken = {i for c in names + view.known for i in range(c.start, c.end)}
    for entity in doc.ents:
        if entity.label_ != MODEL_LABEL:
            continue
        start, end = entity.start, entity.end
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in ARTICLES):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                               or doc[end - 1].lower_ in rules.tail_connectors):
            end -= 1
        if end <= start or not taken.isdisjoint(range(start, end)):
            continue
        if any(_breaks_entity(token) for token in doc[start:end]):
            continue  # "Mexico - Government", "Migration, Office for Foreigners,": fragments
        words = view.words_in(start, end)
        reading = classify(view, words)
        if reading is None or reading.kind != "org" or len(words) < 2 or not words[0].capitalised:
            continue
        head_word = words[head_index(rules, words)]
        first = view.word_at(words[0].start)
        if head_out_of_place(view, view.word_at(head_word.start), first, view.word_at(words[-1].start)):
            continue
        if not head_word.capitalised or any(
            word.lower in rules.title_words and not adjectival_title(view, view.word_at(word.start)) for word in words
        ):
            continue
        government, country = reading.government, None
        if government:
            start, end, country = strip_country(view, start, end)
        found.append(Candidate(start, end, "org", "ner:" + MODEL_LABEL, government=government,
                               international=not government, country=country))
    return found


def _breaks_entity(token: Token) -> bool:
    if token.is_space or token.text in (",", ";", ":", "(", ")"):
        return True
    return token.text in ("-", "–", "—") and bool(token.whitespace_)
