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
from pipeline.extract.strategy_countries import DECISIVE_SOURCES, Decision, StrategyCountries
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
    countries = StrategyCountries(context)
    strategies = _group(list(context.doc.spans.get(SPAN_KEY, [])), countries.country_of)
    for strategy in strategies:
        first = min(strategy.mentions, key=lambda span: span.start)
        name = clean_strategy_name(first.text)
        identifier = strategy_id(name, strategy.years)
        iso3, source = countries.country_of(strategy.mentions)
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
    dated_by_key: dict[str, list[_Strategy]] = {}
    for (key, years), strategy in by_identity.items():
        if years is not None and not _descriptive(strategy):
            dated_by_key.setdefault(key, []).append(strategy)
    for (key, years), undated in list(by_identity.items()):
        if years is not None:
            continue
        dated = dated_by_key.get(key, [])
        if len(dated) == 1:
            dated[0].mentions.extend(undated.mentions)
            del by_identity[(key, years)]
    named_by_years: dict[YearRange, list[_Strategy]] = {}
    for (key, years), strategy in by_identity.items():
        if years is not None and not _generic(strategy):
            named_by_years.setdefault(years, []).append(strategy)
    for (key, years), generic in list(by_identity.items()):
        if years is None or not _generic(generic):
            continue
        named = [s for s in named_by_years.get(years, []) if s.key != key]
        if len(named) == 1:  # "the action plan (2019-2022)" points back at the named plan of those years
            named[0].mentions.extend(generic.mentions)
            del by_identity[(key, years)]
    for (key, years), undated in list(by_identity.items()):
        if years is not None or _generic(undated):
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
    holding = {(m.start, m.end): identity for identity, strategy in by_identity.items() for m in strategy.mentions}
    for identity in list(by_identity):
        alias = by_identity[identity]
        named = [span._.get(ALIAS_ATTR) for span in alias.mentions if span._.get(ALIAS_ATTR) is not None]
        targets = {holding.get((span.start, span.end)) for span in named}
        targets.discard(None)
        targets.discard(identity)
        if len(targets) == 1:
            target = targets.pop()
            by_identity[target].mentions.extend(alias.mentions)
            holding.update({(m.start, m.end): target for m in alias.mentions})
            del by_identity[identity]


def _status(mentions: list[Span]) -> str | None:
    for span in sorted(mentions, key=lambda s: s.start):
        status = span._.get(STATUS_ATTR)
        if status:
            return status
    return None


def _generic(strategy: _Strategy) -> bool:
    """Only generic names ("the action plan (2019-2022)"), which may point back at a named one."""
    return all(span._.get(GENERIC_ATTR) for span in strategy.mentions)


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
