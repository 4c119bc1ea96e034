"""Small token tests that the parts of the strategy finder share."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.components.strategy_finder.windows import positions_of_words

HYPHENS = frozenset({"-", "‐", "‑"})
DASHES = HYPHENS | {"‒", "–", "—", "―"}
QUOTE_PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"'}
_QUOTE_MARKS = frozenset(QUOTE_PAIRS) | frozenset(QUOTE_PAIRS.values())
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_ROMAN = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")  # I to XXXIX: the numbers of a series of plans
_SMALL_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})?$")  # "2", "12", "2.0"; four digits are a year
_VERSION = re.compile(r"^\d{1,2}\.0$")  # "2.0": a version, never a quantity


def capitalised(token: Token) -> bool:
    return bool(token.text) and token.text[0].isupper() and (token.is_alpha or token.text[0].isalpha())


def sequel_number(doc: Doc, position: int, connectors: frozenset[str]) -> bool:
    """Is the token a name's number in a series ("Health Sector Strategic Plan III", "Programme 2.0")?

    A Roman numeral of two letters or more, or a version ("2.0"), always is. "I" and a plain small
    number are one only when no lowercase word follows (not "the Plan I presented", "the Plan 12
    families joined"), as a quantity or a pronoun would be followed.
    """
    if position >= len(doc) or not doc[position - 1].whitespace_:
        return False
    if not doc[position].whitespace_ and position + 1 < len(doc) and doc[position + 1].text in (*DASHES, "/"):
        return False  # "Law 02-03", "Decree 12/2021": a law's number, read with its title
    text = doc[position].text
    if text.endswith(".") and _ROMAN.match(text[:-1]) and sentence_closes_after(doc, position):
        return True  # "... Strategic Plan V.": the tokenizer keeps the full stop with the numeral
    if (_ROMAN.match(text) and len(text) > 1) or _VERSION.match(text):
        return True
    if not (_ROMAN.match(text) or _SMALL_NUMBER.match(text)):
        return False
    following = doc[position + 1] if position + 1 < len(doc) else None
    return following is None or not (following.is_alpha and following.is_lower and following.lower_ not in connectors)


def sentence_closes_after(doc: Doc, position: int) -> bool:
    """Nothing but space follows the token in its sentence (the text ends, or a new sentence or block starts)."""
    following = position + 1
    while following < len(doc) and doc[following].is_space:
        following += 1
    return following >= len(doc) or doc[following].is_sent_start or doc[following].text[:1].isupper()


def joined_hyphen(doc: Doc, position: int) -> bool:
    """A hyphen written without spaces around it ("Anti-corruption")."""
    return doc[position].text in HYPHENS and not doc[position].whitespace_ and position > 0 \
        and not doc[position - 1].whitespace_


def longest_first(spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Non-overlapping spans, longest first (as spacy.util.filter_spans, for offset pairs)."""
    taken: set[int] = set()
    for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            yield start, end


@dataclass(frozen=True)
class NamedTokens:
    """The tokens of a doc's countries, organisations and places, indexed once per doc so that
    every candidate looks them up in constant time."""

    countries: frozenset[int]
    owners: frozenset[int]  # tokens of countries and organisations: who a name may belong to
    places: frozenset[int]  # the model's GPE and LOC entities and our country mentions
    organisations: dict[int, tuple[Span, ...]]  # each token of an organisation -> the organisations over it

    @classmethod
    def of(cls, doc: Doc) -> NamedTokens:
        countries = frozenset(i for span in doc.spans.get("country", []) for i in range(span.start, span.end))
        organisations: dict[int, list[Span]] = {}
        for span in doc.spans.get("organisation", []):
            for i in range(span.start, span.end):
                organisations.setdefault(i, []).append(span)
        entities = {token.i for ent in doc.ents if ent.label_ in ("GPE", "LOC") for token in ent}
        return cls(
            countries=countries,
            owners=countries | frozenset(organisations),
            places=countries | frozenset(entities),
            organisations={i: tuple(spans) for i, spans in organisations.items()},
        )


def quote_pairs(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token indices of opening and closing quotation marks within one sentence."""
    sentence_starts = [sentence.start for sentence in doc.sents]
    sentence = -1
    open_at: int | None = None
    closer = ""
    for position in positions_of_words(doc, _QUOTE_MARKS):  # only the quotation marks: the rest changes nothing
        in_sentence = bisect_right(sentence_starts, position)
        if in_sentence != sentence:
            sentence, open_at = in_sentence, None  # a pair closes in its own sentence
        text = doc[position].text
        if open_at is None and text in QUOTE_PAIRS:
            open_at, closer = position, QUOTE_PAIRS[text]
        elif open_at is not None and text == closer:
            yield open_at, position
            open_at = None


def in_title_case_block(doc: Doc, token_index: int, vocab: Vocabulary) -> bool:
    """A heading-like block in title case ("Workshop on National Migration Strategy Development").

    A table's body cell is data, not a heading: its capitals mark names ("| Egypt Vision 2030 |").
    """
    prepared = doc._.prepared
    block = prepared.block_at(doc[token_index].idx) if prepared is not None else None
    if block is not None and block.table_cell is not None and not block.table_cell.header_row:
        return False
    text = block.text.strip() if block is not None else ""
    if not text or text[-1] in ".!?;" or len(text.split()) > 25:
        return False
    words = [word for word in text.replace("-", " ").split() if word[:1].isalpha()]
    return bool(words) and all(
        word[0].isupper() or word.lower() in vocab.connectors or word.lower() in vocab.determiners for word in words
    )
