"""Years that are part of a title: "the We the UAE 2031 vision", "the 2050 Strategy for the Blue Pacific Continent".

Following the annotation guidelines, a single year that is part of a title stays in the
name and gives its end year ("Vision 2041"); a year that opens a title is part of it too
("the 2050 Strategy ...", "the Uzbekistan – 2030 Strategy", "Kazakhstan-2050 Strategy"), as is
an owner and a year before a colon and a subtitle ("Vanuatu 2030: The People's Plan"), as is
a subtitle after a colon that closes on its year ("Global Strategy on ...: Workforce 2030").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.components.strategy_finder.tokens import DASHES, HYPHENS, QUOTE_PAIRS, capitalised
from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.normalise.years import YEAR_PATTERN, YearRange, single_year

_OWNER_AND_YEAR = re.compile(rf"^[A-Z][\w'’]*[-‐‑–—](?P<year>{YEAR_PATTERN})$")  # "Kazakhstan-2050" as one token


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
    2030 Strategy"). An owner and a year before a colon open a subtitled title wherever it stands
    ("... priorities of Vanuatu 2030: The People's Plan").
    """
    subtitled = subtitle_year_at(doc, start, vocab)
    year_at = start - 1 if subtitled is None else subtitled
    sentence_start = doc[start if subtitled is None else year_at].sent.start
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
    if subtitled is not None and new_start == year_at:
        return None  # "In 2030: The Plan": a subtitled title opens on its owner ("Vanuatu 2030: The People's Plan")
    if new_start > sentence_start and subtitled is None:
        before = doc[new_start - 1]
        if not (before.lower_ in vocab.determiners or before.tag_ == "POS" or before.text == "("
                or before.text in QUOTE_PAIRS):
            return None
    return YearFirst(new_start, YearRange(None, year), owned=joined is not None or new_start < year_at)


def subtitle_year_at(doc: Doc, start: int, vocab: Vocabulary) -> int | None:
    """The year before a colon that opens the name's subtitle ("Vanuatu 2030: The People's Plan"), else None.

    The subtitle runs from the colon to the name: a short title (`max_title_tokens`) of capitalised
    words, articles and possessives. The parser often ends a sentence at such a colon, so the walk
    does not stop at a sentence start.
    """
    position = start - 1
    while position >= 0 and start - position <= vocab.max_title_tokens and (
            capitalised(doc[position]) or doc[position].lower_ in vocab.determiners or doc[position].tag_ == "POS"):
        position -= 1
    if position < 1 or position == start - 1 or doc[position].text != ":" or doc[position - 1].whitespace_:
        return None
    return position - 1 if single_year(doc[position - 1].text) is not None else None


def subtitle_year_after(
    doc: Doc, end: int, vocab: Vocabulary, in_range: Callable[[int], bool]
) -> tuple[int, YearRange] | None:
    """End and year of a subtitle after a name's colon that closes on its year, else None.

    "the Global Strategy on Human Resources for Health: Workforce 2030": the subtitle is part of the
    title, and its year is the title's year (the annotation guidelines: end year only). The subtitle is
    short (`max_title_tokens`), opens on a capitalised word and holds only capitalised words and
    connectors before its year; the year is no part of a range or a number. The parser often ends a
    sentence at such a colon, so the walk does not stop at a sentence end.
    """
    if end + 2 >= len(doc) or doc[end].text != ":" or doc[end - 1].whitespace_ or not doc[end].whitespace_:
        return None
    position = end + 1
    if not _subtitle_word(doc, position, vocab) or doc[position].lower_ in vocab.connectors:
        return None
    while position < len(doc) and position - end <= vocab.max_title_tokens and _subtitle_word(doc, position, vocab):
        position += 1
    if position >= len(doc) or position - end > vocab.max_title_tokens or in_range(position):
        return None
    year = single_year(doc[position].text)
    following = doc[position + 1] if position + 1 < len(doc) else None
    if year is None or (following is not None and (following.text in HYPHENS or following.like_num)):
        return None
    return position + 1, YearRange(None, year)


def _subtitle_word(doc: Doc, position: int, vocab: Vocabulary) -> bool:
    """A word of a subtitle before its year: capitalised (not a month or weekday) or a connector."""
    token = doc[position]
    if token.lower_ in vocab.connectors:
        return True
    return capitalised(token) and token.lower_ not in vocab.not_name_words and single_year(token.text) is None


def _owner_word(doc: Doc, position: int, vocab: Vocabulary) -> bool:
    """A capitalised word of the owner a title's year is joined to ("Europe", "Uzbekistan"); not "In", "March"."""
    token = doc[position]
    return capitalised(token) and token.pos_ in ("PROPN", "NOUN", "ADJ") and token.lower_ not in vocab.determiners \
        and token.lower_ not in vocab.connectors and token.lower_ not in vocab.not_name_words


def titled_year_before(
    doc: Doc, start: int, end: int, vocab: Vocabulary, owners: frozenset[int]
) -> tuple[int, int, YearRange] | None:
    """A capitalised title closed by its year before a lowercase head: "the We the UAE 2031 vision".

    The name is the title with its year ("We the UAE 2031", as "Vision 2035" keeps its year) and
    the year its end; the lowercase head only says what kind of document it is. An owner and a
    year ("the UNHCR 2023 plan", "the Kenya 2030 strategy": all words in `owners`) is a
    descriptive mention, not a title.
    """
    year_at, head_at = end - 2, end - 1
    year = single_year(doc[year_at].text)
    if year is None or not vocab.is_head(doc[head_at]) or not doc[head_at].is_lower:
        return None
    sentence_start = doc[start].sent.start
    while start < year_at and doc[start].lower_ in vocab.determiners:
        start += 1
    title = doc[start:year_at]
    if not len(title) or any(token.lower_ in vocab.not_name_words for token in title):
        return None
    if title[0].i == sentence_start and title[0].pos_ in ("ADP", "SCONJ", "ADV"):
        return None  # "In 2030 plans ..."
    if all(token.i in owners or token.lower_ in vocab.determiners for token in title):
        return None
    return start, year_at + 1, YearRange(None, year)
