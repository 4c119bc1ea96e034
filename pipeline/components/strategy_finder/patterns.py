"""spaCy Matchers compiled from the rule files: year ranges, name cores, clause links and status cues.

With each matcher, what bounds where its matches can be (`windows`): the words its patterns admit,
the year every range holds, the head word every name core holds, the most tokens a pattern spans.

In rules/strategies/patterns.yaml a pattern token may be "$CLASS" (a token class of
the file) or {class: CLASS, OP: "?"}, and a value "$HEADS" (a word list of the
vocabulary); these functions spell them out into plain Matcher patterns. The names of
rules/strategies/known_names.yaml become name cores of their own (`KNOWN_NAME`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.components.strategy_finder.windows import (
    WordFilter,
    anchor_words,
    matches_in,
    max_pattern_length,
    positions_of_words,
)
from pipeline.normalise.years import READINGS, YEAR_PATTERN
from pipeline.rules import RulesError

DEADLINE = "deadline"  # the year ranges ("by 2027") and clauses of deadlines; a deadline reads as an end only
KNOWN_NAME = "known_name"  # the name cores of the gazetteer of names without a head word
# A year token may carry the fiscal-year prefix ("FY2023/24", as "FY 2023/24" is written apart).
FISCAL_PREFIX = "FY"
# a regex of a token that starts with a year; every range pattern holds one
YEAR_FIRST = f"^(?:{FISCAL_PREFIX})?" + YEAR_PATTERN


@dataclass(frozen=True)
class StatusCue:
    """A group of status cues of rules/strategies/status.yaml: the status, the side of the name, the reach."""

    status: str
    side: str
    window: int


@dataclass
class StrategyMatchers:
    """The compiled matchers, and where they need to run; `status_cues` maps a status match id to its cue,
    `known_kinds` the lowercased words of a known name to its kind."""

    ranges: Matcher
    name_cores: Matcher
    clause_links: Matcher
    status: Matcher
    aliases: Matcher  # clauses that give a name another name
    # Where the matchers run (`strategy_finder.windows`):
    range_words: WordFilter  # the words that may be part of a range
    core_words: WordFilter  # the words that may be part of a name core
    status_cues: dict[int, StatusCue] = field(default_factory=dict)
    known_kinds: dict[str, str] = field(default_factory=dict)
    core_anchors: frozenset[str] | None = None  # words one of which every name core holds (None: not known)
    range_reach: tuple[int, int] = (0, 0)  # the most tokens a range has before and after its first year
    clause_length: int = 0  # the most tokens a clause link matches
    alias_length: int = 0  # the most tokens an alias clause matches
    status_reach: int = 0  # the farthest a token of a counting status cue stands from its name

    def name_core_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The name cores, matched only over the runs of words that may be part of one and hold an anchor
        word; longest first, as the greedy matcher gives them over a whole doc."""
        anchors = None if self.core_anchors is None else positions_of_words(doc, self.core_anchors)
        found = matches_in(self.name_cores, doc, self.core_words.windows(doc, anchors))
        return sorted(found, key=lambda match: (-(match[2] - match[1]), match[1]))


def compile_matchers(
    nlp: Language, patterns: dict, vocabulary: Vocabulary, status_cues: dict, known_names: dict
) -> StrategyMatchers:
    """Build every matcher of the strategy finder from the rule files' data."""
    vocab = nlp.vocab
    lists = {
        "HEADS": sorted(vocabulary.closing_heads),
        "LOWERCASE_HEADS": sorted(vocabulary.lowercase_heads),
        "TRAILING_HEADS": sorted(vocabulary.trailing_heads),
        "OPENING_HEADS": sorted(vocabulary.opening_heads),
        "HEAD_FIRST_HEADS": sorted(vocabulary.head_first_heads),
        "HEAD_FIRST_CONNECTORS": sorted({word for language in vocabulary.head_first_languages.values()
                                         for word in language.connectors}),
        "HEAD_FIRST_MODIFIERS": sorted({word for language in vocabulary.head_first_languages.values()
                                        for word in language.modifiers}),
        "MONTHS": sorted(vocabulary.months),
    }
    classes = {name: fill_lists(spec, lists) for name, spec in patterns["token_classes"].items()}
    matchers = StrategyMatchers(
        ranges=Matcher(vocab), name_cores=Matcher(vocab), clause_links=Matcher(vocab), status=Matcher(vocab),
        aliases=Matcher(vocab), range_words=WordFilter(vocab), core_words=WordFilter(vocab),
    )
    lead_in = list(patterns.get("range_lead_in") or [])
    for kind, bodies in patterns["year_ranges"].items():
        if kind not in READINGS | {DEADLINE}:
            raise RulesError(f"year range group {kind!r} must be one of {sorted(READINGS | {DEADLINE})}")
        variants = []
        for body in bodies:
            variants.append(lead_in + body)
            variants.append(lead_in + ["$OPEN_PAREN"] + body + ["$CLOSE_PAREN"])
            variants.append(["$OPEN_PAREN"] + lead_in + body + ["$CLOSE_PAREN"])
        expanded = [expand_pattern(v, classes, lists) for v in variants]
        max_pattern_length(expanded, "year range")
        for pattern in expanded:
            year_at = year_position(pattern)
            if year_at is None:
                raise RulesError(f"year range pattern {pattern!r} must hold a year token ($YEAR, $YEAR_SPAN)")
            matchers.range_reach = (max(matchers.range_reach[0], year_at),
                                    max(matchers.range_reach[1], len(pattern) - year_at - 1))
        matchers.ranges.add(kind, expanded)
        matchers.range_words.add(expanded)
    core_patterns: list[list[dict]] = []
    for kind, cores in patterns["name_cores"].items():
        expanded = [expand_pattern(core, classes, lists) for core in cores]
        matchers.name_cores.add(kind, expanded, greedy="LONGEST")
        matchers.core_words.add(expanded)
        core_patterns += expanded
    known = []
    for entry in known_names.get("names") or ():
        words = [token.lower_ for token in nlp.make_doc(entry["name"])]
        matchers.known_kinds[" ".join(words)] = entry["kind"]
        known.append(known_name_pattern(words, vocabulary, classes["CAPWORD"]))
    if known:
        matchers.name_cores.add(KNOWN_NAME, known, greedy="LONGEST")
        matchers.core_words.add(known)
        core_patterns += known
    matchers.core_anchors = anchor_words(core_patterns)
    for key, label in (("range_clause_links", "clause_link"), ("deadline_clause_links", DEADLINE)):
        links = patterns.get(key) or []
        if links:
            expanded = [expand_pattern(link, classes, lists) for link in links]
            matchers.clause_links.add(label, expanded)
            matchers.clause_length = max(matchers.clause_length, max_pattern_length(expanded, key))
    alias_links = patterns.get("alias_links") or []
    if alias_links:
        expanded = [expand_pattern(link, classes, lists) for link in alias_links]
        matchers.aliases.add("alias", expanded)
        matchers.alias_length = max_pattern_length(expanded, "alias_links")
    for number, entry in enumerate(status_cues["cues"]):
        cue = StatusCue(entry["status"], entry["side"], int(entry["window"]))
        if cue.side not in ("before", "after"):
            raise RulesError(f"status cue side must be before or after, not {cue.side!r}")
        key = f"{cue.status}|{cue.side}|{number}"
        expanded = [expand_pattern(p, classes, lists) for p in entry["patterns"]]
        matchers.status.add(key, expanded)
        matchers.status_reach = max(matchers.status_reach, cue.window + max_pattern_length(expanded, "status cue"))
        matchers.status_cues[vocab.strings[key]] = cue
    return matchers


def year_position(pattern: list[dict]) -> int | None:
    """Where the pattern's first required token that starts with a year (`YEAR_FIRST`: $YEAR, $YEAR_SPAN,
    $FY_YEAR_SPAN) is.

    The finder runs the range matcher only around such tokens (`strategy_finder.windows`), so a
    range pattern without one would never match.
    """
    for position, spec in enumerate(pattern):
        text = spec.get("TEXT")
        required = spec.get("OP") in (None, "1")
        regex = str(text.get("REGEX", "")) if isinstance(text, dict) else ""
        if required and any(regex.startswith(f"^{prefix}{YEAR_PATTERN}") for prefix in ("", FISCAL_PREFIX)):
            return position
    return None


def known_name_pattern(words: list[str], vocabulary: Vocabulary, capitalised: dict) -> list[dict]:
    """A known name, word by word, as written as a name: its words capitalised but for connectors."""
    return [{"LOWER": word} if word in vocabulary.connectors else {"LOWER": word, **capitalised} for word in words]


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
        tokens.append(fill_lists(spec, lists))
    return tokens


def fill_lists(value: Any, lists: dict[str, list[str]]) -> Any:
    """Spell out "$LIST" values, and "{YEAR}" inside a regular expression (the one year pattern of the pipeline)."""
    if isinstance(value, str) and value.startswith("$") and value[1:] in lists:
        return list(lists[value[1:]])
    if isinstance(value, str):
        return value.replace("{YEAR}", YEAR_PATTERN)
    if isinstance(value, dict):
        return {key: fill_lists(item, lists) for key, item in value.items()}
    if isinstance(value, list):
        return [fill_lists(item, lists) for item in value]
    return value
