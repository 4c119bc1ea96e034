"""Quantities as written in reports to values: "USD 17.5 million" is 17500000 USD.

One grammar (a regular expression built from `rules/statistics/numbers.yaml` and the currency
table) both finds quantities in running text and parses a single one, so what the statistic
finder matches is exactly what `parse_quantity` understands. It covers digits with thousands
separators ("23,275", "23 275", and "23.275" where a report writes decimals with a comma),
decimals, scale words ("17.5 million", "2.3bn", "1M"), number words ("ten", "twenty-five",
parsed by text2num), "a million", "half a million", fractions ("a quarter" of something is 25
percent), approximations ("around", "over": the qualifier), percents and currencies.
Whether a quantity is a statistic at all (not a year, a date, an identifier) is decided by the
finder from its context, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from text_to_num import text2num

from pipeline.normalise.currencies import DEFAULT_RULES as CURRENCY_RULES
from pipeline.normalise.currencies import CurrencyTable, currency_table
from pipeline.normalise.phrases import alternatives, phrase_key
from pipeline.rules import load_rules, word_list

DEFAULT_RULES = "statistics/numbers.yaml"
Form = Literal["digits", "words", "fraction", "ratio"]
_SPACES = "[ \u00a0\u202f]"
_GROUP_SEPARATORS = ",\u00a0\u202f "


def scaled(number: float, scale: float) -> float:
    """number x scale without binary noise: "16.9 billion" is 16900000000, not 16899999999.999998."""
    return float(Decimal(repr(number)) * Decimal(repr(scale)))


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """A case-insensitive group of the alternatives."""
    return f"(?i:{alternatives(words)})"


@dataclass(frozen=True)
class NumberVocabulary:
    """The words that write numbers, scales, fractions, percents and approximations."""

    cardinal_words: tuple[str, ...]
    ordinal_words: tuple[str, ...]
    scale_words: dict[str, float]
    attached_scales: dict[str, float]
    money_only_scales: dict[str, float]
    fractions: dict[str, float]
    fraction_counts: tuple[str, ...]
    fraction_followers: tuple[str, ...]
    article_numbers: tuple[str, ...]
    dozen: float
    qualifiers: tuple[str, ...]
    non_approximating_qualifiers: frozenset[str]
    percent_signs: tuple[str, ...]
    percentage_point_words: frozenset[str]
    ratio_joiners: tuple[str, ...] = ()
    fraction_preceders: tuple[str, ...] = ()
    fraction_qualifiers: tuple[str, ...] = ()
    label_scales: dict[str, float] = field(default_factory=dict)
    length_words: frozenset[str] = frozenset()
    ordinal_suffixes: tuple[str, ...] = ()  # "44th", "3rd"
    ordinal_like_words: frozenset[str] = frozenset()  # "the last quarter"
    and_joined_after: tuple[str, ...] = ()  # "one hundred and twenty"
    decimal_comma_scales: tuple[str, ...] = ()  # "2,5 million"
    fractions_without_count: frozenset[str] = frozenset()  # "half", not "quarter"
    range_joiners: tuple[str, ...] = ()  # "six to eight"
    range_opener: str = ""  # "between"
    range_joiners_after_opener: tuple[str, ...] = ()  # "between 2 and 3"

    @classmethod
    def from_rules(cls, data: dict) -> NumberVocabulary:
        return cls(
            cardinal_words=tuple(data["cardinal_words"]),
            ordinal_words=tuple(data["ordinal_words"]),
            scale_words={str(k).casefold(): float(v) for k, v in data["scale_words"].items()},
            attached_scales={str(k): float(v) for k, v in data["attached_scale_suffixes"].items()},
            money_only_scales={str(k): float(v) for k, v in data["money_only_scale_suffixes"].items()},
            fractions={str(k).casefold(): float(v) for k, v in data["fractions"].items()},
            fraction_counts=tuple(data["fraction_counts"]),
            fraction_followers=tuple(data["fraction_followers"]),
            article_numbers=tuple(data["article_numbers"]),
            dozen=float(data.get("dozen", 12)),
            qualifiers=tuple(str(q) for q in data["qualifiers"]),
            non_approximating_qualifiers=frozenset(phrase_key(q) for q in data.get("non_approximating_qualifiers", ())),
            percent_signs=tuple(str(p) for p in data["percent_signs"]),
            percentage_point_words=frozenset(phrase_key(p) for p in data.get("percentage_point_words", ())),
            ratio_joiners=tuple(str(j) for j in data.get("ratio_joiners", ())),
            fraction_preceders=tuple(str(p) for p in data.get("fraction_preceders", ())),
            fraction_qualifiers=tuple(str(q) for q in data.get("fraction_qualifiers", ())),
            label_scales={str(k).casefold(): float(v) for k, v in (data.get("label_scale_words") or {}).items()},
            length_words=frozenset(phrase_key(w) for w in data.get("length_words", ())),
            ordinal_suffixes=tuple(word_list(data, "ordinal_suffixes")),
            ordinal_like_words=frozenset(phrase_key(w) for w in word_list(data, "ordinal_like_words")),
            and_joined_after=tuple(word_list(data, "and_joined_after")),
            decimal_comma_scales=tuple(word_list(data, "decimal_comma_scales")),
            fractions_without_count=frozenset(phrase_key(w) for w in word_list(data, "fractions_without_count")),
            range_joiners=tuple(word_list(data, "range_joiners")),
            range_opener=str(data.get("range_opener", "")),
            range_joiners_after_opener=tuple(word_list(data, "range_joiners_after_opener")),
        )


@lru_cache(maxsize=None)
def number_vocabulary(rules_path: str = DEFAULT_RULES) -> NumberVocabulary:
    return NumberVocabulary.from_rules(load_rules(rules_path))


@dataclass(frozen=True)
class Quantity:
    """One quantity as parsed: its scaled value and unit, and how it was written."""

    value: float  # scaled: "17.5 million" is 17500000.0
    unit: str  # "count", "percent" or an ISO 4217 code (for a shared currency word, see `currency_options`)
    number: float  # the number before any scale: 17.5
    scale: float  # 1e6 for "million", 1.0 when there is none
    form: Form
    text: str  # the quantity as written, without its qualifier: "USD 17.5 million"
    start: int  # where `text` starts and ends in the string that was parsed
    end: int
    qualifier: str | None = None  # "around", "more than"; None when exact
    decimals: int = 0  # digits written after the decimal point: the stated precision
    groups: int = 0  # thousands groups written: "30,000" has 1
    currency_written: bool = False
    percentage_points: bool = False
    fraction_alone: bool = False  # "a quarter" with no "of"/"by"/qualifier: a figure only as a verb's subject
    scale_if_counting: bool = False  # "1.8m" with no currency: millions only if it counts a plural noun, else metres
    # "5,000 dirhams": the currencies a shared word may name; `unit` is then the rule file's reading
    # of the word or the word itself, settled by the report's country (`currencies.shared_currency`).
    currency_options: frozenset[str] = frozenset()
    # "Rs 30 lakh", "AMD 1.6 million": a form that is a currency only if the report's countries say
    # which (`CurrencyTable.open_forms`); the quantity is read as a count until the finder settles it.
    open_currency: str | None = None

    @property
    def bare(self) -> bool:
        """A plain number with no scale, unit, currency or separators: could be a year or an identifier."""
        return self.unit == "count" and self.scale == 1.0 and self.groups == 0 and self.form in ("digits", "words")

    @property
    def written_as_money(self) -> bool:
        """A count written as an amount of money is: with a scale word or thousands separators."""
        return self.unit == "count" and (self.scale > 1.0 or self.groups > 0)

    def scaled_by(self, scale: float) -> Quantity:
        return replace(self, value=scaled(self.number, scale), scale=scale)

    def with_unit_of(self, other: Quantity) -> Quantity:
        """The quantity in another's unit ("5-6 billion USD": 5 is in USD too)."""
        return replace(self, unit=other.unit, currency_options=other.currency_options)


@dataclass(frozen=True)
class LabelUnit:
    """A unit and scale stated once in a table label for every figure it heads."""

    unit: str  # "count", "percent" or an ISO 4217 code
    scale: float


def decimal_comma_convention(text: str, vocabulary: NumberVocabulary | None = None) -> bool:
    """Does the text write "1.098.913" and "2,5 million" (dots group thousands, a comma marks decimals)?"""
    if re.search(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,])", text):
        return True
    scales = alternatives((vocabulary or number_vocabulary()).decimal_comma_scales)
    return bool(re.search(rf"(?<![\d.,])\d+,\d{{1,2}}(?![\d,])\s*(?:%|{scales})", text))


class QuantityGrammar:
    """Finds and parses quantities; one instance per number convention (decimal point or comma)."""

    def __init__(self, vocabulary: NumberVocabulary, currencies: CurrencyTable, decimal_comma: bool = False) -> None:
        self.vocabulary = vocabulary
        self.currencies = currencies
        self.decimal_comma = decimal_comma
        self.pattern = re.compile(self._build(), re.UNICODE)

    def _build(self) -> str:
        v = self.vocabulary
        if self.decimal_comma:
            digits = rf"\d{{1,3}}(?:[.\u00a0\u202f ]\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"
        else:
            digits = rf"\d{{1,3}}(?:[,\u00a0\u202f ]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
        digits = rf"(?<![\w.,/])(?<![^\W\d_]-)(?:{digits})(?![.,]?\d)"
        word = _alternation(v.cardinal_words)
        after_hundreds = "|".join(f"(?<=(?i:{re.escape(w)}))" for w in v.and_joined_after) or "(?!)"
        joined_word = rf"(?:(?:-|\s+){word}|(?:{after_hundreds})\s+(?i:and)\s+{word})"
        article = rf"(?i:a|one)\s+(?={_alternation(v.article_numbers)}\b)"
        words = rf"\b(?:{article})?(?:{word}|(?i:dozen))(?:{joined_word})*\b"
        scale_words = _alternation(list(v.scale_words))
        half_scaled = rf"\b(?i:half)\s+(?:(?i:a)\s+)?{scale_words}\b"
        fraction_words = _alternation(list(v.fractions))
        counts = _alternation(v.fraction_counts)
        followers = _alternation(v.fraction_followers)
        # A fraction takes a part of something ("a quarter of", "half the", "half are"), is the size
        # of a change or one end of a range ("fallen by a third", "between a quarter and a third":
        # the empty `fby` group matches only after such a word), or is approximated ("roughly
        # half", "less than half": the `fqual` qualifier) - a quantity in each case. Otherwise it
        # is matched alone (the empty `falone` group) and the finder keeps it only as the subject
        # of a verb ("while a quarter joined").
        preceders = "|".join(rf"(?<=\b(?i:{re.escape(word)}) )" for word in v.fraction_preceders) or "(?!)"
        fraction = (
            rf"\b(?P<fby>{preceders})?(?:(?P<fcount>{counts})[\s-]+)?(?P<fword>{fraction_words})\b"
            rf"(?(fby)|(?(fqual)|(?:(?=\s+{followers}\b)|(?P<falone>))))"
        )
        attached = "|".join(re.escape(s) for s in sorted(v.attached_scales, key=len, reverse=True))
        money_scale = "|".join(re.escape(s) for s in sorted(v.money_only_scales, key=len, reverse=True))
        scale = (
            rf"(?:{_SPACES}?(?P<scale>{scale_words})\b"
            rf"|(?<=\d)(?P<attached>{attached})\b"
            rf"|(?<=\d)(?P<money_scale>{money_scale})\b)"
        )
        percent = _alternation([sign for sign in v.percent_signs if sign != "%"])
        percent = rf"(?P<percent>%|{percent}\b)"
        single = rf"(?:\d{{1,3}}|{word})"
        ratio = rf"(?<![\w.,])(?P<rnum>{single})\s+(?:{_alternation(v.ratio_joiners)})\s+(?P<rden>{single})\b(?![.,]?\d)"
        qualifier = _alternation(v.qualifiers)
        fraction_qualifier = _alternation(v.fraction_qualifiers) if v.fraction_qualifiers else "(?!)"
        return (
            rf"(?P<qualifier>\b(?:(?P<fqual>{fraction_qualifier})|{qualifier})\s+)?"
            rf"(?P<body>"
            rf"(?:(?P<cur_pre>{self.currencies.prefix_pattern}){_SPACES}?)?"
            rf"(?:(?P<ratio>{ratio})|(?P<half_scaled>{half_scaled})|(?P<fraction>{fraction})|(?P<words>{words})|(?P<digits>{digits}))"
            rf"(?:{scale})?"
            rf"(?:{_SPACES}?{percent}|{_SPACES}?(?P<cur_post>{self.currencies.suffix_pattern}))?"
            rf")(?![\w%])"
        )

    def finditer(self, text: str):
        """Every quantity-shaped match in the text, left to right."""
        return self.pattern.finditer(text)

    def parse_match(self, match: re.Match) -> Quantity | None:
        """The quantity a match stands for; None if its words do not make a number."""
        v = self.vocabulary
        groups = match.groupdict()
        unit = "count"
        currency_written = False
        currency_options: frozenset[str] = frozenset()
        open_currency = None
        for name in ("cur_pre", "cur_post"):
            if groups.get(name):
                if groups[name] in self.currencies.open_forms:
                    open_currency = groups[name]  # settled by the finder, from the countries named
                    continue
                written = self.currencies.unit_of(groups[name])
                if written is None:
                    return None
                (unit, currency_options), currency_written = written, True
        decimals = group_count = 0
        scale = 1.0
        body_end = match.end("body")
        if groups.get("ratio"):
            numerator, denominator = self._single_value(groups["rnum"]), self._single_value(groups["rden"])
            if not denominator or numerator is None or numerator > denominator or groups.get("cur_pre"):
                return None
            if groups.get("scale") or groups.get("attached") or groups.get("money_scale"):
                return None
            number, form = 100.0 * numerator / denominator, "ratio"  # "one in three" is 33.333...
            unit, currency_written, currency_options, open_currency = "percent", False, frozenset(), None
            body_end = match.end("ratio")  # "one in five rupees": the ratio is the figure, rupees what it divides
        elif groups.get("fraction"):
            word = groups["fword"].casefold()
            count_word = (groups.get("fcount") or "").casefold()
            if not count_word and word not in v.fractions_without_count:
                return None  # "third", "quarter" alone are ordinals or periods ("the second quarter")
            count = 1.0 if count_word in ("", "a", "one") else float(text2num(count_word, "en"))
            number = 100.0 * count / v.fractions[word]
            form: Form = "fraction"
            if unit == "count":
                unit = "percent"
        elif groups.get("half_scaled"):
            scale_word = groups["half_scaled"].split()[-1].casefold()
            number, scale, form = 0.5, v.scale_words[scale_word], "words"
        elif groups.get("words"):
            value = self._words_value(groups["words"])
            if value is None:
                return None
            scale = self._largest_scale_word(groups["words"])
            number, form = value / scale, "words"
        else:
            number, decimals, group_count = self._digits_value(groups["digits"])
            form = "digits"
        if groups.get("scale") and scale == 1.0:
            scale = v.scale_words[groups["scale"].casefold()]
        elif groups.get("attached"):
            scale = v.attached_scales[groups["attached"]]
        elif groups.get("money_scale"):
            scale = v.money_only_scales[groups["money_scale"]]
        percentage_points = False
        if groups.get("percent"):
            if currency_written or form == "ratio":
                return None
            unit = "percent"
            percentage_points = phrase_key(groups["percent"]) in v.percentage_point_words
        qualifier = phrase_key(groups["qualifier"]) if groups.get("qualifier") else None
        if qualifier in v.non_approximating_qualifiers:
            qualifier = None
        return Quantity(
            value=scaled(number, scale),
            unit=unit,
            number=number,
            scale=scale,
            form=form,
            text=match.string[match.start("body") : body_end],
            start=match.start("body"),
            end=body_end,
            qualifier=qualifier,
            decimals=decimals,
            groups=group_count,
            currency_written=currency_written,
            currency_options=currency_options,
            percentage_points=percentage_points,
            scale_if_counting=bool(groups.get("money_scale")) and not currency_written,
            fraction_alone=groups.get("falone") is not None,
            open_currency=open_currency,
        )

    def label_unit(self, label: str) -> LabelUnit | None:
        """The unit and scale a table label states for the figures under or beside it:
        "Remittances received (USD billion)" is USD x 1e9, "Share of women (%)" percent, "Arrivals
        (thousands)" a count x 1e3. None when it states none; a currency or scale that belongs to
        a number of the label itself ("Households under USD 100") is not the label's."""
        rest = label
        for match in reversed(list(self.finditer(label))):
            if self.parse_match(match) is not None:
                rest = rest[: match.start()] + " " + rest[match.end() :]
        v = self.vocabulary
        unit = None
        currency = re.search(self.currencies.prefix_pattern, rest) or re.search(self.currencies.suffix_pattern, rest)
        if currency is not None:
            unit = self.currencies.code_of(currency.group())
        percent = _alternation([sign for sign in v.percent_signs if sign != "%"])
        if unit is None and re.search(rf"%|\b{percent}\b", rest):
            unit = "percent"
        scales = {**v.scale_words, **v.label_scales}
        scale_match = re.search(rf"(?<![\w'])(?:{_alternation(list(scales))})(?!\w)", rest)
        scale = scales[phrase_key(scale_match.group())] if scale_match else 1.0
        if unit is None and scale == 1.0:
            return None
        return LabelUnit(unit or "count", scale)

    def parse(self, text: str) -> Quantity | None:
        """Parse one quantity that is the whole of `text` ("around USD 17.5 million")."""
        match = self.pattern.fullmatch(text.strip())
        return self.parse_match(match) if match else None

    def _digits_value(self, text: str) -> tuple[float, int, int]:
        if self.decimal_comma:
            integer, _, fraction = text.partition(",")
            group_separators = ".\u00a0\u202f "
        else:
            integer, _, fraction = text.partition(".")
            group_separators = _GROUP_SEPARATORS
        groups = sum(integer.count(sep) for sep in group_separators)
        for sep in group_separators:
            integer = integer.replace(sep, "")
        value = float(f"{integer or '0'}.{fraction}" if fraction else integer)
        return value, len(fraction), groups

    def _single_value(self, text: str) -> float | None:
        return float(text) if text.isdigit() else self._words_value(text)

    def _largest_scale_word(self, text: str) -> float:
        """"six million" is 6 x 1e6: the scale lets a range share it ("six to eight million")."""
        words = phrase_key(text).replace("-", " ").split()
        if words and words[-1] in self.vocabulary.scale_words:
            return self.vocabulary.scale_words[words[-1]]
        return 1.0

    def _words_value(self, text: str) -> float | None:
        words = phrase_key(text).replace("-", " ").split()
        if words and all(word in self.vocabulary.scale_words or word == "hundred" for word in words):
            return None  # "(USD billion)" in a label states a scale, not a number
        if words and words[0] == "a":
            words[0] = "one"
        multiplier = 1.0
        if words and words[-1] == "dozen":
            multiplier = self.vocabulary.dozen
            words = words[:-1] or ["one"]
        try:
            return float(text2num(" ".join(words), "en")) * multiplier
        except ValueError:
            return None


@lru_cache(maxsize=None)
def quantity_grammar(
    decimal_comma: bool = False, rules_path: str = DEFAULT_RULES, currency_rules: str = CURRENCY_RULES
) -> QuantityGrammar:
    """The grammar for one number convention, built from the rule files (cached per process)."""
    return QuantityGrammar(number_vocabulary(rules_path), currency_table(currency_rules), decimal_comma)


def parse_quantity(text: str, decimal_comma: bool = False) -> Quantity | None:
    """"USD 17.5 million" -> 17500000 USD; "a quarter of" -> 25 percent; "around 45%" -> 45 percent, "around".

    `text` is one quantity (a trailing "of ..." is needed only for fractions); None if it is not one.
    """
    grammar = quantity_grammar(decimal_comma)
    stripped = text.strip()
    match = grammar.pattern.match(stripped)
    if match is None or stripped[match.end() :].strip() and not match.group("fraction"):
        return None
    quantity = grammar.parse_match(match)
    if quantity is not None and (quantity.scale_if_counting or quantity.fraction_alone):
        return None  # "5m": metres or millions? "a quarter": a part or a period? The sentence decides.
    return quantity


def parse_number(text: str, decimal_comma: bool = False) -> float | None:
    """The value of a number as written: "23,275", "17.5 million", "twenty-five", "half a million"."""
    quantity = parse_quantity(text, decimal_comma)
    return quantity.value if quantity is not None else None


def percent_change(base: float, new: float) -> float | None:
    """Relative change from `base` to `new` in percent; None when the base is zero."""
    if base == 0:
        return None
    return (new - base) / base * 100.0


def change_tolerance(decimals: int) -> float:
    """How far a computed change may be from a stated one and still agree: one unit of the last
    stated digit ("70%" agrees with 70.98%; "70.5%" needs 70.4..70.6), since reports round or truncate."""
    return 10.0 ** (-decimals)


def stated_change_disagreement(
    base: float, new: float, stated: float, direction: Literal["up", "down"], decimals: int = 0, points: bool = False
) -> str | None:
    """A short message when a stated change ("down 70%") disagrees with its figures beyond rounding; else None.

    `points`: the change is in percentage points and the figures are percents (absolute difference).
    """
    computed = (new - base) if points else percent_change(base, new)
    if computed is None:
        return None
    signed = -abs(stated) if direction == "down" else abs(stated)
    if abs(computed - signed) < change_tolerance(decimals):
        return None
    unit = " points" if points else "%"
    return f"stated {signed:+g}{unit} but figures give {computed:+.1f}{unit}"
