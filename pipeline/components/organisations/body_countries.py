"""The country a government body belongs to, as its own name or the words around it tell.

The guidelines name a body without its country ("Migration Service of Armenia"
is "Migration Service") but keep ministries of different countries apart, so
the country leaves the name and goes into the body's key. What the name and
its appositive cannot tell, the extractor settles from the speaker, sentence
or paragraph (`pipeline.extract.organisations`).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span

from pipeline.components.organisations.document import Candidate, DocumentView
from pipeline.normalise.organisations import NameRules

_POSSESSIVES = ("'s", "’s")


def strip_country(view: DocumentView, start: int, end: int) -> tuple[int, int, str | None]:
    """A government body's name without its country: "Migration Service of Armenia", "Italian Ministry ..."."""
    doc = view.doc
    country = None
    if start in view.country_at:
        span = view.country_at[start]
        if span.end < end:
            country = span.kb_id_
            if doc[span.end].lower_ not in view.rules.tail_connectors and not _country_in_proper_name(
                view, span, end
            ):
                start = span.end  # not "Nigerians in Diaspora Commission": there the people are its subject
    span = view.country_ending.get(end)
    if span is not None and span.start > start:
        cut = span.start
        while cut > start and doc[cut - 1].lower_ in view.rules.country_connectors:
            cut -= 1
        if cut < span.start and cut > start + 1:  # not "Bank of Ghana": "Bank" alone is no name
            return start, cut, span.kb_id_
        if cut < span.start:
            return start, end, span.kb_id_
    if end - start > 2 and doc[end - 1].text in view.place_qualifiers:  # "... Service of Korea (HRD Korea)"
        cut = end - 1
        while cut > start + 1 and doc[cut - 1].lower_ in view.rules.country_connectors:
            cut -= 1
        if cut < end - 1:
            return start, cut, country
    if country is None:
        inside = [span for span in countries_within(view.country_at, start, end)
                  if not _hosted_people(view, span.end)]
        if inside:
            country = inside[0].kb_id_
    return start, end, country


def _country_in_proper_name(view: DocumentView, country: Span, end: int) -> bool:
    """A country before the people a body serves ("Cyprus Refugee Council"): it names no state's body, so the
    country stays in the name. A state's own body still leaves it ("Ghana Immigration Service")."""
    doc = view.doc
    return country.end < min(end, len(doc)) and doc[country.end].lower_ in view.rules.hosted_people_nouns


def appositive_country(view: DocumentView, candidate: Candidate, name_ends: Mapping[int, int]) -> str | None:
    """The country written right before a body's name or in an appositive chain after it (`name_ends`: the
    token end of every name, by its start, which the chain steps over)."""
    doc = view.doc
    found = country_before(doc, candidate.start, view.country_ending) or country_after(
        doc, candidate.start, candidate.end, view.rules, view.country_at, name_ends
    )
    return found.kb_id_ if found is not None else None


def country_before(doc: Doc, start: int, country_ending: Mapping[int, Span]) -> Span | None:
    """A country right before a body's name, or before it with a possessive: "Italian Ministry ...",
    "Tajikistan's Ministry of Foreign Affairs"."""
    if start >= 1 and doc[start - 1].text in _POSSESSIVES:
        return country_ending.get(start - 1)
    return country_ending.get(start)


def country_after(
    doc: Doc, start: int, end: int, rules: NameRules, country_at: Mapping[int, Span], name_ends: Mapping[int, int]
) -> Span | None:
    """The country an appositive chain after a body's name ends in, within its sentence: "Bureau for Migration
    and Asylum, Ministry of Interior, Government of Moldova", "Federal Employment Agency (BA), Germany",
    "Department ... under the Ministry of Foreign Affairs of the Kyrgyz Republic". The chain goes through
    `appositive_links`, government words and other names (`name_ends`), but not into a list of bodies
    ("A, the B of Kosovo and C")."""
    position = end
    sentence_end = doc[start].sent.end
    steps = 0
    while position < sentence_end and steps < rules.max_appositive_words:
        steps += 1
        if position in country_at:
            return country_at[position]
        token = doc[position]
        if position in name_ends:
            position = name_ends[position]
            continue
        if token.lower_ == "the" and position > 0 and doc[position - 1].text == ",":
            break  # "A, the B of Kosovo and C": a list of bodies, not an appositive
        if token.lower_ in rules.appositive_links or token.lower_ in rules.government_words:
            position += 1
            continue
        break
    return None


def countries_within(country_at: Mapping[int, Span], start: int, end: int) -> list[Span]:
    """The country mentions inside tokens start..end ("Swiss" in "Swiss Agency for Development and Cooperation")."""
    return [country_at[i] for i in range(start, end) if i in country_at and country_at[i].end <= end]


def _hosted_people(view: DocumentView, index: int) -> bool:
    """ "Chief Commissionerate for Afghan Refugees": the demonym names the refugees a host's body serves."""
    return index < len(view.doc) and view.doc[index].lower_ in view.rules.hosted_people_nouns
