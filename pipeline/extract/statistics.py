"""Statistics rows and mentions from the `statistic` spans, each figure with its context.

A figure's row says what the sentence says about it: the `year` it refers to ("23,275 in
2019", "In 2019, more than 970,000", "the 2020 funding target of USD 30 million"; read from the
clauses of the sentence, see `pipeline.extract.statistic_years`), what it
`measure`s (from the parse: "Albanian citizens claiming asylum in EU states"), the country it is
about, and, for a stated change ("down 70%", "an increase of 12 per cent"), its `direction`,
the figures it compares (`change_of`) and a `check` when those figures disagree with it beyond
rounding (see `pipeline.normalise.numbers.stated_change_disagreement`). Money in a currency
word several currencies share ("5,000 dirhams") takes the currency of the country the report is
about (`ExtractionContext.report_country`), else the rule file's reading of the word, else no row
(see `pipeline.normalise.currencies`).

Everything a row reads of the whole document (its text, every figure's tokens, which token
stands in which country, the figures of each sentence) is indexed once per report: a long
report has thousands of figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from pipeline.components.statistic_tables import cell_of, label_offsets
from pipeline.extract.context import ExtractionContext
from pipeline.extract.statistic_years import YearRules, assign_years
from pipeline.models import StatisticRow
from pipeline.normalise.calendar import month_numbers
from pipeline.normalise.currencies import country_currencies, shared_currency
from pipeline.normalise.numbers import (
    number_vocabulary,
    quantity_grammar,
    stated_change_disagreement,
)
from pipeline.normalise.phrases import alternatives, folded_list, folded_words
from pipeline.rules import load_rules

CONTEXT_RULES = "statistics/context.yaml"
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NOUNS = {"NOUN", "PROPN"}
_LEFT_MODIFIERS = {"amod", "compound", "nmod", "advmod", "punct", "poss", "case"}


@dataclass(frozen=True)
class ContextRules:
    """Words that tie a figure to its year, a stated change and what it measures."""

    years: YearRules
    change_words: dict[str, str]  # word -> "up" / "down"
    comparative_change_words: frozenset[str]  # after a percent they compare ("12% more women")
    change_links: frozenset[str]
    change_base_words: tuple[str, ...]
    measure_containers: frozenset[str]
    generic_nouns: frozenset[str]
    money_noun: str
    max_measure_tokens: int

    @classmethod
    def from_rules(cls, data: dict, months: frozenset[str], ordinal_suffixes: tuple[str, ...]) -> ContextRules:
        change_words = {str(word).casefold(): direction for direction, words in data["change_words"].items() for word in words}
        conjunctions = alternatives(folded_list(data, "clause_break_conjunctions"))
        determiners = alternatives(folded_list(data, "clause_break_determiners"))
        return cls(
            years=YearRules(
                year_prepositions=folded_list(data, "year_prepositions"),
                period_edge_words=folded_words(data, "period_edge_words"),
                period_opening_words=folded_words(data, "period_opening_words"),
                open_period_followers=folded_list(data, "open_period_followers"),
                anaphoric_years={str(k).casefold(): str(v) for k, v in data["anaphoric_years"].items()},
                own_time_words=folded_words(data, "own_time_words"),
                relative_years=folded_list(data, "relative_years"),
                months=months,
                year_part_prefixes=folded_list(data, "year_part_prefixes"),
                date_parts=folded_words(data, "date_parts") | {suffix.casefold() for suffix in ordinal_suffixes},
                clause_break=re.compile(rf";|,\s+(?:{conjunctions})\s+(?:{determiners})\b"),
                naming_year_links=folded_words(data, "naming_year_links"),
                date_range_joiners=folded_words(data, "date_range_joiners"),
                restating_words=folded_words(data, "restating_words"),
                parallel_clause_marks=folded_words(data, "parallel_clause_marks"),
                annual_title_words=folded_list(data, "annual_title_words"),
                comparison_base_words=folded_list(data, "change_base_words"),
                year_period_nouns=folded_list(data, "year_period_nouns"),
                year_noun_determiners=folded_words(data, "year_noun_determiners"),
                table_year_headers=folded_words(data, "table_year_headers"),
            ),
            change_words=change_words,
            comparative_change_words=folded_words(data, "comparative_change_words"),
            change_links=folded_words(data, "change_links"),
            change_base_words=folded_list(data, "change_base_words"),
            measure_containers=folded_words(data, "measure_containers"),
            generic_nouns=folded_words(data, "generic_nouns"),
            money_noun=str(data["money_noun"]),
            max_measure_tokens=int(data["max_measure_tokens"]),
        )


@lru_cache(maxsize=None)
def context_rules(path: str = CONTEXT_RULES) -> ContextRules:
    return ContextRules.from_rules(load_rules(path), frozenset(month_numbers()), number_vocabulary().ordinal_suffixes)


@dataclass(frozen=True)
class _Document:
    """What every figure's row reads of the whole report, indexed once."""

    text: str
    figure_tokens: frozenset[int]  # the tokens of every figure
    country_at: dict[int, tuple[int, str]]  # token index -> (place of its country span in the group, ISO3)
    by_sentence: dict[int, list[Span]]  # sentence start -> its figures, in text order

    @classmethod
    def index(cls, text: str, doc: Doc, spans: list[Span]) -> _Document:
        country_at: dict[int, tuple[int, str]] = {}
        for order, country in enumerate(doc.spans.get("country", [])):
            for i in range(country.start, country.end):
                country_at.setdefault(i, (order, country.kb_id_))
        by_sentence: dict[int, list[Span]] = {}
        for span in spans:
            by_sentence.setdefault(span.sent.start, []).append(span)
        figure_tokens = frozenset(token.i for figure in doc.spans.get("statistic", []) for token in figure)
        return cls(text, figure_tokens, country_at, by_sentence)


@dataclass(frozen=True)
class _Change:
    direction: str
    compared: tuple[Span, ...]  # in text order
    check: str | None


def extract_statistics(context: ExtractionContext) -> None:
    """One row and one mention per statistic span whose unit is settled."""
    doc = context.doc
    spans = sorted(doc.spans.get("statistic", []), key=lambda span: span._.figure.start_char)
    if not spans:
        return
    units = _settled_units(spans, context)
    spans = [span for span in spans if units[span._.figure.start_char] is not None]
    rules = context_rules()
    document = _Document.index(context.text, doc, spans)
    ids = {span._.figure.start_char: f"stat-{index:03d}" for index, span in enumerate(spans, start=1)}
    stated_changes = {span._.figure.start_char for span in spans if _is_stated_change(doc, span, rules)}
    years = assign_years(doc, document.text, spans, rules.years, stated_changes)
    changes = find_changes(doc, document, spans, rules, years)
    range_ends = {span._.figure.range_id: span for span in spans if span._.figure.range_id}  # last member wins
    by_start = {span._.figure.start_char: span for span in spans}
    for span in spans:
        figure = span._.figure
        quantity = figure.quantity
        change = changes.get(figure.start_char)
        measured = change.compared[0] if change and change.compared else range_ends.get(figure.range_id, span)
        if figure.equivalent_of is not None:
            measured = by_start.get(figure.equivalent_of, measured)  # "150 million soms (about US$ 1.8 million)"
        measure, measure_tokens = table_measure(measured, document) or measure_of(measured, rules, document)
        start, end = context.prepared.to_original(figure.start_char, figure.end_char)
        unit = units[figure.start_char]
        context.add(
            StatisticRow(
                doc_id=context.doc_id,
                stat_id=ids[figure.start_char],
                value=quantity.value,
                unit=unit,
                year=years.get(figure.start_char),
                measure=measure,
                subject_iso3=subject_of(measured, measure_tokens, document),
                qualifier=quantity.qualifier,
                direction=change.direction if change else None,
                change_of="|".join(ids[s._.figure.start_char] for s in change.compared) if change else None,
                range_id=figure.range_id,
                text=document.text[figure.start_char : figure.end_char],
                start_char=start,
                end_char=end,
                sentence=context.sentence_of(span),
                check=change.check if change else None,
            )
        )
        normalized = replace(figure, quantity=replace(quantity, unit=unit)).normalized
        context.add_mention("statistic", span, span.id_ or figure.source, normalized)


def _settled_units(spans: list[Span], context: ExtractionContext) -> dict[int, str | None]:
    """Each figure's unit, by its start; a currency word several currencies share ("dirhams") is
    settled by the report's country, else by the rule file's reading, else stays open (None)."""
    report_currencies: frozenset[str] | None = None
    units: dict[int, str | None] = {}
    for span in spans:
        quantity = span._.figure.quantity
        if quantity.currency_options:
            if report_currencies is None:
                country = context.report_country
                report_currencies = country_currencies(country) if country else frozenset()
            units[span._.figure.start_char] = shared_currency(quantity.unit, quantity.currency_options, report_currencies)
        else:
            units[span._.figure.start_char] = quantity.unit
    return units


# --- stated changes ----------------------------------------------------------------------------


def _is_stated_change(doc: Doc, span: Span, rules: ContextRules) -> bool:
    quantity = span._.figure.quantity
    return quantity.unit == "percent" and quantity.form != "fraction" and _change_direction(doc, span, rules) is not None


def find_changes(
    doc: Doc, document: _Document, spans: list[Span], rules: ContextRules, years: dict[int, int]
) -> dict[int, _Change]:
    """Percent figures stated as a change ("down 70%"), with the figures they compare and a check."""
    changes: dict[int, _Change] = {}
    for span in spans:
        figure = span._.figure
        if figure.quantity.unit != "percent" or figure.quantity.form == "fraction":
            continue
        direction = _change_direction(doc, span, rules)
        if direction is None:
            continue
        points = figure.quantity.percentage_points
        compared = _compared_figures(span, document.by_sentence[span.sent.start], points)
        check = None
        if len(compared) == 2:
            base, new = _base_and_new(compared, document.text, rules, years)
            check = stated_change_disagreement(
                base._.figure.quantity.value,
                new._.figure.quantity.value,
                figure.quantity.value,
                direction,
                figure.quantity.decimals,
                points,
            )
        changes[figure.start_char] = _Change(direction, tuple(compared), check)
    return changes


def _change_direction(doc: Doc, span: Span, rules: ContextRules) -> str | None:
    figure = span._.figure
    first = doc.char_span(figure.match_start, figure.end_char, alignment_mode="expand")
    if first is None:
        return None
    before = [t.lower_ for t in doc[max(first.sent.start, first.start - 3) : first.start]][::-1]
    if before:
        if before[0] in rules.change_words:
            return rules.change_words[before[0]]
        if before[0] in rules.change_links:
            for word in before[1:]:
                if word in rules.change_words:
                    return rules.change_words[word]
                if word not in rules.change_links:
                    break
            link = doc[first.start - 1]
            governor = link.head  # "fell from 23,275 in 2019 by 50%": "by" hangs on "fell"
            for word in (governor.lower_, governor.lemma_.casefold()):
                if link.dep_ in {"prep", "agent"} and word in rules.change_words:
                    return rules.change_words[word]
    after = doc[span.end] if span.end < first.sent.end else None
    if after is not None and after.lower_ in rules.change_words and after.lower_ not in rules.comparative_change_words:
        return rules.change_words[after.lower_]
    return None


def _compared_figures(change: Span, sentence_figures: list[Span], points: bool) -> list[Span]:
    """The nearest figures of one unit before and after the change in its sentence."""
    wanted = (lambda s: s._.figure.quantity.unit == "percent") if points else (
        lambda s: s._.figure.quantity.unit != "percent"
    )
    same_sentence = [s for s in sentence_figures if s is not change and wanted(s)]
    start = change._.figure.start_char
    before = [s for s in same_sentence if s._.figure.start_char < start]
    after = [s for s in same_sentence if s._.figure.start_char > start]
    previous = before[-1] if before else None
    following = after[0] if after else None
    if previous is not None and following is not None:
        if previous._.figure.quantity.unit == following._.figure.quantity.unit:
            return [previous, following]
        return [previous]
    return [s for s in (previous, following) if s is not None]


def _base_and_new(compared: list[Span], text: str, rules: ContextRules, years: dict[int, int]) -> tuple[Span, Span]:
    first, second = compared
    for candidate, other in ((first, second), (second, first)):
        lead = text[max(0, candidate._.figure.match_start - 16) : candidate._.figure.match_start].casefold()
        if any(re.search(rf"\b{re.escape(word)}\s*$", lead) for word in rules.change_base_words):
            return candidate, other
    y1, y2 = years.get(first._.figure.start_char), years.get(second._.figure.start_char)
    if y1 is not None and y2 is not None and y1 > y2:
        return second, first
    return first, second


# --- what a figure measures --------------------------------------------------------------------


def table_measure(span: Span, document: _Document) -> tuple[str, list[Token]] | None:
    """A figure in a table cell measures what its row label says ("Personal remittances received,
    Uzbekistan (USD billion)" | 8.1), or, when the row label only names a country ("Fiji"), what
    its column header says ("Disaster displacements 2023"); the row label also gives the country."""
    doc = span.doc
    prepared = getattr(doc._, "prepared", None)
    cell = cell_of(prepared, span._.figure.start_char)
    if cell is None:
        return None
    labels = []
    column, row = prepared.table_header(cell.table_cell)
    for header in (row, column):
        offsets = label_offsets(header, quantity_grammar()) if header is not None else None
        tokens = doc.char_span(*offsets, alignment_mode="expand") if offsets is not None else None
        if tokens is not None and not (tokens.start < span.end and span.start < tokens.end):
            labels.append(tokens)
    for label in labels:
        if not _names_only(label, document.country_at):
            extra = [t for other in labels if other is not label for t in other]
            return label.text, list(label) + extra
    return None


def _names_only(label: Span, country_at: dict[int, tuple[int, str]]) -> bool:
    """Does a label only name countries or years ("Fiji", "2023", "Democratic Republic of the Congo")?"""
    for token in label:
        if token.is_punct or token.is_stop or token.shape_ == "dddd":
            continue
        if token.i not in country_at:
            return False
    return True


def measure_of(span: Span, rules: ContextRules, document: _Document) -> tuple[str | None, list[Token]]:
    """What the figure counts, as a phrase from the parse, and the tokens of that phrase."""
    doc = span.doc
    figure_tokens = _figure_tokens(span)
    root = span.root
    noun = None
    if span._.figure.quantity.unit == "percent":
        noun = _of_object(root)  # "45% of victims", "a quarter of the labour force"
    if noun is None:
        noun = _counted_noun(span)
    if noun is None or noun.lemma_.casefold() in rules.generic_nouns:
        container = _container_object(span, rules)
        if container is not None and container.i not in figure_tokens:
            noun = container
    if noun is None and span._.figure.quantity.unit == "count":
        following = _noun_after(span)
        if following:
            noun = following[-1]
            tokens = following + [t for t in _phrase(noun, figure_tokens, rules, document) if t.i > noun.i]
            return _text(tokens), tokens
    if noun is not None:
        tokens = _phrase(noun, figure_tokens, rules, document)
        tokens = _with_predicate(noun, tokens, figure_tokens, document)
        return _text(tokens), tokens
    if span._.figure.quantity.unit in {"count", "percent"}:
        subject = _clause_subject(root)
        if subject is None:
            return None, []
        tokens = _phrase(subject, figure_tokens, rules, document)
        return _text(tokens), tokens
    return _money_measure(doc, root, figure_tokens, rules)


def _clause_subject(token: Token) -> Token | None:
    """"Arrivals fell from 23,275 ...": a figure with no noun of its own measures its clause's subject."""
    for _ in range(4):
        if token.dep_ in _SUBJECT_DEPS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS and c.pos_ == "NOUN"]
            return subjects[0] if subjects else None
    return None


def _figure_tokens(span: Span) -> set[int]:
    figure = span._.figure
    whole = span.doc.char_span(figure.match_start, figure.end_char, alignment_mode="expand")
    return set(range(whole.start, whole.end)) if whole is not None else set(range(span.start, span.end))


def _counted_noun(span: Span) -> Token | None:
    root = span.root
    head = root.head
    if head.i == root.i or head.i in range(span.start, span.end):
        return None
    if root.dep_ in {"nummod", "quantmod", "amod", "compound", "nmod", "npadvmod"} and head.pos_ in _NOUNS:
        return head
    if root.dep_ == "appos" and head.pos_ == "NOUN":
        return head
    return None


def _noun_after(span: Span) -> list[Token]:
    """When the parse does not attach the figure, the words up to the first noun after it
    ("25-30,000 Eritrean, Somali and Ethiopian citizens")."""
    words: list[Token] = []
    for token in span.doc[span.end : span.end + 8]:
        if token.pos_ == "NOUN":
            return words + [token]
        if token.pos_ in {"ADJ", "PROPN", "CCONJ"} or token.text == ",":
            words.append(token)
            continue
        break
    return []


def _of_object(token: Token) -> Token | None:
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _container_object(span: Span, rules: ContextRules) -> Token | None:
    """"the number of Albanian citizens claiming asylum ... from 23,275": the X of "number of X"."""
    token = span.root
    for _ in range(6):
        if token.head.i == token.i:
            break
        token = token.head
        if token.lemma_.casefold() in rules.measure_containers:
            found = _of_object(token)
            if found is not None:
                return found
    containers = [
        t for t in span.sent if t.i < span.start and t.lemma_.casefold() in rules.measure_containers and _of_object(t)
    ]
    return _of_object(containers[-1]) if containers else None


def _phrase(noun: Token, figure_tokens: set[int], rules: ContextRules, document: _Document) -> list[Token]:
    """The noun with the modifiers right before it and its phrase after it, stopping at another
    figure, a punctuation mark or a relative clause ("UN agencies which aims ..." is "UN agencies")."""
    doc = noun.doc
    every_figure = document.figure_tokens
    left: list[Token] = []
    included = {noun.i}
    for token in reversed(doc[noun.left_edge.i : noun.i]):
        if token.i in figure_tokens or token.i in every_figure:
            break
        if token.dep_ not in _LEFT_MODIFIERS or token.head.i not in included:
            break
        left.insert(0, token)
        included.add(token.i)
    right: list[Token] = []
    for token in doc[noun.i + 1 : noun.right_edge.i + 1]:
        if token.i in figure_tokens:
            continue
        if token.i in every_figure or _opens_figure_phrase(token, every_figure):
            break
        if (token.is_punct and token.text not in {"-", "‐", "'", "’"}) or token.dep_ == "relcl":
            break
        right.append(token)
    tokens = (left + [noun] + right)[: rules.max_measure_tokens]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in {"ADP", "PUNCT", "CCONJ", "DET", "PART", "SCONJ", "PRON"}:
        tokens = tokens[:-1]
    return tokens


def _opens_figure_phrase(token: Token, figure_tokens: frozenset[int]) -> bool:
    """A preposition or conjunction whose phrase holds another figure ("from 23,275 in 2019")."""
    if token.dep_ not in {"prep", "cc", "punct", "advmod"}:
        return False
    return any(t.i in figure_tokens for t in token.subtree)


def _with_predicate(noun: Token, tokens: list[Token], figure_tokens: set[int], document: _Document) -> list[Token]:
    """"100 million women send remittances": a counted subject keeps its verb and object."""
    verb = noun.head
    if noun.dep_ not in _SUBJECT_DEPS or verb.pos_ != "VERB" or not tokens or verb.i < tokens[-1].i:
        return tokens
    extra = [verb]
    objects = [c for c in verb.rights if c.dep_ in {"dobj", "attr", "acomp"}]
    every_figure = document.figure_tokens | figure_tokens
    if objects:
        extra += [t for t in _subtree_tokens(objects[0]) if t.i not in every_figure][:4]
    else:
        extra += [c for c in verb.rights if c.dep_ in {"advmod", "prt"}][:1]
    return tokens + extra


def _subtree_tokens(token: Token) -> list[Token]:
    return list(token.doc[token.left_edge.i : token.right_edge.i + 1])


def _money_measure(doc: Doc, root: Token, figure_tokens: set[int], rules: ContextRules) -> tuple[str | None, list[Token]]:
    """Money with no noun of its own: "USD 17.5 million has been committed by donors" is
    "funding committed by donors"; "a shortfall of $600 million" is "shortfall"."""
    if root.dep_ in _SUBJECT_DEPS and root.head.pos_ in {"VERB", "AUX"}:
        verb = root.head
        tokens = [verb]
        for child in verb.rights:
            if child.dep_ in {"agent", "dobj", "prep"}:
                tokens += [t for t in _subtree_tokens(child) if t.i not in figure_tokens][:4]
                break
        return f"{rules.money_noun} {_text(tokens)}", tokens
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in _NOUNS:
        owner = root.head.head
        tokens = [t for t in doc[owner.left_edge.i : owner.i + 1] if t.i not in figure_tokens]
        tokens = [t for t in tokens if t.pos_ not in {"DET", "NUM"} and t.dep_ != "poss"]
        return _text(tokens), tokens
    purpose = [c for c in root.rights if c.dep_ in {"acl", "relcl", "advcl", "prep"}]
    if purpose:
        tokens = [t for t in _subtree_tokens(purpose[0]) if t.i not in figure_tokens][: rules.max_measure_tokens]
        while tokens and tokens[-1].pos_ in {"ADP", "PUNCT", "CCONJ", "DET"}:
            tokens = tokens[:-1]
        return f"{rules.money_noun} {_text(tokens)}", tokens
    return rules.money_noun, []


def _text(tokens: list[Token]) -> str | None:
    if not tokens:
        return None
    parts: list[str] = []
    for index, token in enumerate(tokens):
        parts.append(token.text)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and following.i == token.i + 1:
            parts.append(token.whitespace_)
        elif following is not None:
            parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip() or None


# --- the country a figure is about --------------------------------------------------------------


def subject_of(span: Span, measure_tokens: list[Token], document: _Document) -> str | None:
    """ISO3 of the country the figure is about: named in what it measures ("Albanian citizens"),
    else the subject of its clause ("Ghana hosted over 466,000")."""
    country_at = document.country_at
    if not country_at:
        return None
    named = [country_at[t.i] for t in measure_tokens if t.i in country_at]
    if named:
        return min(named)[1]  # the country named first in the span group, as its spans are read
    token = span.root
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
            for subject in subjects:
                if subject.i in country_at:
                    return country_at[subject.i][1]
            break
        if token.head.i == token.i or token.dep_ in _SUBJECT_DEPS:
            break  # the figure is inside the subject itself
        token = token.head
    return None
