"""People in meeting reports: honorifics, names, and the introduction lines that present a speaker.

Pure functions over strings, driven by `rules/speakers/introductions.yaml`. An
introduction line names a person and their post, in one of a few shapes:

- name first: "Ms. Olga Poalelungi, Director, Bureau for Migration and Asylum, Government of Moldova"
  (with or without honorific; without one, the post must contain a role word);
- after a cue: "Interactive discussion ..., moderated by Ms. Alia El-Yassir, UN Women Regional Director"
  or a label: "Moderator: Ms. X, Role";
- name last: "Deputy Minister of Interior, Government of Albania, Mr. Andi Mahila" (only where the
  caller allows it: such lines are also photo captions);
- inside prose, a sentence that opens with the person, their post and a reporting verb:
  "Mr. Jonas Weber, Federal Employment Agency (BA), Germany, explained how ..." (see
  pipeline/normalise/prose_introductions.py; the caller decides in which reports such sentences count).

The post after the name is split into comma parts, each classed as a role, an organisation, a
government ("Government of Armenia", "Republic of Serbia") or a bare country, and the speaker's
country follows from those parts (see `speaker_country`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, Protocol

from pipeline.normalise.countries import country_gazetteer
from pipeline.rules import load_rules

RULES_FILE = "speakers/introductions.yaml"

PartKind = Literal["role", "organisation", "government", "country"]
CountryRule = Literal["government", "post"]

_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z](?:-[A-Z0-9]+)*\b")
NAME_WORD = re.compile(r"[^\W\d_]\.|[^\W\d_](?:[^\W\d_]|['’\-])*")  # "Kennedy", "El-Yassir", "J."


@dataclass(frozen=True)
class IntroductionRules:
    """The rule file, compiled once."""

    honorific: re.Pattern[str]  # one or two stacked honorifics at the start of a string
    single_honorific: re.Pattern[str]  # one honorific and the space after it
    name_particles: frozenset[str]
    non_name_words: frozenset[str]
    moderator_cue: re.Pattern[str]
    speech_cue: re.Pattern[str]
    moderator_label: re.Pattern[str]
    role_word: re.Pattern[str]
    organisation_word: re.Pattern[str]
    government_word: re.Pattern[str]
    government_prefix: re.Pattern[str]
    government_suffix: re.Pattern[str]
    state_word: re.Pattern[str]
    diplomatic_post: re.Pattern[str]
    title_body: re.Pattern[str]
    title_bodies: dict[str, tuple[str, ...]]
    max_words: int
    max_name_words: int
    post_connectors: frozenset[str]
    reporting_verbs: frozenset[str]
    predicate_adverbs: frozenset[str]
    speaking_for_cue: re.Pattern[str]
    affiliation: re.Pattern[str]  # between a name and its body: " of ", " from "
    meeting_section_word: re.Pattern[str]
    continuation_pronouns: frozenset[str]
    floor_opening: re.Pattern[str]
    body_modifiers: frozenset[str]
    body_tail: re.Pattern[str]  # what may follow a body word that opens a part: "Office of ...", "Directorate General"
    head_end: re.Pattern[str]  # where a part's head ends: "General Inspectorate| for Immigration"


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation, longest first."""
    alternatives = sorted({re.escape(word) for word in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


def _cue_pattern(cues: list[str]) -> re.Pattern[str]:
    alternatives = sorted({re.escape(cue.strip()) for cue in cues}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")\s*", re.IGNORECASE)


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def compile_rules(data: dict) -> IntroductionRules:
    """Compile a parsed rule file (tests pass their own)."""
    connectors = _alternation(data["body_name_connectors"])
    postpositive = _alternation(data["postpositive_body_modifiers"])
    honorifics = sorted({re.escape(h.rstrip(".")) for h in data["honorifics"]}, key=len, reverse=True)
    one = r"(?:" + "|".join(honorifics) + r")(?:\.\s*|\s+)"
    label_words = [cue.rstrip(": ") for cue in data["moderator_cues"] if cue.endswith(":")]
    return IntroductionRules(
        honorific=re.compile(r"(?:" + one + r"){1,2}(?=[^\W\d_])"),
        single_honorific=re.compile(one),
        name_particles=frozenset(data["name_particles"]),
        non_name_words=frozenset(word.casefold() for word in data["non_name_words"]),
        moderator_cue=_cue_pattern(data["moderator_cues"]),
        speech_cue=_cue_pattern(data["speech_cues"]),
        moderator_label=_words_pattern(label_words),
        role_word=_words_pattern(data["role_words"]),
        organisation_word=_words_pattern(data["organisation_words"]),
        government_word=_words_pattern(data["government_words"]),
        government_prefix=re.compile(
            r"^(?:the\s+)?(?:" + "|".join(re.escape(p) for p in data["government_prefixes"]) + r")\s+(?:the\s+)?",
            re.IGNORECASE,
        ),
        government_suffix=re.compile(
            r"\s+(?:" + "|".join(re.escape(s) for s in data["government_suffixes"]) + r")$", re.IGNORECASE
        ),
        state_word=_words_pattern(data["state_words"]),
        diplomatic_post=re.compile(
            r"(?<![\w-])(?:" + _alternation(data["diplomatic_titles"])
            + r")\s+of\s+(?:the\s+)?(?P<state>.+?)(?:\s+(?:to|at|in|for)\s+.*)?$",
            re.IGNORECASE,
        ),
        title_body=re.compile(
            r"(?<![\w-])(?P<title>" + _alternation(data["title_bodies"])
            + r")\s+(?P<subject>(?:of|for)\s+.+)$",
            re.IGNORECASE,
        ),
        title_bodies={title.casefold(): tuple(bodies) for title, bodies in data["title_bodies"].items()},
        max_words=int(data["max_words"]),
        max_name_words=int(data["max_name_words"]),
        post_connectors=frozenset(data["post_connectors"]) | frozenset(data["name_particles"]),
        reporting_verbs=frozenset(data["reporting_verbs"]),
        predicate_adverbs=frozenset(data["predicate_adverbs"]),
        speaking_for_cue=re.compile(
            r"(?:" + _alternation(data["speaking_for_cues"]) + r")\s+",
            re.IGNORECASE,
        ),
        meeting_section_word=_words_pattern(data["meeting_section_words"]),
        body_modifiers=frozenset(word.casefold() for word in data["body_modifiers"]),
        continuation_pronouns=frozenset(word.casefold() for word in data["continuation_pronouns"]),
        floor_opening=re.compile(
            r"(?:" + _alternation(data["floor_openings"]) + r")(?![\w-])",
            re.IGNORECASE,
        ),
        affiliation=re.compile(r"\s+(?:" + _alternation(data["affiliation_connectors"]) + r")\s+"),
        body_tail=re.compile(
            rf"\s+(?:(?:{postpositive})\s+)?(?:{connectors})\s|\s+(?:{postpositive})$|$", re.IGNORECASE
        ),
        head_end=re.compile(
            r"\s+(?:" + _alternation(data["head_end_prepositions"]) + r")\s|\s*\(|$", re.IGNORECASE
        ),
    )


@lru_cache(maxsize=1)
def introduction_rules() -> IntroductionRules:
    """The compiled rules of `rules/speakers/introductions.yaml` (once per process)."""
    return compile_rules(load_rules(RULES_FILE))


# --- names -----------------------------------------------------------------------------------------


def split_honorific(text: str, rules: IntroductionRules | None = None) -> tuple[str | None, str]:
    """("Ms.", "Olga Poalelungi") from "Ms. Olga Poalelungi"; (None, text) when there is no honorific."""
    rules = rules or introduction_rules()
    text = text.strip()
    found = rules.honorific.match(text)
    if not found:
        return None, text
    return re.sub(r"\s+", " ", found.group().strip()), text[found.end():].strip()


def is_personal_name(text: str, rules: IntroductionRules | None = None, min_words: int = 1) -> bool:
    """Capitalised words (particles allowed inside), no role, body or function word ("In Mexico"), not a country."""
    rules = rules or introduction_rules()
    words = text.split()
    if not min_words <= len(words) <= rules.max_name_words:
        return False
    if any(word.casefold() in rules.non_name_words for word in words):
        return False
    for index, word in enumerate(words):
        if word in rules.name_particles and 0 < index < len(words) - 1:
            continue
        if not NAME_WORD.fullmatch(word) or not word[0].isupper():
            return False
        if len(word) > 1 and word.isupper() and not word.endswith("."):
            return False  # an acronym ("IOM"), not a name
    if rules.role_word.search(text) or rules.organisation_word.search(text) or rules.government_word.search(text):
        return False
    return country_gazetteer().lookup(text) is None


def person_key(name: str) -> str:
    """Spelling-insensitive key of a name: "Sónia  Pereira" and "Sonia Pereira" are one person."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[\s.\-'’]+", " ", text).strip().casefold()


def surname(name: str) -> str:
    """The last word of a name ("El-Yassir" of "Alia El-Yassir")."""
    return name.split()[-1] if name.split() else name


# --- countries -------------------------------------------------------------------------------------


def countries_named(text: str, max_words: int = 6, demonyms: bool = True) -> list[str]:
    """ISO3 codes of the countries a phrase names ("Representative for Bosnia and Herzegovina" -> BIH), in order.

    With `demonyms=False` an adjective ("Norwegian Refugee Council") names no country.
    """
    gazetteer = country_gazetteer()
    words = list(_WORD.finditer(text))
    found: list[str] = []
    index = 0
    while index < len(words):
        for width in range(min(max_words, len(words) - index), 0, -1):
            first, last = words[index], words[index + width - 1]
            candidate = text[first.start():last.end()].rstrip(".")
            if not candidate[:1].isupper() or not last.group()[:1].isupper():
                continue
            entry = gazetteer.lookup(candidate)
            if entry is not None and not (entry.form.isupper() and candidate != entry.form):
                if entry.kind == "demonym" and not demonyms:
                    index += width
                    break
                found.append(entry.iso3)
                index += width
                break
        else:
            index += 1
    return found


def _government_country(part: str, rules: IntroductionRules) -> str | None:
    """ISO3 when a whole part names a government: "Government of Armenia", "Republic of Serbia"."""
    gazetteer = country_gazetteer()
    stripped = rules.government_prefix.sub("", part, count=1)
    if stripped == part:
        stripped = rules.government_suffix.sub("", part, count=1)
    if stripped != part:
        entry = gazetteer.lookup(stripped)
        return entry.iso3 if entry is not None else None
    entry = gazetteer.lookup(part)
    if entry is not None and entry.kind != "demonym" and (entry.kind == "official" or rules.state_word.search(part)):
        return entry.iso3
    return None


def _bare_country(part: str) -> str | None:
    entry = country_gazetteer().lookup(part)
    return entry.iso3 if entry is not None and entry.kind != "demonym" and part[:1].isupper() else None


# --- introduction lines ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PostPart:
    """One comma part of the post after the name, with offsets into the introduction text."""

    text: str
    start: int
    end: int
    kind: PartKind
    iso3: str | None = None  # for government and country parts


@dataclass(frozen=True)
class Introduction:
    """What an introduction line says about its speaker. Offsets are into the parsed text."""

    honorific: str | None
    name: str
    name_start: int
    name_end: int
    parts: tuple[PostPart, ...]
    role: str | None
    organisation: str | None
    country_iso3: str | None
    country_rule: CountryRule | None
    is_moderator: bool
    start: int = 0  # where the introduction stands in the parsed text: a whole line, or in prose the
    end: int = -1  # sentence's opening up to the end of the post (-1: to the end of the text)


def split_parts(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Comma and semicolon parts outside parentheses, stripped, with offsets."""
    return [(body, offset + start, offset + end) for body, start, end in iter_parts(text)]


def iter_parts(text: str, start: int = 0) -> Iterator[tuple[str, int, int]]:
    """The parts of `split_parts` from `start` on, one at a time, with offsets into `text` (a caller that needs
    only the first part reads no further)."""
    depth = 0
    part_start = start
    for index in range(start, len(text) + 1):
        char = text[index] if index < len(text) else ","
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif (char in ",;" and depth == 0) or index == len(text):
            raw = text[part_start:index]
            left = len(raw) - len(raw.lstrip())
            body = raw.strip().rstrip(".:").strip()
            if body:
                yield body, part_start + left, part_start + left + len(body)
            part_start = index + 1


def _body_head(text: str, rules: IntroductionRules) -> re.Match[str] | None:
    """The body word a part ends its head with, before any "of/for ..." ("General Inspectorate for
    Immigration", "Federal Employment Agency (BA)"): the last word of an English noun phrase's head is its
    noun, so such a part names a body even when a title word that also qualifies bodies ("General") stands
    before it; another title word before it makes the part a post ("Director Department of Security")."""
    head = text[: rules.head_end.search(text).start()]
    last = re.search(r"[^\W\d_][\w'’\-]*$", head)
    if last is None:
        return None
    before = [word.group() for word in rules.role_word.finditer(head[: last.start()])]
    if any(word.casefold() not in rules.body_modifiers for word in before):
        return None  # "Director Department of Security": a post, then its body
    return rules.organisation_word.fullmatch(last.group())


def classify_parts(text: str, offset: int = 0, rules: IntroductionRules | None = None) -> tuple[PostPart, ...]:
    """Class each part of a post: government, bare country, role, organisation; others continue the part before.

    A part that opens with a body's head noun names that body, whatever title words follow
    ("Office of the Prime Minister", "Directorate General for Ivorians Abroad"); otherwise a title
    word makes a role ("Head of the Migration Service"), a body word or an acronym an organisation.
    """
    rules = rules or introduction_rules()
    classed: list[PostPart] = []
    for body, start, end in split_parts(text, offset):
        government = _government_country(body, rules)
        if government:
            classed.append(PostPart(body, start, end, "government", government))
            continue
        bare = _bare_country(body)
        if bare:
            classed.append(PostPart(body, start, end, "country", bare))
            continue
        unqualified = re.sub(r"^the\s+", "", body, flags=re.IGNORECASE)
        opening = rules.organisation_word.match(unqualified)
        if opening and not rules.body_tail.match(unqualified, opening.end()):
            opening = None  # "Office Manager" is a role
        if opening is None:
            opening = _body_head(unqualified, rules)  # "General Inspectorate for Immigration"
        if opening is None and rules.role_word.search(body):
            kind: PartKind = "role"
        elif rules.organisation_word.search(body) or _ACRONYM.search(body):
            kind = "organisation"
        elif classed and classed[-1].kind in ("role", "organisation"):
            kind = classed[-1].kind
        else:
            kind = "role"
        classed.append(PostPart(body, start, end, kind))
    return tuple(classed)


class BodyKinds(Protocol):
    """What is known of the bodies a post names: whether a part names an international organisation or NGO
    ("UNHCR Regional Bureau", "Quaker United Nations Office (QUNO)"), and whether it names a state's own body
    ("Refugees and Returnees Service (RRS)", "Head of the Migration Service"). The pipeline reads it from what
    the organisation finder found in the report, with the gazetteer and name rules it was configured with
    (pipeline/extract/speaker_countries.py); a line read on its own knows no body (`NO_BODIES`)."""

    def is_international(self, part: PostPart) -> bool: ...

    def is_national(self, part: PostPart) -> bool: ...


class _NoBodies:
    def is_international(self, part: PostPart) -> bool:
        return False

    def is_national(self, part: PostPart) -> bool:
        return False


NO_BODIES: BodyKinds = _NoBodies()


def is_national_post(
    parts: tuple[PostPart, ...], rules: IntroductionRules | None = None, bodies: BodyKinds = NO_BODIES
) -> bool:
    """Whether a post is a state's: a part names a national body ("Head of the General Inspectorate for
    Migration", "Ministry of Economic Inclusion") or is governmental ("Deputy Minister")."""
    rules = rules or introduction_rules()
    return any(
        part.kind in ("role", "organisation")
        and (bodies.is_national(part) or rules.government_word.search(part.text) is not None)
        for part in parts
    )


def _diplomatic_country(parts: tuple[PostPart, ...], rules: IntroductionRules) -> str | None:
    """The state a diplomat represents: "Ambassador of the Republic of Ghana to the Republic of Senegal" -> GHA."""
    for part in parts:
        if part.kind != "role":
            continue
        found = rules.diplomatic_post.search(part.text)
        if found:
            named = countries_named(found.group("state"))
            if named:
                return named[0]
    return None


def speaker_country(
    parts: tuple[PostPart, ...], rules: IntroductionRules | None = None, bodies: BodyKinds = NO_BODIES
) -> tuple[str | None, CountryRule | None]:
    """The government a speaker speaks for, from the parts of their post and what is known of its bodies.

    1. A part naming a government ("Government of Armenia", "Republic of Serbia"): that country.
    2. A bare country part ("..., Switzerland") when the post is governmental (a ministry, minister,
       embassy ...) or the body just before the country is a national one (a service, bureau,
       department, directorate, commission, agency, authority, office ... that is no international
       organisation or NGO: "Refugees and Returnees Service (RRS), Ethiopia"): that country. After an
       international organisation or NGO it only says where the body sits ("QUNO, Switzerland").
    3. A diplomat's post names the state they represent ("Ambassador of Ghana to Senegal" -> GHA).
    4. Otherwise the one country the post names ("Chief of Mission, IOM Ukraine" -> UKR,
       "IOM Country Office in Somalia" -> SOM); a post naming several countries, or none, gives none.
       A demonym in the name of an international organisation or NGO names no post ("Norwegian
       Refugee Council"); in a national body's name it does ("Ethiopian Immigration Service").
    """
    rules = rules or introduction_rules()
    governments = [part.iso3 for part in parts if part.kind == "government"]
    if governments:
        return governments[-1], "government"
    post = [part for part in parts if part.kind in ("role", "organisation")]
    governmental = any(rules.government_word.search(part.text) for part in post)
    for position in range(len(parts) - 1, -1, -1):  # the last country part, as it closes the post
        part = parts[position]
        if part.kind != "country":
            continue
        named_bodies = [other for other in parts[:position] if other.kind == "organisation"]
        if governmental or (named_bodies and bodies.is_national(named_bodies[-1])):
            return part.iso3, "government"
    diplomat = _diplomatic_country(parts, rules)
    if diplomat:
        return diplomat, "government"
    named = list(
        dict.fromkeys(
            code
            for part in post
            for code in countries_named(part.text, demonyms=not bodies.is_international(part))
        )
    )
    if len(named) == 1:
        return named[0], "post"
    return None, None


def bodies_in_title(role: str, rules: IntroductionRules | None = None) -> list[str]:
    """The names of the bodies an official's title says they belong to, for linking to a named body.

    "Deputy Minister of Interior" -> ["Ministry of Interior"]; "Commissioner for Refugees" ->
    ["Commission for Refugees", "Commissariat for Refugees"]. Only the title's own words: whether such a
    body is an organisation of the report is for the caller to check (a ministry known only from a
    title is no organisation row).
    """
    rules = rules or introduction_rules()
    names: list[str] = []
    for piece in re.split(r"\s*[,;&]\s*", role):
        found = rules.title_body.search(piece)
        if found:
            subject = found.group("subject").strip()
            names.extend(f"{body} {subject}" for body in rules.title_bodies[found.group("title").casefold()])
    return names


def _joined(parts: tuple[PostPart, ...], kind: PartKind) -> str | None:
    texts = [part.text for part in parts if part.kind == kind]
    return ", ".join(texts) if texts else None


def build_introduction(
    text: str,
    honorific: str | None,
    name_start: int,
    name_end: int,
    post_start: int,
    post_end: int,
    is_moderator: bool,
    rules: IntroductionRules,
) -> Introduction:
    parts = classify_parts(text[post_start:post_end], post_start, rules)
    country, rule = speaker_country(parts, rules)
    return Introduction(
        honorific=honorific,
        name=text[name_start:name_end],
        name_start=name_start,
        name_end=name_end,
        parts=parts,
        role=_joined(parts, "role"),
        organisation=_joined(parts, "organisation"),
        country_iso3=country,
        country_rule=rule,
        is_moderator=is_moderator,
    )


_NAME_END = re.compile(r"\s*(?:[,;:(]|\s[–—-]\s|[–—]|$)")


def _name_first(
    text: str, start: int, rules: IntroductionRules, need_honorific: bool, is_moderator: bool
) -> Introduction | None:
    """A person named at `start`, then their post: "Ms. X, Role, Body" or "Jane Doe, Director, Body"."""
    found = rules.honorific.match(text, start)
    honorific = re.sub(r"\s+", " ", found.group().strip()) if found else None
    if honorific is None and need_honorific:
        return None
    name_start = found.end() if found else start
    end = _NAME_END.search(text, name_start)
    name_end = end.start() if end else len(text)
    name = text[name_start:name_end]
    if not is_personal_name(name, rules, min_words=1 if honorific else 2):
        return None
    post_start = end.end() if end else len(text)
    if honorific is None and not rules.role_word.search(text, post_start):
        return None  # "Jutha Tada, Maiduguri" is a byline, not a speaker
    return build_introduction(text, honorific, name_start, name_end, post_start, len(text), is_moderator, rules)


def _role_then_name(
    text: str, start: int, rules: IntroductionRules, is_moderator: bool
) -> Introduction | None:
    """After a cue, a post, then the name: "Opening Remarks by Representative of the Voivode Bogdan Mazur, Director"."""
    end = _NAME_END.search(text, start)
    segment_end = end.start() if end else len(text)
    words = list(re.finditer(r"\S+", text[start:segment_end]))
    for count in range(min(4, len(words) - 1), 1, -1):
        name_start = start + words[-count].start()
        name_end = start + words[-1].end()
        before = text[start:name_start].strip()
        if not is_personal_name(text[name_start:name_end], rules, min_words=2) or not rules.role_word.search(before):
            continue
        found = build_introduction(
            text, None, name_start, name_end, end.end() if end else len(text), len(text), is_moderator, rules
        )
        role = ", ".join(part for part in (before, found.role) if part)
        return replace(found, role=role)
    return None


_NAME_LAST = re.compile(r"(?:^|[,;–—]\s*)(?P<person>[^,;–—]+?)\s*[.:]?\s*$")


def _name_last(text: str, rules: IntroductionRules) -> Introduction | None:
    """A post, then the person: "Deputy Minister of Interior, Government of Albania, Mr. Andi Mahila"."""
    found = _NAME_LAST.search(text)
    if not found or found.start() == 0:
        return None
    person_start = found.start("person")
    honorific = rules.honorific.match(text, person_start)
    if not honorific:
        return None
    name_start = honorific.end()
    name_end = found.end("person")
    if not is_personal_name(text[name_start:name_end], rules):
        return None
    return build_introduction(
        text,
        re.sub(r"\s+", " ", honorific.group().strip()),
        name_start,
        name_end,
        0,
        found.start(),
        False,
        rules,
    )


def parse_introduction(
    text: str, allow_name_last: bool = False, rules: IntroductionRules | None = None
) -> Introduction | None:
    """The speaker an introduction line presents, or None when the line is no introduction.

    The caller decides which lines are candidates (short, standalone); this only reads one.
    """
    rules = rules or introduction_rules()
    if not text.strip() or len(text.split()) > rules.max_words:
        return None
    for pattern, is_moderator in ((rules.moderator_cue, True), (rules.speech_cue, False)):
        for cue in pattern.finditer(text):
            found = _name_first(text, cue.end(), rules, True, is_moderator)
            if found is None:
                found = _role_then_name(text, cue.end(), rules, is_moderator)
            if found is not None:
                return found
    label = re.match(r"^([^:]{1,60}):\s+", text)
    if label and len(label.group(1).split()) <= 6:
        found = _name_first(text, label.end(), rules, True, bool(rules.moderator_label.search(label.group(1))))
        if found is not None:
            return found
    found = _name_first(text, 0, rules, False, False)
    if found is not None:
        return found
    return _name_last(text, rules) if allow_name_last else None
