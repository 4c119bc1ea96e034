"""The year ranges of a text, and the one attached to a name.

A range is attached when it is written right after the name ("Strategy 2019-2022",
"Strategy (2015-2020)"), after its acronym ("Plan (NMP) 2019-2022"), after a clause
that says the name runs over it ("Plan, which runs through 2035", "Programme,
implemented since 2020", "Plan, in force from 2018 to 2022"), after a short
descriptive complement ("Strategy for ... in Montenegro for the period 2017-2020"),
or right before the name ("the 2018–2023 National Employment Action Plan"). A deadline
("by 2027") ends the period only after a clause saying the name is carried out by then
("the Plan, which is to be fully implemented by 2027"), as "until 2027" would; a deadline
for adopting or drafting one is no period. A single year closing a title ("Vision 2035")
is the title's year; a law's year and number ("Law No 4 of 2024", "Law No. 2015-36",
"Law 02-03") are no period at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from pipeline.components.strategy_finder.candidate import Candidate
from pipeline.components.strategy_finder.law_titles import law_number_end
from pipeline.components.strategy_finder.names import (
    comma_title_end,
    complement_word,
    trim_tail,
)
from pipeline.components.strategy_finder.patterns import DEADLINE, YEAR_FIRST, StrategyMatchers
from pipeline.components.strategy_finder.title_years import subtitle_year_after
from pipeline.components.strategy_finder.tokens import HYPHENS
from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.components.strategy_finder.windows import ShapeTest, matches_in, merged_windows, positions_of_words
from pipeline.normalise.years import END_ONLY, YearRange, read_year_range, single_year

_YEAR_FIRST = re.compile(YEAR_FIRST)
_STARTS_WITH_DIGIT = ShapeTest(lambda shape: shape.startswith("d"))
_STARTS_WITH_DIGITS = ShapeTest(lambda shape: shape.lstrip("X").startswith("dddd"))  # as a year does ("FY2023/24")


class YearRanges:
    """Every year range of a doc by token offsets: the longest readings, without overlaps or law numbers.

    Indexed by where ranges start and end, so that each name looks up its range in constant time.
    """

    def __init__(self, doc: Doc, matchers: StrategyMatchers, vocab: Vocabulary) -> None:
        identifiers = _identifier_tokens(doc, vocab)
        found: list[tuple[int, int, YearRange, bool]] = []
        windows = matchers.range_words.windows(doc, year_tokens(doc), matchers.range_reach)  # a range holds a year
        for match_id, start, end in matches_in(matchers.ranges, doc, windows):
            if doc[start].text == "(" and doc[end - 1].text != ")":
                start += 1
            if identifiers.intersection(range(start, end)):
                continue  # "Law No. 2015-36", "Proclamation No. 1110/2019": a number, not a period
            label = doc.vocab.strings[match_id]
            parsed = read_year_range(END_ONLY if label == DEADLINE else label, doc[start:end].text)
            if parsed is not None:
                found.append((start, end, parsed, label == DEADLINE))
        found.sort(key=lambda item: (-(item[1] - item[0]), item[0]))
        self.covered: set[int] = set()
        self.by_offsets: dict[tuple[int, int], YearRange] = {}
        self._deadline_at: dict[int, tuple[int, int]] = {}  # start -> "by 2027" range
        self._period_at: dict[int, tuple[int, int]] = {}  # start -> any other range
        self._period_ending_at: dict[int, tuple[int, int]] = {}
        for start, end, parsed, deadline in found:
            if self.covered.isdisjoint(range(start, end)):
                self.covered.update(range(start, end))
                self.by_offsets[(start, end)] = parsed
                if deadline:
                    self._deadline_at[start] = (start, end)
                else:
                    self._period_at[start] = self._period_ending_at[end] = (start, end)
        # where a clause leading to a range starts -> (where it ends, whether it leads to a deadline);
        # only the clauses that end where a range starts lead to one
        windows = merged_windows(((start - matchers.clause_length, start) for start in self.range_starts()), len(doc))
        self.link_ends: dict[int, set[tuple[int, bool]]] = {}
        for match_id, start, end in matches_in(matchers.clause_links, doc, windows):
            self.link_ends.setdefault(start, set()).add((end, doc.vocab.strings[match_id] == DEADLINE))

    def range_starts(self) -> list[int]:
        """Where the ranges start, deadlines included."""
        return [*self._period_at, *self._deadline_at]

    def starting(self, position: int, deadline: bool = False) -> tuple[int, int] | None:
        """The range starting at `position`; a deadline ("by 2027") only when a deadline clause led to it."""
        found = self._period_at.get(position)
        if found is None and deadline:
            found = self._deadline_at.get(position)
        return found

    def ending(self, position: int) -> tuple[int, int] | None:
        return self._period_ending_at.get(position)

    def covers(self, position: int) -> bool:
        return position in self.covered


def year_tokens(doc: Doc) -> list[int]:
    """The tokens that start with a year ("2019", "2019–2022"): every year range holds one."""
    return [i for i in _STARTS_WITH_DIGITS.positions(doc) if _YEAR_FIRST.match(doc[i].text)]


def _identifier_tokens(doc: Doc, vocab: Vocabulary) -> set[int]:
    """Tokens of a law's or decree's number: after "No." and the like, or right after its head ("Law 02-03").

    A number starts at a number marker or a digit, so only those tokens are tried.
    """
    tokens: set[int] = set()
    for position in sorted({*positions_of_words(doc, vocab.number_markers), *_STARTS_WITH_DIGIT.positions(doc)}):
        end = law_number_end(doc, position, len(doc), vocab)
        if end is not None:
            tokens.update(range(position + (doc[position].lower_ in vocab.number_markers), end))
    return tokens


class RangeAttacher:
    """Attaches to a candidate name of one doc the year range the text gives it."""

    def __init__(self, doc: Doc, vocab: Vocabulary, ranges: YearRanges, places: frozenset[int]) -> None:
        self.doc = doc
        self.vocab = vocab
        self.ranges = ranges
        self.places = places  # tokens of places, which a long title may list

    def attach(self, candidate: Candidate, limit: int, title: bool) -> None:
        """The range after the name (directly, past an acronym or a clause, past a complement), else before it."""
        doc, ranges = self.doc, self.ranges
        after = candidate.end
        acronym_end = acronym_parenthesis_end(doc, after, limit)
        for position in (after, acronym_end):
            if position is None:
                continue
            found = ranges.starting(position)
            if found is None:
                found = self._range_after_clause(position, limit)
            if found is not None:
                set_range(candidate, found, ranges)
                return
        found = self._range_after_comma(after, limit)
        if found is not None:
            set_range(candidate, found, ranges)
            return
        if title and self._title_year(candidate, limit):
            return
        if title and self._subtitle_year(candidate):
            return
        if title and self._comma_title_to_range(candidate, limit):
            return
        complement_end = self._complement_to_range(after, limit)
        if complement_end is not None:
            candidate.end = trim_tail(doc, candidate.start, complement_end, self.vocab)
            set_range(candidate, ranges.starting(complement_end), ranges)
            return
        set_range(candidate, ranges.ending(candidate.start), ranges)

    def attach_inside_quotes(self, candidate: Candidate, chain_end: int) -> None:
        """A range closing a quoted title belongs to it (“... Action Plan 2012 – 2016”), else attach as usual."""
        found = self.ranges.ending(candidate.end)
        if found is not None and found[0] > chain_end:
            candidate.end = trim_tail(self.doc, candidate.start, found[0], self.vocab)
            set_range(candidate, found, self.ranges)
        else:
            self.attach(candidate, self.doc[candidate.start].sent.end, title=False)

    def _range_after_clause(self, position: int, limit: int) -> tuple[int, int] | None:
        """A range after a clause that says the name runs over it: ", which runs through 2035", or is carried
        out by a deadline: ", which is to be fully implemented by 2027"."""
        for end, deadline in sorted(self.ranges.link_ends.get(position, ()), reverse=True):
            found = self.ranges.starting(end, deadline=deadline)
            if found is not None and found[1] <= limit:
                return found
        return None

    def _range_after_comma(self, comma: int, limit: int) -> tuple[int, int] | None:
        """A range set off by a comma that closes the name's clause: "National Strategy on Overseas Employment,
        2022 to 2027;" in a list. A range that goes on into the sentence ("..., 2019-2022 saw") is not the name's."""
        if comma >= limit or self.doc[comma].text != ",":
            return None
        found = self.ranges.starting(comma + 1)
        if found is None or found[1] > limit:
            return None
        following = self.doc[found[1]] if found[1] < limit else None
        if following is None or following.is_space or (following.is_punct and following.text not in HYPHENS):
            return found
        return None

    def _title_year(self, candidate: Candidate, limit: int) -> bool:
        """A single year closing a title ("Vision 2035", "Refugees Act 2006", "Law No 4 of 2024") stays in the name."""
        doc = self.doc
        position = candidate.end
        kind = self.vocab.kind_of(doc[candidate.start:candidate.end])
        if kind == "law" and position + 1 < limit and doc[position].lower_ == "of":
            position += 1
        elif kind == "law" and comma_year_closes(doc, position, limit):
            position += 1  # "... Regulations, 2021": the year of a law's short title, after a comma
        if position >= limit or single_year(doc[position].text) is None:
            return False
        if position + 1 < limit and (doc[position + 1].text in HYPHENS or doc[position + 1].like_num):
            return False
        if self.ranges.covers(position):
            return False
        if position != candidate.end and kind != "law":
            return False
        candidate.end = position + 1
        if kind != "law":  # a law's year is its year of enactment, not a period
            candidate.years = YearRange(None, single_year(doc[position].text))
        return True

    def _subtitle_year(self, candidate: Candidate) -> bool:
        """A subtitle closing on its year is part of the title ("...: Workforce 2030"); not a law's (no period)."""
        if self.vocab.kind_of(self.doc[candidate.start:candidate.end]) == "law":
            return False
        found = subtitle_year_after(self.doc, candidate.end, self.vocab, self.ranges.covers)
        if found is None:
            return False
        candidate.end, candidate.years = found
        return True

    def _comma_title_to_range(self, candidate: Candidate, limit: int) -> bool:
        """A long title goes on over comma-separated capitalised parts to the range that closes it."""
        end = comma_title_end(self.doc, candidate.end, limit, self.vocab, self.places,
                              lambda position: self.ranges.starting(position) is not None)
        if end is None:
            return False
        candidate.end = end
        set_range(candidate, self.ranges.starting(end), self.ranges)
        return True

    def _complement_to_range(self, position: int, limit: int) -> int | None:
        """Where a range starts after a short descriptive complement ("... in Montenegro for the period 2017-2020")."""
        steps = 0
        while position < limit and steps <= self.vocab.max_complement_tokens:
            if self.ranges.starting(position) is not None:
                return position if steps else None
            token = self.doc[position]
            if not complement_word(self.doc, position, self.vocab) or self.vocab.is_head(token):
                return None  # a complement holds no other name: "... and the Anti-corruption Strategy 2020-2025"
            position += 1
            steps += 1
        return None


def end_before_range(doc: Doc, start: int, end: int, vocab: Vocabulary, covers: Callable[[int], bool]) -> int:
    """A name ends where a range inside its capitalised words starts ("Safe Migration Action Plan for FY2023/24":
    the fiscal year is the plan's period, not its title), without the connectors before the range."""
    for position in range(start + 1, end):
        if covers(position):
            return trim_tail(doc, start, position, vocab)
    return end


def comma_year_closes(doc: Doc, comma: int, limit: int) -> bool:
    """A comma and a year that close a law's title ("Regulations, 2021,"): punctuation or the end follows the year,
    so the year is not the first of a list of years or the start of a new clause ("Act, 2006 and 2010")."""
    year = comma + 1
    if year >= limit or doc[comma].text != "," or single_year(doc[year].text) is None:
        return False
    if year + 1 >= limit:
        return True
    if year + 2 < limit and doc[year + 1].text == "," and single_year(doc[year + 2].text) is not None:
        return False  # "Act, 2019, 2020 and 2021 ...": a list of years
    return doc[year + 1].is_punct and doc[year + 1].text not in HYPHENS


def set_range(candidate: Candidate, found: tuple[int, int] | None, ranges: YearRanges) -> None:
    if found is None:
        return
    candidate.range_start, candidate.range_end = found
    candidate.years = ranges.by_offsets[found]


def acronym_parenthesis_end(doc: Doc, position: int, limit: int) -> int | None:
    """After "(NMP)", "(JRP)" or "(NST2)": where a range written after the acronym would start.

    An acronym may carry a number ("NST2" is the second National Strategy for Transformation); it
    opens on a letter, so "(2019)" is no acronym.
    """
    if position + 2 < limit and doc[position].text == "(" and doc[position + 2].text == ")" \
            and is_acronym(doc[position + 1].text):
        return position + 3
    return None


def is_acronym(text: str) -> bool:
    """Capital letters, maybe with digits after the first: "NMP", "NST2", "3RP" no (it opens on a digit)."""
    return text[:1].isalpha() and text.isupper() and text.isalnum()
