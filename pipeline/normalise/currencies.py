"""Currency symbols, codes and words to ISO 4217 codes ("$" and "US dollars" are USD, "€" is EUR).

The forms of every currency come from the Unicode CLDR through Babel: the codes of all
currencies in use since `in_use_since` (rules/statistics/currencies.yaml), their English names
("Thai baht", "US dollars"), the unit word those names end in ("baht", "naira", "vatu") and
their symbols ("₦", "฿", "R$"). Our rule file keeps only what CLDR cannot decide: a symbol
several currencies share ("$" is USD), extra spellings ("bln"-style shorthand lives in
numbers.yaml; "soms", "US $"), and forms that are also ordinary words or acronyms and so are
never read as currencies ("marks", "real", "won"; ALL, SDG, TOP).

A unit word several currencies in use share ("dirhams": AED, MAD; "shillings": KES, UGX, TZS,
SOS; "dollars") is read as money whose currency is still open: the currency of the country
the report is about, when that country uses one of them (`shared_currency`); else the rule
file's reading of the word, if it gives one ("dollars" are US dollars, as "$" is); else none,
and the figure is left out of the statistics table rather than given a guessed code.
This module turns the forms into regular expression alternatives (longest first) and looks a
written form up.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import pycountry
from babel import localedata
from babel.core import get_global
from babel.numbers import get_currency_name, get_currency_symbol

from pipeline.normalise.phrases import alternatives, phrase_key
from pipeline.rules import load_rules

DEFAULT_RULES = "statistics/currencies.yaml"


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


def _has_currency_sign(form: str) -> bool:
    return any(unicodedata.category(char) == "Sc" for char in form)


def _is_symbol(form: str, code: str) -> bool:
    """A symbol worth reading: a currency sign in it ("₦", "R$", "GH₵"), not just letters or the code."""
    return form != code and _has_currency_sign(form)


def _is_local_letters(form: str, code: str, current: frozenset[str]) -> bool:
    """A territory's own letter symbol of a currency still in use ("RM", "S/", "Ksh"): at least two
    characters and capitalised, so that single letters ("R", "P", "Q") and lowercase words stay words."""
    return code in current and form != code and len(form) >= 2 and form[0].isupper() and not _has_currency_sign(form)


def _territory_locales() -> dict[str, list[str]]:
    """Territory -> the CLDR locales of it ("MY" -> ms_MY, en_MY, ta_MY, zh_Hans_MY...)."""
    found: dict[str, list[str]] = defaultdict(list)
    for locale_id in localedata.locale_identifiers():
        territory = locale_id.rsplit("_", 1)[-1]
        if locale_id != territory and territory.isupper() and len(territory) == 2:
            found[territory].append(locale_id)
    return found


def _symbols_of(locale_id: str) -> dict[str, str]:
    return localedata.load(locale_id).get("currency_symbols", {})


@lru_cache(maxsize=None)
def _cldr_symbols(codes: frozenset[str], current: frozenset[str]) -> dict[str, frozenset[str]]:
    """Symbol -> codes: the English symbols ("€", "R$") and those the locales of each territory
    that uses a currency give it, with a currency sign ("₦", "฿") or, for currencies in use, in
    letters ("RM", "S/", "Ksh"). A letter symbol owned by several currencies in any locale at all
    ("Rs", "kr", "Br") is ambiguous and dropped by `_unambiguous`."""
    found: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        symbol = get_currency_symbol(code, "en")
        if _is_symbol(symbol, code):
            found[symbol].add(code)
    locales = _territory_locales()
    for territory, periods in get_global("territory_currencies").items():
        for locale_id in locales.get(territory, ()):
            symbols = _symbols_of(locale_id)
            for code, *_ in periods:
                symbol = symbols.get(code)
                if code in codes and symbol and (_is_symbol(symbol, code) or _is_local_letters(symbol, code, current)):
                    found[symbol].add(code)
    for locale_id in localedata.locale_identifiers():  # a letter symbol must be one currency's everywhere
        for code, symbol in _symbols_of(locale_id).items():
            if symbol in found and not _has_currency_sign(symbol) and code in codes:
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


def _cldr_word_owners(codes: Iterable[str], current: frozenset[str]) -> dict[str, set[str]]:
    """Folded English names -> codes ("thai baht", "nigerian nairas"), and for currencies still in
    use the unit word the names end in ("baht", "naira", "dirhams"). A plural and its singular
    name the same currencies ("manats" is Turkmen as well as Azerbaijani, though CLDR writes
    the Turkmen plural "manat")."""
    forms: dict[str, set[str]] = defaultdict(set)
    for code in sorted(codes):
        for name in _english_names(code):
            folded = phrase_key(name)
            forms[folded].add(code)
            unit = folded.split()[-1]
            if code in current and unit != folded and re.fullmatch(r"[^\W\d_][\w'’ʻ-]*", unit):
                forms[unit].add(code)
    for form in list(forms):
        if form.endswith("s") and form[:-1] in forms:
            owners = forms[form] | forms[form[:-1]]
            forms[form], forms[form[:-1]] = owners, set(owners)
    return forms


def cldr_words(codes: Iterable[str], current: frozenset[str]) -> dict[str, str]:
    """Folded names and unit words that name one currency ("thai baht", "naira") -> its code."""
    return _unambiguous(_cldr_word_owners(codes, current), current)


def cldr_shared_words(codes: Iterable[str], current: frozenset[str]) -> dict[str, frozenset[str]]:
    """Folded unit words several currencies still in use share ("dirhams", "shillings") -> their codes."""
    return {
        form: frozenset(owners & current)
        for form, owners in _cldr_word_owners(codes, current).items()
        if len(owners & current) > 1
    }


@lru_cache(maxsize=None)
def country_currencies(iso3: str) -> frozenset[str]:
    """ISO 4217 codes legal tender in a country now ("ZWE": USD, ZWG); none for an unknown code."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return frozenset()
    periods = get_global("territory_currencies").get(country.alpha_2, ())
    return frozenset(code for code, _start, end, tender in periods if tender and end is None)


def shared_currency(unit: str, options: frozenset[str], country_currencies: frozenset[str]) -> str | None:
    """The currency of a unit word several currencies share (`options`): the one the report's
    country uses, else the rule file's reading (`unit`, when it is one of them), else None."""
    used = options & country_currencies
    if len(used) == 1:
        return next(iter(used))
    return unit if unit in options else None


# --- the table the grammar reads -----------------------------------------------------------------


@dataclass(frozen=True)
class CurrencyTable:
    """Every written form of a currency the statistic finder recognises."""

    symbols: dict[str, str]  # "US$" -> "USD", case-sensitive, before or after the number
    letter_symbols: dict[str, str]  # "RM" -> "MYR", "KSh" -> "KES": case-sensitive, before the number only
    codes: frozenset[str]  # "USD", "EUR": capitals only
    words: dict[str, str]  # folded "us dollars" -> "USD"; for a shared word, the rule file's reading of it
    shared_words: dict[str, frozenset[str]] = field(default_factory=dict)  # folded "dirhams" -> AED, MAD
    # Forms read as a currency only when the countries a report names settle them (`open_forms`):
    shared_symbols: dict[str, frozenset[str]] = field(default_factory=dict)  # "Rs" -> INR, PKR, ...: before the number
    word_codes: frozenset[str] = frozenset()  # "AMD", "BOB": codes that are also words or acronyms

    @classmethod
    def from_rules(cls, data: dict) -> CurrencyTable:
        """CLDR's currencies, then our rule file: its forms win, its ignored forms go."""
        since = int(data.get("in_use_since", 2000))
        cldr = cldr_currencies(since)
        ignored_codes = {str(code) for code in data.get("ignored_codes") or ()}
        ignored_words = {phrase_key(str(word)) for word in data.get("ignored_words") or ()}
        ignored_symbols = {str(symbol) for symbol in data.get("ignored_symbols") or ()}
        found = _cldr_symbols(cldr.codes, cldr.current)
        symbols = _unambiguous({s: set(c) for s, c in found.items() if s not in ignored_symbols}, cldr.current)
        symbols.update({str(form): str(code) for form, code in (data.get("symbols") or {}).items()})
        words = {form: code for form, code in cldr_words(cldr.codes, cldr.current).items() if form not in ignored_words}
        words.update({phrase_key(str(form)): str(code) for form, code in (data.get("words") or {}).items()})
        shared = {
            form: owners for form, owners in cldr_shared_words(cldr.codes, cldr.current).items() if form not in ignored_words
        }
        codes = set(cldr.codes) - ignored_codes
        signs = {form: code for form, code in symbols.items() if _has_currency_sign(form)}
        letters = {form: code for form, code in symbols.items() if form not in signs}
        return cls(
            symbols=signs,
            letter_symbols=letters,
            codes=frozenset(codes),
            words=words,
            shared_words=shared,
            shared_symbols=_shared_letter_symbols(found, cldr.current, set(symbols) | ignored_symbols, data),
            word_codes=frozenset(ignored_codes & cldr.current),
        )

    @cached_property
    def open_forms(self) -> dict[str, frozenset[str]]:
        """Forms that may be a currency and the currencies each may name ("Rs": INR, PKR...; "AMD": AMD)."""
        return {**{code: frozenset({code}) for code in self.word_codes}, **self.shared_symbols}

    @cached_property
    def _open_prefix_pattern(self) -> str:
        """Shared letter symbols and word-like codes before a number ("Rs 30 lakh", "AMD 1.6 million")."""
        forms = list(self.open_forms)
        return rf"(?<![^\W\d_])(?:{alternatives(forms, flexible_spaces=False)})(?![^\W\d_])" if forms else "(?!)"

    @cached_property
    def _letter_symbol_pattern(self) -> str:
        """Letter symbols as whole words: "RM 1,500", not the end of "FORM 5"."""
        return rf"(?<![^\W\d_])(?:{alternatives(list(self.letter_symbols))})(?![^\W\d_])"

    @cached_property
    def prefix_pattern(self) -> str:
        """Regex for a currency written before its number: a symbol or a code ("$", "US$", "RM", "USD")."""
        codes = alternatives(sorted(self.codes), flexible_spaces=False)
        return rf"(?:{alternatives(list(self.symbols))}|{self._letter_symbol_pattern}|\b(?:{codes})\b|{self._open_prefix_pattern})"

    @cached_property
    def suffix_pattern(self) -> str:
        """Regex for a currency written after its number: a sign, a code or a word ("€", "EUR", "US dollars");
        letter symbols are read before the number only ("5 KM" is a distance)."""
        codes = alternatives(sorted(self.codes | self.word_codes), flexible_spaces=False)
        return (
            rf"(?:{alternatives(list(self.symbols))}|\b(?:{codes})\b"
            rf"|(?i:\b(?:{alternatives([*self.words, *self.shared_words])})\b))"
        )

    def code_of(self, form: str) -> str | None:
        """The ISO 4217 code of a written symbol, code or word; None if unknown."""
        stripped = re.sub(r"\s+", " ", form).strip()
        if stripped in self.codes:
            return stripped
        compact = stripped.replace(" ", "")
        for symbol, code in {**self.symbols, **self.letter_symbols}.items():
            if compact == symbol.replace(" ", ""):
                return code
        return self.words.get(phrase_key(stripped))

    def unit_of(self, form: str) -> tuple[str, frozenset[str]] | None:
        """What a written currency form makes the unit of its figure: its code and no options, or,
        for a word several currencies share, the rule file's reading of it (else the word itself)
        and the currencies it may name, to be settled by `shared_currency`; None if not a currency."""
        key = phrase_key(form)
        if key in self.shared_words:
            return self.words.get(key, key), self.shared_words[key]
        code = self.code_of(form)
        return (code, frozenset()) if code is not None else None


def _shared_letter_symbols(
    found: dict[str, frozenset[str]], current: frozenset[str], decided: set[str], data: dict
) -> dict[str, frozenset[str]]:
    """Letter symbols several currencies in use share ("Rs": INR, PKR, MUR, SCR; "Br": BYN, ETB), from
    CLDR and the rule file's `shared_symbols` (which adds owners CLDR lacks); forms the rule file
    decides or ignores are not shared."""
    shared = {
        symbol: owners & current
        for symbol, owners in found.items()
        if not _has_currency_sign(symbol) and symbol not in decided and len(owners & current) > 1
    }
    for symbol, codes in (data.get("shared_symbols") or {}).items():
        shared[str(symbol)] = frozenset(shared.get(str(symbol), frozenset()) | {str(code) for code in codes})
    return shared


@lru_cache(maxsize=None)
def currency_table(rules_path: str = DEFAULT_RULES) -> CurrencyTable:
    """The currency table from CLDR and the rules folder (cached per process)."""
    return CurrencyTable.from_rules(load_rules(rules_path))


def currency_code(form: str, rules_path: str = DEFAULT_RULES) -> str | None:
    """ISO 4217 code for "$", "US$", "USD", "€", "euros", "baht", "Swiss francs"...; None if not a currency."""
    return currency_table(rules_path).code_of(form)
