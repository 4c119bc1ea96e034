"""Strategy names as written to comparable keys and stable ids.

Two mentions are the same strategy when their names are equal after folding
case, quotes, dashes and spacing, without a leading article, and their years
are equal ("National Action Plan 2018-2020" and "... 2021-2022" are two).
"""

from __future__ import annotations

import re

from pipeline.normalise.countries import fold
from pipeline.normalise.years import YearRange

_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "’": "'", "‘": "'"})
_QUOTES = re.compile(r"[“”„«»\"]")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# A series number that closes a sentence keeps its full stop as one token ("Strategic Plan V."): not the name's.
_ROMAN_FULL_STOP = re.compile(r"(\s[IVX]+)\.$")


def clean_strategy_name(text: str) -> str:
    """The name as written, on one line, without quotation marks or a leading article."""
    text = _QUOTES.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    text = _ROMAN_FULL_STOP.sub(r"\1", text)
    return _LEADING_ARTICLE.sub("", text)


def strategy_key(name: str) -> str:
    """Case-, accent-, dash- and space-insensitive key of a name (the accent fold is the one of country names)."""
    text = fold(clean_strategy_name(name).translate(_DASHES))
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\bprogram\b", "programme", text)


def strategy_id(name: str, years: YearRange | None) -> str:
    """A readable id, unique per report: the name's key as a slug, with the years when there are any."""
    slug = re.sub(r"[^\w]+", "-", strategy_key(name)).strip("-")
    if years is None:
        return slug
    start = "" if years.start is None else str(years.start)
    end = "open" if years.open_ended else ("" if years.end is None else str(years.end))
    return f"{slug}--{start}-{end}"
