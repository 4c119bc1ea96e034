"""Reading a capitalised phrase by its head noun: what it names, and where unit words stand in it.

A name is modifiers + head + tail ("State Migration Service", "Ministry of
Foreign Affairs"); the head decides whether the phrase names a body, a
government's body, an internal unit, or something else (a forum, a plan). The
words come from `rules/organisations/name_rules.yaml`.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from spacy.tokens import Span

from pipeline.components.organisations.document import (
    DocumentView,
    Word,
    is_connector,
    phrase_at,
)
from pipeline.components.organisations.head_first_names import english_head
from pipeline.normalise.organisations import NameRules


class Reading(NamedTuple):
    """What a capitalised phrase names, as its head noun tells."""

    kind: Literal["org", "not"]
    head: str
    government: bool


def head_index(rules: NameRules, words: list[Word]) -> int:
    """The head word of a name: the last word before its first connector ("Ministry of ...", "Directorate
    General for ..."), or the last word when that one is a head and the word before the connector is not
    ("Nigerians in Diaspora Commission")."""
    last = len(words) - 1
    for index, word in enumerate(words):
        if index and is_connector(rules, word):
            head = _before_postpositive(rules, words, index - 1)
            if _is_head(rules, words[last]) and words[last].capitalised and not (
                _is_head(rules, words[head]) or words[head].lower in rules.not_organisation_heads
            ):
                return last
            return head
    return _before_postpositive(rules, words, last)


def _is_head(rules: NameRules, word: Word) -> bool:
    return word.lower in rules.organisation_heads or rules.singular(word.lower) is not None


def _before_postpositive(rules: NameRules, words: list[Word], index: int) -> int:
    """ "Directorate General": the head stands before a postpositive modifier."""
    while index > 0 and words[index].lower in rules.postpositive_modifiers and _is_head(rules, words[index - 1]):
        index -= 1
    return index


def classify(view: DocumentView, words: list[Word], short_form: str | None = None) -> Reading | None:
    """What a name's words name, read from its head noun; None when the head decides nothing. A head that
    names events (a forum) names a body when the report names a unit of it, by its head word or by its
    acronym (`short_form`): "the Forum Secretariat"."""
    rules = view.rules
    words = [word for word in words if word.lower not in ("the",)]
    if not words:
        return None
    english = english_head(rules, words)
    if english is not None:  # "Instituto Nacional de Migración", "Universidad del Pacífico"
        return Reading("org", english, english in rules.government_heads) if english in rules.organisation_heads else None
    head_at = head_index(rules, words)
    head = words[head_at].lower
    if " ".join(word.lower for word in words) in rules.generic_groups:
        return Reading("not", head, False)
    if head in rules.bodies_when_they_have_units and has_units(view, {words[head_at].text, short_form}):
        return Reading("org", head, False)
    if head in rules.not_organisation_heads:
        return Reading("not", head, False)
    if head not in rules.organisation_heads:
        if rules.singular(head):
            return Reading("not", head, False)  # "Ministries, Departments, and Agencies": a generic group
        return None
    descriptive = rules.descriptive_modifiers.get(head)
    if descriptive and any(word.lower in descriptive for word in words[:head_at]):
        return Reading("not", head, False)  # "Peace Process", not "Budapest Process"
    required = rules.head_requires_modifier.get(head)
    if required and not any(word.lower in required for word in words[:head_at]):
        return None  # "Crescent" names a body only as "Red Crescent"
    if head in rules.tail_only_heads and not _tail_names_a_field(view, words, head_at):
        return Reading("not", head, False)  # "the Romanian Presidency of the Council": a term of office
    if head in rules.government_words:
        named = [
            word for word in words[:head_at]
            if word.lower not in rules.generic_government_modifiers
            and word.capitalised and view.doc[word.start].is_alpha
            and word.start not in view.country_tokens
        ]
        if not named:
            return Reading("not", head, False)  # "Government of Moldova" is the country
    return Reading("org", head, rules.names_government(head, (word.lower for word in words[:head_at])))


def _tail_names_a_field(view: DocumentView, words: list[Word], head_at: int) -> bool:
    """ "Presidency of Migration Management": a tail of capitalised words, none a body, a country or a
    known organisation."""
    rules = view.rules
    tail = [word for word in words[head_at + 1:] if word.capitalised]
    if not tail or words[head_at + 1].lower not in rules.tail_connectors:
        return False
    return not any(
        _is_head(rules, word) or word.start in view.country_tokens or word.lower in rules.government_words
        or word.start in view.known_tokens
        for word in tail
    )


def has_units(view: DocumentView, names: set[str | None]) -> bool:
    """Whether the report writes one of these words (capitalised, as written) before a unit head phrase."""
    return not view.words_before_units.isdisjoint(names)


def is_standalone_unit(rules: NameRules, words: list[Word]) -> bool:
    """A phrase that can only be a unit of something larger ("Migration Research Division", "Regional Office")."""
    lowered = tuple(word.lower for word in words)
    for phrase in (*rules.standalone_unit_heads, *rules.standalone_unit_phrases):
        if len(lowered) >= len(phrase) and lowered[-len(phrase):] == phrase:
            return True
    return False


def names_state_body(rules: NameRules, words: list[Word], head_at: int) -> bool:
    """A head written before words that make it a state's own body, not a unit of an international
    organisation: "Secretariat of State for Vocational Training and Employment", "Secretaría de Estado de
    Migración" (`state_body_markers`)."""
    return bool(phrase_at(words, head_at + 1, rules.state_body_markers))


def trim_unit_words(rules: NameRules, span: Span) -> Span | None:
    """ "UN Network on Migration Secretariat" without its trailing unit words, if it has any."""
    words = [token.lower_ for token in span]
    for phrase in rules.unit_heads:
        if len(words) > len(phrase) and tuple(words[-len(phrase):]) == phrase:
            end = span.end - len(phrase)
            while end > span.start and span.doc[end - 1].lower_ in rules.unit_modifiers:
                end -= 1
            return span.doc[span.start:end] if end > span.start else None
    return None
