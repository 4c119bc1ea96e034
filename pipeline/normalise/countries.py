"""Country names, official names, old names and demonyms to ISO 3166-1 alpha-3 codes.

pycountry supplies every ISO country with its name, official name and common
name; `rules/countries/countries.yaml` adds canonical short names, aliases
(old names, abbreviations) and demonyms, and Kosovo (`XKX`, not in ISO).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pycountry

from pipeline.rules import load_rules

NameKind = Literal["name", "official", "alias", "demonym"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-", "—": "-"})


@dataclass(frozen=True)
class CountryName:
    """One written form of a country and what kind of form it is."""

    iso3: str
    form: str
    kind: NameKind


def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and space-insensitive key; a leading "the" is dropped."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return re.sub(r"^the\s+", "", text)


def _uninvert(name: str) -> str:
    """pycountry's "Moldova, Republic of" reads "Republic of Moldova" in prose."""
    if ", " not in name:
        return name
    head, _, tail = name.partition(", ")
    tail = re.sub(r"^(?:the|The)\s+", "", tail)
    return f"{tail} {head}" if tail.endswith((" of", " of the")) else name


def _state_prefix_pattern(state_forms: dict) -> re.Pattern[str]:
    """ "Republic of X", "the Federal Democratic Republic of X": official-style wrappers of a short name."""
    modifiers = "|".join(re.escape(word) for word in state_forms["modifiers"])
    heads = "|".join(re.escape(word) for word in state_forms["heads"])
    return re.compile(rf"^(?:(?:{modifiers})\s+)*(?:{heads})\s+of\s+(?:the\s+)?" if heads else r"(?!)")


class CountryGazetteer:
    """Every known written form of every country, and each country's canonical short name."""

    def __init__(self, data: dict, pycountry_countries: list, state_forms: dict | None = None) -> None:
        self._state_prefix = _state_prefix_pattern(state_forms or {"modifiers": [], "heads": []})
        self._canonical: dict[str, str] = {}
        self._forms: dict[str, CountryName] = {}
        self.entries: list[CountryName] = []
        for country in pycountry_countries:
            iso3 = country.alpha_3
            self._canonical[iso3] = getattr(country, "common_name", None) or _uninvert(country.name)
            for attribute in ("name", "official_name", "common_name"):
                value = getattr(country, attribute, None)
                if value:
                    kind = "official" if attribute == "official_name" else "name"
                    self._add(iso3, _uninvert(value), kind)
                    self._add(iso3, value, kind)  # as ISO writes it: "Congo, The Democratic Republic of the"
        for iso3, entry in data.items():
            entry = entry or {}
            if entry.get("name"):
                self._canonical[iso3] = entry["name"]
                self._add(iso3, entry["name"], "name")
            for alias in entry.get("aliases") or ():
                self._add(iso3, alias, "alias")
            for demonym in entry.get("demonyms") or ():
                self._add(iso3, demonym, "demonym")

    def _add(self, iso3: str, form: str, kind: NameKind) -> None:
        form = re.sub(r"^(?:the|The)\s+", "", form.strip())
        key = fold(form)
        if not key or key in self._forms and self._forms[key].iso3 == iso3:
            return
        if key in self._forms:
            return  # pycountry's forms come first and win; tests keep the rules free of clashes
        name = CountryName(iso3, form, kind)
        self._forms[key] = name
        self.entries.append(name)

    def lookup(self, text: str) -> CountryName | None:
        """The country a written form names, trying "the Republic of X" as X when needed."""
        key = fold(text)
        found = self._forms.get(key)
        if found is None:
            stripped = self._state_prefix.sub("", key)
            if stripped != key:
                found = self._forms.get(stripped)
                if found is not None and found.kind == "demonym":
                    found = None
        return found

    def name_of(self, iso3: str) -> str:
        """Canonical short name of a code ("MDA" is "Moldova")."""
        return self._canonical[iso3]

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self._canonical)


@lru_cache(maxsize=1)
def country_gazetteer() -> CountryGazetteer:
    """The gazetteer built from pycountry and the rules folder (once per process)."""
    return CountryGazetteer(
        load_rules("countries/countries.yaml"), list(pycountry.countries), load_rules("countries/state_forms.yaml")
    )


def country_code(text: str) -> str | None:
    """ISO3 code of a country name, official or old name, or demonym; None when it names no country."""
    found = country_gazetteer().lookup(text)
    return found.iso3 if found else None


def country_name(iso3: str) -> str:
    """Canonical short name of an ISO3 code."""
    return country_gazetteer().name_of(iso3)
