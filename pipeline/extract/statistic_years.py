"""The year a figure refers to, read from the clause structure of its sentence, not from position.

A year counts for a figure when the sentence ties them together:
- the year modifies the figure's noun or the subject of the figure's clause ("the 2020 funding
  target of USD 30 million", "the 2023 appeal ... had been funded at only 38 per cent");
- the year sits in the figure's own phrase ("23,275 in 2019", "one in four migrants interviewed
  ... in 2022", "about a third of workers ... in 2023");
- the year is a point in time of the figure's clause ("22.7 per cent of GDP in 2023"): the first
  such year after the figure with no other figure between, else one before it that no earlier
  figure of the clause already took ("from 23,275 in 2019 down 70% to 6,755" gives 6,755 none);
- the year opens the sentence ("In 2019, ...", "As of 13 June 2024, ...") and so scopes over it,
  or belongs to a clause that governs the figure's clause or comes before it in a coordination
  ("took up jobs abroad in 2023, of whom about 8 per cent were women") - in both cases only
  when the figure's clause is in the past: "..., and more than 2,000 workers leave every day" is
  about now, not 2023;
- the year is in a clause the figure's clause runs alongside: after a semicolon ("... in 2024;
  38 per cent of trainees were women") or opened by "while", in the past; or in a verb that shares
  the figure as subject ("1.3 million returned or were forced to return ... in 2025"); or the
  figure restates one that has it ("US$ 11.8 billion in 2023, equivalent to 8 per cent of GDP");
- the money is sought by an annual appeal or budget whose title closes with the year ("The
  Response Plan 2025 seeks US$ 2.4 billion").
"mid-2023" is 2023, and a span between two dates of one year ("between January and July 2025")
is a point in that year. A year in another clause does not count ("has 3.86 million IDPs, and
in 2023 alone some 28,000 households ...": the 3.86 million has no year), nor one in a participle of its own ("the Policy,
adopted in 2016, ... 29 offices"), nor the edge of a period ("since 2019", "Since the outbreak of
conflict in April 2023"). "That year", "the same year" and "by the end of the year" stand for
the last year named before (in the sentence; for "that year" also the sentence before); "the
same period" too, when the last time named is one year and not a period. A stated
change ("down 70%") takes only a year of its own phrase or right after it: it compares years.
A year a comparison starts from ("3.8% more than in 2023", "compared with 2022") is not the
figure's. Figures of one clause share the year an earlier one took ("2.3 million transactions in
the first half of 2024 at an average fee of USD 3.90") unless a comma, a stated change or a
comparison's base parts them; a share "of whom" takes its whole's year; "for the 2024 fiscal year"
is a point in 2024; a participle describing a noun ("fines totalling VND 2.86 billion") is as dated
as the clause it hangs from.
A figure in a table cell with no year from these rules takes the one year its cell states, else
the one its column header states, else the one in its row's "Year" column, else its row header's
("2019-2022" states no one year).

The parse of en_core_web_sm attaches phrases loosely, so clauses are read with tolerances: an
infinitive with no subject, or a bare participle completing a verb, belongs to the clause it
hangs from ("appealed for USD 2.8 billion to provide ... in 2017", "had their licences suspended
in 2023"); the words between a coordinating "and" and the clause after it belong to that clause
("and in 2023 alone some 28,000 households were supported"); and a phrase coordinated with a
verb is a clause of its own ("..., adopted in 2021, and to the Commission's plan to register
100,000 ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from pipeline.components.statistic_intervals import Intervals
from pipeline.components.statistic_tables import row_cell_under
from pipeline.normalise.years import YEAR_PATTERN

_VERBS = {"VERB", "AUX"}
_NOT_CLAUSE_HEADS = {"aux", "auxpass", "amod", "compound", "prep"}  # "according to", "including": prepositions
_SUBJECTS = {"nsubj", "nsubjpass"}
_PAST_TAGS = {"VBD", "VBN"}
_NON_PAST_AUX_TAGS = {"VBZ", "VBP", "MD"}
_NOUN_MODIFIER_DEPS = {"compound", "nummod", "amod", "npadvmod", "nmod", "poss"}
_YEAR_IN_TEXT = re.compile(rf"(?<![\d.,/]){YEAR_PATTERN}(?![\d.,/])")
_YEAR_TOKEN = re.compile(rf"(?:([^\W\d_]+)[-‐])?({YEAR_PATTERN})")  # "2023", "mid-2023"


@dataclass(frozen=True)
class YearRules:
    """The words that make a year a point in time, the edge of a period or a back-reference."""

    year_prepositions: tuple[str, ...]
    period_edge_words: frozenset[str]
    period_opening_words: frozenset[str]
    open_period_followers: tuple[str, ...]
    anaphoric_years: dict[str, str]  # "that year" -> "previous sentence" / "sentence"
    own_time_words: frozenset[str]  # a clause with one of these keeps its own time ("since", "now")
    relative_years: tuple[str, ...]  # "last year", "this year"
    months: frozenset[str]
    year_part_prefixes: tuple[str, ...] = ()  # "mid-2023"
    date_parts: frozenset[str] = frozenset()  # between a year and its preposition: "in early March 2020", "on 11th"
    clause_break: re.Pattern[str] | None = None  # "; in 2024", ", and the budget for 2024"
    naming_year_links: frozenset[str] = frozenset()  # "the same period of 2023" names its year
    date_range_joiners: frozenset[str] = frozenset()  # "between January and July 2025"
    restating_words: frozenset[str] = frozenset()  # "equivalent to 8 per cent of GDP"
    parallel_clause_marks: frozenset[str] = frozenset()  # "..., while 558 people died"
    annual_title_words: tuple[str, ...] = ()  # "Response Plan 2025 seeks US$ 2.4 billion"
    comparison_base_words: tuple[str, ...] = ()  # "3.8% more than in 2023": 2023 is the base compared with
    year_period_nouns: tuple[str, ...] = ()  # "for the 2024 fiscal year" is a point in time
    year_noun_determiners: frozenset[str] = frozenset()  # "the" of "the 2024 fiscal year"
    table_year_headers: frozenset[str] = frozenset()  # a table column headed "Year" dates its row

    @cached_property
    def anaphoric_ends(self) -> frozenset[str]:
        """The last words of "that year", "the same period"..."""
        return frozenset(phrase.split()[-1] for phrase in self.anaphoric_years)

    @cached_property
    def anaphoric_phrases(self) -> tuple[tuple[str, ...], ...]:
        """The phrases as words, longest first."""
        return tuple(tuple(phrase.split()) for phrase in sorted(self.anaphoric_years, key=len, reverse=True))


@dataclass(frozen=True)
class YearMention:
    token: Token  # the year, or the noun "year" of "that year"
    year: int
    kind: str  # "point" ("in 2019"), "modifier" ("the 2020 target"), "edge" ("since 2009", "2019-2022")


# --- clauses ---------------------------------------------------------------------------------------


class Clauses:
    """Which clause each token of a sentence belongs to, and how the clauses hang together."""

    def __init__(self, sent: Span, rules: YearRules) -> None:
        self.sent = sent
        self.rules = rules
        self.root = sent.root
        self._regions: list[tuple[int, Token]] = []  # (first token index, conjoined clause head)
        for token in sent:
            if token.dep_ == "conj" and self._is_clause_head(token):
                start = self._region_start(token)
                if start is not None:
                    self._regions.append((start, token))

    @staticmethod
    def _is_clause_head(token: Token) -> bool:
        return token.pos_ in _VERBS and token.dep_ not in _NOT_CLAUSE_HEADS

    @staticmethod
    def _non_finite(token: Token) -> bool:
        """An infinitive with no subject of its own ("to provide", "invest" after it), or a bare
        participle completing a verb ("had their licences suspended in 2023")."""
        if token.dep_ == "ROOT":
            return False
        children = list(token.children)
        if token.tag_ == "VBN" and token.dep_ in {"ccomp", "xcomp"}:
            return not any(child.dep_ in {"aux", "auxpass"} for child in children)
        if token.tag_ != "VB" or any(child.dep_ in _SUBJECTS for child in children):
            return False
        return all(child.lower_ == "to" for child in children if child.dep_ == "aux")

    def _region_start(self, clause: Token) -> int | None:
        """A conjoined clause starts right after its "and" / comma, even where the parse hangs
        the words in between on the clause before."""
        head = clause.head
        for index in range(clause.left_edge.i - 1, head.i, -1):
            token = clause.doc[index]
            if token.head.i in (head.i, clause.i) and (token.dep_ == "cc" or token.text in {",", ";"}):
                return index + 1
        return None

    def base_clause(self, token: Token) -> Token:
        """The nearest verb above the token (itself included) that heads a clause."""
        current = token
        while True:
            if self._is_clause_head(current) and not self._non_finite(current):
                return current
            if current.head.i == current.i or current.i == self.root.i:
                return current
            if (
                current.dep_ == "conj" and current.pos_ not in _VERBS and self._is_clause_head(current.head)
                and not _joins_a_noun(current)
            ):
                return current  # "..., adopted in 2021, and to the plan to ...": a clause of its own
            current = current.head

    def clause_of(self, token: Token) -> Token:
        """The clause a token belongs to: its base clause, or the conjoined clause whose "and" it follows."""
        base = self.base_clause(token)
        best: tuple[int, Token] | None = None
        for start, clause in self._regions:
            sibling = base.dep_ == "conj" and base.head.i == clause.head.i  # "and in 2023 alone some ..."
            inside = start <= token.i < clause.left_edge.i and (self.governs(base, clause) or sibling)
            if inside and (best is None or start > best[0]):
                best = (start, clause)
        return best[1] if best is not None else base

    @staticmethod
    def governs(upper: Token, lower: Token) -> bool:
        """Is `lower` inside the subtree of `upper` (or the same token)?"""
        return upper.left_edge.i <= lower.i <= upper.right_edge.i and (
            lower.i == upper.i or any(ancestor.i == upper.i for ancestor in lower.ancestors)
        )

    def can_share_year(self, clause: Token) -> bool:
        """A clause in the past that says nothing of its own time ("were lodged", "had registered",
        "attended by") can take the year of the clause it depends on or follows; one in the present
        ("leave every day") or with its own time ("had fallen ... since the end of COVID-19
        restrictions", "last year") cannot."""
        if clause.tag_ not in _PAST_TAGS:
            return False
        if any(child.dep_ in {"aux", "auxpass"} and child.tag_ in _NON_PAST_AUX_TAGS for child in clause.children):
            return False
        return not self.has_own_time(clause)

    def has_own_time(self, clause: Token) -> bool:
        """Does the clause say something of its own time ("now operating", "since 2019", "last year")?"""
        for child in clause.children:
            if child.dep_ in {"prep", "advmod", "npadvmod"}:
                if child.lower_ in self.rules.own_time_words:
                    return True
                phrase = " ".join(t.lower_ for t in child.subtree)
                if any(re.search(rf"\b{re.escape(p)}\b", phrase) for p in self.rules.relative_years):
                    return True
        return False

    def shares_subject(self, clause: Token, other: Token, figure: Token) -> bool:
        """Is `other` a verb coordinated with the clause that takes the figure, the clause's subject,
        as its own ("1.3 million Afghans returned or were forced to return ... between January and
        July 2025")?"""
        if other.dep_ != "conj" or other.head.i != clause.i or any(c.dep_ in _SUBJECTS for c in other.children):
            return False
        return any(c.dep_ in _SUBJECTS and self.governs(c, figure) for c in clause.children)

    def runs_alongside(self, year: Token, year_clause: Token, clause: Token, figure: Token) -> bool:
        """Does the clause run alongside the year's earlier clause in the past: right after a
        semicolon that follows the year ("... in the first nine months of 2024; 38 per cent of
        trainees were women"), or opened by "while" ("..., while at least 558 people died")?"""
        if year_clause.tag_ not in _PAST_TAGS:
            return False
        if sum(1 for t in self.sent.doc[year.i + 1 : figure.i] if t.text == ";") == 1:
            return True
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in self.rules.parallel_clause_marks]
        return bool(marks) and year.i < marks[0].i

    def opens_sentence(self, mention: YearMention) -> bool:
        """"In 2019, ...", "As of 13 June 2024, ...": a year phrase before the main clause."""
        clause = self.clause_of(mention.token)
        if clause.i != self.root.i or mention.token.i > clause.i:
            return False
        top = mention.token
        while top.head.i != clause.i and top.head.i != top.i:
            top = top.head
        first = next((t for t in self.sent if not (t.is_punct or t.is_space)), None)
        return first is not None and top.left_edge.i <= first.i


def _joins_a_noun(conj: Token) -> bool:
    """Is a noun the parse coordinates with a verb really the second of two nouns ("grown to 826,000
    nurses and midwives by March 2024")? Then it stays in that noun's clause."""
    doc = conj.doc
    joiner = doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
    if joiner is None or joiner.dep_ != "cc" or joiner.i == 0:
        return False
    previous = doc[joiner.i - 1]
    return previous.pos_ in {"NOUN", "PROPN"} and previous.tag_ == conj.tag_


# --- year mentions ---------------------------------------------------------------------------------


def year_mentions(
    sent: Span, text: str, rules: YearRules, figures: Intervals, before: list[YearMention]
) -> list[YearMention]:
    """The years written in a sentence (each a point in time, a noun modifier or a period edge),
    with "that year" and the like standing for the year named last before them.

    `text` is the doc's text, read once (`doc.text` rebuilds it); `figures` the figures' offsets."""
    doc = sent.doc
    found: list[YearMention] = []
    for token in sent:
        year = written_year(token, rules)
        if year is not None:
            if figures.covers(token.idx):
                continue  # "2000 participants" is a figure
            found.append(YearMention(token, year, _year_kind(doc, text, token, token, rules, figures)))
            continue
        reach = _anaphoric_reach(token, rules)
        if reach is None:
            continue
        earlier = found or (before if reach == "previous sentence" else [])
        if token.lower_ == "year":
            named = [m for m in found if m.kind != "edge"]
            if not named and reach == "previous sentence":
                named = [m for m in before if m.kind != "edge"]
        else:  # "the same period": only when the last time named is one year
            named = earlier[-1:] if earlier and earlier[-1].kind != "edge" else []
        if named:
            first = token.doc[token.i - len(_phrase_words(token, rules)) + 1]
            found.append(YearMention(token, named[-1].year, _year_kind(doc, text, first, token, rules, figures)))
    return found


def written_year(token: Token, rules: YearRules) -> int | None:
    """The year a token writes (`pipeline.normalise.years.YEAR_PATTERN`): "2023", or with a
    part-of-year prefix "mid-2023"."""
    match = _YEAR_TOKEN.fullmatch(token.text)
    if match is None or (match.group(1) and match.group(1).casefold() not in rules.year_part_prefixes):
        return None
    return int(match.group(2))


def _phrase_words(token: Token, rules: YearRules) -> tuple[str, ...]:
    for words in rules.anaphoric_phrases:
        if token.i + 1 >= len(words):
            start = token.i - len(words) + 1
            if tuple(t.lower_ for t in token.doc[start : token.i + 1]) == words:
                return words
    return ()


def _anaphoric_reach(token: Token, rules: YearRules) -> str | None:
    """How far back "that year" / "the same period" may look, if the token ends such a phrase."""
    if token.lower_ not in rules.anaphoric_ends:
        return None
    following = token.doc[token.i + 1 : token.i + 3]
    if following and (
        following[0].shape_ == "dddd" or following[0].lower_ in rules.naming_year_links and following[-1].shape_ == "dddd"
    ):
        return None  # "the year 2023", "the same period of 2023" name it
    words = _phrase_words(token, rules)
    return rules.anaphoric_years[" ".join(words)] if words else None


def _year_kind(doc: Doc, text: str, first: Token, year: Token, rules: YearRules, figures: Intervals) -> str:
    following = text[year.idx + len(year.text) : year.idx + len(year.text) + 14].casefold().lstrip()
    if any(following.startswith(word) for word in rules.open_period_followers):
        return "edge"  # "for 2021 and beyond"
    for neighbour in (doc[first.i - 1] if first.i > 0 else None, doc[year.i + 1] if year.i + 1 < len(doc) else None):
        if neighbour is not None and neighbour.text in {"-", "–", "—", "/"}:
            return "edge"  # "2019-2022"
    anaphoric = first.i != year.i  # "that year": a point in time unless an edge word opens it
    i = first.i - 1
    while i >= 0 and _is_date_part(doc[i], rules):
        i -= 1  # "in March 2020", "on 11 September 2013"
    if not anaphoric and _closes_date_range(doc, i, first.i, rules):
        return "point"  # "between January and July 2025": a span inside the year
    if not anaphoric and _names_a_period(text, year, rules):
        while i >= 0 and doc[i].lower_ in rules.year_noun_determiners:
            i -= 1  # "for the 2024 fiscal year" is "for 2024"
    if i < 0 or doc[i].is_sent_end or doc[i].is_punct:
        return "point" if anaphoric else "modifier"
    preceding = " ".join(t.lower_ for t in doc[max(0, i - 3) : i + 1])
    stated = [p for p in rules.year_prepositions if preceding == p or preceding.endswith(" " + p)]
    if any(p.split()[0] in rules.period_edge_words for p in stated):
        return "point"  # "since the start of 2023": within that year
    if doc[i].lower_ in rules.period_edge_words:
        return "edge"
    if _inside_period_phrase(year, rules, figures):
        return "edge"  # "Since the outbreak of conflict in Sudan in April 2023"
    if _compared_with(preceding, stated, rules):
        return "base"  # "3.8% more than in 2023": the year compared with, not the figure's
    return "point" if stated or anaphoric else "modifier"


def _names_a_period(text: str, year: Token, rules: YearRules) -> bool:
    """Does a period noun follow the year ("the 2024 fiscal year")? The phrase then stands for the year."""
    following = text[year.idx + len(year.text) :].lstrip().casefold()
    return any(re.match(rf"{re.escape(noun)}\b", following) for noun in rules.year_period_nouns)


def _compared_with(preceding: str, stated: list[str], rules: YearRules) -> bool:
    """Do the words before the year (through its preposition) end with a comparison's base word
    ("than in 2023", "compared with 2022")? Such a year is what a change is measured against."""
    heads = [preceding] + [preceding[: -len(p)].rstrip() for p in stated]
    return any(
        head == word or head.endswith(" " + word) for head in heads for word in rules.comparison_base_words
    )


def _closes_date_range(doc: Doc, joiner: int, year: int, rules: YearRules) -> bool:
    """Is doc[joiner] the "and" / "to" of a span between two dates that the year closes
    ("between January and July 2025", "from 10 to 12 June 2025")?"""
    if joiner < 1 or joiner >= year - 1 or doc[joiner].lower_ not in rules.date_range_joiners:
        return False
    start = doc[joiner - 1]
    return start.lower_ in rules.months or (start.like_num and len(start) <= 2)


def _is_date_part(token: Token, rules: YearRules) -> bool:
    return token.lower_ in rules.months or token.lower_ in rules.date_parts or (token.like_num and len(token) <= 2)


def _inside_period_phrase(year: Token, rules: YearRules, figures: Intervals) -> bool:
    """Does the year hang, through prepositions and nouns, from "since" / "until" before any verb or figure?"""
    for ancestor in year.ancestors:
        if ancestor.pos_ in _VERBS or figures.covers(ancestor.idx):
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in rules.period_opening_words:
            return True
    return False


# --- assigning years ---------------------------------------------------------------------------------


def assign_years(doc: Doc, text: str, spans: list[Span], rules: YearRules, changes: set[int]) -> dict[int, int]:
    """The year each figure refers to, keyed by the figure's start (see the module docstring).

    `text`: the doc's text, read once; `changes`: starts of the figures that state a change ("down 70%")."""
    figures = Intervals((s._.figure.start_char, s._.figure.end_char) for s in spans)
    result: dict[int, int] = {}
    by_sentence: dict[int, list[Span]] = {}
    for span in spans:
        by_sentence.setdefault(span.sent.start, []).append(span)
    prepared = getattr(doc._, "prepared", None)
    previous: list[YearMention] = []
    previous_block = None
    for sent in doc.sents:
        block = prepared.block_at(sent.start_char) if prepared is not None else None
        if block != previous_block:
            previous = []
        mentions = year_mentions(sent, text, rules, figures, previous)
        previous, previous_block = mentions, block
        members = by_sentence.get(sent.start)
        if not members or not mentions:
            continue
        result.update(_sentence_years(sent, text, members, mentions, changes, rules))
    for span in spans:
        if span._.figure.start_char not in result:
            year = table_header_year(doc, text, span, rules, figures)
            if year is not None:
                result[span._.figure.start_char] = year
    return result


def _sentence_years(
    sent: Span, text: str, members: list[Span], mentions: list[YearMention], changes: set[int], rules: YearRules
) -> dict[int, int]:
    clauses = Clauses(sent, rules)
    points = [m for m in mentions if m.kind == "point"]
    figure_tokens = {t.i: span for span in members for t in _figure_phrase(span)}
    anchored = {m.token.i: _anchor(m.token, figure_tokens) for m in points}
    clause_of_year = {m.token.i: clauses.clause_of(m.token) for m in points}
    result: dict[int, int] = {}
    claimed: dict[int, list[tuple[int, Span]]] = {}  # clause head -> (year token, the figure before that took it)
    for span in members:
        start = span._.figure.start_char
        year = _own_modifier_year(span, mentions, figure_tokens)
        if year is None:
            year = _modifier_year(span, mentions, clauses)
        if year is None:
            year = _annual_title_year(span, mentions, clauses, rules)
        if year is not None:
            result[start] = year
            continue
        own = [m for m in points if anchored[m.token.i] is span]
        if own:
            result[start] = own[0].year
            claimed.setdefault(clauses.clause_of(span.root).i, []).append((own[0].token.i, span))
            continue
        clause = clauses.clause_of(span.root)
        same = [
            m for m in points
            if anchored[m.token.i] is None
            and (clause_of_year[m.token.i].i == clause.i or clauses.shares_subject(clause, clause_of_year[m.token.i], span.root))
        ]
        following = _following(span, text, members, same, rules)
        if following is not None:
            result[start] = following.year
            claimed.setdefault(clause.i, []).append((following.token.i, span))
            continue
        if start in changes:
            continue  # a change compares years: only a year of its own phrase or right after it
        related = (
            _restated_figure(span, text, members, clauses, rules, changes)
            or _fronted_whole(span, members, clauses)
            or _relative_whole(span, members, rules)
        )
        if related is not None and related._.figure.start_char in result:
            result[start] = result[related._.figure.start_char]  # "..., equivalent to 8 per cent of GDP"
            continue
        taken_before = {
            year_token for year_token, taker in claimed.get(clause.i, [])
            if _year_after(span, members, mentions)
            or _kept_apart(sent.doc[year_token], taker, span, members, text, changes, rules)
        }
        earlier = [m for m in same if m.token.idx < span._.figure.match_start and m.token.i not in taken_before]
        if earlier:
            result[start] = earlier[-1].year
            continue
        sharing = _sharing_clause(clause, clauses)
        scoping = [
            m for m in points
            if m.token.idx < span._.figure.match_start
            and anchored[m.token.i] is None
            and clause_of_year[m.token.i].i != clause.i
            and (clauses.opens_sentence(m) and (sharing.i == clauses.root.i or clauses.can_share_year(sharing))
                 or (clauses.governs(clause_of_year[m.token.i], clause) or clauses.runs_alongside(m.token, clause_of_year[m.token.i], clause, span.root))
                 and clauses.can_share_year(sharing))
        ]
        if scoping:
            result[start] = scoping[-1].year
    return result


def _restated_figure(
    span: Span, text: str, members: list[Span], clauses: Clauses, rules: YearRules, changes: set[int]
) -> Span | None:
    """The figure before this one in its clause that it restates: when it hangs from a restating
    word on its way to the clause ("US$ 11.8 billion in 2023, equivalent to roughly 8 per cent of
    GDP"), or is a share set off by a comma after it ("NPR 1.45 trillion in 2023, close to a
    quarter of GDP"). A stated change between ("an increase of 7.9 per cent over 2022 and a flow
    equal to nearly a fifth of GDP") is no amount to restate: the figure before it is."""
    clause = clauses.clause_of(span.root)
    before = [
        other for other in members
        if other._.figure.end_char <= span._.figure.match_start and clauses.clause_of(other.root).i == clause.i
        and other._.figure.start_char not in changes
    ]
    if not before:
        return None
    if span._.figure.quantity.unit == "percent" and _after_comma(span, text):
        return before[-1]
    token = span.root
    while token.i != clause.i and token.head.i != token.i:
        token = token.head
        if token.lower_ in rules.restating_words or token.lemma_.casefold() in rules.restating_words:
            return before[-1]
    return None


def _kept_apart(
    year: Token, taker: Span, span: Span, members: list[Span], text: str, changes: set[int], rules: YearRules
) -> bool:
    """Does the year an earlier figure of the clause took stay its own? So it does when either
    figure is the base of a comparison ("down from a record 140,982"), a stated change stands
    between ("from 23,275 in 2019 down 70% to 6,755"), or a comma sets the later figure off ("in
    2024, well above the target of 3 per cent"). Otherwise the clause's figures share it ("2.3
    million transactions in the first half of 2024 at an average fee of USD 3.90")."""
    taker_start, end = taker._.figure.match_start, span._.figure.match_start
    if "," in text[year.idx + len(year.text) : end]:
        return True
    if any(taker_start < other._.figure.start_char < end for other in members if other._.figure.start_char in changes):
        return True
    return _is_comparison_base(taker, text, rules) or _is_comparison_base(span, text, rules)


def _is_comparison_base(span: Span, text: str, rules: YearRules) -> bool:
    """Is the figure what a comparison starts from ("from 23,275", "down from a record 140,982")?"""
    start = span._.figure.match_start
    before = " " + " ".join(re.findall(r"[\w'-]+", text[max(0, start - 30) : start].casefold()))
    return any(before.endswith(" " + word) for word in rules.comparison_base_words)


def _relative_whole(span: Span, members: list[Span], rules: YearRules) -> Span | None:
    """The figure a share "of whom" / "of which" takes part of ("826,000 nurses ... by March 2024,
    over a quarter of whom trained abroad"): the figure before it, whose year it shares - unless
    the relative clause dates itself ("a fifth of which had been received by the end of February")."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of" or doc[span.end + 1].tag_ not in {"WP", "WDT"}:
        return None
    for token in doc[span.end + 2 : span.sent.end]:
        if token.text in {",", ";"}:
            break
        if token.lower_ in rules.months or token.lower_ in rules.own_time_words or written_year(token, rules):
            return None
    before = [other for other in members if other._.figure.end_char <= span._.figure.match_start]
    return before[-1] if before else None


def _year_after(span: Span, members: list[Span], mentions: list[YearMention]) -> bool:
    """Is a year of any kind written after the figure, before the next figure not its own ("close to
    US$ 2.2 billion for 2021 and beyond")? The figure then has a time of its own, not the one before it."""
    end = span._.figure.end_char
    group = _group(span, members)  # its bracketed equivalent stands between: "US$ 2.2 billion (€ 2 billion) for 2021"
    following = [
        other._.figure.match_start for other in members
        if other._.figure.match_start >= end and other._.figure.start_char not in group
    ]
    limit = min(following, default=None)
    return any(m.token.idx >= end and (limit is None or m.token.idx < limit) for m in mentions)


def _sharing_clause(clause: Token, clauses: Clauses) -> Token:
    """The clause whose time a participle describing a noun shares: "imposed fines totalling VND
    2.86 billion" is as dated as "imposed"; "desks now operating in 29 offices" has a time of its own."""
    while (
        clause.dep_ == "acl" and clause.tag_ in {"VBG", "VBN"} and clause.head.i != clause.i
        and not clauses.has_own_time(clause)
    ):
        outer = clauses.clause_of(clause.head)
        if outer.i == clause.i:
            break
        clause = outer
    return clause


def _own_modifier_year(span: Span, mentions: list[YearMention], figure_tokens: dict[int, Span]) -> int | None:
    """A year modifying a common noun inside the figure's own phrase ("58 per cent for the 2022
    appeal", "the 55 countries named on the 2023 edition of the List"): the figure's year, before
    any year of its clause's subject."""
    for mention in mentions:
        token = mention.token
        if mention.kind != "modifier" or token.dep_ not in _NOUN_MODIFIER_DEPS or not token.head.is_lower:
            continue
        if _anchor(token, figure_tokens) is span:
            return mention.year
    return None


def _after_comma(span: Span, text: str) -> bool:
    """Does a comma stand right before the figure and its qualifier ("..., around 7 per cent of ...")?"""
    index = span._.figure.match_start
    while index > 0 and text[index - 1].isspace():
        index -= 1
    return index > 0 and text[index - 1] == ","


def _fronted_whole(span: Span, members: list[Span], clauses: Clauses) -> Span | None:
    """The whole a share is part of, when a fronted "of" phrase counts it ("Of the 1,200 returnees
    surveyed in 2023, 48 per cent had reached ..."): the share refers to the whole's year."""
    if span._.figure.quantity.unit != "percent":
        return None
    clause = clauses.clause_of(span.root)
    for child in clause.children:
        if child.dep_ != "prep" or child.lower_ != "of" or child.i >= span.start:
            continue
        wholes = [other for other in members if child.left_edge.i <= other.start and other.end <= child.right_edge.i + 1]
        if wholes:
            return wholes[-1]
    return None


def _annual_title_year(span: Span, mentions: list[YearMention], clauses: Clauses, rules: YearRules) -> int | None:
    """Money sought or spent by an annual appeal or budget whose title closes with a year ("The
    Humanitarian Needs and Response Plan 2025 seeks US$ 2.4 billion"): the subject of the figure's
    clause holds the title."""
    if span._.figure.quantity.unit in {"count", "percent"}:
        return None
    clause = clauses.clause_of(span.root)
    subjects = [c for c in clause.children if c.dep_ in _SUBJECTS]
    for mention in mentions:
        year = mention.token
        if mention.kind != "modifier" or not any(clauses.governs(s, year) for s in subjects):
            continue
        path = [a for a in year.ancestors if any(clauses.governs(s, a) for s in subjects)]
        if any(a.pos_ in _VERBS for a in path):
            continue  # "..., which brings together 48 organisations in 2025": a clause of its own
        following = year.doc[year.i + 1] if year.i + 1 < len(year.doc) else None
        if following is not None and following.is_title and not following.is_punct:
            continue  # the year does not close the title
        title = _title_before(year)
        if any(re.search(rf"\b{re.escape(words)}\b", title) for words in rules.annual_title_words):
            return mention.year
    return None


def _title_before(year: Token) -> str:
    """The capitalised title a year closes ("Migrant Response Plan for the Horn of Africa and Yemen"), lowercased."""
    words: list[str] = []
    for token in reversed(year.doc[year.sent.start : year.i]):
        if token.is_title or token.is_upper or (token.is_lower and token.is_stop and words):
            words.append(token.lower_)
            continue
        break
    return " ".join(reversed(words))


def _figure_phrase(span: Span) -> list[Token]:
    """The figure's tokens and the noun it counts ("one in four migrants", "28,000 households")."""
    tokens = list(span)
    root = span.root
    if root.dep_ in {"nummod", "quantmod", "compound", "nmod"} and root.head.pos_ in {"NOUN", "PROPN"}:
        tokens.append(root.head)
    return tokens


def _anchor(year: Token, figure_tokens: dict[int, Span]) -> Span | None:
    """The figure whose phrase the year sits in, climbing through prepositions, nouns and
    participles that modify a noun ("migrants interviewed ... in 2022"); None if a clause comes first."""
    for ancestor in year.ancestors:
        if ancestor.i in figure_tokens:
            return figure_tokens[ancestor.i]
        if ancestor.pos_ in _VERBS and not (ancestor.dep_ == "acl" and ancestor.tag_ in _PAST_TAGS | {"VBG"}):
            return None
    return None


def _modifier_year(span: Span, mentions: list[YearMention], clauses: Clauses) -> int | None:
    """"the 2020 funding target of USD 30 million"; "the 2023 appeal ... funded at 38 per cent"."""
    ancestors = set()
    token = span.root
    for _ in range(5):
        if token.head.i == token.i or token.head.pos_ in _VERBS:
            break  # a noun beyond a verb ("the Plan 2024, which brings together 30 partners") is another clause's
        token = token.head
        ancestors.add(token.i)
    clause = clauses.clause_of(span.root)
    subjects = {c.i for c in clause.children if c.dep_ in _SUBJECTS and c.pos_ == "NOUN"}
    for mention in mentions:
        if mention.kind != "modifier" or mention.token.dep_ not in _NOUN_MODIFIER_DEPS:
            continue
        head = mention.token.head
        if head.i in ancestors or (head.dep_ == "compound" and head.head.i in ancestors):
            return mention.year
        if head.i in subjects and head.is_lower:
            return mention.year  # a year in a name ("the 2030 Agenda") stays in the name
    return None


def _following(span: Span, text: str, members: list[Span], same: list[YearMention], rules: YearRules) -> YearMention | None:
    """The first year after the figure in its clause, if it is a point in time and no other figure
    or clause break (", and the budget for 2024 ...", "; in 2024") stands between."""
    end = span._.figure.end_char
    later = [m for m in same if m.token.idx >= end]
    if not later:
        return None
    first = later[0]
    if rules.clause_break is not None and rules.clause_break.search(text, end, first.token.idx):
        return None  # the parse may hang the next clause's year on this one
    group = _group(span, members)
    for other in members:
        o = other._.figure
        if o.start_char not in group and end <= o.start_char < first.token.idx:
            return None
    return first


def _group(span: Span, members: list[Span]) -> set[int]:
    """Starts of the figures that go with this one: its range partner, its bracketed equivalent."""
    figure = span._.figure
    group = {figure.start_char}
    for other in members:
        o = other._.figure
        if figure.range_id and o.range_id == figure.range_id:
            group.add(o.start_char)
        if o.equivalent_of == figure.start_char or figure.equivalent_of == o.start_char:
            group.add(o.start_char)
    return group


# --- tables --------------------------------------------------------------------------------------------


def table_header_year(doc: Doc, text: str, span: Span, rules: YearRules, figures: Intervals) -> int | None:
    """A figure in a table cell takes the one year its cell states ("6,400 (2021)"), else the one its
    column header states ("Disaster displacements 2023", "| Country | 2023 | 2024 |"), else the one
    its row states in a column headed "Year" ("| Georgia | 2023 | 1,412 |"), else its row header's."""
    prepared = getattr(doc._, "prepared", None)
    if prepared is None:
        return None
    figure = span._.figure
    block = prepared.block_at(figure.start_char)
    if block is None or block.table_cell is None or block.table_cell.header_row:
        return None
    own = set(_YEAR_IN_TEXT.findall(text[block.start : figure.match_start] + " " + text[figure.end_char : block.end]))
    if own:
        return int(own.pop()) if len(own) == 1 else None  # "6,400 (2021)": the cell states its own year
    column_header, row_header = prepared.table_header(block.table_cell)
    year_cell = row_cell_under(prepared, block, rules.table_year_headers)
    for header in (column_header, year_cell, row_header):
        if header is None:
            continue
        cell = doc.char_span(header.start, header.end, alignment_mode="expand")
        if cell is None:
            continue
        years = {m.year for m in year_mentions(cell, text, rules, figures, []) if m.kind != "edge" and m.token.shape_ == "dddd"}
        if len(years) == 1:
            return years.pop()
        if years:
            return None  # several years: the header does not say which
    return None
