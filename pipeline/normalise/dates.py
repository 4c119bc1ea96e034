"""Calendar dates as written in reports ("24 March 2021", "March 24, 2021", "2021-03-24") to ISO dates.

Only unambiguous forms: a month written as a word, or the ISO order. "22-06-2020"
and "06/03/2021" are left alone, since day and month cannot be told apart.

A span of days ("6–7 March 2024", "20 to 22 February 2024", "4 and 5 June 2024",
"30 September – 2 October 2023") is one date mention whose value is its FIRST day: the
day an event opens is the date it is known by, and an ISO date cannot hold a range.

Two line shapes carry the date of the document itself:

- a *date line*: a short line that is a date, optionally after a weekday, a place or a field label
  ("24 March 2021, 09:30 – 13:30 CET", "Thursday, 17 October 2013", "**Kathmandu, 6–7 March 2024**",
  "Entebbe, Uganda – 20 to 22 February 2024", "Suva and online, 9 April 2024",
  "Kuala Lumpur, Malaysia · 22–23 October 2024", "**Date:** 14 November 2024, 10:00–16:30");
- a *dateline*: the place and date a news paragraph opens with ("BANGKOK, 24 November 2023 – Labour
  officials ...", "Ankara, 10-11 December 2012: The meeting ...").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.normalise.calendar import month_numbers, weekday_names
from pipeline.rules import load_rules

RULES_FILE = "speakers/metadata.yaml"

_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_SPAN = r"\s*(?:[-–—]|to|until|and|&)\s*"  # "6–7", "20 to 22", "4 and 5"
_PLACE_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


@dataclass(frozen=True)
class DateMention:
    """A date found in a text, with its offsets there (a span of days has its first day as value)."""

    value: dt.date
    start: int
    end: int

    @property
    def iso(self) -> str:
        return self.value.isoformat()


@dataclass(frozen=True)
class _DatePatterns:
    months: dict[str, int]
    patterns: tuple[re.Pattern[str], ...]  # tried in order; an earlier match wins an overlap
    weekday: re.Pattern[str]
    place_connectors: frozenset[str]
    max_place_words: int
    place_separators: str


@lru_cache(maxsize=1)
def _patterns() -> _DatePatterns:
    data = load_rules(RULES_FILE)
    months = {form.rstrip("."): number for form, number in month_numbers().items()}  # the patterns allow a "."
    month_names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    month = rf"(?P<month>{month_names})\.?"
    other_month = rf"(?:{month_names})\.?"
    day = rf"(?P<day>\d{{1,2}}){_ORDINAL}"
    day_span = rf"{day}(?:{_DAY_SPAN}\d{{1,2}}{_ORDINAL})?"
    year = r"(?P<year>\d{4})"
    weekday_forms = _weekday_forms(int(data["weekday_min_letters"]))
    weekdays = "|".join(sorted(map(re.escape, weekday_forms), key=len, reverse=True))
    flags = re.IGNORECASE
    return _DatePatterns(
        months=months,
        patterns=(
            # across months: "30 September – 2 October 2023", "September 30 to October 2, 2023"
            re.compile(rf"(?<!\d){day}\s+{month}{_DAY_SPAN}\d{{1,2}}{_ORDINAL}\s+{other_month},?\s+{year}(?!\d)", flags),
            re.compile(rf"\b{month}\s+{day}{_DAY_SPAN}{other_month}\s+\d{{1,2}}{_ORDINAL},?\s+{year}(?!\d)", flags),
            re.compile(rf"(?<!\d){day_span}\s+{month},?\s+{year}(?!\d)", flags),
            re.compile(rf"\b{month}\s+{day_span},?\s+{year}(?!\d)", flags),
            re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
        ),
        weekday=re.compile(rf"^\s*(?:{weekdays})\.?,?\s+", flags),
        place_connectors=frozenset(word.casefold() for word in data["place_connectors"]),
        max_place_words=int(data["max_place_words"]),
        place_separators="".join(data["place_date_separators"]),
    )


def _weekday_forms(min_letters: int) -> set[str]:
    """A weekday's name and its abbreviations: every beginning of the name of at least `min_letters`
    letters ("Thursday", "Thurs", "Thur", "Thu")."""
    return {name[:length] for name in weekday_names() for length in range(min_letters, len(name) + 1)}


def _date_of(found: re.Match[str], months: dict[str, int]) -> dt.date | None:
    month = found.group("month")
    number = int(month) if month.isdigit() else months[month.rstrip(".").casefold()]
    try:
        return dt.date(int(found.group("year")), number, int(found.group("day")))
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMention]:
    """Every unambiguous date (or span of days) in a text, in order of position."""
    patterns = _patterns()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in patterns.patterns:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _date_of(match, patterns.months)
            if value is not None:
                found.append(DateMention(value, match.start(), match.end()))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda mention: mention.start)


def is_place_lead(text: str) -> bool:
    """Whether `text` is a place before a date: "Kathmandu, ", "Entebbe, Uganda – ", "Suva and online, ",
    "Kuala Lumpur, Malaysia · ", "Rabat, Kingdom of Morocco | ", or a field label "Date: ".

    Capitalised words (and connectors such as "and", "online"), separated by spaces or commas,
    ending in a separator (`place_date_separators`: comma, dash, colon, middle dot, bar); nothing
    that reads as prose.
    """
    patterns = _patterns()
    lead = text.strip()
    if not lead or lead[-1] not in patterns.place_separators:
        return False
    words = re.split(r"[\s,]+", lead[:-1].strip(" ,"))
    if not words or len(words) > patterns.max_place_words:
        return False
    return all(
        _PLACE_WORD.fullmatch(word) and (word[0].isupper() or word.casefold() in patterns.place_connectors)
        for word in words
    )


def _opening_date(text: str, allow_place: bool) -> DateMention | None:
    """The date a text opens with, after an optional weekday and, if allowed, a place."""
    weekday = _patterns().weekday.match(text)
    lead = weekday.end() if weekday else len(text) - len(text.lstrip())
    for mention in find_dates(text):
        if mention.start == lead or (allow_place and is_place_lead(text[:mention.start])):
            return mention
        break  # only the first date of the text can open it
    return None


def date_line(text: str, max_words: int) -> DateMention | None:
    """The date of a short date line ("24 March 2021, 09:30 CET", "Kathmandu, 6–7 March 2024"), if it is one."""
    if len(text.split()) > max_words:
        return None
    return _opening_date(text, allow_place=True)


def dateline(text: str) -> DateMention | None:
    """The date of a news dateline a paragraph opens with ("BANGKOK, 24 November 2023 – Labour officials ...").

    The date must be closed by a dash, colon or full stop: "Geneva, 14 October 2013 was a ..." is prose.
    """
    found = _opening_date(text, allow_place=True)
    if found is None or not re.match(r"\s*(?:[–—:]|-\s|\.\s|\.$)", text[found.end:]):
        return None
    return found
