"""Whose strategy is it: the country of a strategy, decided the same way for every report.

The first rule that answers, tried over all mentions of the strategy in text order:
1. `name`: a country in the name ("Migration Policy of the Republic of North Macedonia",
   "Malawi National Labour Migration Policy"), or a body in it: a government body gives
   its country, an international organisation ("EU Strategy ...", "ECOWAS Regional
   Migration Policy", "IGAD Regional Strategy ...") gives none (source `organisation`);
2. `owner`: the owner the sentence gives it: the agent of a clause on it ("the Plan,
   which is coordinated by UNHCR and IOM"), a possessor ("Ecuador's Human Mobility
   Plan", "Uganda's approach rests on the Refugees Act"; "its" stands for the subject it
   points back to) or the subject that adopts, presents or applies it ("The Kyrgyz
   delegation presented ...", "The Serbian Ministry of Interior presented its Strategy",
   "The AU adopted ..."): a country or a government body gives its country, an
   international organisation none (source `organisation`);
3. `speaker`: the government the speaker represents;
4. `context`: the nearest country in the sentence (before the name, else after it), then
   the nearest one in the paragraph (a subject or possessor first);
5. `report`: the state the report is about, when it clearly dominates: named most, at
   least twice as often as any other (or the only country named).
In 4 and 5 a place where something happened ("adopted in Banjul, the Gambia") and a
demonym for people ("Syrians have returned", "Venezuelan migrants") do not count: they
say where or whom, not whose. (Rule 5 is not `ExtractionContext.report_country`, which
counts every mention, venues and people included, and reads the title: for whose a
strategy is, "Countries Hosting Syrian Refugees" names no owner.)
Otherwise no country.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, cached_property

from spacy.tokens import Span, Token

from pipeline.extract.context import ExtractionContext
from pipeline.normalise.organisations import (
    UNRESOLVED_COUNTRY,
    organisation_gazetteer,
    split_key,
)
from pipeline.rules import load_rules, word_list

Decision = tuple[str | None, str | None]
NO_COUNTRY: Decision = (None, None)
INTERNATIONAL: Decision = (None, "organisation")
DECISIVE_SOURCES = frozenset({"name", "owner", "organisation"})  # what the text says of the strategy itself
_SUBJECTS = ("nsubj", "nsubjpass")
_CLAUSE_CLIMB = ("xcomp", "ccomp", "conj", "advcl", "pcomp")
_MAX_CLIMB = 8
_DEMONYM = "gazetteer:demonym"
OWNER_RULES = "strategies/owners.yaml"


class StrategyCountries:
    """The country rule for the strategies of one report: its countries, organisations and
    state mentions indexed once, so that each strategy is decided without scanning the report."""

    def __init__(self, context: ExtractionContext) -> None:
        self.context = context
        doc = context.doc
        self.countries_at: dict[int, list[Span]] = {}
        for country in doc.spans.get("country", []):
            self.countries_at.setdefault(country.start, []).append(country)
        self.organisations_at: dict[int, list[tuple[int, Span]]] = {}  # start -> (order in the group, body)
        for order, body in enumerate(doc.spans.get("organisation", [])):
            self.organisations_at.setdefault(body.start, []).append((order, body))

    @cached_property
    def _state_mentions(self) -> list[Span]:
        """Country mentions that can say whose a strategy is, in text order: not venues, not people."""
        countries = sorted(self.context.doc.spans.get("country", []), key=lambda c: c.start)
        return [c for c in countries if not _locative(c) and not names_people(c)]

    @cached_property
    def _report_state(self) -> str | None:
        """The state the report is about: named most, at least twice as often as any other, or the only one."""
        ranked = Counter(mention.kb_id_ for mention in self._state_mentions).most_common(2)
        if not ranked:
            return None
        if len(ranked) == 1:
            return ranked[0][0]
        (top, top_count), (_, second_count) = ranked
        return top if top_count >= 2 * second_count else None

    @cached_property
    def _state_starts(self) -> list[int]:
        return [c.start for c in self._state_mentions]

    @cached_property
    def _state_start_chars(self) -> list[int]:
        return [c.start_char for c in self._state_mentions]

    def country_of(self, mentions: Iterable[Span]) -> Decision:
        """The strategy's country and the rule that decided it (see the module's docstring)."""
        mentions = sorted(mentions, key=lambda span: span.start)
        rules: tuple[Callable[[Span], Decision | None], ...] = (
            self._in_name,
            self._in_sentence,
            self._speaker_country,
            self._nearby_country,
        )
        for rule in rules:
            for span in mentions:
                decision = rule(span)
                if decision is not None:
                    return decision
        return (self._report_state, "report") if self._report_state else NO_COUNTRY

    def _in_name(self, span: Span) -> Decision | None:
        """A country or a body named inside the strategy's name.

        A demonym in the name's complement (from its first preposition on) names the people it
        is about, not its owner: "Temporary Protection Statute for Venezuelan Migrants" is Colombia's.
        """
        complement = next((t.i for t in span if t.pos_ == "ADP"), span.end)
        about_people = {
            i for start in range(complement, span.end) for c in self.countries_at.get(start, ()) if c.id_ == _DEMONYM
            for i in range(c.start, c.end)
        }
        return self._decide((i for i in range(span.start, span.end) if i not in about_people), "name")

    def _in_sentence(self, span: Span) -> Decision | None:
        """The possessor or the subject that owns the name in its sentence."""
        phrase = owner_phrase(span)
        return None if phrase is None else self._decide(phrase, "owner")

    def _decide(self, positions: Iterable[int], source: str) -> Decision | None:
        """A government body's country, else the one country named, else none for an organisation's."""
        positions = set(positions)
        bodies = [body for _, body in sorted(pair for i in positions for pair in self.organisations_at.get(i, ()))]
        for body in bodies:
            country = _body_country(body)
            if country:
                return country, source
        codes = {c.kb_id_ for i in positions for c in self.countries_at.get(i, ()) if not names_people(c)}
        if len(codes) == 1:
            return codes.pop(), source
        if not codes and any(_international(body) for body in bodies):
            return INTERNATIONAL  # "EU Strategy ...", "The AU adopted ...": the organisation's own
        return None

    def _speaker_country(self, span: Span) -> Decision | None:
        turn = self.context.layout.turn_at(self.context.original_offsets(span)[0])
        if turn is not None and turn.country_iso3:
            return turn.country_iso3, "speaker"
        return None

    def _nearby_country(self, span: Span) -> Decision | None:
        """The nearest country in the sentence, else in the paragraph (a subject or possessor first)."""
        countries, starts = self._state_mentions, self._state_starts
        sentence = span.sent
        first_before = bisect.bisect_left(starts, sentence.start)
        before = [c for c in countries[first_before:bisect.bisect_left(starts, span.start)] if c.end <= span.start]
        if before:
            return before[-1].kb_id_, "context"
        first_after = bisect.bisect_left(starts, span.end)
        after = [c for c in countries[first_after:bisect.bisect_left(starts, sentence.end)] if c.end <= sentence.end]
        if after:
            return after[0].kb_id_, "context"
        block = self.context.prepared.block_at(span.start_char)
        if block is not None:
            chars = self._state_start_chars
            first, last = bisect.bisect_left(chars, block.start), bisect.bisect_left(chars, block.end)
            in_block = [c for c in countries[first:last] if c.end_char <= block.end]
            for preferred in ([c for c in in_block if _salient(c)], in_block):
                if preferred:
                    return min(preferred, key=lambda c: abs(c.start - span.start)).kb_id_, "context"
        return None


@cache
def _owner_words(key: str) -> frozenset[str]:
    """A word list of rules/strategies/owners.yaml, lowercased."""
    return frozenset(word.lower() for word in word_list(load_rules(OWNER_RULES), key))


def names_people(country: Span) -> bool:
    """A demonym for people ("Syrians", "Venezuelan migrants"), not for the state or its institutions."""
    if country.id_ != _DEMONYM:
        return False
    root = country.root
    if root.tag_ in ("NNS", "NNPS"):
        return True  # "Syrians have returned"
    return root.dep_ in ("amod", "compound") and root.head.lower_ in _owner_words("people_nouns")


def _body_country(body: Span) -> str | None:
    """The country of a government body: its key's "@ISO3", else the gazetteer's country."""
    base, country = split_key(body.kb_id_)
    if country and country != UNRESOLVED_COUNTRY:
        return country
    entry = organisation_gazetteer().entries.get(base)
    return entry.country if entry is not None else None


def _international(body: Span) -> bool:
    """An organisation of many states or none (UN, EU, AU, IGAD, a regional process, an NGO), as the gazetteer knows it.

    An organisation the gazetteer does not know may be a government body the text did not
    tie to its state ("Council of Ministers"): it decides nothing.
    """
    base, country = split_key(body.kb_id_)
    entry = organisation_gazetteer().entries.get(base)
    return not country and entry is not None and entry.international


def owner_phrase(span: Span) -> list[int] | None:
    """Token positions of the phrase that owns the name: its possessor, else its clause's subject.

    Climbs from the name's root through the nouns and prepositions it hangs from to its verb,
    and on through "continue to apply" (xcomp) and "noted that ..." (ccomp) while the subject
    is missing. A pronoun subject ("He presented ...") leaves the decision to the speaker
    rule; "its"/"their" stand for the nearest subject above them.
    """
    token = span.root
    agent = _agent_of(token)
    if agent is not None:
        return _phrase(agent)
    path = {token.i}
    possessive_pronoun = False
    for _ in range(_MAX_CLIMB):
        for child in token.children:
            if child.dep_ != "poss" or span.start <= child.i < span.end:
                continue
            if child.lower_ in _owner_words("pronoun_possessors"):
                possessive_pronoun = True
            elif child.pos_ != "PRON":
                return _phrase(child)
        if token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ in _SUBJECTS and c.i not in path]
            for subject in subjects:
                if subject.pos_ != "PRON":
                    return _phrase(subject)
            if subjects and not possessive_pronoun:
                return None  # "He presented ...": the speaker rule decides
            if token.dep_ not in _CLAUSE_CLIMB:
                return None
        elif token.dep_ in ("relcl", "acl"):
            return None
        if token.head is token:
            return None
        token = token.head
        path.add(token.i)
    return None


def _agent_of(root: Token) -> Token | None:
    """The agent of a clause on the name: "the Plan, which is coordinated by UNHCR", "the plan adopted by Kenya"."""
    for clause in root.children:
        if clause.dep_ in ("relcl", "acl"):
            for agent in clause.children:
                if agent.dep_ == "agent":
                    objects = [c for c in agent.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
    return None


def _phrase(token: Token) -> list[int]:
    """The owner phrase: the token and what depends on it, without relative clauses."""
    positions = [token.i]
    for child in token.children:
        if child.dep_ not in ("relcl", "acl"):
            positions.extend(_phrase(child))
    return positions


def _root(country: Span) -> Token:
    """The token a country mention hangs from, past appositions and compounds ("Banjul, the Gambia")."""
    token = country.root
    while token.dep_ in ("appos", "compound", "conj") and token.head is not token:
        token = token.head
    return token


def _locative(country: Span) -> bool:
    """ "... adopted in Banjul, the Gambia": where something happened, not whose it is.

    Only a venue preposition ("in", "at") on a verb or a pronoun ("held in", "those in the United States"): on a
    noun it says what the noun is about ("Labor migration in Uzbekistan").
    """
    token = _root(country)
    return token.dep_ == "pobj" and token.head.lower_ in _owner_words("venue_prepositions") \
        and token.head.head.pos_ not in ("NOUN", "PROPN")


def _salient(country: Span) -> bool:
    """A country the paragraph is about: a subject, a possessor, or inside the subject ("the Government of X")."""
    token = country.root
    for _ in range(4):
        if token.dep_ in ("nsubj", "nsubjpass", "poss"):
            return True
        if token.head is token:
            return False
        token = token.head
    return False
