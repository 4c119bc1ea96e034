"""Strategies, policies, action plans, programmes and laws, each with the year range attached to it.

spaCy's LAW label misses nearly all of them, so names are found from their
head words ("Strategy", "Policy", "Action Plan", "Programme", "Law"). Matcher
patterns (rules/strategies/patterns.yaml) find a head with its capitalised
modifiers and every year range; the finder then grows each core into the whole
name over connectors ("... of the Republic of Macedonia", "... on Cooperation
with the Diaspora"), a place list or an inner parenthesis, stops where a list
goes on to the next name ("... 2013-2020 and the National Strategy ..."), and
attaches the range written right after or right before it. Following the
annotation guidelines, a lowercase descriptive mention ("strategy on diaspora
engagement (2020-2030)") counts only with a range attached, and a bare generic
name ("the Strategy", "National Action Plan") only with one too.

Each span of `doc.spans["strategy"]` is one mention of a name, the range left
out: `label_` is the kind, `id_` the rule that found it, `span._.strategy_years`
the `YearRange` (or None), `span._.strategy_status` the status the text gives and
`span._.strategy_generic` whether the name has only generic words ("the action
plan (2019-2022)", which may point back at a named plan of the same years).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from pipeline.normalise.years import YearRange, parse_year_range, single_year
from pipeline.rules import RulesError, load_rules

SPAN_KEY = "strategy"
YEARS_ATTR = "strategy_years"
STATUS_ATTR = "strategy_status"
GENERIC_ATTR = "strategy_generic"
_HYPHENS = frozenset({"-", "‐", "‑"})
_QUOTE_PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"'}
_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

for _attr in (YEARS_ATTR, STATUS_ATTR, GENERIC_ATTR):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)


@dataclass(frozen=True)
class Vocabulary:
    """The words of rules/strategies/vocabulary.yaml the finder reasons with."""

    head_kinds: dict[str, str]
    lowercase_heads: frozenset[str]
    trailing_heads: frozenset[str]
    unresolved_kinds: frozenset[str]
    connectors: frozenset[str]
    determiners: frozenset[str]
    conjunctions: frozenset[str]
    not_name_words: frozenset[str]
    generic_words: frozenset[str]
    kept_lowercase_modifiers: frozenset[str]
    dropped_lowercase_modifiers: frozenset[str]
    clause_openers: frozenset[str]
    descriptive_openers: frozenset[str]
    body_nouns: frozenset[str]
    max_complement_tokens: int
    deictic_tails: tuple[tuple[str, ...], ...]
    number_markers: frozenset[str]
    max_parenthetical_tokens: int

    @classmethod
    def from_rules(cls, data: dict[str, Any]) -> "Vocabulary":
        heads = data["heads"]

        def words(key: str) -> frozenset[str]:
            values = list(data.get(key) or ())
            if any(not isinstance(word, str) for word in values):
                # YAML reads a bare on/no/yes as a boolean: such words must be quoted.
                raise RulesError(f"strategy vocabulary {key!r} has a non-text entry; quote words like \"on\"")
            return frozenset(word.lower() for word in values)

        return cls(
            head_kinds={word.lower(): entry["kind"] for word, entry in heads.items()},
            lowercase_heads=frozenset(word.lower() for word, entry in heads.items() if entry.get("lowercase")),
            trailing_heads=words("trailing_heads"),
            unresolved_kinds=words("unresolved_kinds"),
            connectors=words("connectors"),
            determiners=words("determiners"),
            conjunctions=words("conjunctions"),
            not_name_words=words("not_name_words"),
            generic_words=words("generic_words"),
            kept_lowercase_modifiers=words("kept_lowercase_modifiers"),
            dropped_lowercase_modifiers=words("dropped_lowercase_modifiers"),
            clause_openers=words("clause_openers"),
            descriptive_openers=words("descriptive_openers"),
            body_nouns=words("body_nouns"),
            max_complement_tokens=int(data.get("max_complement_tokens", 10)),
            deictic_tails=tuple(tuple(str(w).lower() for w in tail) for tail in data.get("deictic_tails") or ()),
            number_markers=words("number_markers"),
            max_parenthetical_tokens=int(data.get("max_parenthetical_tokens", 6)),
        )

    def is_head(self, token: Token) -> bool:
        return token.lower_ in self.head_kinds


@dataclass(frozen=True)
class StatusCue:
    """A group of status cues of rules/strategies/status.yaml: the status, the side of the name, the reach."""

    status: str
    side: str
    window: int


@dataclass
class Candidate:
    """A name being built: token offsets of the name, the rule, and the range attached to it."""

    start: int
    end: int
    rule: str
    years: YearRange | None = None
    range_start: int | None = None  # token offsets of the attached range
    range_end: int | None = None

    @property
    def outer_start(self) -> int:
        return min(self.start, self.range_start if self.range_start is not None else self.start)

    @property
    def outer_end(self) -> int:
        return max(self.end, self.range_end if self.range_end is not None else self.end)


def expand_pattern(pattern: list, classes: dict[str, dict], lists: dict[str, list[str]]) -> list[dict]:
    """Spell out "$CLASS" references and "$LIST" placeholders of a pattern from patterns.yaml."""
    tokens: list[dict] = []
    for item in pattern:
        if isinstance(item, str) and item.startswith("$"):
            spec = copy.deepcopy(classes[item[1:]])
        elif isinstance(item, dict) and "class" in item:
            spec = copy.deepcopy(classes[item["class"]])
            spec.update({key: value for key, value in item.items() if key != "class"})
        elif isinstance(item, dict):
            spec = copy.deepcopy(item)
        else:
            raise RulesError(f"strategy pattern token {item!r} is neither a class reference nor a token spec")
        tokens.append(_fill_lists(spec, lists))
    return tokens


def _fill_lists(value: Any, lists: dict[str, list[str]]) -> Any:
    if isinstance(value, str) and value.startswith("$") and value[1:] in lists:
        return list(lists[value[1:]])
    if isinstance(value, dict):
        return {key: _fill_lists(item, lists) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill_lists(item, lists) for item in value]
    return value


@Language.factory(
    "strategy_finder",
    default_config={
        "span_key": SPAN_KEY,
        "patterns": "strategies/patterns.yaml",
        "vocabulary": "strategies/vocabulary.yaml",
        "status_cues": "strategies/status.yaml",
        "not_strategies": "strategies/not_strategies.yaml",
    },
)
def make_strategy_finder(
    nlp: Language, name: str, span_key: str, patterns: str, vocabulary: str, status_cues: str, not_strategies: str
) -> "StrategyFinder":
    return StrategyFinder(
        nlp,
        load_rules(patterns),
        Vocabulary.from_rules(load_rules(vocabulary)),
        load_rules(status_cues),
        load_rules(not_strategies),
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
        span_key: str,
    ) -> None:
        self.span_key = span_key
        self.vocab = vocabulary
        lists = {
            "HEADS": sorted(vocabulary.head_kinds),
            "LOWERCASE_HEADS": sorted(vocabulary.lowercase_heads),
            "TRAILING_HEADS": sorted(vocabulary.trailing_heads),
        }
        classes = {name: _fill_lists(spec, lists) for name, spec in patterns["token_classes"].items()}
        self.range_matcher = Matcher(nlp.vocab)
        lead_in = list(patterns.get("range_lead_in") or [])
        for kind, bodies in patterns["year_ranges"].items():
            variants = []
            for body in bodies:
                variants.append(lead_in + body)
                variants.append(lead_in + ["$OPEN_PAREN"] + body + ["$CLOSE_PAREN"])
                variants.append(["$OPEN_PAREN"] + lead_in + body + ["$CLOSE_PAREN"])
            self.range_matcher.add(kind, [expand_pattern(v, classes, lists) for v in variants])
        self.name_matcher = Matcher(nlp.vocab)
        for kind, cores in patterns["name_cores"].items():
            self.name_matcher.add(kind, [expand_pattern(core, classes, lists) for core in cores], greedy="LONGEST")
        self.status_matcher = Matcher(nlp.vocab)
        self.status_cues: dict[int, StatusCue] = {}
        for number, entry in enumerate(status_cues["cues"]):
            cue = StatusCue(entry["status"], entry["side"], int(entry["window"]))
            if cue.side not in ("before", "after"):
                raise RulesError(f"status cue side must be before or after, not {cue.side!r}")
            key = f"{cue.status}|{cue.side}|{number}"
            self.status_matcher.add(key, [expand_pattern(p, classes, lists) for p in entry["patterns"]])
            self.status_cues[nlp.vocab.strings[key]] = cue
        self.not_strategies = frozenset(_name_key(name) for name in not_strategies.get("names") or ())

    # -- the component ---------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        ranges = self._year_ranges(doc)
        cores: dict[str, list[tuple[int, int]]] = {"title": [], "lowercase": []}
        for match_id, start, end in self.name_matcher(doc):
            cores.setdefault(doc.vocab.strings[match_id], []).append((start, end))
        candidates = self._title_candidates(doc, cores["title"], ranges) + self._quoted_candidates(doc, ranges)
        candidates += self._lowercase_candidates(doc, cores["lowercase"], ranges, candidates)
        accepted = [c for c in _without_overlaps(candidates) if self._keep(doc, c)]
        cues = self._status_cues(doc)
        spans = []
        for candidate in sorted(accepted, key=lambda c: c.start):
            span = Span(doc, candidate.start, candidate.end, label=self._kind(doc[candidate.start:candidate.end]),
                        span_id=candidate.rule)
            span._.set(YEARS_ATTR, candidate.years)
            span._.set(STATUS_ATTR, self._status(doc, candidate, cues, accepted))
            span._.set(GENERIC_ATTR, self._generic(doc, span))
            spans.append(span)
        doc.spans[self.span_key] = spans
        return doc

    # -- year ranges -----------------------------------------------------------------------------

    def _year_ranges(self, doc: Doc) -> dict[tuple[int, int], YearRange]:
        """Every year range in the text (longest readings, no overlaps), by token offsets."""
        found: list[tuple[int, int, YearRange]] = []
        for _, start, end in self.range_matcher(doc):
            if doc[start].text == "(" and doc[end - 1].text != ")":
                start += 1
            parsed = parse_year_range(doc[start:end].text)
            if parsed is not None:
                found.append((start, end, parsed))
        found.sort(key=lambda item: (-(item[1] - item[0]), item[0]))
        taken: set[int] = set()
        ranges: dict[tuple[int, int], YearRange] = {}
        for start, end, parsed in found:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                ranges[(start, end)] = parsed
        return ranges

    @staticmethod
    def _range_starting(ranges: dict[tuple[int, int], YearRange], position: int) -> tuple[int, int] | None:
        for start, end in ranges:
            if start == position:
                return start, end
        return None

    @staticmethod
    def _range_ending(ranges: dict[tuple[int, int], YearRange], position: int) -> tuple[int, int] | None:
        for start, end in ranges:
            if end == position:
                return start, end
        return None

    # -- capitalised names -----------------------------------------------------------------------

    def _title_candidates(self, doc: Doc, cores: list[tuple[int, int]], ranges: dict) -> list[Candidate]:
        candidates = []
        for start, end in _longest_first(cores):
            if _in_title_case_block(doc, start, self.vocab):
                continue  # in a title-case heading, capitals do not mark names
            if not self._ends_chain(doc, end):
                continue  # "Migration Policy Institute", "Strategy Development": the head is not the head
            start = self._trim_start(doc, start, end)
            if start is None:
                continue
            start = self._extend_left_hyphen(doc, start)
            if self._inside_body_name(doc, start):
                continue  # "Ministry of Justice and Law", "Institute for Migration Policy"
            limit = doc[start].sent.end
            end = self._grow_title(doc, end, limit)
            candidate = Candidate(start, end, "title_name")
            self._attach(doc, candidate, ranges, limit, title=True)
            candidates.append(candidate)
        return candidates

    def _ends_chain(self, doc: Doc, end: int) -> bool:
        """The core's last word closes the capitalised chain: no capitalised non-connector follows it."""
        if end >= len(doc):
            return True
        following = doc[end]
        if following.text in _HYPHENS and not doc[end - 1].whitespace_:
            return False  # "Strategy-making"
        if following.lower_ in self.vocab.number_markers:
            return True  # "Law No 4 of 2024"
        return not (_capitalised(following) and following.lower_ not in self.vocab.connectors)

    def _inside_body_name(self, doc: Doc, start: int) -> bool:
        """Is the name the tail of a body's name: "<Ministry|Institute|...> of (the) <name>"?"""
        position = start - 1
        while position >= 0 and doc[position].lower_ in self.vocab.determiners:
            position -= 1
        if position < 1 or doc[position].lower_ not in self.vocab.connectors:
            return False
        before = doc[position - 1]
        return _capitalised(before) and before.lower_ in self.vocab.body_nouns

    def _trim_start(self, doc: Doc, start: int, end: int) -> int | None:
        while start < end and (
            doc[start].lower_ in self.vocab.determiners
            or doc[start].lower_ in self.vocab.conjunctions
            or doc[start].text in _HYPHENS
        ):
            start += 1
        return start if start < end else None

    def _extend_left_hyphen(self, doc: Doc, start: int) -> int:
        """Take in a hyphenated first word: "Anti-Trafficking Strategy", "Anti-corruption Strategy"."""
        sentence_start = doc[start].sent.start

        def joined(hyphen: int) -> bool:
            return (
                hyphen - 1 >= sentence_start
                and doc[hyphen].text in _HYPHENS
                and not doc[hyphen].whitespace_
                and not doc[hyphen - 1].whitespace_
                and doc[hyphen - 1].is_alpha
            )

        while True:
            if start >= 2 and joined(start - 1):
                start -= 2
            elif start >= 3 and doc[start - 1].is_alpha and joined(start - 2) and _capitalised(doc[start - 3]):
                start -= 3
            else:
                return start

    def _grow_title(self, doc: Doc, end: int, limit: int) -> int:
        """End of a capitalised name: over connectors, capitalised words, hyphen compounds, places, inner brackets."""
        position = end
        last_word = end
        while position < limit:
            token = doc[position]
            lower = token.lower_
            if token.text in _HYPHENS and not token.whitespace_ and not doc[position - 1].whitespace_:
                if position + 1 < limit and doc[position + 1].is_alpha:
                    position += 2
                    last_word = position
                    continue
                break
            if lower in self.vocab.conjunctions:
                if self._next_name_starts(doc, position + 1, limit):
                    break  # "... and the National Strategy on ...": a list goes on to the next name
                position += 1
                continue
            if lower in self.vocab.connectors:
                position += 1
                continue
            if lower in self.vocab.determiners and doc[position - 1].lower_ in self.vocab.connectors:
                position += 1
                continue
            if lower in self.vocab.number_markers and position + 1 < limit and doc[position + 1].like_num:
                position += 2
                last_word = position
                continue
            if _capitalised(token) and lower not in self.vocab.not_name_words:
                position += 1
                last_word = position
                continue
            if token.text == "(":
                close = self._inner_parenthesis(doc, position, limit)
                if close is not None and close + 1 < limit and _capitalised(doc[close + 1]):
                    position = close + 1
                    continue
                break
            if token.text == ",":
                after = self._place_list_end(doc, position, limit)
                if after is not None:
                    position = after
                    last_word = after
                    continue
            break
        return last_word

    def _next_name_starts(self, doc: Doc, position: int, limit: int) -> bool:
        """After "and": does a determiner and a new capitalised name on a head word follow?"""
        if position >= limit or doc[position].lower_ not in self.vocab.determiners:
            return False
        while position < limit and doc[position].lower_ in self.vocab.determiners:
            position += 1
        last: Token | None = None
        while position < limit:
            token = doc[position]
            if token.text in _HYPHENS and not token.whitespace_ and position + 1 < limit:
                last = doc[position + 1]  # "the Anti-corruption Strategy"
                position += 2
                continue
            if not _capitalised(token) or token.lower_ in self.vocab.connectors:
                break
            last = token
            position += 1
        return last is not None and (self.vocab.is_head(last) or last.lower_ in self.vocab.trailing_heads)

    def _inner_parenthesis(self, doc: Doc, open_at: int, limit: int) -> int | None:
        """Index of the ")" closing a short, year-free parenthesis inside a name ("(including Compulsory Returned)")."""
        for position in range(open_at + 1, min(limit, open_at + 2 + self.vocab.max_parenthetical_tokens)):
            token = doc[position]
            if token.text == ")":
                inner = doc[open_at + 1:position]
                if len(inner) and not any(t.like_num for t in inner) and not inner.text.isupper():
                    return position
                return None
            if token.is_punct and token.text not in _HYPHENS:
                return None
        return None

    def _place_list_end(self, doc: Doc, comma: int, limit: int) -> int | None:
        """End of ", Eastern Europe, and Central Asia": a list of places inside a name, closed by "and"."""
        places = _place_tokens(doc)
        position = comma
        closed = False
        while position < limit and doc[position].text == ",":
            position += 1
            if position < limit and doc[position].lower_ in self.vocab.conjunctions:
                position += 1
                closed = True
            group_start = position
            while position < limit and (_capitalised(doc[position]) or (
                doc[position].text in _HYPHENS and not doc[position].whitespace_)):
                position += 1
            if position == group_start or not places.intersection(range(group_start, position)):
                return None
            if closed:
                return position
            if position < limit and doc[position].lower_ in self.vocab.conjunctions:
                position += 1
                group_start = position
                while position < limit and _capitalised(doc[position]):
                    position += 1
                if position == group_start or not places.intersection(range(group_start, position)):
                    return None
                return position
        return None

    # -- attaching a range -----------------------------------------------------------------------

    def _attach(self, doc: Doc, candidate: Candidate, ranges: dict, limit: int, title: bool) -> None:
        """Attach the range after the name (directly, past an acronym, or past a short complement), else before it."""
        after = candidate.end
        acronym_end = self._acronym_parenthesis_end(doc, after, limit)
        for position in (after, acronym_end):
            if position is None:
                continue
            found = self._range_starting(ranges, position)
            if found is not None:
                self._set_range(candidate, found, ranges)
                return
        if title:
            if self._title_year(doc, candidate, ranges, limit):
                return
        complement_end = self._complement_to_range(doc, after, limit, ranges)
        if complement_end is not None:
            candidate.end = self._trim_tail(doc, candidate.start, complement_end)
            self._set_range(candidate, self._range_starting(ranges, complement_end), ranges)
            return
        found = self._range_ending(ranges, candidate.start)
        if found is not None:
            self._set_range(candidate, found, ranges)

    def _set_range(self, candidate: Candidate, found: tuple[int, int] | None, ranges: dict) -> None:
        if found is None:
            return
        candidate.range_start, candidate.range_end = found
        candidate.years = ranges[found]

    def _acronym_parenthesis_end(self, doc: Doc, position: int, limit: int) -> int | None:
        """After "(NMP)" or "(JRP)": where a range written after the acronym would start."""
        if position + 2 < limit and doc[position].text == "(" and doc[position + 2].text == ")":
            if doc[position + 1].text.isupper() and doc[position + 1].is_alpha:
                return position + 3
        return None

    def _title_year(self, doc: Doc, candidate: Candidate, ranges: dict, limit: int) -> bool:
        """A single year closing a title ("Vision 2035", "Refugees Act 2006", "Law No 4 of 2024") stays in the name."""
        position = candidate.end
        kind = self._kind(doc[candidate.start:candidate.end])
        if kind == "law" and position + 1 < limit and doc[position].lower_ == "of":
            position += 1
        if position >= limit or single_year(doc[position].text) is None:
            return False
        if position + 1 < limit and (doc[position + 1].text in _HYPHENS or doc[position + 1].like_num):
            return False
        if any(start <= position < end for start, end in ranges):
            return False
        if position != candidate.end and kind != "law":
            return False
        candidate.end = position + 1
        if kind != "law":  # a law's year is its year of enactment, not a period
            candidate.years = YearRange(None, single_year(doc[position].text))
        return True

    def _complement_to_range(self, doc: Doc, position: int, limit: int, ranges: dict) -> int | None:
        """Where a range starts after a short descriptive complement ("... in Montenegro for the period 2017-2020")."""
        steps = 0
        while position < limit and steps <= self.vocab.max_complement_tokens:
            if self._range_starting(ranges, position) is not None:
                return position if steps else None
            token = doc[position]
            if not self._complement_word(doc, position) or self.vocab.is_head(token):
                return None  # a complement holds no other name: "... and the Anti-corruption Strategy 2020-2025"
            position += 1
            steps += 1
        return None

    def _complement_word(self, doc: Doc, position: int) -> bool:
        """May this token be inside a descriptive complement (not a clause break, verb or punctuation)?"""
        token = doc[position]
        if token.text in _HYPHENS:
            return not token.whitespace_ and position > 0 and not doc[position - 1].whitespace_
        if not token.is_alpha or token.lower_ in self.vocab.clause_openers:
            return False
        if token.tag_ in _FINITE_VERB_TAGS or token.pos_ == "AUX":
            return False
        if token.pos_ == "VERB" and token.dep_ != "amod":
            # "... to combat illegal immigration" is a topic; "... adopted for 2019-2022" is a new predicate
            return token.tag_ == "VB" and position > 0 and doc[position - 1].lower_ == "to"
        return True

    def _trim_tail(self, doc: Doc, start: int, end: int) -> int:
        """Drop trailing connectors, determiners and phrases pointing at the country ("of the country")."""
        changed = True
        while changed and end > start:
            changed = False
            for tail in self.vocab.deictic_tails:
                if end - len(tail) > start and tuple(t.lower_ for t in doc[end - len(tail):end]) == tail:
                    end -= len(tail)
                    changed = True
            while end > start + 1 and (
                doc[end - 1].lower_ in self.vocab.connectors or doc[end - 1].lower_ in self.vocab.determiners
            ):
                end -= 1
                changed = True
        return end

    # -- quoted titles ---------------------------------------------------------------------------

    def _quoted_candidates(self, doc: Doc, ranges: dict) -> list[Candidate]:
        """A quoted title built on a head word: “State migration program of Azerbaijan Republic for 2006-2008”."""
        candidates = []
        for open_at, close_at in _quote_pairs(doc):
            start, end = open_at + 1, close_at
            if end - start < 2 or not _capitalised(doc[start]):
                continue
            chain_end = start
            while chain_end < end and doc[chain_end].is_alpha and doc[chain_end].lower_ not in self.vocab.connectors:
                chain_end += 1
            if chain_end == start or not self._is_chain_head(doc[chain_end - 1], doc[chain_end - 2]
                                                            if chain_end - 2 >= start else None):
                continue
            candidate = Candidate(start, end, "quoted_title")
            found = self._range_ending(ranges, end)
            if found is not None and found[0] > chain_end:
                candidate.end = self._trim_tail(doc, start, found[0])
                self._set_range(candidate, found, ranges)
            else:
                self._attach(doc, candidate, ranges, doc[start].sent.end, title=False)
            candidates.append(candidate)
        return candidates

    def _is_chain_head(self, last: Token, before: Token | None) -> bool:
        if self.vocab.is_head(last):
            return True
        return last.lower_ in self.vocab.trailing_heads and before is not None and self.vocab.is_head(before)

    # -- lowercase, descriptive mentions ---------------------------------------------------------

    def _lowercase_candidates(
        self, doc: Doc, cores: list[tuple[int, int]], ranges: dict, named: list[Candidate]
    ) -> list[Candidate]:
        """A lowercase head with a range attached after its complement or before it; nothing else."""
        covered = {i for c in named for i in range(c.start, c.end)}
        candidates = []
        for head, head_end in cores:
            if head in covered:
                continue
            limit = doc[head].sent.end
            start = self._lowercase_start(doc, head)
            end = self._coordinated_head_end(doc, head_end, limit)
            candidate = Candidate(start, end, "descriptive_name")
            self._attach(doc, candidate, ranges, limit, title=False)
            if candidate.years is None:
                continue
            if candidate.range_end == candidate.start:  # year first: "the 2021-2023 action plan to combat ..."
                candidate.end = self._descriptive_end(doc, candidate.end, limit)
            candidates.append(candidate)
        return candidates

    def _lowercase_start(self, doc: Doc, head: int) -> int:
        """Take in compound nouns and classifying modifiers: "action plan", "ILO strategy", "national strategy"."""
        start = head
        sentence_start = doc[head].sent.start
        while start > sentence_start:
            token = doc[start - 1]
            lower = token.lower_
            if lower in self.vocab.dropped_lowercase_modifiers or lower in self.vocab.determiners:
                break
            if lower in self.vocab.kept_lowercase_modifiers or (
                token.pos_ in ("NOUN", "PROPN") and token.is_alpha and lower not in self.vocab.not_name_words
            ):
                start -= 1
                continue
            break
        return start

    def _coordinated_head_end(self, doc: Doc, end: int, limit: int) -> int:
        """ "strategy and action plan": two heads joined without an article make one name."""
        if end < limit and doc[end].lower_ in self.vocab.conjunctions:
            for position in range(end + 1, min(limit, end + 4)):
                token = doc[position]
                if token.lower_ in self.vocab.lowercase_heads and token.pos_ == "NOUN":
                    return position + 1
                if not (token.is_alpha and token.is_lower and token.pos_ == "NOUN"):
                    break
        return end

    def _descriptive_end(self, doc: Doc, position: int, limit: int) -> int:
        """End of a descriptive complement that no range closes: up to punctuation, a verb or a new clause."""
        start = position
        steps = 0
        while position < limit and steps < self.vocab.max_complement_tokens and self._complement_word(doc, position):
            if doc[position].lower_ in self.vocab.conjunctions:
                break
            position += 1
            steps += 1
        if position == start or doc[start].lower_ not in self.vocab.descriptive_openers:
            return start  # a topic: "to combat illegal immigration", "on skills"; not "with partners"
        return self._trim_tail(doc, start - 1, position)

    # -- filtering -------------------------------------------------------------------------------

    def _keep(self, doc: Doc, candidate: Candidate) -> bool:
        span = doc[candidate.start:candidate.end]
        if not any(self.vocab.is_head(token) for token in span):
            return False
        if _name_key(span.text) in self.not_strategies:
            return False
        if self._inside_organisation(doc, span):
            return False
        if candidate.years is None and self._generic(doc, span):
            return False
        return True

    def _generic(self, doc: Doc, span: Span) -> bool:
        """Only generic words, connectors and countries: "the Strategy", "Georgian National Strategy"."""
        countries = {i for country in doc.spans.get("country", []) for i in range(country.start, country.end)}
        for token in span:
            lower = token.lower_
            if token.is_punct or lower in self.vocab.connectors or lower in self.vocab.determiners:
                continue
            if token.i in countries or lower in self.vocab.generic_words:
                continue
            return False
        return True

    def _inside_organisation(self, doc: Doc, span: Span) -> bool:
        """Is the head word the organisation's own ("United Nations Development Programme")?

        Not when the name is only a complement inside the organisation's name ("Monitoring
        Committee for the implementation of the National Strategy ..."): the strategy is named there.
        """
        heads = [token.i for token in span if self.vocab.is_head(token)]
        for organisation in doc.spans.get("organisation", []):
            if not any(organisation.start <= i < organisation.end for i in heads):
                continue
            lead = doc[organisation.start:max(organisation.start, span.start)]
            if not any(token.lower_ in self.vocab.connectors for token in lead):
                return True
        return False

    # -- kind and status -------------------------------------------------------------------------

    def _kind(self, span: Span) -> str:
        """The kind of the name's head word (the last head before the first connector), resolved if vague."""
        heads = [token for token in span if self.vocab.is_head(token)]
        if not heads:
            return "other"
        chain_head = heads[0]
        for token in span:
            if token.lower_ in self.vocab.connectors and token.i > chain_head.i:
                break
            if self.vocab.is_head(token):
                chain_head = token
        kind = self.vocab.head_kinds[chain_head.lower_]
        if kind in self.vocab.unresolved_kinds:
            for token in heads:
                other = self.vocab.head_kinds[token.lower_]
                if other not in self.vocab.unresolved_kinds:
                    return other
        return kind

    def _status_cues(self, doc: Doc) -> list[tuple[StatusCue, int, int]]:
        return [(self.status_cues[match_id], start, end) for match_id, start, end in self.status_matcher(doc)]

    def _status(self, doc: Doc, candidate: Candidate, cues: list, accepted: list[Candidate]) -> str | None:
        """The status of the nearest cue on its side of the name, in the sentence, with nothing between."""
        sentence = doc[candidate.start].sent
        best: tuple[int, str] | None = None
        for cue, start, end in cues:
            if start < sentence.start or end > sentence.end:
                continue
            if cue.side == "before" and end <= candidate.start:
                gap = (end, candidate.outer_start)
            elif cue.side == "after" and start >= candidate.outer_end:
                gap = (candidate.outer_end, start)
            else:
                continue
            distance = gap[1] - gap[0]
            if distance > cue.window or self._blocked(doc, gap, candidate, accepted):
                continue
            if best is None or distance < best[0]:
                best = (distance, cue.status)
        return best[1] if best else None

    @staticmethod
    def _blocked(doc: Doc, gap: tuple[int, int], candidate: Candidate, accepted: list[Candidate]) -> bool:
        """Another name or a semicolon between a cue and the name: the cue is not about this name."""
        if any(doc[i].text == ";" for i in range(*gap)):
            return True
        return any(
            other is not candidate and gap[0] <= other.outer_start < gap[1] or
            other is not candidate and gap[0] < other.outer_end <= gap[1]
            for other in accepted
        )


# -- helpers ---------------------------------------------------------------------------------------


def _capitalised(token: Token) -> bool:
    return bool(token.text) and token.text[0].isupper() and (token.is_alpha or token.text[0].isalpha())


def _name_key(text: str) -> str:
    words = text.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _longest_first(spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Non-overlapping spans, longest first (as spacy.util.filter_spans, for offset pairs)."""
    taken: set[int] = set()
    for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            yield start, end


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates; a name found twice (title and quoted) is kept once."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), -(c.years is not None), c.start)):
        if taken.isdisjoint(range(candidate.start, candidate.end)):
            taken.update(range(candidate.start, candidate.end))
            kept.append(candidate)
    return kept


def _place_tokens(doc: Doc) -> set[int]:
    places = {token.i for ent in doc.ents if ent.label_ in ("GPE", "LOC") for token in ent}
    places.update(i for country in doc.spans.get("country", []) for i in range(country.start, country.end))
    return places


def _quote_pairs(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token indices of opening and closing quotation marks within one sentence."""
    for sentence in doc.sents:
        open_at: int | None = None
        closer = ""
        for token in sentence:
            if open_at is None and token.text in _QUOTE_PAIRS:
                open_at, closer = token.i, _QUOTE_PAIRS[token.text]
            elif open_at is not None and token.text == closer:
                yield open_at, token.i
                open_at = None


def _in_title_case_block(doc: Doc, token_index: int, vocab: Vocabulary) -> bool:
    """A heading-like block in title case ("Workshop on National Migration Strategy Development")."""
    prepared = doc._.prepared
    if prepared is None:
        return False
    block = prepared.block_at(doc[token_index].idx)
    if block is None:
        return False
    text = block.text.strip()
    if not text or text[-1] in ".!?;" or len(text.split()) > 25:
        return False
    words = [word for word in text.replace("-", " ").split() if word[:1].isalpha()]
    return bool(words) and all(
        word[0].isupper() or word.lower() in vocab.connectors or word.lower() in vocab.determiners for word in words
    )
