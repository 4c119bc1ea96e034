"""Candidate source 2: acronyms the text defines, and every later use of them.

Definitions are found by Schwartz-Hearst (`pipeline.normalise.acronyms`), as
in scispaCy's abbreviation detector. The long form decides what the acronym
stands for: a gazetteer organisation, a name whose head makes a body, or
something else (a plan, a compact), in which case it becomes a "block" that
keeps the acronym and its long form from being read as an organisation. The
first definition of an acronym holds for the whole report, and a text's own
definition outranks the gazetteer's meaning of the same letters.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from pipeline.components.organisations.body_countries import strip_country
from pipeline.components.organisations.document import (
    Candidate,
    DocumentView,
    Word,
    without_article,
)
from pipeline.components.organisations.name_tails import opens_body
from pipeline.components.organisations.reading import classify, trim_unit_words
from pipeline.normalise.acronyms import (
    acronym_key,
    find_definitions,
    looks_like_acronym,
    short_form_qualifier,
)

# Punctuation that ends the phrase before a name: "Director of Reintegration, General Directorate ...".
_CLAUSE_PUNCTUATION = (",", ";", ":", "–", "—")


def find_definitions_in(view: DocumentView) -> list[Candidate]:
    """Long form and short form of every definition; records what each acronym stands for in the view."""
    doc = view.doc
    found: list[Candidate] = []
    for definition in find_definitions(view.text):
        long_span = doc.char_span(definition.long_start, definition.long_end, alignment_mode="expand")
        short_span = doc.char_span(definition.short_start, definition.short_end, alignment_mode="expand")
        if long_span is None or short_span is None:
            continue
        long_span = last_listed_body(view, without_article(long_span))
        key = acronym_key(definition.short)
        if key in view.acronyms and view.acronyms[key].kind != "block":
            continue  # the first definition of an acronym holds
        resolution, unit = resolve_long_form(view, long_span, definition.short)
        if resolution.government:
            resolution.end = _without_qualifier(view, resolution, definition.short)
        resolution.group = resolution.key or f"acronym:{key}"
        view.acronyms[key] = resolution
        view.long_form_ends[resolution.end] = resolution.group
        found.append(resolution)
        if unit is not None:
            found.append(unit)
        found.append(replace(resolution, start=short_span.start, end=short_span.end))
    return found


def last_listed_body(view: DocumentView, long_span: Span) -> Span:
    """The last of the bodies a long form lists: an acronym after "the Ministry of the Interior and the Ministry
    of Social Development (MIDES)" stands for the second body only."""
    doc = view.doc
    start = long_span.start
    for index in range(long_span.start + 1, long_span.end - 2):
        if doc[index].lower_ != "and":
            continue
        following = index + 2 if doc[index + 1].lower_ == "the" else index + 1
        word = view.word_at(following)
        if following < long_span.end and view.words[word].start == following and opens_body(view, word):
            start = following
    return doc[start:long_span.end]


def _without_qualifier(view: DocumentView, candidate: Candidate, short: str) -> int:
    """The end of a government body's long form without the place its short form names: "Human Resources
    Development Service of Korea (HRD Korea)" is the Human Resources Development Service (of Korea)."""
    qualifier = short_form_qualifier(short)
    doc, end = view.doc, candidate.end
    if qualifier is None or end - candidate.start < 4 or doc[end - 1].text != qualifier:
        return end
    cut = end - 1
    while cut > candidate.start + 1 and doc[cut - 1].lower_ in view.rules.country_connectors:
        cut -= 1
    if cut == end - 1:
        return end
    view.place_qualifiers.add(qualifier)  # so the same name read by its head leaves it too (`strip_country`)
    return cut


def resolve_long_form(view: DocumentView, long_span: Span, short: str) -> tuple[Candidate, Candidate | None]:
    """What a defined acronym stands for (a gazetteer organisation, an organisation name, or nothing), and
    the unit words the long form ends in ("UN Network on Migration Secretariat (UNMN)")."""
    gazetteer = view.gazetteer
    parent = gazetteer.unit_parent(long_span.text)
    if parent is not None:  # "Council for Human and Social Development (COHSOD)": a unit of CARICOM
        return Candidate(long_span.start, long_span.end, "unit", "acronym_definition", key=parent.id,
                         parent=parent.id, international=True), None
    entry = gazetteer.lookup(long_span.text)
    org_span, unit = long_span, None
    if entry is None:
        trimmed = trim_unit_words(view.rules, long_span)
        if trimmed is not None:
            entry = gazetteer.lookup(trimmed.text)
            if entry is not None:
                org_span = trimmed
                unit = Candidate(trimmed.end, long_span.end, "unit", "internal_unit", key=entry.id,
                                 parent=entry.id, international=True)
    if entry is None:
        entry = gazetteer.by_acronym(short)
    if entry is not None:
        return Candidate(org_span.start, org_span.end, "org", "acronym_definition", key=entry.id,
                         international=entry.international, country=entry.country), unit
    words = view.words_in(long_span.start, long_span.end)
    reading = classify(view, words, short_form=short)
    country = _spelt_country(view, words, short) if reading is None else None
    if country is not None:  # "Employment and Social Development Canada (ESDC)": the country is in the name
        return Candidate(long_span.start, long_span.end, "org", "acronym_definition", government=True,
                         country=country), None
    if reading is None or reading.kind != "org" or not words[0].capitalised:
        return Candidate(long_span.start, long_span.end, "block", "acronym_definition"), None
    start, end, country = long_span.start, long_span.end, None
    if reading.government:  # "Ghana Immigration Service (GIS)" is the Immigration Service, of Ghana
        start, end, country = strip_country(view, start, end)
        if len(view.words_in(start, end)) < 2:  # "Bank of Ghana (BoG)" is no "Bank"
            start, end = long_span.start, long_span.end
    return Candidate(start, end, "org", "acronym_definition", government=reading.government,
                     international=not reading.government, country=country), None


def _spelt_country(view: DocumentView, words: list[Word], short: str) -> str | None:
    """The country a long form ends in when its acronym spells that country too (its initials) and the words
    before it are capitalised fields of no named kind: a state's body named after the state ("Employment and
    Social Development Canada (ESDC)", "Global Affairs Canada (GAC)", "Immigration New Zealand (INZ)")."""
    rules = view.rules
    country = view.country_ending.get(words[-1].end)
    if country is None or not acronym_key(short).endswith(_initials(country.text)):
        return None
    fields = [word for word in words if word.start < country.start]
    if len(fields) < 1 or fields[-1].lower in rules.tail_connectors | rules.country_connectors:
        return None
    if any(word.lower in rules.not_organisation_heads or word.lower in rules.title_words
           or not (word.capitalised or word.lower in ("and", "&", ",")) for word in fields):
        return None
    return country.kb_id_


def _initials(name: str) -> str:
    """The letters a country's name gives an acronym: "C" for Canada, "NZ" for New Zealand."""
    return "".join(word[0].upper() for word in name.split() if word[:1].isupper())


def adjacent_acronyms(view: DocumentView, names: list[Candidate], definitions: list[Candidate]) -> list[Candidate]:
    """The definitions, with those of acronyms right after a name or a known organisation.

    "National Institute of Statistics and Geography (INEGI)", "Andean Community (CAN)": an acronym in
    another language, which Schwartz-Hearst cannot align, is still that body's acronym (unless the
    gazetteer gives those letters to another organisation); and "Ministry of States and Frontier Regions
    (SAFRON)", whose letters spell only the end of the name, is the whole name's."""
    doc, rules = view.doc, view.rules
    found: list[Candidate] = []
    replaced: set[str] = set()
    known = [c for c in view.known if c.kind == "org" and c.key is not None]
    for candidate in known + names:  # a known organisation outranks a name read at the same place
        end = candidate.end
        if candidate.kind != "org" or end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        short = doc[end + 1]
        if not looks_like_acronym(short.text):
            continue
        defined = view.acronyms.get(acronym_key(short.text))
        if defined is not None and not _name_outranks_block(doc, candidate, defined):
            continue
        if candidate.key is not None:
            other = view.gazetteer.by_acronym(short.text)
            if other is not None and other.id != candidate.key:
                continue
        words = view.words_in(candidate.start, candidate.end)
        if any(word.lower in rules.not_organisation_heads for word in words):
            continue  # "Committee for ... the National Strategy ... (SNITP)": the acronym is the strategy's
        key = acronym_key(short.text)
        if defined is not None:
            replaced.add(key)
        if candidate.key is None:
            candidate.group = f"acronym:{key}"
        view.acronyms[key] = candidate
        found.append(replace(candidate, start=end + 1, end=end + 2, rule="acronym_definition"))
    opened_after = {f.start - 1 for f in found}  # where the "(" before a found acronym stands
    kept = [
        c for c in definitions
        if not (c.kind == "block" and acronym_key(doc[c.start:c.end].text) in replaced
                or c.kind == "block" and c.end in opened_after)
    ]
    return kept + found


def _name_outranks_block(doc, name: Candidate, defined: Candidate) -> bool:
    """Whether a name right before an acronym is what the acronym stands for, although Schwartz-Hearst
    aligned its letters with a long form that names no body, ending where the name ends: one inside the
    name ("Committee for ... Rights (CNDH)" read as "Rights"), or one that reaches back past the comma
    before the name into a title ("Director of Reintegration, General Directorate for Senegalese Abroad
    (DGSE)")."""
    if defined.kind != "block" or defined.end != name.end:
        return False
    if name.start < defined.start:
        return True
    return defined.start < name.start and doc[name.start - 1].text in _CLAUSE_PUNCTUATION


def acronym_uses(view: DocumentView) -> list[Candidate]:
    """Every use of a defined acronym stands for what its definition does. Gazetteer acronyms that the text
    defines as something else give way to the text's definition (they are removed from `view.known`)."""
    found: list[Candidate] = []
    if not view.acronyms:
        return found
    for index, word in enumerate(view.words):
        if not looks_like_acronym(word.text):
            continue
        end = word.end
        resolution = None
        if index + 1 < len(view.words):  # "HRD Korea", defined as a two-word short form
            pair = f"{word.text} {view.words[index + 1].text}"
            if short_form_qualifier(pair) is not None:
                resolution = view.acronyms.get(acronym_key(pair))
                end = view.words[index + 1].end if resolution is not None else end
        resolution = resolution or view.acronyms.get(acronym_key(word.text))
        if resolution is None:
            continue
        found.append(replace(resolution, start=word.start, end=end,
                             rule="acronym" if resolution.kind != "block" else resolution.rule))
    kept = []
    for candidate in view.known:
        text = view.doc[candidate.start:candidate.end].text
        defined = view.acronyms.get(acronym_key(text)) if looks_like_acronym(text) else None
        if defined is not None and defined.key != candidate.key:
            continue
        kept.append(candidate)
    view.set_known(kept)
    return found
