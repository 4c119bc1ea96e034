"""Month and weekday names from `rules/calendar.yaml`: one list for every rule that reads dates."""

from __future__ import annotations

from functools import lru_cache

from pipeline.rules import load_rules


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Every written form of a month, lowercased, to its number ("sept." is 9)."""
    months = load_rules("calendar.yaml")["months"]
    return {form.lower(): number for number, forms in enumerate(months.values(), start=1) for form in forms}


@lru_cache(maxsize=1)
def month_names() -> tuple[str, ...]:
    """The full month names, January first."""
    return tuple(forms[0] for forms in load_rules("calendar.yaml")["months"].values())


@lru_cache(maxsize=1)
def weekday_names() -> tuple[str, ...]:
    """The weekday names, Monday first."""
    return tuple(load_rules("calendar.yaml")["weekdays"])
