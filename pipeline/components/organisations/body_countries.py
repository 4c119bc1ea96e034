"""The country a government body belongs to, as its own name or the words around it tell.

The guidelines name a body without its country ("Migration Service of Armenia"
is "Migration Service") but keep ministries of different countries apart, so
the country leaves the name and goes into the body's key. What the name and
its appositive cannot tell, the extractor settles from the speaker, sentence
or paragraph (`pipeline.extract.organisations`).
"""

from __future__ import annotations

from pipeline.components.organisations.document import Candidate, DocumentView


def strip_country(view: DocumentView, start: int, end: int) -> tuple[int, int, str | None]:
    """A government body's name without its country: "Migration Service of Armenia", "Italian Ministry ..."."""
    doc = view.doc
    country = None
    if start in view.country_at:
        span = view.country_at[start]
        if span.end < end:
            country = span.kb_id_
            if doc[span.end].lower_ not in view.rules.tail_connectors:
                start = span.end  # not "Nigerians in Diaspora Commission": there the people are its subject
    for span in view.country_at.values():
        if span.end == end and span.start > start:
            cut = span.start
            while cut > start and doc[cut - 1].lower_ in view.rules.country_connectors:
                cut -= 1
            if cut < span.start and cut > start:
                return start, cut, span.kb_id_
    if end - start > 2 and doc[end - 1].text in view.place_qualifiers:  # "... Service of Korea (HRD Korea)"
        cut = end - 1
        while cut > start + 1 and doc[cut - 1].lower_ in view.rules.country_connectors:
            cut -= 1
        if cut < end - 1:
            return start, cut, country
    if country is None:
        inside = [span for span in view.country_at.values() if start <= span.start and span.end <= end
                  and not _hosted_people(view, span.end)]
        if inside:
            country = inside[0].kb_id_
    return start, end, country


def appositive_country(view: DocumentView, candidate: Candidate, accepted: list[Candidate]) -> str | None:
    """The country in an appositive chain after a body: "Bureau for Migration and Asylum, Ministry of
    Interior, Government of Moldova", "Federal Employment Agency (BA), Germany", "Department ... under the Ministry of Foreign Affairs of the Kyrgyz
    Republic"; a possessive or adjective before it: "Tajikistan's Ministry of Foreign Affairs"."""
    doc, rules = view.doc, view.rules
    before = candidate.start - 1
    if before >= 0 and doc[before].text in ("'s", "’s"):
        before -= 1  # "Tajikistan's Ministry of Foreign Affairs"
    for span in view.country_at.values():
        if span.end == before + 1 and (before < candidate.start - 1 or span.end == candidate.start):
            return span.kb_id_
    ends = {c.start: c.end for c in accepted}
    position = candidate.end
    sentence_end = doc[candidate.start].sent.end
    steps = 0
    while position < sentence_end and steps < 12:
        steps += 1
        if position in view.country_at:
            return view.country_at[position].kb_id_
        token = doc[position]
        if position in ends:
            position = ends[position]
            continue
        if token.lower_ == "the" and position > 0 and doc[position - 1].text == ",":
            break  # "A, the B of Kosovo and C": a list of bodies, not an appositive
        if token.text in (",", "-", "–", "(", ")") or token.lower_ in ("of", "the", "under", "within", "in", "at"):
            position += 1
            continue
        if token.lower_ in rules.government_words or token.lower_ == "republic":
            position += 1
            continue
        break
    return None


def _hosted_people(view: DocumentView, index: int) -> bool:
    """ "Chief Commissionerate for Afghan Refugees": the demonym names the refugees a host's body serves."""
    return index < len(view.doc) and view.doc[index].lower_ in view.rules.hosted_people_nouns
