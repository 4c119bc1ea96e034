"""Strategy rows and mentions from the `strategy` spans: one row per strategy per report.

The same name with the same years is one strategy, however often it is named;
a mention without years joins the one dated strategy of the same name ("the
Lebanon Crisis Response Plan 2017-2020" ... "The Lebanon Crisis Response Plan
brings ..."), and a generic one with years joins the one named strategy of those
years ("the National Strategy for Migration (2019-2022)" ... "the strategy
(2019-2022)"). The country comes from the name, else the speaker, else the
nearest country in the sentence or paragraph; `country_source` says which.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from pipeline.components.strategies import GENERIC_ATTR, STATUS_ATTR, YEARS_ATTR
from pipeline.extract.context import ExtractionContext
from pipeline.models import StrategyRow
from pipeline.normalise.strategies import clean_strategy_name, strategy_id, strategy_key
from pipeline.normalise.years import YearRange

SPAN_KEY = "strategy"


@dataclass
class _Strategy:
    key: str
    years: YearRange | None
    mentions: list[Span] = field(default_factory=list)


def extract_strategies(context: ExtractionContext) -> None:
    """One row per distinct strategy, located at its first mention; one mention row per span."""
    strategies = _group(list(context.doc.spans.get(SPAN_KEY, [])))
    for strategy in strategies:
        first = min(strategy.mentions, key=lambda span: span.start)
        name = clean_strategy_name(first.text)
        identifier = strategy_id(name, strategy.years)
        iso3, source = country_of(context, first)
        start, end = context.original_offsets(first)
        years = strategy.years or YearRange(None, None)
        context.add(
            StrategyRow(
                doc_id=context.doc_id,
                strategy_id=identifier,
                name=name,
                kind=first.label_,
                start_year=years.start,
                end_year=years.end,
                open_ended=years.open_ended,
                country_iso3=iso3,
                country_source=source,
                status=_status(strategy.mentions),
                start_char=start,
                end_char=end,
                sentence=context.sentence_of(first),
            )
        )
        for span in strategy.mentions:
            context.add_mention("strategy", span, span.id_ or "rule", identifier)


def _group(spans: list[Span]) -> list[_Strategy]:
    """Same key and same years: one strategy. Undated mentions join the single dated one of their name."""
    by_identity: dict[tuple[str, YearRange | None], _Strategy] = {}
    for span in sorted(spans, key=lambda s: s.start):
        years = span._.get(YEARS_ATTR)
        key = strategy_key(span.text)
        strategy = by_identity.setdefault((key, years), _Strategy(key, years))
        strategy.mentions.append(span)
    for (key, years), undated in list(by_identity.items()):
        if years is not None:
            continue
        dated = [s for (k, y), s in by_identity.items() if k == key and y is not None]
        if len(dated) == 1:
            dated[0].mentions.extend(undated.mentions)
            del by_identity[(key, years)]
    for (key, years), generic in list(by_identity.items()):
        if years is None or not all(span._.get(GENERIC_ATTR) for span in generic.mentions):
            continue
        named = [
            s for (k, y), s in by_identity.items()
            if y == years and k != key and not all(span._.get(GENERIC_ATTR) for span in s.mentions)
        ]
        if len(named) == 1:  # "the action plan (2019-2022)" points back at the named plan of those years
            named[0].mentions.extend(generic.mentions)
            del by_identity[(key, years)]
    return sorted(by_identity.values(), key=lambda s: min(span.start for span in s.mentions))


def _status(mentions: list[Span]) -> str | None:
    for span in sorted(mentions, key=lambda s: s.start):
        status = span._.get(STATUS_ATTR)
        if status:
            return status
    return None


def country_of(context: ExtractionContext, span: Span) -> tuple[str | None, str | None]:
    """The strategy's country and how it was decided: "name", "speaker" or "context".

    A country named inside the name wins; a name that carries an organisation instead
    ("EU Strategy ...", "Prague Process Action Plan") is that organisation's, with no
    country. Otherwise the speaker's country, else the country the text is about there:
    the nearest country in the sentence, the nearest one in the paragraph (a subject or
    possessor first; not a place where something happened), or the country that
    dominates the report up to that point.
    """
    doc = context.doc
    countries = sorted(doc.spans.get("country", []), key=lambda c: c.start)
    inside = [c for c in countries if span.start <= c.start and c.end <= span.end]
    if inside:
        return inside[0].kb_id_, "name"
    if any(span.start <= o.start and o.end <= span.end for o in doc.spans.get("organisation", [])):
        return None, None
    turn = context.layout.turn_at(context.original_offsets(span)[0])
    if turn is not None and turn.country_iso3:
        return turn.country_iso3, "speaker"
    sentence = span.sent
    before = [c for c in countries if sentence.start <= c.start and c.end <= span.start]
    after = [c for c in countries if span.end <= c.start and c.end <= sentence.end and not _locative(c)]
    if before:
        return before[-1].kb_id_, "context"
    if after:
        return after[0].kb_id_, "context"
    block = _block_of(context, span)
    if block is not None:
        in_block = [c for c in countries if block.start <= c.start and c.end <= block.end and not _locative(c)]
        for preferred in ([c for c in in_block if _salient(c)], in_block):
            if preferred:
                return min(preferred, key=lambda c: abs(c.start - span.start)).kb_id_, "context"
    dominant = _dominant_country([c for c in countries if c.end <= span.start])
    if dominant is not None:
        return dominant, "context"
    return None, None


def _root(country: Span):
    """The token a country mention hangs from, past appositions and compounds ("Banjul, the Gambia")."""
    token = country.root
    while token.dep_ in ("appos", "compound", "conj") and token.head is not token:
        token = token.head
    return token


def _locative(country: Span) -> bool:
    """ "... adopted in Banjul, the Gambia": a place where something happened, not whose it is."""
    token = _root(country)
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at")


def _salient(country: Span) -> bool:
    """A country the paragraph is about: a subject, a possessor, or inside the subject ("the Government of X")."""
    token = country.root
    for _ in range(4):
        if token.dep_ in ("nsubj", "nsubjpass", "poss"):
            return True
        if token.head is token:
            return False
        token = token.head
    return False


def _dominant_country(mentions: list[Span]) -> str | None:
    """The country named most so far, at least twice and more often than any other."""
    counts: dict[str, int] = {}
    for mention in mentions:
        counts[mention.kb_id_] = counts.get(mention.kb_id_, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _block_of(context: ExtractionContext, span: Span) -> Span | None:
    for block in context.doc.spans.get("block", []):
        if block.start <= span.start < block.end:
            return block
    return None
