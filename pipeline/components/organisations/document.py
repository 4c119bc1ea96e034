"""What every step of the organisation finder reads: the document as words, and the candidates it proposes.

The steps work on whitespace words rather than tokens because a name's words
are what its rules speak of ("Sub-regional", "Co-operation" are one word),
while candidates keep token offsets so they become spaCy spans unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

from spacy.tokens import Doc, Span

from pipeline.normalise.countries import fold
from pipeline.normalise.organisations import NameRules, OrganisationGazetteer

CandidateKind = Literal["org", "unit", "block"]
ARTICLES = ("the", "a", "an")
POSSESSIVES = ("'s", "’s", "'", "’")
_HYPHENS = ("-", "‐")
_folded_word = lru_cache(maxsize=65536)(fold)  # a report repeats its words: fold each once


@dataclass
class Candidate:
    """A stretch of tokens that may be an organisation mention, with what is known about it.

    `kind` "block" marks a phrase known not to be an organisation (a defined acronym of a
    document): it keeps weaker sources from reading an organisation inside it.
    """

    start: int
    end: int
    kind: CandidateKind
    rule: str
    key: str | None = None  # gazetteer id, or None until the name gives one
    parent: str | None = None  # for units: the parent's key, None while unknown
    government: bool = False
    international: bool = False
    country: str | None = None
    nested_ok: bool = False  # may stand inside a larger name ("to the UN")
    group: str | None = None  # one body's long form, acronym and short forms share a group

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def inside(self, other: Candidate) -> bool:
        return other.start <= self.start and self.end <= other.end


@dataclass
class Word:
    """A whitespace word of the text (hyphenated parts joined), as a token range."""

    start: int
    end: int
    text: str
    lower: str = ""

    def __post_init__(self) -> None:
        self.lower = _folded_word(self.text)

    @property
    def capitalised(self) -> bool:
        """Its first letter is a capital ("Ministry", "EU-funded", "'Abroad'")."""
        first = next((char for char in self.text if char.isalpha()), "")
        return bool(first) and first.isupper()


@dataclass
class DocumentView:
    """One document as the finder's steps read it, with the rules and what earlier steps found.

    Whatever the steps look up by position is indexed here once per document (countries and
    gazetteer matches by token), so that no step scans the whole document for each word it reads.
    """

    doc: Doc
    rules: NameRules
    gazetteer: OrganisationGazetteer
    words: list[Word]
    word_of_token: list[int]
    token_texts: list[str]
    country_at: dict[int, Span]  # token start -> country span
    country_tokens: dict[int, Span]  # every token of a country mention -> that mention
    country_ending: dict[int, Span]  # token end -> country span
    known: list[Candidate] = field(default_factory=list)  # gazetteer matches (set with `set_known`)
    acronyms: dict[str, Candidate] = field(default_factory=dict)  # acronym key -> what it stands for
    long_form_ends: dict[int, str] = field(default_factory=dict)  # token end of a defined long form -> group
    place_qualifiers: set[str] = field(default_factory=set)  # "Korea" of "(HRD Korea)": a place, as a country
    known_starting: dict[int, list[Candidate]] = field(default_factory=dict)  # token start -> gazetteer matches
    known_tokens: set[int] = field(default_factory=set)  # tokens inside a gazetteer match
    known_org_ends: set[int] = field(default_factory=set)  # token ends of gazetteer organisations

    @classmethod
    def read(cls, doc: Doc, rules: NameRules, gazetteer: OrganisationGazetteer) -> DocumentView:
        texts, glued, alnum = [], [], []  # read every token once
        for token in doc:
            texts.append(token.text)
            glued.append(not token.whitespace_)
            alnum.append(token.is_alpha or token.is_digit)
        words: list[Word] = []
        word_of_token = [0] * len(doc)
        index = 0
        while index < len(doc):
            start = index
            while (
                index + 2 < len(doc)
                and texts[index + 1] in _HYPHENS
                and glued[index]
                and glued[index + 1]
                and alnum[index]
                and alnum[index + 2]
            ):
                index += 2
            words.append(Word(start, index + 1, "".join(texts[start:index + 1])))  # glued: no spaces inside
            for position in range(start, index + 1):
                word_of_token[position] = len(words) - 1
            index += 1
        countries = list(doc.spans.get("country", []))
        return cls(
            doc=doc,
            rules=rules,
            gazetteer=gazetteer,
            words=words,
            word_of_token=word_of_token,
            token_texts=texts,
            country_at={span.start: span for span in countries},
            country_tokens={i: span for span in countries for i in range(span.start, span.end)},
            country_ending={span.end: span for span in countries},
        )

    @cached_property
    def text(self) -> str:
        """The document's text, read once (`doc.text` rebuilds it on every call)."""
        prepared = self.doc._.prepared
        return prepared.text if prepared is not None else self.doc.text

    # ---------------------------------------------------------------- words
    def words_in(self, start: int, end: int) -> list[Word]:
        """The words that cover tokens start..end."""
        first, last = self.word_of_token[start], self.word_of_token[end - 1]
        return self.words[first:last + 1]

    def word_at(self, token_index: int) -> int:
        return self.word_of_token[token_index]

    # ---------------------------------------------------------------- layout
    def in_caps_block(self, token_index: int) -> bool:
        """Inside an all-capital heading, where "WHO" is a word and every word looks like a name."""
        prepared = self.doc._.prepared
        if prepared is None:
            return False
        block = prepared.block_at(self.doc[token_index].idx)
        return bool(block and block.all_caps)

    def block_start(self, token_index: int) -> int | None:
        """The first token of the layout block a token stands in."""
        found = block_tokens(self.doc, token_index)
        return found[0] if found else None

    # ---------------------------------------------------------------- what earlier steps found
    def set_known(self, candidates: list[Candidate]) -> None:
        """The gazetteer matches, indexed by token for the steps that ask what is known at a place."""
        self.known = candidates
        self.known_starting = {}
        for candidate in candidates:
            self.known_starting.setdefault(candidate.start, []).append(candidate)
        self.known_tokens = {i for c in candidates for i in range(c.start, c.end)}
        self.known_org_ends = {c.end for c in candidates if c.kind == "org"}

    def known_at(self, token_index: int) -> Candidate | None:
        """The longest gazetteer organisation that starts at a token."""
        starting = [c for c in self.known_starting.get(token_index, ()) if c.kind == "org"]
        return max(starting, key=lambda c: c.length, default=None)

    def known_within(self, start: int, end: int) -> list[Candidate]:
        """The gazetteer matches that lie within tokens start..end."""
        return [c for i in range(start, end) for c in self.known_starting.get(i, ()) if c.end <= end]

    def after_relation(self, start: int) -> bool:
        """ "to the UN": a known body a larger name points at, mentioned in its own right."""
        previous = start - 1
        if previous >= 0 and self.doc[previous].lower_ == "the":
            previous -= 1
        return previous >= 0 and self.doc[previous].lower_ in self.rules.relational_connectors

    def is_place(self, word_index: int) -> bool:
        token = self.doc[self.words[word_index].start]
        return token.ent_type_ in ("GPE", "LOC", "FAC") or token.i in self.country_tokens

    @cached_property
    def words_before_units(self) -> frozenset[str]:
        """Capitalised words (as written) that the report writes right before a unit head phrase
        ("Forum" of "Forum Secretariat")."""
        words = self.words
        return frozenset(
            word.text for index, word in enumerate(words[:-1])
            if word.capitalised and unit_phrase_at(self.rules, words, index + 1)
        )


Phrases = tuple[tuple[str, ...], ...]


def phrase_lengths_at(words: list[Word], index: int, phrases: Phrases) -> Iterator[int]:
    """The lengths (in words) of the phrases written at words[index], in the order `phrases` lists them
    (the rules list them longest first)."""
    if index >= len(words):
        return
    for phrase in _by_first_word(phrases).get(words[index].lower, ()):
        if tuple(word.lower for word in words[index:index + len(phrase)]) == phrase:
            yield len(phrase)


def phrase_at(words: list[Word], index: int, phrases: Phrases) -> int:
    """Length (in words) of the first of the phrases written at words[index], else 0."""
    return next(phrase_lengths_at(words, index, phrases), 0)


def is_connector(rules: NameRules, word: Word) -> bool:
    """A word that joins a head to the rest of its name: in lowercase ("Ministry of ..."), or a long
    preposition that a title-case name capitalises ("Inter-Agency Council Against Trafficking")."""
    return word.lower in rules.tail_connectors and (word.text.islower() or word.lower in rules.title_case_connectors)


def unit_phrase_at(rules: NameRules, words: list[Word], index: int) -> int:
    """Length (in words) of a unit head phrase starting at words[index] ("Working Group"), else 0."""
    return phrase_at(words, index, rules.unit_heads)


@lru_cache(maxsize=64)
def _by_first_word(phrases: Phrases) -> dict[str, Phrases]:
    """Phrases by their first word, each word's in their order, so a word is only compared with its own."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            grouped.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in grouped.items()}


def block_tokens(doc: Doc, token_index: int) -> tuple[int, int] | None:
    """The token range of the layout block a token stands in (`Prepared.block_at`), if any."""
    prepared = doc._.prepared
    if prepared is None:
        return None
    block = prepared.block_at(doc[token_index].idx)
    if block is None:
        return None
    span = doc.char_span(block.start, block.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else None


def without_article(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in ARTICLES:
        start += 1
    return span.doc[start:span.end]
