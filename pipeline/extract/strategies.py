"""Strategy rows and mentions from the `strategy` spans: one row per strategy per report.

The same name with the same years is one strategy, however often it is named;
a mention without years joins the one dated strategy of the same name ("the
Lebanon Crisis Response Plan 2017-2020" ... "The Lebanon Crisis Response Plan
brings ..."), and a generic one with years joins the one named strategy of those
years ("the National Strategy for Migration (2019-2022)" ... "the strategy
(2019-2022)"), and a name without years joins the one dated name nested with it
("workshop on National Migration Strategy development" ... "a new Migration
Strategy for 2016-2020") or the one longer name named before that holds its words
("the ECOWAS Regional Migration Policy (2024–2028)" ... "the draft Regional
Migration Policy"), unless the two belong to different countries ("the Kenya Diaspora
Policy" ... "Ethiopian participants presented the Diaspora Policy") or the dated one is a
descriptive mention, a document of its own ("a revised diaspora policy (2024–2029)"). A name the text gives as another name of one before it ("...,
commonly referred to as the “Special Act”") is that strategy. The country is decided
by `pipeline.extract.strategy_countries`; `country_source` says by which rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span

from pipeline.components.strategies import (
    ALIAS_ATTR,
    DESCRIPTIVE_RULE,
    GENERIC_ATTR,
    SPAN_KEY,
    STATUS_ATTR,
    YEARS_ATTR,
)
from pipeline.extract.context import ExtractionContext
from pipeline.extract.strategy_countries import DECISIVE_SOURCES, Decision, country_of
from pipeline.models import StrategyRow
from pipeline.normalise.strategies import clean_strategy_name, strategy_id, strategy_key
from pipeline.normalise.years import YearRange


@dataclass
class _Strategy:
    key: str
    years: YearRange | None
    mentions: list[Span] = field(default_factory=list)


def extract_strategies(context: ExtractionContext) -> None:
    """One row per distinct strategy, located at its first mention; one mention row per span."""
    strategies = _group(list(context.doc.spans.get(SPAN_KEY, [])), lambda mentions: country_of(context, mentions))
    for strategy in strategies:
        first = min(strategy.mentions, key=lambda span: span.start)
        name = clean_strategy_name(first.text)
        identifier = strategy_id(name, strategy.years)
        iso3, source = country_of(context, strategy.mentions)
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


def _group(spans: list[Span], country: Callable[[list[Span]], Decision]) -> list[_Strategy]:
    """Same key and same years: one strategy. Undated mentions join the single dated one of their name.

    `country` decides the country of a set of mentions: a name nested in another joins it only
    when the names or their owners do not give them different countries.
    """
    by_identity: dict[tuple[str, YearRange | None], _Strategy] = {}
    for span in sorted(spans, key=lambda s: s.start):
        years = span._.get(YEARS_ATTR)
        key = strategy_key(span.text)
        strategy = by_identity.setdefault((key, years), _Strategy(key, years))
        strategy.mentions.append(span)
    _merge_aliases(by_identity)
    for (key, years), undated in list(by_identity.items()):
        if years is not None:
            continue
        dated = [s for (k, y), s in by_identity.items() if k == key and y is not None and not _descriptive(s)]
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
    for (key, years), undated in list(by_identity.items()):
        if years is not None or all(span._.get(GENERIC_ATTR) for span in undated.mentions):
            continue
        first = _first(undated)
        fuller = [
            s for (k, y), s in by_identity.items()
            if k != key and _nested(k, key) and not _descriptive(s)
            and (y is not None or (len(k) > len(key) and _first(s) < first))
        ]
        if len(fuller) == 1 and _same_country(country(undated.mentions), country(fuller[0].mentions)):
            fuller[0].mentions.extend(undated.mentions)  # "the draft Regional Migration Policy" is the ECOWAS one
            del by_identity[(key, years)]
    return sorted(by_identity.values(), key=lambda s: min(span.start for span in s.mentions))


def _merge_aliases(by_identity: dict[tuple[str, YearRange | None], _Strategy]) -> None:
    """Another name of a strategy ("the “Special Act”"), with all its mentions, joins that strategy."""
    def holding(span: Span) -> tuple[str, YearRange | None] | None:
        for identity, strategy in by_identity.items():
            if any((m.start, m.end) == (span.start, span.end) for m in strategy.mentions):
                return identity
        return None

    for identity in list(by_identity):
        alias = by_identity.get(identity)
        targets = {holding(span._.get(ALIAS_ATTR)) for span in alias.mentions if span._.get(ALIAS_ATTR) is not None} \
            if alias else set()
        targets.discard(None)
        targets.discard(identity)
        if len(targets) == 1:
            by_identity[targets.pop()].mentions.extend(alias.mentions)
            del by_identity[identity]


def _status(mentions: list[Span]) -> str | None:
    for span in sorted(mentions, key=lambda s: s.start):
        status = span._.get(STATUS_ATTR)
        if status:
            return status
    return None


def _descriptive(strategy: _Strategy) -> bool:
    """A lowercase mention known only by its range ("a revised diaspora policy (2024–2029)")."""
    return all(span.id_ == DESCRIPTIVE_RULE for span in strategy.mentions)


def _same_country(one: Decision, other: Decision) -> bool:
    """Not two different countries given by the names or their owners (weaker evidence may differ)."""
    (one_country, one_source), (other_country, other_source) = one, other
    decisive = one_source in DECISIVE_SOURCES and other_source in DECISIVE_SOURCES
    return not decisive or one_country == other_country


def _first(strategy: _Strategy) -> int:
    return min(span.start for span in strategy.mentions)


def _nested(one: str, other: str) -> bool:
    """Does one name's key hold the other's as whole words, or the other way round?"""
    return f" {other} " in f" {one} " or f" {one} " in f" {other} "
