"""What every step of the organisation finder reads: the document as words, and the candidates it proposes.

The steps work on whitespace words rather than tokens because a name's words
are what its rules speak of ("Sub-regional", "Co-operation" are one word),
while candidates keep token offsets so they become spaCy spans unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span

from pipeline.normalise.organisations import NameRules, OrganisationGazetteer, fold

CandidateKind = Literal["org", "unit", "block"]
ARTICLES = ("the", "a", "an")
POSSESSIVES = ("'s", "’s", "'", "’")
_HYPHENS = ("-", "‐")


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
        self.lower = fold(self.text)

    @property
    def capitalised(self) -> bool:
        """Its first letter is a capital ("Ministry", "EU-funded", "'Abroad'")."""
        first = next((char for char in self.text if char.isalpha()), "")
        return bool(first) and first.isupper()


@dataclass
class DocumentView:
    """One document as the finder's steps read it, with the rules and what earlier steps found."""

    doc: Doc
    rules: NameRules
    gazetteer: OrganisationGazetteer
    words: list[Word]
    word_of_token: list[int]
    country_at: dict[int, Span]  # token start -> country span
    country_tokens: set[int]
    known: list[Candidate] = field(default_factory=list)  # gazetteer matches
    acronyms: dict[str, Candidate] = field(default_factory=dict)  # acronym key -> what it stands for
    long_form_ends: dict[int, str] = field(default_factory=dict)  # token end of a defined long form -> group
    place_qualifiers: set[str] = field(default_factory=set)  # "Korea" of "(HRD Korea)": a place, as a country

    @classmethod
    def read(cls, doc: Doc, rules: NameRules, gazetteer: OrganisationGazetteer) -> DocumentView:
        words: list[Word] = []
        word_of_token = [0] * len(doc)
        index = 0
        while index < len(doc):
            start = index
            while (
                index + 2 < len(doc)
                and doc[index + 1].text in _HYPHENS
                and not doc[index].whitespace_
                and not doc[index + 1].whitespace_
                and doc[index].is_alpha | doc[index].is_digit
                and doc[index + 2].is_alpha | doc[index + 2].is_digit
            ):
                index += 2
            words.append(Word(start, index + 1, doc[start : index + 1].text))
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
            country_at={span.start: span for span in countries},
            country_tokens={i for span in countries for i in range(span.start, span.end)},
        )

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
        for block in self.doc.spans.get("block", []):
            if block.start <= token_index < block.end:
                return block.start
        return None

    # ---------------------------------------------------------------- what earlier steps found
    def known_at(self, token_index: int) -> Candidate | None:
        """The longest gazetteer organisation that starts at a token."""
        starting = [c for c in self.known if c.start == token_index and c.kind == "org"]
        return max(starting, key=lambda c: c.length, default=None)

    def after_relation(self, start: int) -> bool:
        """ "to the UN": a known body a larger name points at, mentioned in its own right."""
        previous = start - 1
        if previous >= 0 and self.doc[previous].lower_ == "the":
            previous -= 1
        return previous >= 0 and self.doc[previous].lower_ in self.rules.relational_connectors

    def is_place(self, word_index: int) -> bool:
        token = self.doc[self.words[word_index].start]
        return token.ent_type_ in ("GPE", "LOC", "FAC") or token.i in self.country_tokens


def without_article(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in ARTICLES:
        start += 1
    return span.doc[start:span.end]
