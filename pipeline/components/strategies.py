"""Strategies, policies, action plans, programmes and laws, each with the year range attached to it.

spaCy's LAW label misses nearly all of them, so names are found from their head
words ("Strategy", "Policy", "Action Plan", "Programme", "Law"). Matcher patterns
(rules/strategies/patterns.yaml) find a head with its capitalised modifiers and
every year range; the finder grows each core into the whole name, splits lists of
names, and attaches the range the text gives each name. Following the annotation
guidelines, a lowercase descriptive mention ("strategy on diaspora engagement
(2020-2030)") counts only with a range attached, and a bare generic name ("the
Strategy", "National Action Plan") only with one too. The parts, one job each, are
in `pipeline.components.strategy_finder`.

Each span of `doc.spans["strategy"]` is one mention of a name, the range left
out: `label_` is the kind, `id_` the rule that found it, `span._.strategy_years`
the `YearRange` (or None), `span._.strategy_status` the status the text gives and
`span._.strategy_generic` whether the name has only generic words ("the action
plan (2019-2022)", which may point back at a named plan of the same years) and
`span._.strategy_alias_of` the span of the name this one is another name of
("..., commonly referred to as the “Special Act”").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.strategy_finder.aliases import (
    link_aliases,
    link_bracketed_aliases,
)
from pipeline.components.strategy_finder.candidate import Candidate, without_overlaps
from pipeline.components.strategy_finder.descriptive import (
    descriptive_bounds,
    descriptive_end,
    modifies_noun,
)
from pipeline.components.strategy_finder.names import head_first_name, heading_name, name_limit, title_name
from pipeline.components.strategy_finder.patterns import KNOWN_NAME, compile_matchers
from pipeline.components.strategy_finder.quoted import quoted_before_head, quoted_titles
from pipeline.components.strategy_finder.ranges import RangeAttacher, YearRanges, end_before_range
from pipeline.components.strategy_finder.selection import Selection
from pipeline.components.strategy_finder.status import StatusReader
from pipeline.components.strategy_finder.title_years import (
    titled_year_before,
    year_first_title,
)
from pipeline.components.strategy_finder.tokens import NamedTokens, longest_first
from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.rules import load_rules

SPAN_KEY = "strategy"
YEARS_ATTR = "strategy_years"
STATUS_ATTR = "strategy_status"
GENERIC_ATTR = "strategy_generic"
ALIAS_ATTR = "strategy_alias_of"
DESCRIPTIVE_RULE = "descriptive_name"  # the rule (span id) of lowercase, descriptive mentions

for _attr in (YEARS_ATTR, STATUS_ATTR, GENERIC_ATTR, ALIAS_ATTR):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)

__all__ = [
    "ALIAS_ATTR", "DESCRIPTIVE_RULE", "GENERIC_ATTR", "SPAN_KEY", "STATUS_ATTR", "YEARS_ATTR", "StrategyFinder", "Vocabulary",
]


@Language.factory(
    "strategy_finder",
    default_config={
        "span_key": SPAN_KEY,
        "patterns": "strategies/patterns.yaml",
        "vocabulary": "strategies/vocabulary.yaml",
        "status_cues": "strategies/status.yaml",
        "not_strategies": "strategies/not_strategies.yaml",
        "known_names": "strategies/known_names.yaml",
    },
)
def make_strategy_finder(
    nlp: Language,
    name: str,
    span_key: str,
    patterns: str,
    vocabulary: str,
    status_cues: str,
    not_strategies: str,
    known_names: str,
) -> StrategyFinder:
    return StrategyFinder(
        nlp,
        load_rules(patterns),
        Vocabulary.from_rules(load_rules(vocabulary)),
        load_rules(status_cues),
        load_rules(not_strategies),
        load_rules(known_names),
        span_key,
    )


class StrategyFinder:
    """Finds strategy names with their year ranges into `doc.spans[span_key]`."""

    def __init__(
        self,
        nlp: Language,
        patterns: dict,
        vocabulary: Vocabulary,
        status_cues: dict,
        not_strategies: dict,
        known_names: dict,
        span_key: str,
    ) -> None:
        self.span_key = span_key
        self.vocab = vocabulary
        self.matchers = compile_matchers(nlp, patterns, vocabulary, status_cues, known_names)
        self.selection = Selection(vocabulary, not_strategies)

    def __call__(self, doc: Doc) -> Doc:
        named = NamedTokens.of(doc)
        ranges = YearRanges(doc, self.matchers, self.vocab)
        attacher = RangeAttacher(doc, self.vocab, ranges, named.places)
        cores: dict[str, list[tuple[int, int]]] = {}
        for match_id, start, end in self.matchers.name_core_matches(doc):
            cores.setdefault(doc.vocab.strings[match_id], []).append((start, end))
        candidates = self._title_candidates(doc, cores.get("title", []), ranges, attacher, named)
        candidates += self._head_first_candidates(doc, cores.get("head_first", []), ranges, attacher)
        candidates += self._titled_year_candidates(doc, cores.get("titled_year", []), named)
        candidates += self._quoted_candidates(doc, attacher)
        candidates += self._quoted_before_head_candidates(doc, attacher)
        candidates += self._known_candidates(doc, cores.get(KNOWN_NAME, []), attacher)
        candidates += self._descriptive_candidates(doc, cores.get("lowercase", []), attacher, candidates)
        accepted = [c for c in without_overlaps(candidates) if self.selection.keep(doc, c, named)]
        link_aliases(doc, self.matchers.aliases, self.matchers.alias_length, accepted, self.vocab)
        link_bracketed_aliases(doc, accepted)
        status = StatusReader(doc, self.matchers, accepted)
        spans: dict[int, Span] = {}
        for candidate in sorted(accepted, key=lambda c: c.start):
            span = Span(doc, candidate.start, candidate.end, span_id=candidate.rule,
                        label=candidate.kind or self.vocab.kind_of(doc[candidate.start:candidate.end]))
            span._.set(YEARS_ATTR, candidate.years)
            span._.set(STATUS_ATTR, status.status_of(candidate))
            span._.set(GENERIC_ATTR, self.selection.generic(span, named))
            spans[id(candidate)] = span
        for candidate in accepted:
            if candidate.alias_of is not None:
                spans[id(candidate)]._.set(ALIAS_ATTR, spans[id(candidate.alias_of)])
        doc.spans[self.span_key] = list(spans.values())
        return doc

    def _title_candidates(
        self, doc: Doc, cores: list[tuple[int, int]], ranges: YearRanges, attacher: RangeAttacher, named: NamedTokens
    ) -> list[Candidate]:
        """Capitalised names on a head word (or opened by one: "Lex Ukraine"), each with its range."""
        candidates = []
        for core_start, core_end in longest_first(cores):
            bounds = title_name(doc, core_start, core_end, self.vocab, named)
            if bounds is None:
                bounds = heading_name(doc, core_start, core_end, self.vocab, ranges.starting)
            if bounds is None:
                continue
            bounds = bounds[0], end_before_range(doc, *bounds, self.vocab, ranges.covers)
            candidate = Candidate(*bounds, "title_name")
            limit = name_limit(doc, candidate.start, self.vocab)  # the name's own sentence, not a subtitle's title
            year_first = year_first_title(doc, candidate.start, self.vocab, ranges.covers)
            if year_first is not None and not year_first.owned and self.selection.generic(doc[slice(*bounds)], named):
                year_first = None  # "the 2016 Strategy" points back at a named one, dated by its adoption
            if year_first is not None:  # "the 2050 Strategy for the Blue Pacific Continent"
                candidate.start = year_first.start
            attacher.attach(candidate, limit, title=True)
            if year_first is not None and candidate.years is None and self.vocab.kind_of(
                    doc[candidate.start:candidate.end]) != "law":  # a law's year is its enactment, no period
                candidate.years = year_first.years
            candidates.append(candidate)
        return candidates

    def _head_first_candidates(
        self, doc: Doc, cores: list[tuple[int, int]], ranges: YearRanges, attacher: RangeAttacher
    ) -> list[Candidate]:
        """Names of other languages opened by their head ("Plan Nacional de ...", "Ley de Migración"), each with the
        range attached as to an English name ("Política Nacional de Migración 2019-2023")."""
        candidates = []
        for core_start, core_end in longest_first(cores):
            found = head_first_name(doc, core_start, core_end, self.vocab)
            if found is None:
                continue
            start, end, kind = found
            end = end_before_range(doc, start, end, self.vocab, ranges.covers)
            candidate = Candidate(start, end, "title_name", kind=kind)
            attacher.attach(candidate, name_limit(doc, start, self.vocab), title=True)
            candidates.append(candidate)
        return candidates

    def _titled_year_candidates(self, doc: Doc, cores: list[tuple[int, int]], named: NamedTokens) -> list[Candidate]:
        """A capitalised title with its year before a lowercase head: "the We the UAE 2031 vision"."""
        candidates = []
        for core_start, core_end in longest_first(cores):
            found = titled_year_before(doc, core_start, core_end, self.vocab, named.owners)
            if found is None:
                continue
            start, end, year = found
            kind = self.vocab.kind_of([doc[core_end - 1]])
            candidates.append(Candidate(start, end, "titled_year", years=year, kind=kind))
        return candidates

    def _known_candidates(self, doc: Doc, cores: list[tuple[int, int]], attacher: RangeAttacher) -> list[Candidate]:
        """Names of the gazetteer that carry no head word ("Employment Permit System"), with their kind."""
        candidates = []
        for start, end in longest_first(cores):
            kind = self.matchers.known_kinds[" ".join(token.lower_ for token in doc[start:end])]
            candidate = Candidate(start, end, KNOWN_NAME, kind=kind)
            attacher.attach(candidate, doc[start].sent.end, title=False)
            candidates.append(candidate)
        return candidates

    def _quoted_candidates(self, doc: Doc, attacher: RangeAttacher) -> list[Candidate]:
        """A quoted title built on a head word: “State migration program of Azerbaijan Republic for 2006-2008”."""
        candidates = []
        for start, end, chain_end in quoted_titles(doc, self.vocab):
            candidate = Candidate(start, end, "quoted_title")
            attacher.attach_inside_quotes(candidate, chain_end)
            candidates.append(candidate)
        return candidates

    def _quoted_before_head_candidates(self, doc: Doc, attacher: RangeAttacher) -> list[Candidate]:
        """A quoted title before a lowercase head ("the “Mexico Embraces You” programme"): the title is the name."""
        candidates = []
        for start, end, head in quoted_before_head(doc, self.vocab):
            probe = Candidate(start, head + 1, "quoted_name")  # the range follows the head: "... programme (2020-2023)"
            attacher.attach(probe, doc[start].sent.end, title=False)
            candidate = Candidate(start, end, "quoted_name", kind=self.vocab.kind_of([doc[head]]))
            if probe.end == head + 1:
                candidate.years = probe.years
                candidate.range_start, candidate.range_end = probe.range_start, probe.range_end
            candidates.append(candidate)
        return candidates

    def _descriptive_candidates(
        self, doc: Doc, cores: list[tuple[int, int]], attacher: RangeAttacher, named: list[Candidate]
    ) -> list[Candidate]:
        """A lowercase head with a range attached after its complement or before it; nothing else."""
        covered = {i for c in named for i in range(c.start, c.end)}
        candidates = []
        for head, head_end in cores:
            if head in covered or modifies_noun(doc[head], self.vocab):
                continue
            limit = doc[head].sent.end
            candidate = Candidate(*descriptive_bounds(doc, head, head_end, self.vocab), DESCRIPTIVE_RULE)
            attacher.attach(candidate, limit, title=False)
            if candidate.years is None:
                continue
            if candidate.range_end == candidate.start:  # year first: "the 2021-2023 action plan to combat ..."
                candidate.end = descriptive_end(doc, candidate.end, limit, self.vocab)
            candidates.append(candidate)
        return candidates
