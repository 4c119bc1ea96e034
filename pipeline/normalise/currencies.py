"""Currency symbols, codes and words to ISO 4217 codes ("$" and "US dollars" are USD, "€" is EUR).

The forms of every currency come from the Unicode CLDR through Babel: the codes of all
currencies in use since `in_use_since` (rules/statistics/currencies.yaml), their English names
("Thai baht", "US dollars"), the unit word those names end in when it names one currency only
("baht", "naira", "vatu") and their symbols ("₦", "฿", "R$"). Our rule file keeps only what
CLDR cannot decide: ambiguous forms ("$" and "dollars" are USD), extra spellings ("bln"-style
shorthand lives in numbers.yaml; "soms", "US $"), and forms that are also ordinary words or
acronyms and so are never read as currencies ("marks", "real", "won"; ALL, SDG, TOP).
This module turns the forms into regular expression alternatives (longest first) and looks a
written form up.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from babel import localedata
from babel.core import get_global
from babel.numbers import get_currency_name, get_currency_symbol

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


# --- what CLDR knows ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CldrCurrencies:
    """Currencies in use since a year, by code, and which of them are still in use."""

    codes: frozenset[str]
    current: frozenset[str]


@lru_cache(maxsize=None)
def cldr_currencies(in_use_since: int) -> CldrCurrencies:
    """Codes of the currencies that were legal tender somewhere in or after `in_use_since`."""
    codes: set[str] = set()
    current: set[str] = set()
    for periods in get_global("territory_currencies").values():
        for code, _start, end, tender in periods:
            if not tender or (end is not None and end[0] < in_use_since):
                continue
            codes.add(code)
            if end is None:
                current.add(code)
    return CldrCurrencies(frozenset(codes), frozenset(current))


def _english_names(code: str) -> list[str]:
    """"Thai Baht", "Thai baht" (plural), without CLDR's dating of old currencies ("(1922–2005)")."""
    names = {get_currency_name(code, locale="en"), get_currency_name(code, count=2, locale="en")}
    return [re.sub(r"\s*\([^)]*\)", "", name).strip() for name in names if name and name != code]


def _is_symbol(form: str, code: str) -> bool:
    """A symbol worth reading: a currency sign in it ("₦", "R$", "GH₵"), not just letters or the code."""
    return form != code and any(unicodedata.category(char) == "Sc" for char in form)


@lru_cache(maxsize=None)
def _cldr_symbols(codes: frozenset[str]) -> dict[str, frozenset[str]]:
    """Symbol -> codes: the English symbols ("€", "R$") and those of the main and English locales of
    each territory that uses the currency ("₦", "฿")."""
    found: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        symbol = get_currency_symbol(code, "en")
        if _is_symbol(symbol, code):
            found[symbol].add(code)
    likely = get_global("likely_subtags")
    available = set(localedata.locale_identifiers())
    for territory, periods in get_global("territory_currencies").items():
        main = likely.get(f"und_{territory}")
        for locale_id in {main, f"{(main or '').split('_')[0]}_{territory}", f"en_{territory}"} & available:
            for code, *_ in periods:
                if code in codes:
                    symbol = get_currency_symbol(code, locale_id)
                    if _is_symbol(symbol, code):
                        found[symbol].add(code)
    return {symbol: frozenset(owners) for symbol, owners in found.items()}


def _unambiguous(forms: dict[str, set[str]], current: frozenset[str]) -> dict[str, str]:
    """Forms that name one currency; where several do, the only one still in use ("Turkish lira")."""
    result: dict[str, str] = {}
    for form, owners in forms.items():
        if len(owners) == 1:
            result[form] = next(iter(owners))
        elif len(in_use := owners & current) == 1:
            result[form] = next(iter(in_use))
    return result


def cldr_words(codes: Iterable[str], current: frozenset[str]) -> dict[str, str]:
    """Folded English names -> code ("thai baht", "nigerian nairas"), and for currencies still in
    use the unit word the names end in ("baht", "naira"), where it names one currency only."""
    forms: dict[str, set[str]] = defaultdict(set)
    for code in sorted(codes):
        for name in _english_names(code):
            folded = _fold(name)
            forms[folded].add(code)
            unit = folded.split()[-1]
            if code in current and unit != folded and re.fullmatch(r"[^\W\d_][\w'’ʻ-]*", unit):
                forms[unit].add(code)
    return _unambiguous(forms, current)


# --- the table the grammar reads -----------------------------------------------------------------


@dataclass(frozen=True)
class CurrencyTable:
    """Every written form of a currency the statistic finder recognises."""

    symbols: dict[str, str]  # "US$" -> "USD", case-sensitive
    codes: frozenset[str]  # "USD", "EUR": capitals only
    words: dict[str, str]  # folded "us dollars" -> "USD"

    @classmethod
    def from_rules(cls, data: dict) -> "CurrencyTable":
        """CLDR's currencies, then our rule file: its forms win, its ignored forms go."""
        since = int(data.get("in_use_since", 2000))
        cldr = cldr_currencies(since)
        ignored_codes = {str(code) for code in data.get("ignored_codes") or ()}
        ignored_words = {_fold(str(word)) for word in data.get("ignored_words") or ()}
        symbols = _unambiguous({s: set(c) for s, c in _cldr_symbols(cldr.codes).items()}, cldr.current)
        symbols.update({str(form): str(code) for form, code in (data.get("symbols") or {}).items()})
        words = {form: code for form, code in cldr_words(cldr.codes, cldr.current).items() if form not in ignored_words}
        words.update({_fold(str(form)): str(code) for form, code in (data.get("words") or {}).items()})
        codes = set(cldr.codes) - ignored_codes
        return cls(symbols=symbols, codes=frozenset(codes), words=words)

    @property
    def prefix_pattern(self) -> str:
        """Regex for a currency written before its number: a symbol or a code ("$", "US$", "USD")."""
        codes = _alternatives(sorted(self.codes), flexible_spaces=False)
        return rf"(?:{_alternatives(list(self.symbols))}|\b(?:{codes})\b)"

    @property
    def suffix_pattern(self) -> str:
        """Regex for a currency written after its number: a symbol, a code or a word ("€", "EUR", "US dollars")."""
        codes = _alternatives(sorted(self.codes), flexible_spaces=False)
        return (
            rf"(?:{_alternatives(list(self.symbols))}|\b(?:{codes})\b"
            rf"|(?i:\b(?:{_alternatives(list(self.words))})\b))"
        )

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
    """The currency table from CLDR and the rules folder (cached per process)."""
    return CurrencyTable.from_rules(load_rules(rules_path))


def currency_code(form: str, rules_path: str = DEFAULT_RULES) -> str | None:
    """ISO 4217 code for "$", "US$", "USD", "€", "euros", "baht", "Swiss francs"...; None if not a currency."""
    return currency_table(rules_path).code_of(form)
