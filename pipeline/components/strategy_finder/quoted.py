"""Quoted names: a quoted title built on a head word, and a quoted title before a lowercase head.

“State migration program of Azerbaijan Republic for 2006-2008” is one name, range and all;
in the government's “Mexico Embraces You” programme, the quotation marks make the name and
the lowercase head after them only says what kind of document it is.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.components.strategy_finder.tokens import HYPHENS, capitalised, quote_pairs
from pipeline.components.strategy_finder.vocabulary import Vocabulary


def quoted_titles(doc: Doc, vocab: Vocabulary) -> list[tuple[int, int, int]]:
    """Quoted titles built on a head word: (start, end, end of the capitalised chain that holds the head).

    “State migration program of Azerbaijan Republic for 2006-2008” is one name, range and all.
    """
    found = []
    for open_at, close_at in quote_pairs(doc):
        start, end = open_at + 1, close_at
        if end - start < 2 or not capitalised(doc[start]):
            continue
        chain_end = start
        while chain_end < end and doc[chain_end].is_alpha and doc[chain_end].lower_ not in vocab.connectors:
            chain_end += 1
        before = doc[chain_end - 2] if chain_end - 2 >= start else None
        if chain_end == start or not is_chain_head(doc[chain_end - 1], before, vocab):
            continue
        found.append((start, end, chain_end))
    return found


def is_chain_head(last: Token, before: Token | None, vocab: Vocabulary) -> bool:
    if vocab.is_head(last):
        return True
    return last.lower_ in vocab.trailing_heads and before is not None and vocab.is_head(before)


def quoted_before_head(doc: Doc, vocab: Vocabulary) -> list[tuple[int, int, int]]:
    """Quoted titles right before a lowercase head word: (start, end, head index).

    The quotation is a title: short, its words capitalised but for connectors and articles,
    no punctuation inside ("the “Remain in Mexico” policy"; not “zero tolerance” policy).
    """
    found = []
    for open_at, close_at in quote_pairs(doc):
        start, end, head = open_at + 1, close_at, close_at + 1
        if not 0 < end - start <= vocab.max_title_tokens or head >= len(doc):
            continue
        after = doc[head]
        if not (after.is_lower and after.pos_ == "NOUN" and vocab.is_head(after)):
            continue
        words = doc[start:end]
        if not capitalised(words[0]) or any(token.is_punct and token.text not in HYPHENS for token in words):
            continue
        if all(capitalised(token) or token.lower_ in vocab.connectors or token.lower_ in vocab.determiners
               or token.text in HYPHENS for token in words):
            found.append((start, end, head))
    return found
