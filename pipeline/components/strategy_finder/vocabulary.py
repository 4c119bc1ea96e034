"""The words of rules/strategies/vocabulary.yaml that the strategy finder reasons with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from pipeline.normalise.calendar import month_numbers, weekday_names
from pipeline.rules import RulesError, word_list


@dataclass(frozen=True)
class HeadFirstLanguage:
    """The words of a language whose names open on their head ("Plan Nacional de ...", "Stratégie nationale de ..."):
    the connectors that join the name's words, the modifiers that may stand right after the head, and the elided
    connectors written onto the next word ("l'emploi")."""

    connectors: frozenset[str]
    modifiers: frozenset[str]
    elisions: tuple[str, ...]

    @classmethod
    def from_rules(cls, language: str, data: dict[str, Any]) -> HeadFirstLanguage:
        def words(key: str) -> list[str]:
            return [word.lower() for word in word_list(data, key)]

        if not data.get("connectors"):
            raise RulesError(f"head-first language {language!r} needs connectors")
        return cls(frozenset(words("connectors")), frozenset(words("modifiers")), tuple(words("elisions")))


@dataclass(frozen=True)
class Vocabulary:
    """Head words with their kinds, and the word classes that bound a name.

    Month and weekday names come from rules/calendar.yaml (`pipeline.normalise.calendar`).
    """

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
    law_issuers: frozenset[str]
    max_parenthetical_tokens: int
    not_head_before: dict[str, tuple[tuple[str, ...], ...]]
    head_only_after: dict[str, frozenset[str]]
    opening_heads: frozenset[str]
    closing_heads: frozenset[str]  # heads that close an English name: all but those that only open a name
    head_first_heads: dict[str, tuple[str, ...]]  # a head word to the languages whose names it opens
    head_first_languages: dict[str, HeadFirstLanguage]
    english_connectors: frozenset[str]  # connectors of those languages that are English words too ("a", "do")
    months: frozenset[str]
    max_title_tokens: int
    plural_possessives: frozenset[str]
    max_title_number_digits: int
    left_title_connectors: frozenset[str]

    @classmethod
    def from_rules(cls, data: dict[str, Any]) -> Vocabulary:
        heads = data["heads"]

        def words(key: str) -> frozenset[str]:
            return frozenset(word.lower() for word in word_list(data, key))

        months = frozenset(month_numbers())
        languages = {
            str(language): HeadFirstLanguage.from_rules(str(language), entry or {})
            for language, entry in (data.get("head_first_languages") or {}).items()
        }
        head_first: dict[str, tuple[str, ...]] = {}
        for word, entry in heads.items():
            opens = entry.get("opens_name")
            if isinstance(opens, list):
                unknown = [language for language in opens if language not in languages]
                if unknown:
                    raise RulesError(f"head {word!r} opens names of unknown languages {unknown}")
                head_first[word.lower()] = tuple(opens)
        return cls(
            head_kinds={word.lower(): entry["kind"] for word, entry in heads.items()},
            lowercase_heads=frozenset(word.lower() for word, entry in heads.items() if entry.get("lowercase")),
            trailing_heads=words("trailing_heads"),
            unresolved_kinds=words("unresolved_kinds"),
            connectors=words("connectors"),
            determiners=words("determiners"),
            conjunctions=words("conjunctions"),
            not_name_words=months | {day.lower() for day in weekday_names()},
            generic_words=words("generic_words"),
            kept_lowercase_modifiers=words("kept_lowercase_modifiers"),
            dropped_lowercase_modifiers=words("dropped_lowercase_modifiers"),
            clause_openers=words("clause_openers"),
            descriptive_openers=words("descriptive_openers"),
            body_nouns=words("body_nouns"),
            max_complement_tokens=int(data.get("max_complement_tokens", 10)),
            deictic_tails=tuple(tuple(str(w).lower() for w in tail) for tail in data.get("deictic_tails") or ()),
            number_markers=words("number_markers"),
            law_issuers=words("law_issuers"),
            max_parenthetical_tokens=int(data.get("max_parenthetical_tokens", 6)),
            not_head_before={
                head.lower(): tuple(tuple(phrase.lower().split()) for phrase in phrases)
                for head, phrases in (data.get("not_a_head_before") or {}).items()
            },
            head_only_after={
                head.lower(): frozenset(str(word).lower() for word in before)
                for head, before in (data.get("head_only_after") or {}).items()
            },
            opening_heads=frozenset(word.lower() for word, entry in heads.items() if entry.get("opens_name") is True),
            closing_heads=frozenset(word.lower() for word, entry in heads.items() if entry.get("closes_name", True)),
            head_first_heads=head_first,
            head_first_languages=languages,
            english_connectors=words("english_connectors"),
            months=months,
            max_title_tokens=int(data.get("max_title_tokens", 8)),
            plural_possessives=words("plural_possessives"),
            max_title_number_digits=int(data.get("max_title_number_digits", 3)),
            left_title_connectors=words("left_title_connectors"),
        )

    def is_head(self, token: Token) -> bool:
        """A head word, unless what follows makes it part of another kind of name ("Code of Conduct")
        or it is a head only after certain words and does not follow one ("Sendai Framework")."""
        if token.lower_ not in self.head_kinds:
            return False
        allowed_before = self.head_only_after.get(token.lower_)
        if allowed_before is not None and (token.i == 0 or token.doc[token.i - 1].lower_ not in allowed_before):
            return False
        for phrase in self.not_head_before.get(token.lower_, ()):
            following = token.doc[token.i + 1:token.i + 1 + len(phrase)]
            if tuple(t.lower_ for t in following) == phrase:
                return False
        return True

    def kind_of(self, tokens: Iterable[Token]) -> str:
        """The kind of a name's head word (the last head before the first connector), resolved if vague.

        "Concept of State Migration Policy" is a policy: `concept` gives no kind of its own.
        """
        tokens = list(tokens)
        heads = [token for token in tokens if self.is_head(token)]
        if not heads:
            return "other"
        chain_head = heads[0]
        for token in tokens:
            if token.lower_ in self.connectors and token.i > chain_head.i:
                break
            if self.is_head(token):
                chain_head = token
        kind = self.head_kinds[chain_head.lower_]
        if kind in self.unresolved_kinds:
            for token in heads:
                other = self.head_kinds[token.lower_]
                if other not in self.unresolved_kinds:
                    return other
        return kind
