"""Lists around names: where a list of names goes on to the next one, and lists of places inside a name.

"... Strategy on Gender Equality 2013-2020 and the National Strategy on ..." is two
names; "Regional Strategy for South-Eastern Europe, Eastern Europe, and Central Asia"
is one, its commas and "and" joining places.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.components.strategy_finder.tokens import HYPHENS, capitalised
from pipeline.components.strategy_finder.vocabulary import Vocabulary


def next_name_starts(doc: Doc, position: int, limit: int, vocab: Vocabulary) -> bool:
    """After "and": does a determiner and a new capitalised name on a head word follow?

    The new name may hold an "and" of its own: "... and the Crisis and Force Majeure Regulation".
    """
    if position >= limit or doc[position].lower_ not in vocab.determiners:
        return False
    while position < limit and doc[position].lower_ in vocab.determiners:
        position += 1
    last: Token | None = None
    while position < limit:
        token = doc[position]
        if token.text in HYPHENS and not token.whitespace_ and position + 1 < limit:
            last = doc[position + 1]  # "the Anti-corruption Strategy"
            position += 2
            continue
        if last is not None and token.lower_ in vocab.conjunctions and position + 1 < limit \
                and capitalised(doc[position + 1]):
            position += 1  # "Crisis and Force Majeure": capitalised words joined by "and"
            continue
        if not capitalised(token) or token.lower_ in vocab.connectors:
            break
        last = token
        position += 1
    return last is not None and (vocab.is_head(last) or last.lower_ in vocab.trailing_heads)


def place_list_end(doc: Doc, comma: int, limit: int, vocab: Vocabulary, places: frozenset[int]) -> int | None:
    """End of ", Eastern Europe, and Central Asia": a list of places (tokens in `places`) inside a name,
    closed by "and"."""
    position = comma
    closed = False
    while position < limit and doc[position].text == ",":
        position += 1
        if position < limit and doc[position].lower_ in vocab.conjunctions:
            position += 1
            closed = True
        group_start = position
        while position < limit and (capitalised(doc[position]) or (
                doc[position].text in HYPHENS and not doc[position].whitespace_)):
            position += 1
        if position == group_start or not places.intersection(range(group_start, position)):
            return None
        if closed:
            return position
        if position < limit and doc[position].lower_ in vocab.conjunctions:
            position += 1
            group_start = position
            while position < limit and capitalised(doc[position]):
                position += 1
            if position == group_start or not places.intersection(range(group_start, position)):
                return None
            return position
    return None


def preposition_follows(doc: Doc, position: int, limit: int, vocab: Vocabulary) -> bool:
    """After "and": a preposition ("... Plan and to the Forum"), which coordinates the sentence's phrases,
    not a name's words."""
    if position >= limit:
        return False
    lower = doc[position].lower_
    return lower in vocab.connectors and lower not in vocab.conjunctions
