"""Organisation names: the gazetteer, the naming rules, and keys that stay stable across reports.

`rules/organisations/gazetteer.yaml` lists well-known organisations with their
canonical name, acronym and aliases; `rules/organisations/name_rules.yaml`
holds the words that tell an organisation's name from other capitalised
phrases. The functions here are pure: text in, names and keys out. Names are
compared folded as countries are (`pipeline.normalise.countries.fold`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache

from pipeline.normalise.acronyms import acronym_key, dotted, looks_like_acronym
from pipeline.normalise.countries import fold
from pipeline.rules import RulesError, load_rules, word_list

GAZETTEER_RULES = "organisations/gazetteer.yaml"
NAME_RULES = "organisations/name_rules.yaml"

# Kinds of gazetteer entries whose internal units fold into them.
INTERNATIONAL_KINDS = frozenset(
    {"un_system", "eu", "intergovernmental", "regional_process", "ngo", "development_agency"}
)
UNRESOLVED_COUNTRY = "?"


def slug(name: str) -> str:
    """A readable key from a name: "Ministry of Interior" -> "ministry-of-interior"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def organisation_key(name: str, country_iso3: str | None = None, government_body: bool = False) -> str:
    """Key of an organisation the gazetteer does not know; a government body carries its country.

    >>> organisation_key("Ministry of Interior", "MDA", government_body=True)
    'ministry-of-interior@MDA'
    """
    base = slug(name)
    if not government_body:
        return base
    return f"{base}@{country_iso3 or UNRESOLVED_COUNTRY}"


def split_key(key: str) -> tuple[str, str | None]:
    """("ministry-of-interior", "MDA") from "ministry-of-interior@MDA"; (key, None) for other keys."""
    base, sep, country = key.partition("@")
    return (base, country) if sep else (key, None)


def clean_surface(text: str) -> str:
    """A mention as a name: one line, no leading "the", no trailing punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    return text.strip(" ,;:-–—")


def is_acronym_form(text: str, known: Collection[str] = ()) -> bool:
    """Whether a surface form is an acronym ("UNHCR", "M-MPTF", "U.N.") rather than a name; `known` are
    acronyms that look like none ("G20", "Frontex")."""
    text = clean_surface(text)
    return looks_like_acronym(text) or text in known


def best_name(forms: Iterable[str], known_acronyms: Collection[str] = ()) -> str | None:
    """The fullest form a report uses for an organisation: the longest non-acronym, earliest on ties."""
    best: str | None = None
    for form in forms:
        form = clean_surface(form)
        if not form or is_acronym_form(form, known_acronyms):
            continue
        if best is None or (len(form), not form.isupper()) > (len(best), not best.isupper()):
            best = form
    return best


def choose_acronym(
    forms: Iterable[str], defined: Iterable[str] = (), known_acronyms: Collection[str] = ()
) -> str | None:
    """The acronym a report uses: one it defines, else its most frequent acronym form (earliest on ties)."""
    defined = [clean_surface(form) for form in defined if clean_surface(form)]
    if defined:
        return defined[0]
    counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    for index, form in enumerate(forms):
        form = clean_surface(form)
        if form and is_acronym_form(form, known_acronyms):
            counts[form] += 1
            order.setdefault(form, index)
    if not counts:
        return None
    return min(counts, key=lambda form: (-counts[form], order[form]))


@dataclass(frozen=True)
class OrganisationEntry:
    """One gazetteer organisation."""

    id: str
    name: str
    kind: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    country: str | None = None
    ambiguous_acronym: bool = False

    @property
    def international(self) -> bool:
        return self.kind in INTERNATIONAL_KINDS

    @property
    def acronym_forms(self) -> frozenset[str]:
        """Its acronym and the aliases that spell it otherwise ("G20", "G-20"), acronym-like or not."""
        if not self.acronym:
            return frozenset()
        key = acronym_key(self.acronym)
        return frozenset({self.acronym, *(alias for alias in self.aliases if acronym_key(alias) == key)})


class OrganisationGazetteer:
    """Every known form of every gazetteer organisation, by folded name and by acronym."""

    def __init__(self, data: dict) -> None:
        self.entries: dict[str, OrganisationEntry] = {}
        self._names: dict[str, str] = {}  # folded long form -> id
        self._acronyms: dict[str, str] = {}  # acronym as written -> id
        self._acronym_keys: dict[str, str] = {}  # acronym key ("UN" for "U.N.") -> id
        self._units: dict[str, str] = {}  # folded long unit name -> id of its parent
        for raw in data.get("organisations", []):
            entry = OrganisationEntry(
                id=raw["id"],
                name=raw["name"],
                kind=raw.get("kind", "organisation"),
                acronym=raw.get("acronym"),
                aliases=tuple(raw.get("aliases") or ()),
                units=tuple(raw.get("units") or ()),
                country=raw.get("country"),
                ambiguous_acronym=bool(raw.get("ambiguous_acronym", False)),
            )
            if entry.id in self.entries:
                raise ValueError(f"duplicate organisation id {entry.id!r} in the gazetteer")
            self.entries[entry.id] = entry
            if entry.acronym:
                self._add_acronym(entry.id, entry.acronym)  # "G20", "Frontex": an acronym even if unlike one
            for form in (entry.name, *entry.aliases):
                if form:
                    self._add_form(entry.id, form)
            for unit in entry.units:  # long unit names are matched from `name_forms`
                if looks_like_acronym(unit):
                    self._acronyms.setdefault(unit, f"unit:{entry.id}")
                else:
                    self._units.setdefault(fold(unit), entry.id)

    def _add_form(self, org_id: str, form: str) -> None:
        if looks_like_acronym(form):
            self._add_acronym(org_id, form)
        else:
            self._names.setdefault(fold(form), org_id)

    def _add_acronym(self, org_id: str, form: str) -> None:
        self._acronyms.setdefault(form, org_id)
        self._acronym_keys.setdefault(acronym_key(form), org_id)
        letters = acronym_key(form)
        if letters.isalpha() and len(letters) <= 4 and form == letters and form.isupper():
            self._acronyms.setdefault(dotted(form), org_id)  # "U.N."

    def name_forms(self) -> dict[str, list[str]]:
        """Long forms to match case-insensitively, by id ("unit:<id>" for units)."""
        forms: dict[str, list[str]] = {}
        for entry in self.entries.values():
            for form in (entry.name, *entry.aliases):
                if form and not looks_like_acronym(form):
                    forms.setdefault(entry.id, []).append(form)
            for unit in entry.units:
                if not looks_like_acronym(unit):
                    forms.setdefault(f"unit:{entry.id}", []).append(unit)
        return forms

    def acronym_forms(self) -> dict[str, list[str]]:
        """Acronyms to match exactly as written, by id ("unit:<id>" for units)."""
        forms: dict[str, list[str]] = {}
        for form, org_id in self._acronyms.items():
            forms.setdefault(org_id, []).append(form)
        return forms

    def by_name(self, text: str) -> OrganisationEntry | None:
        org_id = self._names.get(fold(text))
        return self.entries.get(org_id) if org_id else None

    def by_acronym(self, text: str) -> OrganisationEntry | None:
        org_id = self._acronyms.get(text.strip()) or self._acronym_keys.get(acronym_key(text))
        return self.entries.get(org_id) if org_id and not org_id.startswith("unit:") else None

    def unit_parent(self, text: str) -> OrganisationEntry | None:
        """The organisation a long unit name stands for ("Council for Human and Social Development" is
        CARICOM's), so that an acronym the report defines for the unit stands for it too."""
        org_id = self._units.get(fold(clean_surface(text)))
        return self.entries.get(org_id) if org_id else None

    def lookup(self, text: str) -> OrganisationEntry | None:
        """The organisation a name or acronym stands for, if the gazetteer knows it."""
        text = clean_surface(text)
        return self.by_acronym(text) if looks_like_acronym(text) else self.by_name(text)


def _folded_words(data: dict, name: str) -> frozenset[str]:
    return frozenset(fold(word) for word in word_list(data, name))


def _folded_phrases(data: dict, name: str) -> tuple[tuple[str, ...], ...]:
    """Phrases as tuples of folded words, longest first (so the longest phrase at a place wins)."""
    found = {tuple(fold(phrase).split()) for phrase in word_list(data, name)}
    return tuple(sorted(found, key=len, reverse=True))


def _folded_word_map(data: dict, name: str) -> dict[str, frozenset[str]]:
    return {fold(head): frozenset(fold(word) for word in words) for head, words in (data.get(name) or {}).items()}


def _folded_translations(data: dict, name: str) -> dict[str, str]:
    return {fold(word): fold(meaning) for word, meaning in (data.get(name) or {}).items()}


def _equivalent_names(data: dict, name: str) -> dict[str, str]:
    """Each name of a group of equivalent names -> the group's first name."""
    return {fold(member): fold(group[0]) for group in data.get(name) or () for member in group}


# How a field of NameRules is read from name_rules.yaml, by the field's type; a field's metadata may name
# another reader ("raw": kept as written).
_READERS = {
    "frozenset[str]": _folded_words,
    "tuple[tuple[str, ...], ...]": _folded_phrases,
    "dict[str, frozenset[str]]": _folded_word_map,
    "dict[str, str]": _folded_translations,
    "raw": lambda data, name: frozenset(word_list(data, name)),
    "as_written": lambda data, name: tuple(sorted(set(word_list(data, name)), key=len, reverse=True)),
    "equivalents": _equivalent_names,
}


@dataclass(frozen=True)
class NameRules:
    """The words that make, break and shape an organisation's name (from name_rules.yaml; each field is
    the list of the same name there)."""

    organisation_heads: frozenset[str] = frozenset()
    government_heads: frozenset[str] = frozenset()
    government_heads_with_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)
    not_organisation_heads: frozenset[str] = frozenset()
    generic_groups: frozenset[str] = frozenset()
    government_words: frozenset[str] = frozenset()
    generic_government_modifiers: frozenset[str] = frozenset()
    tail_connectors: frozenset[str] = frozenset()
    title_case_connectors: frozenset[str] = frozenset()
    relational_connectors: frozenset[str] = frozenset()
    lowercase_tail_heads: frozenset[str] = frozenset()
    max_lowercase_bridge: int = 5
    title_words: frozenset[str] = frozenset()
    unit_heads: tuple[tuple[str, ...], ...] = ()
    unit_modifiers: frozenset[str] = frozenset()
    standalone_unit_heads: tuple[tuple[str, ...], ...] = ()
    standalone_unit_phrases: tuple[tuple[str, ...], ...] = ()
    state_body_markers: tuple[tuple[str, ...], ...] = ()
    byline_separators: frozenset[str] = field(default=frozenset(), metadata={"reader": "raw"})
    byline_verbs: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    indefinite_determiners: frozenset[str] = frozenset()
    equivalent_names: dict[str, str] = field(default_factory=dict, metadata={"reader": "equivalents"})
    descriptive_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)
    tail_only_heads: frozenset[str] = frozenset()
    national_unit_heads: frozenset[str] = frozenset()
    plural_heads: frozenset[str] = frozenset()
    head_requires_modifier: dict[str, frozenset[str]] = field(default_factory=dict)
    postpositive_modifiers: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    bodies_when_they_have_units: frozenset[str] = frozenset()
    adjectival_title_words: frozenset[str] = frozenset()
    outlet_nouns: tuple[tuple[str, ...], ...] = ()
    outlet_nouns_after_name: tuple[tuple[str, ...], ...] = ()
    outlet_name_particles: frozenset[str] = frozenset()
    outlet_nouns_after_modifier: frozenset[str] = frozenset()
    max_outlet_name_words: int = 4
    head_first_heads: dict[str, str] = field(default_factory=dict)
    head_first_connectors: frozenset[str] = frozenset()
    country_connectors: frozenset[str] = frozenset({"the", "of", "in"})
    hosted_people_nouns: frozenset[str] = frozenset()
    appositive_links: frozenset[str] = field(default=frozenset(), metadata={"reader": "raw"})
    max_appositive_words: int = 12
    legal_forms: tuple[str, ...] = field(default=(), metadata={"reader": "as_written"})  # longest first
    former_name_markers: tuple[tuple[str, ...], ...] = ()
    kind_nouns: tuple[tuple[str, ...], ...] = ()
    kind_nouns_plural: tuple[tuple[str, ...], ...] = ()
    example_markers: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def from_data(cls, data: dict) -> NameRules:
        """Every field from the list of its name; a field the file leaves out keeps its default."""
        values: dict[str, object] = {}
        unknown = set(data) - {rule.name for rule in fields(cls)}
        if unknown:
            raise RulesError(f"name rules have lists no rule reads: {sorted(unknown)}")
        for rule in fields(cls):
            if rule.name not in data:
                continue
            if rule.type == "int":
                values[rule.name] = int(data[rule.name])
            else:
                values[rule.name] = _READERS[rule.metadata.get("reader", rule.type)](data, rule.name)
        return cls(**values)

    def names_government(self, head: str, modifiers: Iterable[str]) -> bool:
        """Whether a head with these (folded) modifiers names a state's own body: "Ministry" always,
        "Assembly" only as a "National Assembly", not as the "World Health Assembly"."""
        if head in self.government_heads:
            return True
        required = self.government_heads_with_modifiers.get(head)
        return bool(required) and not required.isdisjoint(modifiers)

    def singular(self, word: str) -> str | None:
        """The head noun a plural stands for ("ministries" -> "ministry"), if it is a head; not for a plural
        that is a head itself, as one body's name ("Social Welfare Services")."""
        word = fold(word)
        if word in self.organisation_heads:
            return None
        for candidate in (word[:-3] + "y" if word.endswith("ies") else None, word[:-2] if word.endswith("es") else None,
                          word[:-1] if word.endswith("s") else None):
            if candidate and candidate in self.organisation_heads:
                return candidate
        return None

    def equivalent(self, name: str) -> str:
        """The folded name a body is kept under ("Ministry of Internal Affairs" -> "ministry of interior")."""
        folded = fold(name)
        return self.equivalent_names.get(folded, folded)


@lru_cache(maxsize=1)
def organisation_gazetteer() -> OrganisationGazetteer:
    """The default gazetteer from the rules folder (once per process). The pipeline's rows follow the
    gazetteer configured on the `organisation_finder` component (`doc._.organisation_entries`)."""
    return OrganisationGazetteer(load_rules(GAZETTEER_RULES))


@lru_cache(maxsize=1)
def name_rules() -> NameRules:
    """The naming rules from the rules folder (once per process)."""
    return NameRules.from_data(load_rules(NAME_RULES))

