"""Years, and the year ranges attached to strategy names, as (start, end, open-ended) values.

What counts as a year is defined here once, for every rule that reads years:
`YEAR_PATTERN` / `is_year`, 1800 to 2100 (long-range plans reach 2100: "Delta Plan 2100").

Which words make a range ("2019-2022", "(2015–2020)", "for the period between 2021 and
2025", "January – December 2020", "March 2018 - present", "(2024 onwards)", "until 2030",
"by 2027") is decided by one grammar only: the Matcher patterns of
rules/strategies/patterns.yaml, grouped by how the range reads (`closed`, `open`,
`end_only`). `read_year_range` reads the years of the words a pattern matched; it
decides nothing about which words those are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

YEAR_PATTERN = r"(?:1[89]\d{2}|20\d{2}|2100)"  # a regex fragment, no groups, no anchors
CLOSED, OPEN, END_ONLY = "closed", "open", "end_only"  # how a range reads: both ends, its start, its end
READINGS = frozenset({CLOSED, OPEN, END_ONLY})

_YEAR = re.compile(rf"^{YEAR_PATTERN}$")
_NUMBER = re.compile(r"\d+")
_MAX_SPAN_YEARS = 60


@dataclass(frozen=True)
class YearRange:
    """The period a strategy covers; `None` for an end that is not written."""

    start: int | None
    end: int | None
    open_ended: bool = False


def is_year(text: str) -> bool:
    """Is the text a year and nothing else ("2019"; not "19", "2101", "2019-20")?"""
    return _YEAR.match(text.strip()) is not None


def single_year(text: str) -> int | None:
    """The year a text consists of ("2026"), else None: a title year such as "Vision 2035"."""
    return int(text) if is_year(text) else None


def expand_short_year(start: int, written: str) -> int:
    """The full year of a range's second year written short: (2012, "15") is 2015, (2098, "02") is 2102."""
    if len(written) == 4:
        return int(written)
    century = start - start % 100
    year = century + int(written)
    return year if year >= start else year + 100


def read_year_range(reading: str, words: str) -> YearRange | None:
    """The range in the words a range pattern matched, read as `reading`; None when its numbers make none.

    `closed` reads a first and a last year ("2012-15": 2012 to 2015), or one year for both ends
    ("January – December 2020"); `open` reads its start ("since 2019"); `end_only` its end
    ("until 2030"). A reversed range or one over more than 60 years is no period.
    """
    if reading not in READINGS:
        raise ValueError(f"unknown year range reading {reading!r}; expected one of {sorted(READINGS)}")
    numbers = _NUMBER.findall(words)
    if not numbers or not is_year(numbers[0]):
        return None
    first = int(numbers[0])
    if reading == OPEN:
        return YearRange(first, None, open_ended=True) if len(numbers) == 1 else None
    if reading == END_ONLY:
        return YearRange(None, first) if len(numbers) == 1 else None
    if len(numbers) == 1:
        return YearRange(first, first)
    if len(numbers) != 2 or not (is_year(numbers[1]) or len(numbers[1]) == 2):
        return None
    last = expand_short_year(first, numbers[1])
    return YearRange(first, last) if first <= last <= first + _MAX_SPAN_YEARS else None
