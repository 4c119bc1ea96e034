"""Calendar dates as written in reports ("24 March 2021", "March 24, 2021", "2021-03-24") to ISO dates.

Only unambiguous forms: a month written as a word, or the ISO order. "22-06-2020"
and "06/03/2021" are left alone, since day and month cannot be told apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.rules import load_rules

RULES_FILE = "speakers/metadata.yaml"


@dataclass(frozen=True)
class DateMention:
    """A date found in a text, with its offsets there."""

    value: dt.date
    start: int
    end: int

    @property
    def iso(self) -> str:
        return self.value.isoformat()


@dataclass(frozen=True)
class _DatePatterns:
    months: dict[str, int]
    day_month_year: re.Pattern[str]
    month_day_year: re.Pattern[str]
    iso: re.Pattern[str]
    weekday: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _DatePatterns:
    data = load_rules(RULES_FILE)
    months = {name.casefold(): int(number) for number, names in data["months"].items() for name in names}
    month = "(?P<month>" + "|".join(sorted(map(re.escape, months), key=len, reverse=True)) + r")\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
    year = r"(?P<year>\d{4})"
    weekdays = "|".join(sorted(map(re.escape, data["weekdays"]), key=len, reverse=True))
    return _DatePatterns(
        months=months,
        day_month_year=re.compile(rf"(?<!\d){day}\s+{month},?\s+{year}(?!\d)", re.IGNORECASE),
        month_day_year=re.compile(rf"\b{month}\s+{day},?\s+{year}(?!\d)", re.IGNORECASE),
        iso=re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
        weekday=re.compile(rf"^\s*(?:{weekdays})\.?,?\s+", re.IGNORECASE),
    )


def _date_of(found: re.Match[str], months: dict[str, int]) -> dt.date | None:
    month = found.group("month")
    number = int(month) if month.isdigit() else months[month.casefold()]
    try:
        return dt.date(int(found.group("year")), number, int(found.group("day")))
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMention]:
    """Every unambiguous date in a text, in order of position."""
    patterns = _patterns()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in (patterns.day_month_year, patterns.month_day_year, patterns.iso):
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _date_of(match, patterns.months)
            if value is not None:
                found.append(DateMention(value, match.start(), match.end()))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda mention: mention.start)


def date_line(text: str, max_words: int) -> DateMention | None:
    """The date a short line opens with ("24 March 2021, 09:30 – 13:30 CET", "Thursday, 17 October 2013")."""
    if len(text.split()) > max_words:
        return None
    weekday = _patterns().weekday.match(text)
    lead = weekday.end() if weekday else len(text) - len(text.lstrip())
    for mention in find_dates(text):
        if mention.start == lead:
            return mention
    return None
