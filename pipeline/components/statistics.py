"""Statistic mentions: every figure that measures something, as a value with a unit.

The model's CARDINAL/MONEY/PERCENT entities give no values, tag Markdown headings as MONEY and
miss "a quarter" or "1M"; so quantities are found by one grammar (`pipeline.normalise.numbers`)
and then kept or dropped by what stands around them, as the annotation guidelines say: not
years, dates, clock times, durations ("six months", "two-day"), ordinals ("44th",
"Seventy-eighth"), enumerations ("1) to consider"), numbers inside names and identifiers
("COVID-19", "Chapter 24", "SURAC 10", or inside an organisation or strategy span), "one" as a
pronoun, or "the two" / "the three countries" pointing back at things already named. Adjacent
figures joined by "to" or a dash are a range ("six to eight", "25-30,000": the first takes the
second's magnitude), and a range stands or falls as one ("Articles 3-5"). A table cell's bare
number takes the unit and scale its headers state ("(USD billion)" | 8.1); a column headed "No."
numbers rows (see `pipeline.components.statistic_tables`).

Each span in `doc.spans["statistic"]` has the unit as label, "<value> <unit>" as `kb_id_`, the
rule that found it as `id_`, and its parsed `Figure` in `span._.figure`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import count

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.statistic_intervals import Intervals
from pipeline.components.statistic_tables import (
    cell_of,
    header_unit,
    in_identifier_column,
    with_header_unit,
)
from pipeline.normalise.calendar import month_numbers
from pipeline.normalise.currencies import country_currencies, currency_table
from pipeline.normalise.numbers import (
    NumberVocabulary,
    Quantity,
    QuantityGrammar,
    decimal_comma_convention,
    number_vocabulary,
)
from pipeline.normalise.phrases import alternatives, folded_words
from pipeline.normalise.years import YEAR_PATTERN
from pipeline.prepare import Prepared
from pipeline.rules import load_rules

SPAN_KEY = "statistic"

_FIGURE_KEY = "statistic_figure"


def _figure_of(span: Span) -> Figure | None:
    """A span's figure, keyed by its value too: the two ends of a range written as one token
    ("3–4 participants") share the token's offsets, which is all spaCy keys `span._` values by."""
    return span.doc.user_data.get((_FIGURE_KEY, span.start_char, span.end_char, span.kb_id_))


Span.set_extension("figure", getter=_figure_of, force=True)


@dataclass(frozen=True)
class Figure:
    """A figure found in the clean text: its parsed quantity and exact offsets."""

    quantity: Quantity
    start_char: int  # clean-text offsets of the figure as written, qualifier excluded
    end_char: int
    match_start: int  # where the figure's qualifier (if any) starts
    source: str  # which rule found it: "digits", "words", "fraction", "range"
    range_id: str | None = None
    equivalent_of: int | None = None  # start_char of the figure this one restates in brackets ("US$ 5.5 billion (€ 4.9 billion)")

    @property
    def normalized(self) -> str:
        value = self.quantity.value
        shown = str(int(value)) if float(value).is_integer() else f"{value:.6f}".rstrip("0")
        return f"{shown} {self.quantity.unit}"


@Language.factory(
    "statistic_finder",
    default_config={
        "span_key": SPAN_KEY,
        "number_rules": "statistics/numbers.yaml",
        "currency_rules": "statistics/currencies.yaml",
        "exclusion_rules": "statistics/exclusions.yaml",
        "context_rules": "statistics/context.yaml",
        "excluding_span_keys": ["organisation", "strategy"],
    },
)
def make_statistic_finder(
    nlp: Language,
    name: str,
    span_key: str,
    number_rules: str,
    currency_rules: str,
    exclusion_rules: str,
    context_rules: str,
    excluding_span_keys: list[str],
) -> StatisticFinder:
    context = load_rules(context_rules)
    return StatisticFinder(
        number_vocabulary(number_rules),
        currency_rules,
        load_rules(exclusion_rules),
        {str(word).casefold() for words in context["change_words"].values() for word in words},
        folded_words(context, "change_prepositions"),
        frozenset(word for word in folded_words(context, "year_prepositions") if " " not in word),
        span_key,
        tuple(excluding_span_keys),
    )


class StatisticFinder:
    """Finds figures into `doc.spans[span_key]` (see the module docstring)."""

    def __init__(
        self,
        vocabulary: NumberVocabulary,
        currency_rules: str,
        exclusions: dict,
        change_words: set[str],
        change_prepositions: frozenset[str],
        year_prepositions: frozenset[str],
        span_key: str,
        excluding_span_keys: tuple[str, ...],
    ) -> None:
        self.vocabulary = vocabulary
        self.change_words = change_words
        self.change_prepositions = change_prepositions
        self.year_prepositions = year_prepositions  # "in 2014": single words only
        self.span_key = span_key
        self.excluding_span_keys = excluding_span_keys
        currencies = currency_table(currency_rules)
        self.grammars = {comma: QuantityGrammar(vocabulary, currencies, comma) for comma in (False, True)}
        month_names = {form.rstrip(".").capitalize() for form in month_numbers()}
        placeholders = {
            "{months}": alternatives(month_names | {m.upper() for m in month_names}),  # "3–4 SEPTEMBER 2024"
            "{ordinal_suffixes}": alternatives(vocabulary.ordinal_suffixes),
            "{year}": YEAR_PATTERN,
        }
        patterns = []
        for pattern in exclusions["blocked_patterns"].values():
            for placeholder, value in placeholders.items():
                pattern = pattern.replace(placeholder, value)
            patterns.append(pattern)
        cardinals = "|".join(vocabulary.cardinal_words)
        ordinals = "|".join(vocabulary.ordinal_words)
        patterns.append(rf"(?i:\b(?:{cardinals})[\s-]+(?:{ordinals})\b)")  # "Seventy-eighth", "twenty first"
        # Each pattern on its own: one alternation would let "6 February" hide "February 2023".
        self.blocked = [re.compile(p) for p in patterns]
        self.heading_number = re.compile(exclusions["heading_number"])
        self.heading_max_words = int(exclusions.get("heading_max_words", 15))
        section_number = exclusions.get("section_number")
        self.section_number = re.compile(section_number) if section_number else None
        self.figure_verbs = folded_words(exclusions, "figure_verbs_like_nouns")
        self.duration_units = folded_words(exclusions, "duration_units")
        self.duration_fillers = folded_words(exclusions, "duration_fillers")
        self.clock_markers = folded_words(exclusions, "clock_markers")
        self.identifier_cues = folded_words(exclusions, "identifier_cues")
        self.identifier_tags = set(exclusions["identifier_preceding_tags"])
        self.one_words = folded_words(exclusions, "one_words")
        self.one_kept_after = folded_words(exclusions, "one_kept_after")
        self.set_quantifiers = folded_words(exclusions, "set_quantifiers")
        self.running_header_max_chars = int(exclusions.get("running_header_max_chars", 0))
        self.running_header_min_words = int(exclusions.get("running_header_min_words", 1))
        self.anaphoric_numbers = folded_words(exclusions, "anaphoric_numbers")
        self.anaphoric_determiners = folded_words(exclusions, "anaphoric_determiners")
        self.named_kinds = {
            str(noun).casefold(): str(key) for key, nouns in exclusions["anaphoric_named_kinds"].items() for noun in nouns
        }
        self.kind_entities = {
            str(key): frozenset(str(label) for label in labels)
            for key, labels in (exclusions.get("anaphoric_kind_entities") or {}).items()
        }
        self.identifier_headers = folded_words(exclusions, "table_identifier_headers")
        self.part_determiners = folded_words(exclusions, "part_determiners")
        self.ordinal_words = {w.casefold() for w in vocabulary.ordinal_words} | vocabulary.ordinal_like_words
        self.ordinal_suffixes = {suffix.casefold() for suffix in vocabulary.ordinal_suffixes}
        joiners = alternatives(vocabulary.range_joiners, flexible_spaces=False)
        self.range_joiner = re.compile(rf"\s*(?:{joiners})\s*")
        after_opener = alternatives(vocabulary.range_joiners_after_opener, flexible_spaces=False) or "(?!)"
        self.range_joiner_after_opener = re.compile(rf"\s*(?:{after_opener})\s*")
        self.range_opener = re.compile(rf"\b{re.escape(vocabulary.range_opener)}\s*$") if vocabulary.range_opener else None
        self.year = re.compile(YEAR_PATTERN)

    def __call__(self, doc: Doc) -> Doc:
        prepared = getattr(doc._, "prepared", None)
        text = prepared.text if prepared is not None else doc.text  # the same string; `doc.text` rebuilds it
        grammar = self.grammars[decimal_comma_convention(text, self.vocabulary)]
        blocked = [(m.start(), m.end()) for p in self.blocked for m in p.finditer(text) if m.end() > m.start()]
        blocked = Intervals(blocked + self._heading_numbers(doc) + self._page_numbers(prepared))
        section_numbers = Intervals(self._section_numbers(prepared))
        inside_names = Intervals(
            (span.start_char, span.end_char) for key in self.excluding_span_keys for span in doc.spans.get(key, [])
        )
        candidates: list[Figure] = []
        named_currencies = _NamedCurrencies(doc)
        for match in grammar.finditer(text):
            quantity = grammar.parse_match(match)
            if quantity is None:
                match = _shorter_words_match(grammar, match)  # "eleven one-stop posts": "eleven"
                quantity = grammar.parse_match(match) if match is not None else None
            if quantity is not None and quantity.open_currency is not None:
                match, quantity = self._settle_open_currency(grammar, match, quantity, named_currencies)
            if quantity is None:
                continue
            start, end = quantity.start, quantity.end
            if blocked.overlaps(start, end) or inside_names.contains(start, end):
                continue
            if quantity.bare and section_numbers.contains(start, end):
                continue  # "2.1 From pasture to city. Data ...": the section's number, not "2.1 million"
            cell = cell_of(prepared, start)
            if cell is not None:
                if in_identifier_column(prepared, cell, self.identifier_headers):
                    continue  # "No." | 1 | 2 | 3: the rows' numbers
                unit = header_unit(prepared, cell, grammar) if _plain_number(quantity) else None
                if unit is not None:
                    quantity = with_header_unit(quantity, unit)  # "(USD billion)" | 8.1
            figure = Figure(quantity, start, end, match.start(), quantity.form)
            candidates.append(_without_prepositional_qualifier(doc, figure))
        candidates = self._join_ranges(text, candidates)
        ranges: dict[str, list[Figure]] = {}
        for figure in candidates:
            if figure.range_id is not None:
                ranges.setdefault(figure.range_id, []).append(figure)
        named = _NamedBefore(doc, set(self.named_kinds.values()), self.kind_entities)
        kept = {figure.start_char for figure in candidates if self._is_statistic(doc, figure, ranges, named)}
        figures = [figure for figure in candidates if _stands_with_its_range(figure, ranges, kept)]
        figures = _link_equivalents(text, figures)
        doc.spans[self.span_key] = [span for span in (_span_of(doc, figure) for figure in figures) if span is not None]
        return doc

    def _settle_open_currency(
        self, grammar: QuantityGrammar, match: re.Match, quantity: Quantity, named: _NamedCurrencies
    ) -> tuple[re.Match | None, Quantity | None]:
        """"Rs 30 lakh" in a paper naming India is INR; "AMD 1.6 million" in one naming Armenia is AMD
        (a code that is also a word counts only next to an amount written as money). Otherwise the
        form is no currency ("SDG 10", "ALL 3") and the number is read alone, as if it were absent."""
        form = quantity.open_currency
        options = grammar.currencies.open_forms[form]
        needs_money = form in grammar.currencies.word_codes
        if quantity.unit == "count" and (quantity.written_as_money or not needs_money):
            code = named.settle(options, quantity.start)
            if code is not None:
                return match, replace(quantity, unit=code, currency_written=True, open_currency=None)
        alone = _match_without(grammar, match)
        parsed = grammar.parse_match(alone) if alone is not None else None
        if parsed is None or parsed.open_currency is not None:
            return None, None
        return alone, parsed

    def _heading_numbers(self, doc: Doc) -> list[tuple[int, int]]:
        """"1. BACKGROUND AND OBJECTIVES", "2.1 Results": a heading's own number names it, it counts nothing.

        Headings are the layout's heading blocks and short paragraphs set wholly in bold or capitals."""
        prepared = getattr(doc._, "prepared", None)
        if prepared is None:
            return []
        found = []
        for block in prepared.blocks:
            heading_like = block.kind == "heading" or (
                block.kind == "paragraph" and (block.emphasised or block.all_caps)
                and len(block.text.split()) <= self.heading_max_words
            )
            match = self.heading_number.match(block.text) if heading_like else None
            if match:
                found.append((block.start + match.start(), block.start + match.end()))
        return found

    def _page_numbers(self, prepared: Prepared | None) -> list[tuple[int, int]]:
        """"BORDERLINES | Bulletin | No. 14 | May 2025 | 2": a short paragraph that recurs with only its
        leading or trailing number rising is a running header or footer, and that number a page's."""
        if prepared is None or self.running_header_max_chars <= 0:
            return []
        recurring: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        for block in prepared.blocks:
            if block.table_cell is not None or len(block.text) > self.running_header_max_chars:
                continue
            match = _PAGE_NUMBER_END.fullmatch(block.text) or _PAGE_NUMBER_START.fullmatch(block.text)
            if match is None or len(re.findall(r"\w+", match.group("rest"))) < self.running_header_min_words:
                continue
            key = (match.re.pattern, re.sub(r"\s+", " ", match.group("rest").strip()))
            number = (int(match.group("page")), block.start + match.start("page"), block.start + match.end("page"))
            recurring.setdefault(key, []).append(number)
        found = []
        trailing = []
        for (shape, rest), numbers in recurring.items():
            pages = [page for page, _, _ in numbers]
            if len(numbers) > 1 and all(a < b for a, b in zip(pages, pages[1:])):
                found.extend((start, end) for _, start, end in numbers)
                if shape == _PAGE_NUMBER_END.pattern:
                    trailing.append(re.escape(rest).replace(r"\ ", r"\s+"))
        if trailing:  # the same header run into a paragraph that a page break cut in two
            header = re.compile(rf"(?:{'|'.join(trailing)})\s*(\d{{1,4}})(?!\d)")
            found.extend(match.span(1) for match in header.finditer(prepared.text))
        return found

    def _section_numbers(self, prepared: Prepared | None) -> list[tuple[int, int]]:
        """"2.1 From pasture to city. Data from ...": a two- or three-level number opening a paragraph
        before a capitalised word numbers a section run into its text. A scale or unit after it
        ("2.1 Million") makes the quantity more than the bare number, so it is kept."""
        if prepared is None or self.section_number is None:
            return []
        found = []
        for block in prepared.blocks:
            if block.table_cell is not None and (block.table_cell.column != 0 or block.table_cell.header_row):
                continue  # a row label's own number ("1.1 Share of households ...") numbers the row
            match = self.section_number.match(block.text)
            if match:
                found.append((block.start + match.start(), block.start + match.end()))
        return found

    # --- ranges -------------------------------------------------------------------------------

    def _join_ranges(self, text: str, figures: list[Figure]) -> list[Figure]:
        """"six to eight", "25-30,000", "between 2 and 3 million": two figures sharing a range id.

        The first takes the unit and magnitude the second states ("25-30,000" is 25000 and 30000,
        "$5-6 billion" is 5 and 6 billion USD)."""
        result = list(figures)
        range_ids = count(1)
        for index in range(len(result) - 1):
            first, second = result[index], result[index + 1]
            if first.range_id is not None:
                continue
            gap = (first.end_char, second.match_start)
            before = text[max(0, first.match_start - 12) : first.match_start].casefold()
            joined = self.range_joiner.fullmatch(text, *gap) or (
                self.range_joiner_after_opener.fullmatch(text, *gap)
                and self.range_opener is not None
                and self.range_opener.search(before)
            )
            if not joined or not _can_form_range(first.quantity, second.quantity):
                continue
            if self._year_before_amount(text, first, second.quantity):
                continue  # "from 4,100 in 2014 to 19,700 in 2023": a year, then the next figure
            if self._states_change(text, first):
                continue  # "rose 3 percentage points to 12%" is a change and a level, not a range
            range_id = f"range-{next(range_ids)}"
            first_q, second_q = _share_magnitude(first.quantity, second.quantity)
            result[index] = replace(first, quantity=first_q, range_id=range_id)
            result[index + 1] = replace(second, quantity=second_q, range_id=range_id)
        return result

    def _year_before_amount(self, text: str, first: Figure, second: Quantity) -> bool:
        """A year after a year preposition does not open a range with an amount written otherwise
        (with thousands separators, a scale or a unit): "from 4,100 in 2014 to 19,700 in 2023"."""
        quantity = first.quantity
        if not (quantity.bare and quantity.form == "digits" and self.year.fullmatch(quantity.text)):
            return False
        if second.bare and second.form == "digits":
            return False
        words = re.findall(r"[\w'-]+", text[max(0, first.match_start - 20) : first.match_start].casefold())
        return bool(words) and words[-1] in self.year_prepositions

    def _states_change(self, text: str, figure: Figure) -> bool:
        """Is the figure preceded by a change word ("rose 3 points", "an increase of 5%")?"""
        words = re.findall(r"[\w'-]+", text[max(0, figure.match_start - 30) : figure.match_start].casefold())[-2:]
        return bool(words) and (
            words[-1] in self.change_words or (words[-1] in self.change_prepositions and words[0] in self.change_words)
        )

    # --- exclusions ---------------------------------------------------------------------------

    def _is_statistic(self, doc: Doc, figure: Figure, ranges: dict[str, list[Figure]], named: _NamedBefore) -> bool:
        span = doc.char_span(figure.start_char, figure.end_char, alignment_mode="expand")
        if span is None:
            return False
        quantity = figure.quantity
        first = doc.char_span(figure.match_start, figure.end_char, alignment_mode="expand")
        before = doc[first.start - 1] if first is not None and first.start > 0 else None
        before2 = doc[first.start - 2] if first is not None and first.start > 1 else None
        after_tokens = self._tokens_after(doc, span, figure, ranges)
        after = after_tokens[0] if after_tokens else None
        if quantity.scale_if_counting and not self._counts_plural_noun(after_tokens):
            return False  # "a 5m wall", "3m deep": metres
        if quantity.fraction_alone and span.root.dep_ not in {"nsubj", "nsubjpass"}:
            return False  # "the first quarter", "cut in half"; but "while a quarter joined"
        if quantity.unit == "count" and quantity.form in ("digits", "words"):
            if self._is_year(quantity, after):
                return False
            if self._is_duration(after_tokens) or self._is_clock_time(after):
                return False
            if after is not None and after.lower_ in self.ordinal_suffixes:
                return False  # "10 th" written apart
            if quantity.bare and quantity.value < 10000 and self._is_identifier(before, after):
                return False
            if self._is_pronoun_one(figure, before, before2):
                return False
            if self._points_back(quantity, before) or self._names_again(doc, quantity, span, before, named):
                return False
            if quantity.form == "words" and self._after_set_quantifier(before, before2):
                return False  # "all four corridors": the set is known already
            if quantity.form == "digits" and re.match(r"0\d", quantity.text):
                return False  # "Law 02-03", "Code 07": a number written with a leading zero is a code
        if quantity.form == "ratio" and self._is_duration(after_tokens):
            return False  # "5 in 12 months"
        if quantity.form == "fraction" and before is not None and before.lower_ in self.ordinal_words:
            return False  # "the second half of 2020" is a period
        if quantity.form == "fraction" and after is not None and after.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
            return False  # "followed by a third session": an ordinal
        if quantity.form == "fraction" and after is not None:
            rest = after_tokens[1:] if after.lower_ == "of" else after_tokens
            part_of = [t for t in rest if t.lower_ not in self.part_determiners]
            if self._is_duration(part_of):
                return False  # "half of the year", "a quarter of a century", "half a day": a stretch of time
        return True

    def _tokens_after(self, doc: Doc, span: Span, figure: Figure, ranges: dict[str, list[Figure]]) -> list[Token]:
        """The words after a figure (after its range partner, if it opens a range), hyphens skipped."""
        end = span.end
        if figure.range_id is not None:
            partner = [f for f in ranges[figure.range_id] if f.start_char > figure.start_char]
            if partner:
                partner_span = doc.char_span(partner[0].start_char, partner[0].end_char, alignment_mode="expand")
                if partner_span is not None:
                    end = partner_span.end
        tokens = []
        for token in doc[end : end + 4]:
            if token.text in {"-", "‐", "–"} and not tokens:
                continue
            if token.is_space:
                break
            tokens.append(token)
        return tokens

    def _counts_plural_noun(self, after: list[Token]) -> bool:
        """"1.8m internal displacements", "2m people": the figure counts a plural noun, through its
        adjectives, and no word of length ("5m high walls") comes first."""
        for token in after:
            if token.lower_ in self.vocabulary.length_words:
                return False
            if token.tag_ in {"NNS", "NNPS"}:
                return True
            if token.pos_ not in {"ADJ", "NOUN", "PROPN"}:
                return False
        return False

    def _is_year(self, quantity: Quantity, after: Token | None) -> bool:
        """A bare number written as a year (`pipeline.normalise.years.YEAR_PATTERN`) is a year, unless it
        counts a plural noun ("2000 participants"; not "for 2024 amounts to", a verb the tagger reads as a noun)."""
        if not (quantity.bare and quantity.form == "digits" and quantity.decimals == 0):
            return False
        if not self.year.fullmatch(quantity.text):
            return False
        return not (after is not None and after.tag_ == "NNS" and after.lower_ not in self.figure_verbs)

    def _is_duration(self, after: list[Token]) -> bool:
        """"six months", "two-day", "5-year", "three consecutive years"."""
        for token in after[:2]:
            word = token.lower_
            if word in self.duration_units or token.lemma_.casefold() in self.duration_units:
                return True
            if word not in self.duration_fillers:
                return False
        return False

    def _is_clock_time(self, after: Token | None) -> bool:
        return after is not None and after.lower_ in self.clock_markers

    def _is_identifier(self, before: Token | None, after: Token | None) -> bool:
        """"Chapter 24", "Roundtable 1", "UNSCR 1244", "SURAC 10": a number naming, not counting."""
        if before is None or before.is_space:
            return False
        if before.lower_ in self.identifier_cues:
            return True
        if before.text == "." and before.i > 0 and before.doc[before.i - 1].lower_ in self.identifier_cues:
            return True  # "No. 4" written with the period apart
        if before.tag_ not in self.identifier_tags or not before.text[:1].isalpha():
            return False
        counts_next_noun = after is not None and after.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}
        return not counts_next_noun

    def _is_pronoun_one(self, figure: Figure, before: Token | None, before2: Token | None) -> bool:
        """"one of the objectives", "no one", "one another": "one" as a pronoun or article.

        A bare "one" is kept only where it plainly counts ("only one country") or opens a range."""
        if figure.quantity.text.casefold() not in self.one_words or figure.range_id is not None:
            return False
        if figure.quantity.qualifier is not None:
            return False
        preceding = {before.lower_} if before is not None else set()
        if before is not None and before2 is not None:
            preceding.add(f"{before2.lower_} {before.lower_}")
        return not (preceding & self.one_kept_after)

    def _after_set_quantifier(self, before: Token | None, before2: Token | None) -> bool:
        """"all four corridors", "all the three settings": a number that names a whole known set."""
        if before is None:
            return False
        if before.lower_ in self.set_quantifiers:
            return True
        return before2 is not None and f"{before2.lower_} {before.lower_}" in self.set_quantifiers

    def _points_back(self, quantity: Quantity, before: Token | None) -> bool:
        """"between the two countries", "these two projects", "the two regions": a definite "two"
        refers to things the reader already knows of (named before); it counts nothing new."""
        if quantity.text.casefold() not in self.anaphoric_numbers or before is None:
            return False
        return before.lower_ in self.anaphoric_determiners

    def _names_again(self, doc: Doc, quantity: Quantity, span: Span, before: Token | None, named: _NamedBefore) -> bool:
        """"jointly owned by the three countries" once three countries are named: a definite number
        counting a kind of thing the report names (countries, organisations) points back at those
        already named when there are at least as many of them before it."""
        if before is None or before.lower_ not in self.anaphoric_determiners or quantity.form != "words":
            return False
        noun = _noun_after_adjectives(doc, span.end)
        key = self.named_kinds.get(noun.lower_) if noun is not None else None
        if key is None:
            return False
        return named.count(key, span.start_char) >= quantity.value


_PAGE_NUMBER_END = re.compile(r"(?P<rest>.*[^\d\s.,])\s*(?P<page>\d{1,4})\s*", re.DOTALL)
_PAGE_NUMBER_START = re.compile(r"\s*(?P<page>\d{1,4})\s*(?P<rest>[^\d\s.,].*)", re.DOTALL)


def _shorter_words_match(grammar: QuantityGrammar, match: re.Match) -> re.Match | None:
    """Number words that make no number together ("eleven one-stop posts") are read up to the
    longest run that does ("eleven")."""
    if not match.group("words"):
        return None
    text = match.string
    ends = [m.start() for m in re.finditer(r"[\s-]+", text[match.start("words") : match.end("words")])]
    for end in reversed(ends):
        shorter = grammar.pattern.match(text, match.start(), match.start("words") + end)
        if shorter is not None and shorter.group("words") and grammar.parse_match(shorter) is not None:
            return shorter
    return None


def _match_without(grammar: QuantityGrammar, match: re.Match) -> re.Match | None:
    """The quantity a match holds without its open currency form: "SDG 10" is "10", "10 ALL" is "10"."""
    text = match.string
    if match.group("cur_pre"):
        start = match.end("cur_pre")
        while start < len(text) and text[start] in " \u00a0\u202f":
            start += 1
        return grammar.pattern.match(text, start)
    if match.group("cur_post"):
        return grammar.pattern.match(text, match.start(), match.start("cur_post"))
    return None


class _NamedCurrencies:
    """The currencies of the countries a document names, in each sentence and in all: what settles
    a form several currencies share ("Rs") or a code that is also a word ("AMD")."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._starts: list[int] = []  # sentence starts, as character offsets
        self._by_sentence: dict[int, frozenset[str]] | None = None
        self._all: frozenset[str] = frozenset()

    def _sentence_of(self, offset: int) -> int:
        return self._starts[bisect.bisect_right(self._starts, offset) - 1] if self._starts else 0

    def _index(self) -> dict[int, frozenset[str]]:
        """Built on first use: sentence start -> currencies of the countries named in it."""
        if self._by_sentence is None:
            self._starts = [sentence.start_char for sentence in self.doc.sents]
            by_sentence: dict[int, set[str]] = {}
            for span in self.doc.spans.get("country", []):
                codes = country_currencies(span.kb_id_) if span.kb_id_ else frozenset()
                by_sentence.setdefault(self._sentence_of(span.start_char), set()).update(codes)
            self._by_sentence = {start: frozenset(codes) for start, codes in by_sentence.items()}
            self._all = frozenset().union(*self._by_sentence.values())
        return self._by_sentence

    def settle(self, options: frozenset[str], start: int) -> str | None:
        """The one option used by a country named in the figure's sentence, else in the document."""
        here = self._index().get(self._sentence_of(start), frozenset())
        for used in (options & here, options & self._all):
            if len(used) == 1:
                return next(iter(used))
        return None


def _plain_number(quantity: Quantity) -> bool:
    """Digits with no unit or scale of their own ("8.1", "18,400"): a table header may state them."""
    return quantity.form == "digits" and quantity.unit == "count" and quantity.scale == 1.0


class _NamedBefore:
    """How many distinct things of a kind (countries, organisations) a document names before an offset."""

    def __init__(self, doc: Doc, keys: set[str], entity_labels: dict[str, frozenset[str]] | None = None) -> None:
        """`entity_labels`: kinds with no span group of their own ("place"), counted from the model's
        named entities with these labels (GPE, LOC)."""
        self._ends: dict[str, list[int]] = {}
        self._distinct: dict[str, list[int]] = {}  # distinct names among the first k+1 spans by end
        entity_labels = entity_labels or {}
        for key in keys:
            seen: set[str] = set()
            ends, distinct = [], []
            if key in entity_labels:
                named = [entity for entity in doc.ents if entity.label_ in entity_labels[key]]
            else:
                named = list(doc.spans.get(key, []))
            for span in sorted(named, key=lambda span: span.end_char):
                seen.add(span.kb_id_ or span.text.casefold())
                ends.append(span.end_char)
                distinct.append(len(seen))
            self._ends[key], self._distinct[key] = ends, distinct

    def count(self, key: str, offset: int) -> int:
        """Distinct things of the kind named in spans that end at or before `offset`."""
        before = bisect.bisect_right(self._ends[key], offset)
        return self._distinct[key][before - 1] if before else 0


def _noun_after_adjectives(doc: Doc, index: int, most: int = 2) -> Token | None:
    """The noun a number counts, past its adjectives ("the three northern provinces")."""
    for token in doc[index : index + most + 1]:
        if token.pos_ != "ADJ":
            return token
    return None


def _stands_with_its_range(figure: Figure, ranges: dict[str, list[Figure]], kept: set[int]) -> bool:
    """A range stands or falls as one: "Articles 3-5" and "Law 02-03" name, "six to eight months" lasts."""
    if figure.range_id is None:
        return figure.start_char in kept
    return all(other.start_char in kept for other in ranges[figure.range_id])


def _without_prepositional_qualifier(doc: Doc, figure: Figure) -> Figure:
    """"structured around three panels": "around" is a preposition there, not an approximation."""
    if figure.quantity.qualifier is None:
        return figure
    qualifier = doc.char_span(figure.match_start, figure.start_char, alignment_mode="expand")
    if qualifier is None or qualifier[0].dep_ != "prep":
        return figure
    return replace(figure, quantity=replace(figure.quantity, qualifier=None), match_start=figure.start_char)


def _can_form_range(first: Quantity, second: Quantity) -> bool:
    """Figures of one kind: "70% to 6,755" is a change, not a range; a range never descends."""
    if {"fraction", "ratio"} & {first.form, second.form}:
        return False
    if first.unit != second.unit and not (first.unit == "count" or (second.unit == "count" and first.currency_written)):
        return False
    return first.value <= second.value or second.scale > first.scale or second.groups > first.groups


def _share_magnitude(first: Quantity, second: Quantity) -> tuple[Quantity, Quantity]:
    """The first figure of a range takes the unit and scale the second states, and vice versa for a currency."""
    if first.unit == "count" and second.unit != "count":
        first = first.with_unit_of(second)
    elif second.unit == "count" and first.unit != "count":
        second = second.with_unit_of(first)
    if first.scale == 1.0 and first.form == second.form == "digits" and first.groups == 0:
        if second.scale > 1.0:
            first = first.scaled_by(second.scale)
        elif second.groups > 0:
            magnitude = 1000.0**second.groups
            if second.value / 10 < first.number * magnitude <= second.value:
                first = first.scaled_by(magnitude)
    elif first.scale == 1.0 and first.form == second.form == "words" and second.scale > 1.0:
        first = first.scaled_by(second.scale)
    if second.qualifier is None and first.qualifier is not None:
        second = replace(second, qualifier=first.qualifier)
    return first, second


_OPENING_BRACKET = re.compile(r"\s*[(\[]\s*")
_CLOSING_BRACKET = re.compile(r"\s*[)\]]")


def _link_equivalents(text: str, figures: list[Figure]) -> list[Figure]:
    """A money figure restated in brackets right after another ("US$ 5.5 billion (€ 4.9 billion)")."""
    result = list(figures)
    for index in range(1, len(result)):
        previous, current = result[index - 1], result[index]
        if previous.quantity.unit in {"count", "percent"} or current.quantity.unit in {"count", "percent"}:
            continue
        if _OPENING_BRACKET.fullmatch(text, previous.end_char, current.match_start) and _CLOSING_BRACKET.match(
            text, current.end_char
        ):
            result[index] = replace(current, equivalent_of=previous.start_char)
    return result


def _span_of(doc: Doc, figure: Figure) -> Span | None:
    span = doc.char_span(figure.start_char, figure.end_char, alignment_mode="expand")
    if span is None:
        return None
    source = "range" if figure.range_id else figure.source
    span = Span(doc, span.start, span.end, label=figure.quantity.unit, kb_id=figure.normalized, span_id=source)
    doc.user_data[(_FIGURE_KEY, span.start_char, span.end_char, span.kb_id_)] = figure
    return span
