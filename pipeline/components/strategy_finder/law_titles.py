"""What a law's title holds besides words: its number and its date.

"Law No. 2015-36", "Proclamation No. 1110/2019", "Law 02-03 on the Entry and Stay of
Foreigners", "Act of 12 March 2022 on Assistance to Citizens of Ukraine": the number and the
date are part of the name (the annotation guidelines: a law's year is its year of enactment,
no period), so their digits are neither a year range nor a statistic.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.components.strategy_finder.tokens import HYPHENS, capitalised
from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.normalise.years import single_year

LAW_KIND = "law"
_IDENTIFIER_PART = re.compile(r"^(?:\d|[A-Z][A-Z\d]*(?:[-‐‑.][A-Z\d]+)*$)")  # "36", "2019", "L-218", "IV"


def identifier_end(doc: Doc, position: int, limit: int) -> int:
    """End of a number written as one word from `position` on: "2015" "-" "36", "1110/2019", "04" "/" "L-218"."""
    position += 1
    while position + 1 < limit and not doc[position - 1].whitespace_ and doc[position].text in (*HYPHENS, "/", ".") \
            and not doc[position].whitespace_ and _IDENTIFIER_PART.match(doc[position + 1].text):
        position += 2
    return position


def number_end(doc: Doc, position: int, limit: int, vocab: Vocabulary) -> int | None:
    """End of a law's number after "No." / "Nr" / "#" ("No. 2015-36", "No 4", "No. 1110/2019"), else None."""
    if position >= limit or doc[position].lower_ not in vocab.number_markers:
        return None
    position += 1
    if position < limit and doc[position].text == "." and not doc[position - 1].whitespace_:
        position += 1  # "No" "." as the tokenizer splits "No."
    if position >= limit or not doc[position].text[:1].isdigit():
        return None
    return identifier_end(doc, position, limit)


def is_law_head(doc: Doc, position: int, vocab: Vocabulary) -> bool:
    """A capitalised head word of a law ("Law", "Act", "Decree", "Regulation")."""
    token = doc[position]
    return capitalised(token) and vocab.is_head(token) and vocab.head_kinds[token.lower_] == LAW_KIND


def bare_number_end(doc: Doc, position: int, limit: int, vocab: Vocabulary) -> int | None:
    """End of a law's number written right after its head (or its issuer in brackets) without "No." ("Law 02-03",
    "Decree 12/2021", "Regulation (EU) 2024/1348"), else None.

    A single year alone is the title's year ("Refugees Act 2006"), which the range attacher reads.
    """
    if position == 0 or position >= limit or not doc[position].text[:1].isdigit():
        return None
    if issuer_head(doc, position, vocab) is None or not doc[position - 1].whitespace_:
        return None
    end = identifier_end(doc, position, limit)
    if end == position + 1 and single_year(doc[position].text) is not None:
        return None
    return end


def issuer_head(doc: Doc, position: int, vocab: Vocabulary) -> int | None:
    """The law's head right before `position`, or before an issuer in brackets there ("Regulation (EU)"), else None."""
    if position >= 1 and is_law_head(doc, position - 1, vocab):
        return position - 1
    if position >= 4 and doc[position - 1].text == ")" and doc[position - 3].text == "(" \
            and doc[position - 2].lower_ in vocab.law_issuers and is_law_head(doc, position - 4, vocab):
        return position - 4
    return None


def issuer_end(doc: Doc, open_at: int, limit: int, vocab: Vocabulary) -> int | None:
    """End of an issuer in brackets between a law's head and its number ("Regulation (EU) 2024/1348",
    "Regulation (EC) No 862/2007"), else None: without a number after it, a bracket is an acronym."""
    close = open_at + 2
    if close + 1 >= limit or doc[open_at].text != "(" or doc[close].text != ")" \
            or doc[open_at + 1].lower_ not in vocab.law_issuers or not is_law_head(doc, open_at - 1, vocab):
        return None
    return close + 1 if law_number_end(doc, close + 1, limit, vocab) is not None else None


def law_number_end(doc: Doc, position: int, limit: int, vocab: Vocabulary) -> int | None:
    """End of a law's number at `position`, with or without "No.", else None."""
    found = number_end(doc, position, limit, vocab)
    return found if found is not None else bare_number_end(doc, position, limit, vocab)


def title_date_end(doc: Doc, of_at: int, limit: int, vocab: Vocabulary) -> int | None:
    """End of the date after a law's head and "of": "Act of 12 March 2022", "Law of 4 July 1997", "Act of 2016".

    None when `of_at` is no "of" right after a law's head or no date follows it.
    """
    if of_at < 1 or doc[of_at].lower_ != "of" or not is_law_head(doc, of_at - 1, vocab):
        return None
    position = of_at + 1

    def day(at: int) -> bool:
        return at < limit and doc[at].is_digit and len(doc[at].text) <= 2

    def month(at: int) -> bool:
        return at < limit and doc[at].lower_.rstrip(".") in vocab.months

    if day(position) and month(position + 1):
        position += 2  # 12 March
    elif month(position):
        position += 1  # March 12, / March
        if day(position):
            position += 1
            if position < limit and doc[position].text == ",":
                position += 1
    if position < limit and single_year(doc[position].text) is not None:
        return position + 1
    return None
