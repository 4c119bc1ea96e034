"""Year ranges attached to strategy names, as (start, end, open-ended) values.

A strategy's period is written in many ways: "2019-2022", "(2015–2020)",
"2021 to 2025", "for the period between 2021-2025", "2012-15", "January –
December 2020", "March 2018 - present", "since 2019", "(2024 onwards)",
"until 2030", "by 2027". These pure functions turn the words of one such range (as a
matcher found them, lead-in words and brackets included) into numbers. A
single year ("adopted in 2016", "in 2020") is not a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
# A year of a strategy's period or title: 1800 to 2100 (long-range plans reach 2100: "Delta Plan 2100").
YEAR_PATTERN = r"(?:1[89]\d{2}|20\d{2}|2100)"
_DASH = r"[-‐‑‒–—―/]"
_OPEN_END = r"(?:the\s+)?(?:present|now|date|today)"
_LEAD_IN = re.compile(
    r"^(?:(?:for|covering|over|during|in)\s+)?(?:the\s+)?(?:(?:period|years|year|timeframe|time\s+frame)\s+)?(?:of\s+)?"
)
_FIRST_YEAR = rf"(?:{_MONTH}\s+)?(?P<start>{YEAR_PATTERN})"

_CLOSED = (
    # 2019-2022, 2019 – 2022, 2021/2025, 2012-15, March 2018 - June 2020, 2021 to 2025, from 2021 until 2025
    re.compile(rf"^(?:from\s+)?{_FIRST_YEAR}\s*(?:{_DASH}|to|until|till|through)\s*(?:{_MONTH}\s+)?(?P<end>{YEAR_PATTERN}|\d{{2}})$"),
    # between 2021 and 2025, between 2021-2025
    re.compile(rf"^between\s+{_FIRST_YEAR}\s*(?:{_DASH}|and)\s*(?:{_MONTH}\s+)?(?P<end>{YEAR_PATTERN}|\d{{2}})$"),
)
# January – December 2020: both ends in one year.
_MONTH_SPAN = re.compile(rf"^(?:from\s+|between\s+)?{_MONTH}\s*(?:{_DASH}|to|and)\s*{_MONTH}\s+(?P<start>{YEAR_PATTERN})$")
_OPEN = (
    re.compile(rf"^(?:from\s+)?{_FIRST_YEAR}\s*(?:{_DASH}|to|until|till)\s*{_OPEN_END}$"),  # March 2018 - present
    re.compile(rf"^since\s+{_FIRST_YEAR}$"),  # since 2019
    re.compile(rf"^(?:from\s+)?{_FIRST_YEAR}\s*(?:and\s+)?(?:onwards?|and\s+beyond|forward)$"),  # 2024 onwards
)
# "by 2027" reads as an end too; the strategy finder takes it only after "(to be) implemented".
_END_ONLY = re.compile(
    rf"^(?:until|till|through|thru|up\s+to|up\s+until|by)\s+(?:the\s+end\s+of\s+)?(?:{_MONTH}\s+)?(?P<end>{YEAR_PATTERN})$"
)
_SINGLE_YEAR = re.compile(rf"^{YEAR_PATTERN}$")
_MAX_SPAN_YEARS = 60


@dataclass(frozen=True)
class YearRange:
    """The period a strategy covers; `None` for an end that is not written."""

    start: int | None
    end: int | None
    open_ended: bool = False


def expand_short_year(start: int, written: str) -> int:
    """The full year of a range's second year written short: (2012, "15") is 2015, (2098, "02") is 2102."""
    if len(written) == 4:
        return int(written)
    century = start - start % 100
    year = century + int(written)
    return year if year >= start else year + 100


def _normalise(text: str) -> str:
    text = text.strip().lower()
    text = re.sub(r"[()\[\]“”\"'‘’]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:.")
    return _LEAD_IN.sub("", text).strip()


def parse_year_range(text: str) -> YearRange | None:
    """The range written in `text`, or None when it is no range (a single year, a date, anything else)."""
    body = _normalise(text)
    if not body:
        return None
    for pattern in _CLOSED:
        found = pattern.match(body)
        if found:
            start = int(found.group("start"))
            end = expand_short_year(start, found.group("end"))
            if start <= end <= start + _MAX_SPAN_YEARS:
                return YearRange(start, end)
            return None
    found = _MONTH_SPAN.match(body)
    if found:
        year = int(found.group("start"))
        return YearRange(year, year)
    for pattern in _OPEN:
        found = pattern.match(body)
        if found:
            return YearRange(int(found.group("start")), None, open_ended=True)
    found = _END_ONLY.match(body)
    if found:
        return YearRange(None, int(found.group("end")))
    return None


def single_year(text: str) -> int | None:
    """The year a text consists of ("2026"), else None: a title year such as "Vision 2035"."""
    body = text.strip()
    return int(body) if _SINGLE_YEAR.match(body) else None
