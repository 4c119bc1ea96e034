"""spaCy Matchers compiled from the rule files: year ranges, name cores, clause links and status cues.

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

from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.normalise.years import READINGS, YEAR_PATTERN
from pipeline.rules import RulesError

DEADLINE = "deadline"  # the year ranges ("by 2027") and clauses of deadlines; a deadline reads as an end only
KNOWN_NAME = "known_name"  # the name cores of the gazetteer of names without a head word


@dataclass(frozen=True)
class StatusCue:
    """A group of status cues of rules/strategies/status.yaml: the status, the side of the name, the reach."""

    status: str
    side: str
    window: int


@dataclass
class StrategyMatchers:
    """The compiled matchers; `status_cues` maps a status match id to its cue, `known_kinds` the
    lowercased words of a known name to its kind."""

    ranges: Matcher
    name_cores: Matcher
    clause_links: Matcher
    status: Matcher
    aliases: Matcher  # clauses that give a name another name
    status_cues: dict[int, StatusCue] = field(default_factory=dict)
    known_kinds: dict[str, str] = field(default_factory=dict)


def compile_matchers(
    nlp: Language, patterns: dict, vocabulary: Vocabulary, status_cues: dict, known_names: dict
) -> StrategyMatchers:
    """Build every matcher of the strategy finder from the rule files' data."""
    vocab = nlp.vocab
    lists = {
        "HEADS": sorted(vocabulary.head_kinds),
        "LOWERCASE_HEADS": sorted(vocabulary.lowercase_heads),
        "TRAILING_HEADS": sorted(vocabulary.trailing_heads),
        "OPENING_HEADS": sorted(vocabulary.opening_heads),
        "MONTHS": sorted(vocabulary.months),
    }
    classes = {name: fill_lists(spec, lists) for name, spec in patterns["token_classes"].items()}
    matchers = StrategyMatchers(
        ranges=Matcher(vocab), name_cores=Matcher(vocab), clause_links=Matcher(vocab), status=Matcher(vocab),
        aliases=Matcher(vocab),
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
        matchers.ranges.add(kind, [expand_pattern(v, classes, lists) for v in variants])
    for kind, cores in patterns["name_cores"].items():
        matchers.name_cores.add(kind, [expand_pattern(core, classes, lists) for core in cores], greedy="LONGEST")
    known = []
    for entry in known_names.get("names") or ():
        words = [token.lower_ for token in nlp.make_doc(entry["name"])]
        matchers.known_kinds[" ".join(words)] = entry["kind"]
        known.append(known_name_pattern(words, vocabulary, classes["CAPWORD"]))
    if known:
        matchers.name_cores.add(KNOWN_NAME, known, greedy="LONGEST")
    for key, label in (("range_clause_links", "clause_link"), ("deadline_clause_links", DEADLINE)):
        links = patterns.get(key) or []
        if links:
            matchers.clause_links.add(label, [expand_pattern(link, classes, lists) for link in links])
    alias_links = patterns.get("alias_links") or []
    if alias_links:
        matchers.aliases.add("alias", [expand_pattern(link, classes, lists) for link in alias_links])
    for number, entry in enumerate(status_cues["cues"]):
        cue = StatusCue(entry["status"], entry["side"], int(entry["window"]))
        if cue.side not in ("before", "after"):
            raise RulesError(f"status cue side must be before or after, not {cue.side!r}")
        key = f"{cue.status}|{cue.side}|{number}"
        matchers.status.add(key, [expand_pattern(p, classes, lists) for p in entry["patterns"]])
        matchers.status_cues[vocab.strings[key]] = cue
    return matchers


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
