"""Years that are part of a title: "the We the UAE 2031 vision", "the 2050 Strategy for the Blue Pacific Continent".

Following the annotation guidelines, a single year that is part of a title stays in the
name and gives its end year ("Vision 2041"); a year that opens a title is part of it too
("the 2050 Strategy ...", "the Uzbekistan – 2030 Strategy", "Kazakhstan-2050 Strategy").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.components.strategy_finder.tokens import DASHES, QUOTE_PAIRS, capitalised
from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.normalise.years import YearRange, single_year

_OWNER_AND_YEAR = re.compile(r"^[A-Z][\w'’]*[-‐‑–—](?P<year>(?:19|20)\d{2})$")  # "Kazakhstan-2050" as one token


@dataclass(frozen=True)
class YearFirst:
    """Where a title that opens on its year starts, its year, and whether an owner stands before the year."""

    start: int
    years: YearRange
    owned: bool


def year_first_title(
    doc: Doc, start: int, vocab: Vocabulary, in_range: Callable[[int], bool]
) -> YearFirst | None:
    """Where a capitalised name whose title opens on its year starts, with that year, else None.

    The year is the title's when it stands right before the name, is no part of a range
    (`in_range`: "the 2022-2025 National Action Plan"), and the title starts after an article,
    a possessive, an opening bracket or quote, or the sentence start ("In 2019 National ..." no);
    an owner written before the year is part of it ("the Europe 2020 Strategy", "the Uzbekistan –
    2030 Strategy").
    """
    sentence_start = doc[start].sent.start
    year_at = start - 1
    if year_at < sentence_start or in_range(year_at):
        return None
    joined = _OWNER_AND_YEAR.match(doc[year_at].text)
    year = int(joined.group("year")) if joined else single_year(doc[year_at].text)
    if year is None:
        return None
    new_start = year_at
    if joined is None:
        owner_end = year_at - 1 if year_at - 1 >= sentence_start and doc[year_at - 1].text in DASHES else year_at
        new_start = owner_end
        while new_start - 1 >= sentence_start and _owner_word(doc, new_start - 1, vocab):
            new_start -= 1
        if new_start == owner_end:
            new_start = year_at  # a dash with no owner before it
    if new_start > sentence_start:
        before = doc[new_start - 1]
        if not (before.lower_ in vocab.determiners or before.tag_ == "POS" or before.text == "("
                or before.text in QUOTE_PAIRS):
            return None
    return YearFirst(new_start, YearRange(None, year), owned=joined is not None or new_start < year_at)


def _owner_word(doc: Doc, position: int, vocab: Vocabulary) -> bool:
    """A capitalised word of the owner a title's year is joined to ("Europe", "Uzbekistan"); not "In", "March"."""
    token = doc[position]
    return capitalised(token) and token.pos_ in ("PROPN", "NOUN", "ADJ") and token.lower_ not in vocab.determiners \
        and token.lower_ not in vocab.connectors and token.lower_ not in vocab.not_name_words


def titled_year_before(doc: Doc, start: int, end: int, vocab: Vocabulary) -> tuple[int, int, YearRange] | None:
    """A capitalised title closed by its year before a lowercase head: "the We the UAE 2031 vision".

    The name is the title with its year ("We the UAE 2031", as "Vision 2035" keeps its year) and
    the year its end; the lowercase head only says what kind of document it is. An owner and a
    year ("the UNHCR 2023 plan", "the Kenya 2030 strategy") is a descriptive mention, not a title.
    """
    year_at, head_at = end - 2, end - 1
    year = single_year(doc[year_at].text)
    if year is None or not vocab.is_head(doc[head_at]) or not doc[head_at].is_lower:
        return None
    sentence_start = doc[start].sent.start
    while start - 2 >= sentence_start and doc[start - 1].lower_ in vocab.determiners and capitalised(doc[start - 2]):
        start -= 2  # a title with an article inside: "We the UAE"
    while start < year_at and doc[start].lower_ in vocab.determiners:
        start += 1
    title = doc[start:year_at]
    if not len(title) or any(token.lower_ in vocab.not_name_words for token in title):
        return None
    if title[0].i == sentence_start and title[0].pos_ in ("ADP", "SCONJ", "ADV"):
        return None  # "In 2030 plans ..."
    owners = {i for key in ("country", "organisation") for span in doc.spans.get(key, [])
              for i in range(span.start, span.end)}
    if all(token.i in owners or token.lower_ in vocab.determiners for token in title):
        return None
    return start, year_at + 1, YearRange(None, year)
