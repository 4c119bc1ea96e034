"""Organisation mentions: known names, acronyms the text defines, and capitalised names with a body's head noun.

The model's ORG label tags documents, events, countries and fragments as
organisations, so it is only one source among four, and the weakest:
1. the gazetteer (`rules/organisations/gazetteer.yaml`): well-known names,
   acronyms and aliases, and named internal units;
2. acronym definitions in the text (Schwartz-Hearst, see
   `pipeline.normalise.acronyms`) and every later use of a defined acronym;
3. a name pattern read from the naming rules: capitalised modifiers, a head
   noun that makes a body ("Ministry", "Bureau", "Process"), and a tail joined
   by "of/for/on/to/in" ("Bureau for Migration and Asylum");
4. the model's ORG spans that, cleaned, have such a head noun.
Internal units of an international organisation ("IOM Regional office",
"Secretariat of the Prague Process", "Migration Research Division") become
spans of their own that stand for the parent (`kb_id_` is the parent's key).
Short names the text sets up ("the Network") and "the <head noun>" of a body
named before count for that body.

Every span in `doc.spans["organisation"]` has `kb_id_` = the organisation's key
(gazetteer id, else a slug of its name; a government body's key carries its
country, `ministry-of-interior@MDA`, or `@?` when only the extractor can tell),
`label_` = "organisation" or "internal_unit", and `id_` = the rule that found it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pipeline.normalise.acronyms import acronym_key, find_definitions, looks_like_acronym
from pipeline.normalise.organisations import (
    GAZETTEER_RULES,
    NAME_RULES,
    NameRules,
    OrganisationGazetteer,
    fold,
    organisation_key,
)
from pipeline.rules import load_rules

SPAN_KEY = "organisation"
ORGANISATION = "organisation"
INTERNAL_UNIT = "internal_unit"

CandidateKind = Literal["org", "unit", "block"]
_PRIORITY = {"gazetteer": 0, "acronym_definition": 1, "acronym": 1, "name_pattern": 2,
             "government_body_pattern": 2, "ner:ORG": 3, "internal_unit": 2, "short_form": 4}
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"eleventh|twelfth|\w+teenth|\w+tieth)$", re.IGNORECASE)
_BRIDGE_POS = {"NOUN", "ADJ", "ADP", "PROPN", "CCONJ", "PUNCT"}
_ARTICLES = ("the", "a", "an")
_UNIT_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*$")


@dataclass
class Candidate:
    """A stretch of tokens that may be an organisation mention, with what is known about it."""

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

    def overlaps(self, other: "Candidate") -> bool:
        return self.start < other.end and other.start < self.end

    def inside(self, other: "Candidate") -> bool:
        return other.start <= self.start and self.end <= other.end


class _Reading(NamedTuple):
    """What a capitalised phrase names, as its head noun tells."""

    kind: Literal["org", "not"]
    head: str
    government: bool


@dataclass
class _Word:
    """A whitespace word of the text (hyphenated parts joined), as a token range."""

    start: int
    end: int
    text: str
    lower: str = ""

    def __post_init__(self) -> None:
        self.lower = fold(self.text)


@dataclass
class _Analysis:
    """Per-document state shared by the finder's steps."""

    doc: Doc
    words: list[_Word]
    word_of_token: list[int]
    country_at: dict[int, Span]  # token start -> country span
    country_tokens: set[int]
    gazetteer: list[Candidate] = field(default_factory=list)
    acronyms: dict[str, Candidate] = field(default_factory=dict)  # acronym key -> resolution
    long_form_ends: dict[int, str] = field(default_factory=dict)  # token end of a defined long form -> group


@Language.factory(
    "organisation_finder",
    default_config={
        "span_key": SPAN_KEY,
        "gazetteer": GAZETTEER_RULES,
        "name_rules": NAME_RULES,
        "use_model_entities": True,
    },
)
def make_organisation_finder(
    nlp: Language, name: str, span_key: str, gazetteer: str, name_rules: str, use_model_entities: bool
) -> "OrganisationFinder":
    return OrganisationFinder(
        nlp,
        OrganisationGazetteer(load_rules(gazetteer)),
        NameRules.from_data(load_rules(name_rules)),
        span_key,
        use_model_entities,
    )


class OrganisationFinder:
    """Finds organisation mentions into `doc.spans["organisation"]` (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        gazetteer: OrganisationGazetteer,
        rules: NameRules,
        span_key: str = SPAN_KEY,
        use_model_entities: bool = True,
    ) -> None:
        self.gazetteer = gazetteer
        self.rules = rules
        self.span_key = span_key
        self.use_model_entities = use_model_entities
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, forms in gazetteer.name_forms().items():
            self.name_matcher.add(key, [nlp.make_doc(form) for form in forms])
        for key, forms in gazetteer.acronym_forms().items():
            self.acronym_matcher.add(key, [nlp.make_doc(form) for form in forms])

    # ------------------------------------------------------------------ pipeline
    def __call__(self, doc: Doc) -> Doc:
        analysis = self._analyse(doc)
        analysis.gazetteer = self._gazetteer_matches(analysis)
        definitions = self._definitions(analysis)
        names = self._name_pattern(analysis)
        definitions += self._adjacent_acronyms(analysis, names)
        model = self._model_entities(analysis, names) if self.use_model_entities else []
        for candidate in names + model:
            candidate.group = candidate.group or "name:" + fold(doc[candidate.start:candidate.end].text)
        uses = self._acronym_uses(analysis)
        accepted = self._resolve(analysis.gazetteer + definitions + names + model + uses)
        accepted = [c for c in accepted if c.kind != "block"]
        for candidate in accepted:
            if candidate.kind == "org" and candidate.end in analysis.long_form_ends and candidate.key is None:
                candidate.group = analysis.long_form_ends[candidate.end]
        accepted = self._drop_bylines(analysis, accepted)
        accepted = self._drop_meeting_series(analysis, accepted)
        accepted += self._units_after(analysis, accepted)
        accepted = self._attach_parents(analysis, accepted)
        accepted += self._short_forms(analysis, accepted)
        doc.spans[self.span_key] = self._spans(analysis, accepted)
        return doc

    # ------------------------------------------------------------------ words
    def _analyse(self, doc: Doc) -> _Analysis:
        words: list[_Word] = []
        word_of_token = [0] * len(doc)
        index = 0
        while index < len(doc):
            start = index
            while (
                index + 2 < len(doc)
                and doc[index + 1].text in ("-", "‐")
                and not doc[index].whitespace_
                and not doc[index + 1].whitespace_
                and doc[index].is_alpha | doc[index].is_digit
                and doc[index + 2].is_alpha | doc[index + 2].is_digit
            ):
                index += 2
            words.append(_Word(start, index + 1, doc[start : index + 1].text))
            for position in range(start, index + 1):
                word_of_token[position] = len(words) - 1
            index += 1
        countries = list(doc.spans.get("country", []))
        country_at = {span.start: span for span in countries}
        country_tokens = {i for span in countries for i in range(span.start, span.end)}
        return _Analysis(doc, words, word_of_token, country_at, country_tokens)

    @staticmethod
    def _capitalised(word: _Word) -> bool:
        first = next((char for char in word.text if char.isalpha()), "")
        return bool(first) and first.isupper()

    def _in_caps_block(self, doc: Doc, token_index: int) -> bool:
        prepared = doc._.prepared
        if prepared is None:
            return False
        block = prepared.block_at(doc[token_index].idx)
        return bool(block and block.all_caps)

    # ------------------------------------------------------------------ 1. gazetteer
    def _gazetteer_matches(self, analysis: _Analysis) -> list[Candidate]:
        doc = analysis.doc
        found: list[Candidate] = []
        for match_id, start, end in self.name_matcher(doc):
            key = doc.vocab.strings[match_id]
            if not self._written_as_name(doc[start:end]):
                continue
            found.append(self._gazetteer_candidate(key, start, end))
            found[-1].nested_ok = self._after_relation(doc, start)
        for match_id, start, end in self.acronym_matcher(doc):
            key = doc.vocab.strings[match_id]
            entry = self.gazetteer.entries.get(key.removeprefix("unit:"))
            if entry and entry.ambiguous_acronym and self._in_caps_block(doc, start):
                continue
            if not self._stands_alone(analysis, start, end):
                continue
            found.append(self._gazetteer_candidate(key, start, end))
            found[-1].nested_ok = self._after_relation(doc, start)
        return found

    def _gazetteer_candidate(self, key: str, start: int, end: int) -> Candidate:
        if key.startswith("unit:"):
            parent = key.removeprefix("unit:")
            return Candidate(start, end, "unit", "gazetteer", key=parent, parent=parent, international=True)
        entry = self.gazetteer.entries[key]
        return Candidate(start, end, "org", "gazetteer", key=key, international=entry.international,
                         country=entry.country)

    def _after_relation(self, doc: Doc, start: int) -> bool:
        """ "to the UN": a known body a larger name points at, mentioned in its own right."""
        previous = start - 1
        if previous >= 0 and doc[previous].lower_ == "the":
            previous -= 1
        return previous >= 0 and doc[previous].lower_ in self.rules.relational_connectors

    def _written_as_name(self, span: Span) -> bool:
        """A long form counts only written as a name: its content words capitalised."""
        for token in span:
            if not token.text[:1].isalpha() or token.is_stop or token.text.lower() in ("für", "de", "du", "des"):
                continue
            if token.i > span.start and token.nbor(-1).text in ("-", "‐") and not token.nbor(-1).whitespace_:
                continue  # "Co-operation"
            if not token.text[0].isupper():
                return False
        return True

    @staticmethod
    def _stands_alone(analysis: _Analysis, start: int, end: int) -> bool:
        """An acronym is a word or a hyphenated part of one ("EU-funded", "non-EU"), not letters inside a word."""
        doc = analysis.doc
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        if before is not None and not doc[start - 1].whitespace_ and before.is_alpha:
            return False
        if after is not None and not doc[end - 1].whitespace_ and after.is_alpha:
            return False
        return True

    # ------------------------------------------------------------------ 2. acronym definitions
    def _definitions(self, analysis: _Analysis) -> list[Candidate]:
        doc = analysis.doc
        found: list[Candidate] = []
        for definition in find_definitions(doc.text):
            long_span = doc.char_span(definition.long_start, definition.long_end, alignment_mode="expand")
            short_span = doc.char_span(definition.short_start, definition.short_end, alignment_mode="expand")
            if long_span is None or short_span is None:
                continue
            long_span = self._without_article(long_span)
            key = acronym_key(definition.short)
            if key in analysis.acronyms and analysis.acronyms[key].kind != "block":
                continue  # the first definition of an acronym holds
            resolution, unit = self._resolve_long_form(analysis, long_span, definition.short)
            resolution.group = resolution.key or f"acronym:{key}"
            analysis.acronyms[key] = resolution
            analysis.long_form_ends[resolution.end] = resolution.group
            found.append(resolution)
            if unit is not None:
                found.append(unit)
            found.append(replace(resolution, start=short_span.start, end=short_span.end))
        return found

    def _adjacent_acronyms(self, analysis: _Analysis, names: list[Candidate]) -> list[Candidate]:
        """ "National Institute of Statistics and Geography (INEGI)": an acronym in another language right after
        a name, which Schwartz-Hearst cannot align, is still that body's acronym."""
        doc = analysis.doc
        found: list[Candidate] = []
        for candidate in names:
            end = candidate.end
            if candidate.kind != "org" or end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
                continue
            short = doc[end + 1]
            if not looks_like_acronym(short.text) or acronym_key(short.text) in analysis.acronyms:
                continue
            words = self._words_in(analysis, candidate.start, candidate.end)
            if any(word.lower in self.rules.not_organisation_heads for word in words):
                continue  # "Committee for ... the National Strategy ... (SNITP)": the acronym is the strategy's
            key = acronym_key(short.text)
            candidate.group = f"acronym:{key}"
            analysis.acronyms[key] = candidate
            found.append(replace(candidate, start=end + 1, end=end + 2, rule="acronym_definition"))
        return found

    @staticmethod
    def _without_article(span: Span) -> Span:
        start = span.start
        while start < span.end - 1 and span.doc[start].lower_ in _ARTICLES:
            start += 1
        return span.doc[start:span.end]

    def _resolve_long_form(
        self, analysis: _Analysis, long_span: Span, short: str
    ) -> tuple[Candidate, Candidate | None]:
        """What a defined acronym stands for (a gazetteer organisation, an organisation name, or nothing), and
        the unit words the long form ends in ("UN Network on Migration Secretariat (UNMN)")."""
        entry = self.gazetteer.lookup(long_span.text)
        org_span, unit = long_span, None
        if entry is None:
            trimmed = self._trim_unit_words(long_span)
            if trimmed is not None:
                entry = self.gazetteer.lookup(trimmed.text)
                if entry is not None:
                    org_span = trimmed
                    unit = Candidate(trimmed.end, long_span.end, "unit", "internal_unit", key=entry.id,
                                     parent=entry.id, international=True)
        if entry is None:
            entry = self.gazetteer.by_acronym(short)
        if entry is not None:
            return Candidate(org_span.start, org_span.end, "org", "acronym_definition", key=entry.id,
                             international=entry.international, country=entry.country), unit
        words = self._words_in(analysis, long_span.start, long_span.end)
        reading = self._classify(analysis, words)
        if reading is None or reading.kind != "org" or not self._capitalised(words[0]):
            return Candidate(long_span.start, long_span.end, "block", "acronym_definition"), None
        return Candidate(long_span.start, long_span.end, "org", "acronym_definition", government=reading.government,
                         international=not reading.government), None

    def _trim_unit_words(self, span: Span) -> Span | None:
        """ "UN Network on Migration Secretariat" without its trailing unit words, if it has any."""
        words = [token.lower_ for token in span]
        for phrase in self.rules.unit_heads:
            if len(words) > len(phrase) and tuple(words[-len(phrase):]) == phrase:
                end = span.end - len(phrase)
                while end > span.start and span.doc[end - 1].lower_ in self.rules.unit_modifiers:
                    end -= 1
                return span.doc[span.start:end] if end > span.start else None
        return None

    # ------------------------------------------------------------------ 3. name pattern
    def _words_in(self, analysis: _Analysis, start: int, end: int) -> list[_Word]:
        first, last = analysis.word_of_token[start], analysis.word_of_token[end - 1]
        return analysis.words[first:last + 1]

    def _head_index(self, words: list[_Word]) -> int:
        """The head word of a name: the last word before its first connector."""
        for index, word in enumerate(words):
            if index and word.lower in self.rules.tail_connectors and word.text.islower():
                return index - 1
        return len(words) - 1

    def _classify(self, analysis: _Analysis, words: list[_Word]) -> "_Reading | None":
        """What a name's words name, read from its head noun; None when the head decides nothing."""
        words = [word for word in words if word.lower not in ("the",)]
        if not words:
            return None
        head_word = words[self._head_index(words)]
        head = head_word.lower
        if " ".join(word.lower for word in words) in self.rules.generic_groups:
            return _Reading("not", head, False)
        if head in self.rules.not_organisation_heads:
            return _Reading("not", head, False)
        if head not in self.rules.organisation_heads:
            if self.rules.singular(head):
                return _Reading("not", head, False)  # "Ministries, Departments, and Agencies": a generic group
            return None
        descriptive = self.rules.descriptive_modifiers.get(head)
        if descriptive and any(word.lower in descriptive for word in words[: self._head_index(words)]):
            return _Reading("not", head, False)  # "Peace Process", not "Budapest Process"
        if head in self.rules.government_words:
            modifiers = words[: self._head_index(words)]
            named = [
                word for word in modifiers
                if word.lower not in self.rules.generic_government_modifiers
                and self._capitalised(word) and analysis.doc[word.start].is_alpha
                and word.start not in analysis.country_tokens
            ]
            if not named:
                return _Reading("not", head, False)
        return _Reading("org", head, head in self.rules.government_heads)

    def _unit_phrase_at(self, words: list[_Word], index: int) -> int:
        """Length (in words) of a unit head phrase starting at words[index] ("Working Group"), else 0."""
        for phrase in self.rules.unit_heads:
            if tuple(word.lower for word in words[index:index + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def _gazetteer_at(self, analysis: _Analysis, token_index: int) -> Candidate | None:
        best = None
        for candidate in analysis.gazetteer:
            if candidate.start == token_index and candidate.kind == "org":
                if best is None or candidate.length > best.length:
                    best = candidate
        return best

    def _name_pattern(self, analysis: _Analysis) -> list[Candidate]:
        """Capitalised names with an organisation's head noun, built outward from the head."""
        doc, words, rules = analysis.doc, analysis.words, self.rules
        found: list[Candidate] = []
        consumed_until = -1
        for head_index, head_word in enumerate(words):
            if head_index <= consumed_until:
                continue
            if head_word.lower not in rules.organisation_heads or not self._capitalised(head_word):
                continue
            if head_word.start in analysis.country_tokens:
                continue  # "Russian Federation"
            if head_word.text.isupper() and len(head_word.text) > 1 and self._in_caps_block(doc, head_word.start):
                continue
            candidate, last_word = self._name_from_head(analysis, head_index)
            if candidate is None:
                continue
            found.append(candidate)
            consumed_until = last_word
        return found

    def _name_from_head(self, analysis: _Analysis, head_index: int) -> tuple[Candidate | None, int]:
        """The name built around a head noun (or the unit it names), and the index of its last word."""
        doc, words, rules = analysis.doc, analysis.words, self.rules
        # The head must end its capitalised run: "Budapest Process Ministerial Conference" is headed by Conference.
        after = words[head_index + 1] if head_index + 1 < len(words) else None
        if (
            after is not None
            and self._capitalised(after)
            and after.lower not in rules.tail_connectors
            and not self._unit_phrase_at(words, head_index + 1)
            and doc[after.start].is_alpha
        ):
            return None, head_index
        first = self._modifiers_start(analysis, head_index)
        if first > 0 and words[first - 1].lower in rules.indefinite_determiners:
            return None, head_index  # "establishing a Network on Migration": a description, not a name
        unit_length = self._unit_phrase_at(words, head_index)
        if unit_length:
            unit = self._unit_after_parent(analysis, first, head_index)
            if unit is not None:
                return unit, head_index
        last = self._tail(analysis, head_index)
        if unit_length and last > head_index:
            unit = self._unit_before_parent(analysis, first, head_index, last)
            if unit is not None:
                return unit, last
        elif last > head_index:
            last = self._without_trailing_unit(words, head_index, last)
        name_words = words[first:last + 1]
        reading = self._classify(analysis, name_words)
        if reading is None or reading.kind != "org" or len(name_words) == 1:
            return None, last  # a bare head noun ("the Committee") names nothing by itself
        if words[head_index].text.endswith("s") and rules.singular(words[head_index].lower):
            return None, last  # "Ministries": a generic group
        government = reading.government and not self._part_of_international(analysis, name_words)
        start, end, country = name_words[0].start, name_words[-1].end, None
        if government:
            start, end, country = self._strip_country(analysis, start, end)
            if end - start <= 1 and doc[start].lower_ in rules.organisation_heads:
                return None, last
        if self._is_standalone_unit(name_words[: head_index - first + 1]):
            return Candidate(start, end, "unit", "internal_unit", international=True), last
        rule = "government_body_pattern" if government else "name_pattern"
        return Candidate(start, end, "org", rule, government=government, international=not government,
                         country=country), last

    def _modifiers_start(self, analysis: _Analysis, head_index: int) -> int:
        """Index of the first modifier of a head: capitalised words before it, not titles, in its sentence."""
        doc, words, rules = analysis.doc, analysis.words, self.rules
        first = head_index
        sentence_start = doc[words[head_index].start].sent.start
        while first - 1 >= 0 and head_index - first < 6:
            word = words[first - 1]
            token = doc[word.start]
            if word.start < sentence_start or not self._capitalised(word):
                break
            if not (token.is_alpha or "-" in word.text or token.text.isalnum()):
                break
            if word.lower in rules.title_words or word.lower in rules.tail_connectors:
                break
            if token.ent_type_ == "PERSON" and doc[words[first].start].ent_type_ != "PERSON":
                break
            if token.is_sent_start and (token.is_stop or token.pos_ in ("ADV", "DET", "PRON", "VERB", "SCONJ")):
                break
            first -= 1
        country = next((c for c in analysis.country_at.values() if c.start < words[first].start < c.end), None)
        if country is not None:  # "Bosnia and Herzegovina Ministry of Security": the whole country
            first = analysis.word_of_token[country.start]
        return first

    def _unit_after_parent(self, analysis: _Analysis, first: int, head_index: int) -> Candidate | None:
        """ "UN Resident Coordinator Office", "SCMI Secretariat": a unit written after the body it belongs to."""
        words = analysis.words
        parent = self._gazetteer_at(analysis, words[first].start)
        if parent is None or parent.end > words[head_index].start:
            return None
        between = self._words_in(analysis, parent.end, words[head_index].start) if parent.end < words[
            head_index].start else []
        if not all(word.lower in self.rules.unit_modifiers or self._capitalised(word) for word in between):
            return None
        return Candidate(parent.end, words[head_index].end, "unit", "internal_unit", key=parent.key,
                         parent=parent.key, international=True)

    def _unit_before_parent(self, analysis: _Analysis, first: int, head_index: int, last: int) -> Candidate | None:
        """ "Secretariat of the Prague Process", "Mission of the IOM": a unit written before its parent."""
        words = analysis.words
        if words[head_index + 1].lower != "of":
            return None
        rest = head_index + 2
        if rest < len(words) and words[rest].lower == "the":
            rest += 1
        parent = self._gazetteer_at(analysis, words[rest].start) if rest < len(words) else None
        if parent is None or parent.end != words[last].end or not parent.international:
            return None
        return Candidate(words[first].start, words[head_index].end, "unit", "internal_unit", key=parent.key,
                         parent=parent.key, international=True)

    def _without_trailing_unit(self, words: list[_Word], head_index: int, last: int) -> int:
        """ "United Nations Network on Migration Secretariat": the body ends before its unit's words."""
        for start in range(head_index + 2, last + 1):
            length = self._unit_phrase_at(words, start)
            if length and start + length - 1 == last:
                cut = start
                while cut - 1 > head_index and words[cut - 1].lower in self.rules.unit_modifiers:
                    cut -= 1
                if words[cut - 1].lower not in self.rules.tail_connectors | {"the", "and", "&"}:
                    return cut - 1
        return last

    def _part_of_international(self, analysis: _Analysis, words: list[_Word]) -> bool:
        """A name that contains an international organisation, other than one it points to ("to the UN")."""
        doc = analysis.doc
        start, end = words[0].start, words[-1].end
        return any(
            start <= c.start and c.end <= end and c.international and c.kind == "org"
            and not self._after_relation(doc, c.start)
            for c in analysis.gazetteer
        )

    def _is_standalone_unit(self, words: list[_Word]) -> bool:
        lowered = tuple(word.lower for word in words)
        for phrase in (*self.rules.standalone_unit_heads, *self.rules.standalone_unit_phrases):
            if len(lowered) >= len(phrase) and lowered[-len(phrase):] == phrase:
                return True
        return False

    def _tail(self, analysis: _Analysis, head_index: int) -> int:
        """Index of the last word of a name whose head is at head_index."""
        words, rules = analysis.words, self.rules
        last = head_index
        head_lower = words[head_index].lower
        while last + 1 < len(words):
            following = words[last + 1]
            if following.lower in rules.tail_connectors and following.text.islower():
                run_start = last + 2
                if run_start < len(words) and words[run_start].lower == "the":
                    run_start += 1
                if run_start >= len(words):
                    break
                if self._capitalised(words[run_start]):
                    if self._starts_other_body(analysis, run_start, following.lower):
                        break
                    if following.lower == "in" and self._is_place(analysis, run_start):
                        break  # "Permanent Representation to the EU in Brussels": where it is, not its name
                    last = self._capitalised_run(analysis, run_start)
                    continue
                bridged = self._lowercase_bridge(analysis, run_start, head_lower)
                if bridged is None:
                    break
                last = bridged
                if last + 1 < len(words) and self._capitalised(words[last + 1]):
                    last = self._capitalised_run(analysis, last + 1)
                    continue
                break
            if following.text == ",":
                listed = self._listed_fields(analysis, last + 2)
                if listed is None:
                    break
                last = listed
                continue
            break
        return last

    def _is_place(self, analysis: _Analysis, index: int) -> bool:
        token = analysis.doc[analysis.words[index].start]
        return token.ent_type_ in ("GPE", "LOC", "FAC") or token.i in analysis.country_tokens

    def _starts_other_body(self, analysis: _Analysis, index: int, connector: str) -> bool:
        """After "of the", a phrase with its own head is another body ("Migration Service of the Ministry of ...")."""
        if connector in self.rules.relational_connectors:
            return False
        words = analysis.words
        if words[index].lower in self.rules.government_words:
            return True
        run_end = self._capitalised_run(analysis, index)
        run = words[index:run_end + 1]
        heads = [word for word in run if word.lower in self.rules.organisation_heads]
        if not heads:
            return False
        if analysis.doc[run[0].start].i in analysis.country_tokens:
            return False
        gazetteer = self._gazetteer_at(analysis, words[index].start)
        if gazetteer is not None and gazetteer.end >= words[run_end].end:
            return False  # "Council of Heads ... of CIS", "Mission of Sweden to the UN": the name goes on
        return run[0].lower in self.rules.organisation_heads

    def _capitalised_run(self, analysis: _Analysis, index: int) -> int:
        """Last index of a run of capitalised words from index, joined by "and"/"&"
        ("Territorial Administration and Infrastructure")."""
        words, doc, rules = analysis.words, analysis.doc, self.rules
        last = index
        while last + 1 < len(words):
            following = words[last + 1]
            if self._capitalised(following) and self._model_ends_name_before(doc, words[last], following):
                break  # "... Committee for Combating Illegal Migration Naela Gabr": a person follows the body
            if self._capitalised(following) and following.lower not in rules.government_words and (
                doc[following.start].is_alpha or "-" in following.text or following.text.isalnum()
            ):
                # A unit after a complete body ends it: "Organisation of African Union Council of Ministers".
                if words[last].lower in rules.organisation_heads and self._unit_phrase_at(words, last + 1):
                    break
                last += 1
                continue
            if following.lower in ("and", "&") and last + 2 < len(words) and self._capitalised(words[last + 2]):
                if self._opens_body(analysis, last + 2):
                    break  # "Ministry of Justice and Ministry of Interior": two bodies
                last += 2
                continue
            break
        return last

    @staticmethod
    def _model_ends_name_before(doc: Doc, last: _Word, following: _Word) -> bool:
        """The model starts a person there, or ends an organisation there and tags what follows as none."""
        after = doc[following.start]
        if after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
            return True
        before = doc[last.end - 1]
        return before.ent_type_ == "ORG" and after.ent_iob_ != "I" and after.ent_type_ != "ORG"

    def _opens_body(self, analysis: _Analysis, index: int) -> bool:
        """Whether the word at index begins a body of its own ("Ministry of ...", "Government of ...")."""
        words = analysis.words
        word = words[index]
        if word.lower in self.rules.government_words:
            return True
        following = words[index + 1] if index + 1 < len(words) else None
        return (
            word.lower in self.rules.organisation_heads
            and following is not None
            and following.lower in self.rules.tail_connectors
            and following.text.islower()
        )

    def _lowercase_bridge(self, analysis: _Analysis, index: int, head: str) -> int | None:
        """Lowercase words after a connector that belong to the name: up to its capitalised rest, or, after
        "Ministry of", to the end of the phrase ("Ministry of internal affairs")."""
        words, doc, rules = analysis.words, analysis.doc, self.rules
        last_content = None
        position = index
        while position < len(words) and position - index < rules.max_lowercase_bridge:
            word = words[position]
            token = doc[word.start]
            if self._capitalised(word):
                break
            if token.pos_ not in _BRIDGE_POS and token.lower_ != "the":
                return last_content if head in rules.lowercase_tail_heads else None
            if token.is_punct and word.text not in ("-",):
                break
            if token.pos_ in ("NOUN", "ADJ", "PROPN"):
                last_content = position
            position += 1
        if position < len(words) and self._capitalised(words[position]) and last_content is not None:
            if self._starts_other_body(analysis, position, words[position - 1].lower):
                # "Department on work with law-enforcement bodies of Administration of the President"
                return last_content
            if words[position - 1].lower in ("the",) or words[position - 1].lower in rules.tail_connectors:
                return position - 1
            return None
        if head in rules.lowercase_tail_heads and last_content is not None:
            return last_content
        return None

    def _listed_fields(self, analysis: _Analysis, index: int) -> int | None:
        """", Migration and Readmission": a list of fields that goes on the name, ending in "and X"."""
        words = analysis.words
        position = index
        while position < len(words):
            word = words[position]
            if word.lower == "and" and position + 1 < len(words) and self._capitalised(words[position + 1]):
                position += 1
                if self._field_breaks(analysis, position, last_item=True):
                    return None
                return self._capitalised_run(analysis, position)
            if not self._capitalised(word) or self._field_breaks(analysis, position):
                return None
            run_end = self._capitalised_run(analysis, position)
            if any(w.lower == "and" for w in words[position:run_end + 1]):
                return run_end
            following = words[run_end + 1] if run_end + 1 < len(words) else None
            if following is None or following.text != ",":
                return None
            position = run_end + 2
        return None

    def _field_breaks(self, analysis: _Analysis, index: int, last_item: bool = False) -> bool:
        """A list item that is not a field of the name: a title, a country, a known body, or a body of its own
        (", Ministry of Interior", ", Migration Service")."""
        words = analysis.words
        word = words[index]
        if (
            word.lower in self.rules.title_words
            or word.start in analysis.country_tokens
            or self._gazetteer_at(analysis, word.start) is not None
            or self._opens_body(analysis, index)
        ):
            return True
        if last_item:
            return False
        run_end = self._capitalised_run(analysis, index)
        item = [w for w in words[index:run_end + 1]]
        if "and" in (w.lower for w in item):
            item = item[: [w.lower for w in item].index("and")]
        return len(item) >= 2 and item[-1].lower in self.rules.organisation_heads

    def _strip_country(self, analysis: _Analysis, start: int, end: int) -> tuple[int, int, str | None]:
        """A government body's name without its country: "Migration Service of Armenia", "Italian Ministry ..."."""
        doc = analysis.doc
        country = None
        if start in analysis.country_at:
            span = analysis.country_at[start]
            if span.end < end:
                country = span.kb_id_
                start = span.end
        for span in analysis.country_at.values():
            if span.end == end and span.start > start:
                cut = span.start
                while cut > start and doc[cut - 1].lower_ in ("the", "of", "in"):
                    cut -= 1
                if cut < span.start and cut > start:
                    return start, cut, span.kb_id_
        if country is None:
            inside = [span for span in analysis.country_at.values() if start <= span.start and span.end <= end]
            if inside:
                country = inside[0].kb_id_
        return start, end, country

    # ------------------------------------------------------------------ 4. the model's ORG spans
    def _model_entities(self, analysis: _Analysis, names: list[Candidate]) -> list[Candidate]:
        doc = analysis.doc
        found: list[Candidate] = []
        taken = [(c.start, c.end) for c in names + analysis.gazetteer]
        for entity in doc.ents:
            if entity.label_ != "ORG":
                continue
            start, end = entity.start, entity.end
            while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in _ARTICLES):
                start += 1
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                                   or doc[end - 1].lower_ in self.rules.tail_connectors):
                end -= 1
            if end <= start or any(s < end and start < e for s, e in taken):
                continue
            if any(self._breaks_entity(token) for token in doc[start:end]):
                continue  # "Mexico - Government", "Migration, Office for Foreigners,": fragments
            words = self._words_in(analysis, start, end)
            reading = self._classify(analysis, words)
            if reading is None or reading.kind != "org" or len(words) < 2 or not self._capitalised(words[0]):
                continue
            head_word = words[self._head_index(words)]
            if not self._capitalised(head_word) or any(word.lower in self.rules.title_words for word in words):
                continue
            government, country = reading.government, None
            if government:
                start, end, country = self._strip_country(analysis, start, end)
            found.append(Candidate(start, end, "org", "ner:ORG", government=government, international=not government,
                                   country=country))
        return found

    @staticmethod
    def _breaks_entity(token: Token) -> bool:
        if token.is_space or token.text in (",", ";", ":", "(", ")"):
            return True
        return token.text in ("-", "–", "—") and bool(token.whitespace_)

    # ------------------------------------------------------------------ later uses of defined acronyms
    def _acronym_uses(self, analysis: _Analysis) -> list[Candidate]:
        found: list[Candidate] = []
        if not analysis.acronyms:
            return found
        for word in analysis.words:
            if not looks_like_acronym(word.text):
                continue
            resolution = analysis.acronyms.get(acronym_key(word.text))
            if resolution is None:
                continue
            found.append(replace(resolution, start=word.start, end=word.end,
                                 rule="acronym" if resolution.kind != "block" else resolution.rule))
        # Gazetteer acronyms the text defines otherwise give way to the text's definition.
        kept = []
        for candidate in analysis.gazetteer:
            text = analysis.doc[candidate.start:candidate.end].text
            defined = analysis.acronyms.get(acronym_key(text)) if looks_like_acronym(text) else None
            if defined is not None and defined.key != candidate.key:
                continue
            kept.append(candidate)
        analysis.gazetteer[:] = kept
        return found

    # ------------------------------------------------------------------ choosing among candidates
    def _resolve(self, candidates: list[Candidate]) -> list[Candidate]:
        """Longest first, then the most trusted rule; known names may stand inside blocked phrases and after "to"."""
        ordered = sorted(candidates, key=lambda c: (-c.length, _PRIORITY.get(c.rule, 5), c.start))
        accepted: list[Candidate] = []
        for candidate in ordered:
            clash = [other for other in accepted if candidate.overlaps(other)]
            if not clash:
                accepted.append(candidate)
                continue
            if candidate.rule == "gazetteer" and candidate.kind == "org" and all(
                candidate.inside(other)
                and (other.kind == "block" or (candidate.nested_ok and other.start < candidate.start - 1))
                for other in clash
            ):
                accepted.append(candidate)
        return sorted(accepted, key=lambda c: (c.start, c.end))

    # ------------------------------------------------------------------ filters
    def _drop_bylines(self, analysis: _Analysis, candidates: list[Candidate]) -> list[Candidate]:
        """A news outlet's own byline ("Ammon News - AMMONNEWS - ...", "..., Trend reports") is not a mention of it."""
        doc = analysis.doc
        kept = []
        byline_end: int | None = None
        for candidate in candidates:
            entry = self.gazetteer.entries.get(candidate.key or "")
            if entry is None or entry.kind != "news_outlet":
                kept.append(candidate)
                continue
            following = doc[candidate.end] if candidate.end < len(doc) else None
            block_start = self._block_start(doc, candidate.start)
            lead = byline_end if byline_end is not None and byline_end <= candidate.start else block_start
            at_head = lead is not None and all(
                token.is_punct or token.is_space for token in doc[lead:candidate.start]
            )
            byline = following is not None and (
                (at_head and following.text in self.rules.byline_separators)
                or following.lower_ in self.rules.byline_verbs
            )
            if byline:
                byline_end = candidate.end
            else:
                kept.append(candidate)
        return kept

    @staticmethod
    def _block_start(doc: Doc, token_index: int) -> int | None:
        for block in doc.spans.get("block", []):
            if block.start <= token_index < block.end:
                return block.start
        return None

    def _drop_meeting_series(self, analysis: _Analysis, candidates: list[Candidate]) -> list[Candidate]:
        """A name only ever used for meetings ("the tenth SURAC meeting", "SURAC 10") names an event series."""
        by_group: dict[str, list[Candidate]] = defaultdict(list)
        for candidate in candidates:
            if candidate.kind == "org" and candidate.key is None:
                group = candidate.group or fold(analysis.doc[candidate.start:candidate.end].text)
                by_group[group].append(candidate)
        dropped: set[int] = set()
        for group in by_group.values():
            if all(self._used_as_meeting(analysis, c) for c in group):
                dropped.update(id(c) for c in group)
        return [c for c in candidates if id(c) not in dropped]

    def _used_as_meeting(self, analysis: _Analysis, candidate: Candidate) -> bool:
        doc = analysis.doc
        position = candidate.end
        # skip "(SURAC)" after a long form, and the ")" after a short form in its definition
        if position < len(doc) and doc[position].text == "(":
            close = next((i for i in range(position, min(position + 6, len(doc))) if doc[i].text == ")"), None)
            if close is not None:
                position = close + 1
        elif position < len(doc) and doc[position].text == ")":
            position += 1
        following = doc[position] if position < len(doc) else None
        if following is not None and (following.lower_ in self.rules.event_nouns or following.like_num):
            return True
        previous = candidate.start - 1
        return previous >= 0 and bool(_ORDINAL.match(doc[previous].text))

    # ------------------------------------------------------------------ units
    def _units_after(self, analysis: _Analysis, accepted: list[Candidate]) -> list[Candidate]:
        """Unit words written after an international organisation: "IOM Regional office", "UN Network on
        Migration Core Working Group 2.1", "EU Council Presidency", "Trust Fund committee"."""
        doc, words, rules = analysis.doc, analysis.words, self.rules
        starts = {c.start for c in accepted}
        found: list[Candidate] = []
        for candidate in accepted:
            if candidate.kind != "org" or not candidate.international or candidate.key is None:
                continue
            index = analysis.word_of_token[candidate.end - 1] + 1
            if index < len(words) and words[index].start in analysis.country_at:
                index = analysis.word_of_token[analysis.country_at[words[index].start].end - 1] + 1
            first = index
            last_head = None
            while index < len(words) and index - first < 5 and words[index].start not in starts:
                length = self._unit_phrase_at(words, index)
                if length:
                    index += length
                    last_head = index - 1
                    continue
                if words[index].lower in rules.unit_modifiers:
                    index += 1
                    continue
                break
            if last_head is None:
                continue
            end = words[last_head].end
            if end < len(doc) and _UNIT_NUMBER.match(doc[end].text):
                end += 1  # "Core Working Group 2.1"
            found.append(Candidate(words[first].start, end, "unit", "internal_unit", key=candidate.key,
                                   parent=candidate.key, international=True))
        return found

    def _attach_parents(self, analysis: _Analysis, accepted: list[Candidate]) -> list[Candidate]:
        """A unit named alone ("Migration Research Division") stands for the international organisation named
        last in its block, else the one the report names most; with neither it is a body of its own."""
        doc = analysis.doc
        international = [c for c in accepted if c.kind == "org" and c.international and c.key is not None]
        counts = Counter(c.key for c in international)
        dominant = counts.most_common(1)[0][0] if counts else None
        result: list[Candidate] = []
        for candidate in accepted:
            if candidate.kind != "unit" or candidate.parent is not None:
                result.append(candidate)
                continue
            block_start = self._block_start(doc, candidate.start)
            before = [c for c in international if c.end <= candidate.start
                      and (block_start is None or c.start >= block_start)]
            parent = before[-1].key if before else dominant
            if parent is None:
                result.append(replace(candidate, kind="org", rule="name_pattern"))
            else:
                result.append(replace(candidate, key=parent, parent=parent))
        return result

    # ------------------------------------------------------------------ short forms
    def _short_forms(self, analysis: _Analysis, accepted: list[Candidate]) -> list[Candidate]:
        """ "(the Network)" after a name, and "the <head noun>" of the one body named with that head, count for it."""
        doc = analysis.doc
        keyed = [c for c in accepted if c.kind == "org"]
        short_forms: dict[tuple[str, ...], tuple[str | None, Candidate, int]] = {}
        for candidate in keyed:
            end = candidate.end
            if end + 3 < len(doc) and doc[end].text == "(" and doc[end + 1].lower_ == "the":
                close = next((i for i in range(end + 2, min(end + 6, len(doc))) if doc[i].text == ")"), None)
                if close is None:
                    continue
                phrase = doc[end + 2:close]
                name_words = {token.lower_ for token in doc[candidate.start:candidate.end]}
                if all(token.text[:1].isupper() for token in phrase) and all(
                    token.lower_ in name_words for token in phrase
                ):
                    short_forms[tuple(token.text for token in phrase)] = (candidate.key, candidate, end + 2)
        heads: dict[str, list[Candidate]] = defaultdict(list)
        for candidate in keyed:
            words = self._words_in(analysis, candidate.start, candidate.end)
            head = words[self._head_index(words)]
            if head.lower in self.rules.organisation_heads and self._capitalised(head) and not looks_like_acronym(
                head.text
            ):
                heads[head.text].append(candidate)
        for head, group in heads.items():
            if len({self._identity(analysis, c) for c in group}) == 1:
                first = min(group, key=lambda c: c.start)
                short_forms.setdefault((head,), (first.key, first, first.end))
        taken = [(c.start, c.end) for c in accepted]
        found: list[Candidate] = []
        texts = [token.text for token in doc]
        positions: dict[str, list[int]] = defaultdict(list)
        for index, text in enumerate(texts):
            positions[text].append(index)
        for phrase, (key, source, after) in short_forms.items():
            length = len(phrase)
            for index in positions.get(phrase[0], ()):
                if index < after or tuple(texts[index:index + length]) != phrase:
                    continue
                if index == 0 or doc[index - 1].lower_ != "the":
                    continue
                following = doc[index + length] if index + length < len(doc) else None
                if following is not None and following.lower_ in self.rules.tail_connectors and (
                    index + length + 1 < len(doc) and doc[index + length + 1].text[:1].isupper()
                ):
                    continue  # "the Committee of Ministers": another name
                if any(s < index + length and index < e for s, e in taken):
                    continue
                found.append(replace(source, start=index, end=index + length, rule="short_form", kind="org"))
                taken.append((index, index + length))
        return found

    def _identity(self, analysis: _Analysis, candidate: Candidate) -> str:
        return candidate.key or fold(analysis.doc[candidate.start:candidate.end].text)

    # ------------------------------------------------------------------ spans
    def _spans(self, analysis: _Analysis, accepted: list[Candidate]) -> list[Span]:
        """Spans with their keys; an acronym or short form takes the key of the name it stands for."""
        doc = analysis.doc
        ordered = sorted(accepted, key=lambda c: (c.start, c.end))
        keys: dict[int, str] = {}
        group_keys: dict[str, str] = {}
        for candidate in ordered:
            if candidate.key is not None or looks_like_acronym(doc[candidate.start:candidate.end].text):
                continue
            if candidate.rule == "short_form":
                continue
            if candidate.government and candidate.country is None:
                candidate.country = self._appositive_country(analysis, candidate, accepted)
            text = doc[candidate.start:candidate.end].text
            name = self.rules.equivalent(text) if candidate.government else text
            key = organisation_key(name, candidate.country, government_body=candidate.government)
            keys[id(candidate)] = key
            if candidate.group and (candidate.group not in group_keys or group_keys[candidate.group].endswith("@?")):
                group_keys[candidate.group] = key
        spans: list[Span] = []
        for candidate in ordered:
            key = candidate.key or keys.get(id(candidate)) or group_keys.get(candidate.group or "")
            if key is None:
                text = doc[candidate.start:candidate.end].text
                key = organisation_key(text, candidate.country, government_body=candidate.government)
            label = INTERNAL_UNIT if candidate.kind == "unit" else ORGANISATION
            spans.append(Span(doc, candidate.start, candidate.end, label=label, kb_id=key, span_id=candidate.rule))
        return spans

    def _appositive_country(self, analysis: _Analysis, candidate: Candidate, accepted: list[Candidate]) -> str | None:
        """The country in an appositive chain after a body: "Bureau for Migration and Asylum, Ministry of
        Interior, Government of Moldova", "Department ... under the Ministry of Foreign Affairs of the Kyrgyz
        Republic"; a possessive or adjective before it: "Tajikistan's Ministry of Foreign Affairs"."""
        doc = analysis.doc
        before = candidate.start - 1
        if before >= 0 and doc[before].text in ("'s", "’s"):
            before -= 1  # "Tajikistan's Ministry of Foreign Affairs"
        for span in analysis.country_at.values():
            if span.end == before + 1 and (before < candidate.start - 1 or span.end == candidate.start):
                return span.kb_id_
        ends = {c.start: c.end for c in accepted}
        position = candidate.end
        sentence_end = doc[candidate.start].sent.end
        steps = 0
        while position < sentence_end and steps < 12:
            steps += 1
            if position in analysis.country_at:
                return analysis.country_at[position].kb_id_
            token = doc[position]
            if position in ends:
                position = ends[position]
                continue
            if token.lower_ == "the" and position > 0 and doc[position - 1].text == ",":
                break  # "A, the B of Kosovo and C": a list of bodies, not an appositive
            if token.text in (",", "-", "–") or token.lower_ in ("of", "the", "under", "within", "in", "at"):
                position += 1
                continue
            if token.lower_ in self.rules.government_words:
                position += 1
                continue
            if token.lower_ == "republic":
                position += 1
                continue
            break
        return None
