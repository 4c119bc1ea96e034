"""Organisation rows and mentions from the `organisation` spans: one row per organisation per report.

The component gives each span a key. Here the keys are settled for the whole
report: a government body whose country its name did not give gets the
country of the speaker's turn, else of its sentence or paragraph, else of the
nearest mention of the same body, else of the report when it is clearly about
one country (an acronym or short form takes the country of the body it
stands for); a shorter name that begins or ends a longer
one of the same country ("Monitoring Committee") folds into it. The settled
keys are written back to `doc.spans["organisation"]` for the extractors that
run later (speakers link a speaker's organisation through them).

What the gazetteer says about a known organisation (canonical name, country)
comes from the component (`doc._.organisation_entries`), so a gazetteer
configured on the component is the one the rows follow.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from spacy.tokens import Span

from pipeline.components.organisations import (
    ENTRIES_EXTENSION,
    INTERNAL_UNIT,
    RULES_EXTENSION,
    SPAN_KEY,
)
from pipeline.components.organisations.body_countries import (
    countries_within,
    country_after,
    country_before,
)
from pipeline.components.organisations.document import block_tokens
from pipeline.components.organisations.keys import STANDS_FOR_NAMED
from pipeline.components.organisations.other_names import RULE as OTHER_NAME
from pipeline.extract.context import ExtractionContext
from pipeline.models import OrganisationRow
from pipeline.normalise.acronyms import looks_like_short_form
from pipeline.normalise.organisations import (
    UNRESOLVED_COUNTRY,
    OrganisationEntry,
    best_name,
    choose_acronym,
    clean_surface,
    is_acronym_form,
    split_key,
)


def extract_organisations(context: ExtractionContext) -> None:
    """Settle keys, record every mention, and write one row per organisation."""
    spans = list(context.doc.spans.get(SPAN_KEY, []))
    if not spans:
        return
    entries: dict[str, OrganisationEntry] = context.doc._.get(ENTRIES_EXTENSION) or {}
    keys = _settle_countries(context, spans)
    keys = _fold_partial_names(keys, entries)
    context.doc.spans[SPAN_KEY] = [
        Span(context.doc, span.start, span.end, label=span.label_, kb_id=key, span_id=span.id_)
        for span, key in zip(spans, keys)
    ]
    by_key: dict[str, list[tuple[Span, int]]] = defaultdict(list)
    for span, key in zip(context.doc.spans[SPAN_KEY], keys):
        mention = context.add_mention("organisation", span, span.id_ or "organisation_finder", key)
        by_key[key].append((span, mention.start_char))
    for key, mentions in by_key.items():
        context.add(_row(context.doc_id, key, mentions, entries.get(key)))


def _row(doc_id: str, key: str, mentions: list[tuple[Span, int]], entry: OrganisationEntry | None) -> OrganisationRow:
    own = [span for span, _ in mentions if span.label_ != INTERNAL_UNIT]
    surfaces = [clean_surface(span.text) for span in own]
    known = entry.acronym_forms if entry else ()
    defined = [span.text for span in own if span.id_ == "acronym_definition" and (
        is_acronym_form(span.text, known) or _defined_short_form(span)
    )]
    acronym = choose_acronym(surfaces, defined, known)
    # the report's own words first: another name it gives right after ("(Servicio Nacional de Migración)", ",
    # formerly the ...") is a translation or an old name, used only when the report has no other
    written = [clean_surface(span.text) for span in own if span.id_ != OTHER_NAME]
    written = [surface for surface in written if surface not in defined]
    name = best_name(written, known) or best_name(surfaces, known) or (entry.name if entry else None) or acronym
    if name is None:  # only units were named, of a body the gazetteer does not know
        name = clean_surface(mentions[0][0].text)
    _, country = split_key(key)
    if country in (None, UNRESOLVED_COUNTRY):
        country = entry.country if entry else None
    return OrganisationRow(
        doc_id=doc_id,
        org_id=key,
        name=name,
        acronym=acronym,
        canonical_name=entry.name if entry else name,
        country_iso3=country,
        mentions=_count_mentions(mentions),
        aliases="|".join(sorted({surface for surface in surfaces if surface})),
        first_start_char=min(start for _, start in mentions),
    )


def _defined_short_form(span: Span) -> bool:
    """ "(HRD Korea)" after "Human Resources Development Service of Korea": a short form of two words."""
    doc = span.doc
    return (
        looks_like_short_form(span.text) and span.start >= 1 and doc[span.start - 1].text == "("
        and span.end < len(doc) and doc[span.end].text == ")"
    )


def _count_mentions(mentions: list[tuple[Span, int]]) -> int:
    """How often the report refers to the organisation. mentions.csv has every span, but a unit written next to
    its parent ("IOM Regional office") and an acronym defined next to its long form ("Quaker United Nations
    Office (QUNO)") are one reference each."""
    spans = [span for span, _ in mentions]
    ends = {span.end for span in spans}
    named_ends = {span.end for span in spans if span.label_ != INTERNAL_UNIT}
    named_starts = {span.start for span in spans if span.label_ != INTERNAL_UNIT}
    translated_ends = {span.end for span in spans if span.id_ == OTHER_NAME}
    count = 0
    for span in spans:
        doc = span.doc
        if span.id_ == OTHER_NAME:
            continue  # "National Migration Service (Servicio Nacional de Migración)", "..., formerly ...": one reference
        if span.label_ == INTERNAL_UNIT and (
            not named_ends.isdisjoint((span.start - 1, span.start))
            or not named_starts.isdisjoint(range(span.end, span.end + 4))
        ):
            continue  # "IOM Regional office", "the Secretariat of the Prague Process": one reference
        if span.start >= 1 and doc[span.start - 1].text == "(" and not ends.isdisjoint(
            range(span.start - 4, span.start)
        ) and span.end < len(doc) and doc[span.end].text == ")":
            # "Quaker United Nations Office (QUNO)", "NCCM (National Council for ...)", "Human Resources
            # Development Service of Korea (HRD Korea)": one reference
            continue
        if span.start >= 1 and doc[span.start - 1].text == "," and span.start - 1 in translated_ends and (
            span.end < len(doc) and doc[span.end].text == ")"
        ):
            continue  # "National Migration Service (Servicio Nacional de Migración, SNM)": one reference
        count += 1
    return count


def _settle_countries(context: ExtractionContext, spans: list[Span]) -> list[str]:
    """Keys with the country of every government body filled in where the report tells it.

    An acronym or a short form stands for the body named before it, so it takes that mention's country
    ("AFAD" in a sentence about Syrians is still Türkiye's AFAD); one used before the body is named takes
    the country of the body's own mentions, not of its sentence. Other mentions take the speaker's, else
    the sentence's or paragraph's country; failing that, a mention in the front matter takes the host's
    (`_front_matter_country`), and any other the nearest mention of the same body's, and failing that, the
    country the report is about, when one clearly is (`_body_country_of_report`)."""
    keys = [span.kb_id_ for span in spans]
    free = _FreeCountries(context, spans)
    mentions_of = _MentionsOfBody(spans, keys)
    unresolved = [index for index, span in enumerate(spans) if split_key(span.kb_id_)[1] == UNRESOLVED_COUNTRY]
    standing_for = [index for index in unresolved if spans[index].id_ in _STANDS_FOR_NAMED]
    pending: list[int] = []
    for index in sorted(set(unresolved) - set(standing_for)):
        found = _context_country(context, spans[index], free)
        if found:
            keys[index] = f"{split_key(keys[index])[0]}@{found}"
        else:
            pending.append(index)
    for index in standing_for:
        found = mentions_of.nearest_country(index, earlier_only=True)
        if found is None and not mentions_of.named_later(index):
            found = _context_country(context, spans[index], free)
        if found:
            keys[index] = f"{split_key(keys[index])[0]}@{found}"
        else:
            pending.append(index)
    host_country = _front_matter_country(context) if pending else None
    if host_country is not None:
        in_front = {index for index in pending if _in_front_matter(context, spans[index])}
        for index in in_front:
            keys[index] = f"{split_key(keys[index])[0]}@{host_country}"
        pending = [index for index in pending if index not in in_front]
    settled = list(keys)
    report_country = _body_country_of_report(context) if pending else None
    for index in pending:
        base, _ = split_key(keys[index])
        found = mentions_of.nearest_country(index) or report_country
        settled[index] = f"{base}@{found}" if found else base
    return settled


def _in_front_matter(context: ExtractionContext, span: Span) -> bool:
    body_start = context.layout.body_start
    return body_start is not None and context.original_offsets(span)[0] < body_start


def _front_matter_country(context: ExtractionContext) -> str | None:
    """The country the front matter names outside the title, when it names one ("Chișinău, Republic of
    Moldova — 6 March 2025"): the host, whose bodies the front matter names without their country
    ("Organised by the General Inspectorate for Migration of the Ministry of Internal Affairs")."""
    body_start = context.layout.body_start
    if body_start is None:
        return None
    title = context.layout.title_span
    found = set()
    for country in context.doc.spans.get("country", []):
        start, end = context.original_offsets(country)
        if start >= body_start or (title is not None and title[0] <= start and end <= title[1]):
            continue
        found.add(country.kb_id_)
    return found.pop() if len(found) == 1 else None


# Span rules whose mention stands for a body the report named before it.
_STANDS_FOR_NAMED = STANDS_FOR_NAMED | {"acronym"}


def _body_country_of_report(context: ExtractionContext) -> str | None:
    """The country whose bodies a report names without saying whose: the most-named country, ahead of every
    other, that has more than half of all country mentions (at least two; those inside bodies' names count
    too) or that the title names.

    Not `ExtractionContext.report_country` (the only country the title names, else the most-named country
    at twice the next): stricter on counts, because here a wrong country is worse than none (host countries
    meeting on Syrian refugees name Syria most, yet none of their bodies is Syria's), and more lenient with
    a title that names several countries (a dialogue on the Nepal–Malaysia and Bangladesh–Malaysia
    corridors is hosted by the one it names most)."""
    countries = list(context.doc.spans.get("country", []))
    counts = Counter(country.kb_id_ for country in countries)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    iso3, count = ranked[0]
    if count * 2 > sum(counts.values()) and count >= 2:
        return iso3
    title = context.layout.title_span
    return iso3 if title is not None and any(
        country.kb_id_ == iso3 and title[0] <= context.original_offsets(country)[0] < title[1]
        for country in countries
    ) else None


class _MentionsOfBody:
    """The mentions of each body (its key without the country), to find the nearest one with a country.
    Reads `keys` as they are settled, so a short form can follow a mention settled just before it."""

    def __init__(self, spans: list[Span], keys: list[str]) -> None:
        self.spans, self.keys = spans, keys
        self.by_base: dict[str, list[int]] = defaultdict(list)
        for index, key in enumerate(keys):
            self.by_base[split_key(key)[0]].append(index)

    def named_later(self, index: int) -> bool:
        """Whether the body is mentioned again after this mention: an acronym used before the body is named
        ("the Ministry of Justice of Japan and MOLISA", defined further on) is the body's, not its sentence's."""
        start = self.spans[index].start
        return any(self.spans[position].start > start for position in self.by_base[split_key(self.keys[index])[0]])

    def nearest_country(self, index: int, earlier_only: bool = False) -> str | None:
        """The country of the nearest mention of the same body that has one, an earlier mention first."""
        start = self.spans[index].start
        resolved = [
            (other.start > start, abs(other.start - start), country)
            for position in self.by_base[split_key(self.keys[index])[0]]
            for other in [self.spans[position]]
            for country in [split_key(self.keys[position])[1]]
            if position != index and country not in (None, UNRESOLVED_COUNTRY)
            and not (earlier_only and other.start > start)
        ]
        return min(resolved)[2] if resolved else None


class _FreeCountries:
    """Country mentions that belong to no organisation's name, in order: not "Italian" in "Italian
    Ministry", not "Ukraine" in "State Border Service of Ukraine" nor "Moldova" in "..., Government of
    Moldova" (the same appositive reading the component gives a body's country, `body_countries`)."""

    def __init__(self, context: ExtractionContext, spans: list[Span]) -> None:
        doc = context.doc
        rules = doc._.get(RULES_EXTENSION)
        countries = list(doc.spans.get("country", []))
        country_at = {country.start: country for country in countries}
        country_ending = {country.end: country for country in countries}
        name_ends = {span.start: span.end for span in spans}
        owned: set[int] = set()
        for span in spans:
            owned.update(country.start for country in countries_within(country_at, span.start, span.end))
            for country in (
                country_before(doc, span.start, country_ending),
                country_after(doc, span.start, span.end, rules, country_at, name_ends),
            ):
                if country is not None:
                    owned.add(country.start)
        self.countries = [country for country in countries if country.start not in owned]
        self.starts = [country.start for country in self.countries]

    def within(self, start: int, end: int) -> list[Span]:
        """The free countries inside tokens start..end."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return [country for country in self.countries[first:last] if country.end <= end]


def _context_country(context: ExtractionContext, span: Span, countries: _FreeCountries) -> str | None:
    """The speaker's country, else the country the sentence, else the paragraph, is about (the one
    that has most of its free country mentions)."""
    start, _ = context.original_offsets(span)
    turn = context.layout.turn_at(start)
    if turn is not None and turn.country_iso3:
        return turn.country_iso3
    for scope in ((span.sent.start, span.sent.end), block_tokens(context.doc, span.start)):
        if scope is None:
            continue
        counts = Counter(c.kb_id_ for c in countries.within(*scope))
        if counts:
            iso3, count = counts.most_common(1)[0]
            if count * 2 > sum(counts.values()):
                return iso3
            if len(counts) > 1 and count == counts.most_common(2)[1][1]:
                continue  # a tie in the sentence ("from Iran ... undocumented Afghans"): the paragraph decides
            return None
    return None


def _fold_partial_names(keys: list[str], known: dict[str, OrganisationEntry]) -> list[str]:
    """A name that begins or ends a longer name of the same country ("Monitoring Committee", "Monitoring
    Committee for the implementation of ...") is that body; gazetteer keys and acronyms stay as they are."""
    names = {key: split_key(key) for key in set(keys) if key not in known}
    longer_names: dict[tuple[str, ...], set[str]] = defaultdict(set)  # the words a name begins or ends with
    for key, (base, _) in names.items():
        words = tuple(base.split("-"))
        for length in range(2, len(words)):
            longer_names[words[:length]].add(key)
            longer_names[words[-length:]].add(key)
    mapping: dict[str, str] = {}
    for key, (base, country) in names.items():
        longer = [
            other for other in longer_names.get(tuple(base.split("-")), ())
            if other != key and (names[other][1] == country or country is None)
        ]
        if len(longer) == 1:
            mapping[key] = longer[0]
    return [mapping.get(key, key) for key in keys]
