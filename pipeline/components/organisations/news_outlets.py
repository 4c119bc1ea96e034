"""Candidate source: news outlets a report cites by what they are ("the Pakistani daily Dawn", "the Dawn newspaper").

Outlets are too many for the gazetteer, and their names are ordinary words
("Dawn", "The Standard"), so what tells one is the medium noun that introduces
it: the name right after "daily", "newspaper", "news agency" ..., or right
before "newspaper". A cited outlet is an organisation under the guidelines;
its own byline is not (`resolution.drop_bylines`), and a byline has no medium
noun. The nouns and the small words a name may hold are data
(`rules/organisations/name_rules.yaml`).
"""

from __future__ import annotations

from pipeline.components.organisations.document import (
    Candidate,
    DocumentView,
    Phrases,
    Word,
    phrase_lengths_at,
)

RULE = "news_outlet_pattern"
_NOT_NAME_ENTITIES = ("DATE", "TIME", "NORP", "GPE", "LOC", "CARDINAL", "ORDINAL")


def find_cited_outlets(view: DocumentView) -> list[Candidate]:
    """Outlets named after or before a medium noun, left to right."""
    found: list[Candidate] = []
    words, rules = view.words, view.rules
    for index, word in enumerate(words):
        if not word.text.islower():
            continue
        after = _phrase_at(words, index, rules.outlet_nouns)
        if after and word.lower in rules.outlet_nouns_after_modifier and not _modified(view, index):
            after = 0
        if after:
            last = name_after(view, index + after)
            if last is not None:
                found.append(_candidate(view, index + after, last))
                continue
        before = _phrase_at(words, index, rules.outlet_nouns_after_name)
        if before:
            first = _name_before(view, index)
            if first is not None:
                found.append(_candidate(view, first, index - 1))
    return found


def _candidate(view: DocumentView, first: int, last: int) -> Candidate:
    start, end = view.words[first].start, view.words[last].end
    return Candidate(start, end, "org", RULE, international=True,
                     group="name:" + " ".join(word.lower for word in view.words[first:last + 1]))


def _phrase_at(words: list[Word], index: int, phrases: Phrases) -> int:
    """Length in words of the medium noun phrase at index ("news agency"), else 0; written in lowercase."""
    return next((length for length in phrase_lengths_at(words, index, phrases)
                 if all(word.text.islower() for word in words[index:index + length])), 0)


def _modified(view: DocumentView, index: int) -> bool:
    """ "the Pakistani daily", "the local daily": an adjective or a demonym right before the noun."""
    if index == 0:
        return False
    before = view.words[index - 1]
    return before.start in view.country_tokens or view.doc[before.start].pos_ == "ADJ"


def name_after(view: DocumentView, index: int, joiners: tuple[str, ...] = ()) -> int | None:
    """Index of the last word of a plain name starting at index ("La Nación", "Corriere della Sera"); small
    `joiners` may stand inside it too ("Different and Equal")."""
    words, rules = view.words, view.rules
    if index >= len(words) or not words[index].capitalised:
        return None
    last = index
    position = index + 1
    while position < len(words) and position - index < rules.max_outlet_name_words:
        word = words[position]
        if (word.capitalised or _elided_name_word(word.text)) and _name_word(view, position):
            last = position
        elif not ((word.lower in rules.outlet_name_particles or word.lower in joiners) and word.text.islower()
                  and position + 1 < len(words)
                  and (words[position + 1].capitalised or _elided_name_word(words[position + 1].text))):
            break
        position += 1
    return last if is_plain_name(view, index, last) else None


def _elided_name_word(text: str) -> bool:
    """ "l'Espoir", "d'Ivoire": a French or Italian article elided onto a capitalised word of a name, which
    starts in lowercase but is a name word all the same ("Maison de l'Espoir")."""
    return len(text) > 2 and text[0] in "ldLD" and text[1] in "'’" and text[2].isupper()


def _name_before(view: DocumentView, index: int) -> int | None:
    """Index of the first word of a proper name that ends right before the medium noun at index ("Dawn")."""
    words, doc = view.words, view.doc
    first = index
    while first - 1 >= 0 and index - first < view.rules.max_outlet_name_words:
        word = words[first - 1]
        if not word.capitalised or word.lower == "the" or doc[word.start].pos_ != "PROPN":
            break
        first -= 1
    if first == index or not is_plain_name(view, first, index - 1):
        return None
    return first


def _name_word(view: DocumentView, index: int) -> bool:
    word = view.words[index]
    token = view.doc[word.start]
    return (token.is_alpha or "'" in word.text or "’" in word.text) and token.ent_type_ not in _NOT_NAME_ENTITIES


def is_plain_name(view: DocumentView, first: int, last: int) -> bool:
    """A name of no telling kind: proper words, none a country, a title, or a word that heads a body's, an event's
    or a document's name ("the weekly Coordination Meeting" is no outlet's name)."""
    rules = view.rules
    name = view.words[first:last + 1]
    heads = (rules.organisation_heads | rules.not_organisation_heads | rules.event_nouns | rules.document_nouns
             | rules.title_words | rules.government_words)
    for position, word in enumerate(name, start=first):
        if word.text.islower():
            continue  # a small word the name's reader let in
        if word.lower in heads or word.start in view.country_tokens or not _name_word(view, position):
            return False
    return True
