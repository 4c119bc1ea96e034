"""Strategy names as written to comparable keys and stable ids.

Two mentions are the same strategy when their names are equal after folding
case, quotes, dashes and spacing, without a leading article, and their years
are equal ("National Action Plan 2018-2020" and "... 2021-2022" are two).
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.normalise.years import YearRange

_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "’": "'", "‘": "'"})
_QUOTES = re.compile(r"[“”„«»\"]")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def clean_strategy_name(text: str) -> str:
    """The name as written, on one line, without quotation marks or a leading article."""
    text = _QUOTES.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    return _LEADING_ARTICLE.sub("", text)


def strategy_key(name: str) -> str:
    """Case-, accent-, dash- and space-insensitive key of a name."""
    text = unicodedata.normalize("NFKD", clean_strategy_name(name).translate(_DASHES))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\bprogram\b", "programme", text)
    return re.sub(r"\s+", " ", text).strip()


def strategy_id(name: str, years: YearRange | None) -> str:
    """A readable id, unique per report: the name's key as a slug, with the years when there are any."""
    slug = re.sub(r"[^\w]+", "-", strategy_key(name)).strip("-")
    if years is None:
        return slug
    start = "" if years.start is None else str(years.start)
    end = "open" if years.open_ended else ("" if years.end is None else str(years.end))
    return f"{slug}--{start}-{end}"
