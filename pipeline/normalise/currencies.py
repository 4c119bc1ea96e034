"""Currency symbols, codes and words to ISO 4217 codes ("$" and "US dollars" are USD, "€" is EUR).

The forms are data in `rules/statistics/currencies.yaml`; this module turns them into regular
expression alternatives (longest form first) and looks a written form up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.rules import load_rules

DEFAULT_RULES = "statistics/currencies.yaml"


def _alternatives(forms: list[str], flexible_spaces: bool = True) -> str:
    """A regex alternation of the forms, longest first so "US$" wins over "$"."""
    escaped = []
    for form in sorted(forms, key=len, reverse=True):
        pattern = re.escape(form)
        if flexible_spaces:
            pattern = pattern.replace(r"\ ", r"\s+")
        escaped.append(pattern)
    return "|".join(escaped)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass(frozen=True)
class CurrencyTable:
    """Every written form of a currency the statistic finder recognises."""

    symbols: dict[str, str]  # "US$" -> "USD", case-sensitive
    codes: frozenset[str]  # "USD", "EUR": capitals only
    words: dict[str, str]  # folded "us dollars" -> "USD"

    @classmethod
    def from_rules(cls, data: dict) -> "CurrencyTable":
        return cls(
            symbols={str(form): str(code) for form, code in (data.get("symbols") or {}).items()},
            codes=frozenset(str(code) for code in data.get("codes") or ()),
            words={_fold(str(form)): str(code) for form, code in (data.get("words") or {}).items()},
        )

    @property
    def prefix_pattern(self) -> str:
        """Regex for a currency written before its number: a symbol or a code ("$", "US$", "USD")."""
        codes = _alternatives(sorted(self.codes), flexible_spaces=False)
        return rf"(?:{_alternatives(list(self.symbols))}|\b(?:{codes})\b)"

    @property
    def suffix_pattern(self) -> str:
        """Regex for a currency written after its number: a code or a word ("EUR", "US dollars")."""
        codes = _alternatives(sorted(self.codes), flexible_spaces=False)
        return rf"(?:\b(?:{codes})\b|(?i:\b(?:{_alternatives(list(self.words))})\b))"

    def code_of(self, form: str) -> str | None:
        """The ISO 4217 code of a written symbol, code or word; None if unknown."""
        stripped = re.sub(r"\s+", " ", form).strip()
        if stripped in self.codes:
            return stripped
        compact = stripped.replace(" ", "")
        for symbol, code in self.symbols.items():
            if compact == symbol.replace(" ", ""):
                return code
        return self.words.get(_fold(stripped))


@lru_cache(maxsize=None)
def currency_table(rules_path: str = DEFAULT_RULES) -> CurrencyTable:
    """The currency table from the rules folder (cached per process)."""
    return CurrencyTable.from_rules(load_rules(rules_path))


def currency_code(form: str, rules_path: str = DEFAULT_RULES) -> str | None:
    """ISO 4217 code for "$", "US$", "USD", "€", "euros", "Swiss francs"...; None if not a currency."""
    return currency_table(rules_path).code_of(form)
