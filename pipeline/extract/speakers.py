"""Speaker rows from the layout's turns, and speaker mentions: introduction lines and references in prose.

The layout (pipeline/layout.py) finds the turns; here each turn gets its organisation, linked to
the organisations table: the first organisation mentioned in the organisation parts of the
introduction ("Bureau for Migration and Asylum" before "Ministry of Interior"), else the first
one in the rest of the post ("IOM" in "IOM Regional Director for ..."). The text of the
organisation parts stands in when no organisation mention is there. When the introduction names
no body but the title does ("Deputy Minister of Interior, Government of Albania"), the speaker is
linked to the organisation row of that body with the speaker's country, if the report has one
(ministry-of-interior@ALB); no row is ever made from a title.

A turn's country is the layout's, settled before the other extractors run
(pipeline/extract/speaker_countries.py).

Prose names a speaker by honorific and surname ("Ms. El-Yassir opened Roundtable 1"), by honorific
and full name, or by full name alone; each such reference to a person who has an introduction line
becomes a `speaker` mention whose `normalized` is the person_id. Nobody is made a speaker from
prose alone. A speaker introduced without an honorific gets the one prose gives them ("Mr. Nowak").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from pipeline.extract.context import ExtractionContext
from pipeline.layout import SpeakerTurn
from pipeline.models import MentionRow, OrganisationRow, SpeakerRow
from pipeline.normalise.organisations import name_rules, split_key
from pipeline.normalise.people import (
    bodies_in_title,
    introduction_rules,
    person_key,
    surname,
)

SOURCE_INTRODUCTION = "introduction_line"
SOURCE_PROSE = "prose_reference"
_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")


def extract_speakers(context: ExtractionContext) -> None:
    """One row per turn, and a mention for every introduction and prose reference of a speaker."""
    turns = context.layout.turns
    if not turns:
        return
    organisations = {
        row.org_id: row for row in context.rows.get("organisations", []) if isinstance(row, OrganisationRow)
    }
    org_mentions = sorted(
        (row for row in context.rows.get("mentions", []) if isinstance(row, MentionRow) and row.type == "organisation"),
        key=lambda row: (row.start_char, -row.end_char),
    )
    for turn in turns:
        mention = organisation_of(turn, org_mentions, context.prepared.original)
        org_id = mention.normalized if mention is not None else None
        row = organisations.get(org_id) if org_id else None
        if mention is None and turn.organisation_text is None:
            row = body_of_title(turn, organisations.values())
            org_id = row.org_id if row is not None else None
        if row is not None:
            organisation: str | None = row.name
        elif mention is not None:
            organisation = mention.text
        else:
            organisation = turn.organisation_text
        context.add(
            SpeakerRow(
                doc_id=context.doc_id,
                speaker_id=turn.speaker_id,
                person_id=turn.person_id,
                name=turn.name,
                honorific=turn.honorific or honorific_in_prose(context.prepared.original, turn),
                role=turn.role,
                organisation=organisation,
                org_id=org_id,
                country_iso3=turn.country_iso3,
                is_moderator=turn.is_moderator,
                section=turn.section,
                start_char=turn.start,
                end_char=turn.end,
            )
        )
    _add_speaker_mentions(context, turns)


def honorific_in_prose(text: str, turn: SpeakerTurn) -> str | None:
    """The honorific the report gives a speaker introduced without one: "Mr." from "Mr. Nowak said ..."
    after the line "Tomasz Nowak, Deputy Director, Office for Foreigners (UdSC), Poland"."""
    rules = introduction_rules()
    names = "|".join(re.escape(form) for form in (turn.name, surname(turn.name)))
    found = re.compile(rf"(?<![\w.])(?P<honorific>{rules.honorific.pattern})(?:{names})(?![\w-])").search(
        text, turn.intro_end
    )
    return re.sub(r"\s+", " ", found.group("honorific").strip()) if found else None


def organisation_of(turn: SpeakerTurn, org_mentions: Iterable[MentionRow], original: str) -> MentionRow | None:
    """The organisation mention a turn's introduction ties its speaker to: the most specific body.

    In order: a body the post belongs to ("Head of the Migration Service of the Ministry ...",
    "Director of the Bureau ..."); the first body of the organisation parts ("Director, Bureau for
    Migration and Asylum, Ministry of Interior"); any other body in the post ("IOM Regional Director",
    "Senior Advisor for the IOM Regional Office"). A body in a post's subject ("Deputy Director for
    UN & Human Rights, Ministry of Foreign Affairs") thus gives way to the organisation part.
    """
    post_start, post_end = _post_region(turn)
    in_post = [
        mention
        for mention in org_mentions
        if post_start <= mention.start_char < post_end and mention.end_char <= post_end
    ]

    def starts_in(spans: tuple[tuple[int, int], ...]) -> list[MentionRow]:
        return [m for m in in_post if any(start <= m.start_char < end for start, end in spans)]

    belongs_to = [m for m in in_post if _OF_BEFORE.search(original, max(0, m.start_char - 16), m.start_char)]
    for candidates in (belongs_to, starts_in(turn.affiliation_spans), in_post):
        if candidates:
            return candidates[0]
    return None


def _post_region(turn: SpeakerTurn) -> tuple[int, int]:
    """Where a turn's post stands: after the name, or before it ("Speaking for the IOM Mission in Libya, Mr. X")."""
    before = [start for start, _ in turn.post_spans if start < turn.name_start]
    if before:
        return min(before), max(end for _, end in turn.post_spans)
    return turn.name_end, turn.intro_end


def _body_key(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\bthe\b", " ", name_rules().equivalent(name))).strip()


def body_of_title(turn: SpeakerTurn, organisations: Iterable[OrganisationRow]) -> OrganisationRow | None:
    """The organisation row of the body a speaker's title names, in the speaker's country.

    "Deputy Minister of Interior" of a speaker for Albania -> the row ministry-of-interior@ALB, when
    the report names that ministry; a body with another country, or a speaker without one, gives none.
    """
    if not turn.role or turn.country_iso3 is None:
        return None
    wanted = {_body_key(name) for name in bodies_in_title(turn.role)}
    if not wanted:
        return None
    for row in organisations:
        country = row.country_iso3 or split_key(row.org_id)[1]
        if country != turn.country_iso3:
            continue
        forms = [row.name, *(alias for alias in row.aliases.split("|") if alias)]
        if any(_body_key(form) in wanted for form in forms):
            return row
    return None


# --- mentions --------------------------------------------------------------------------------------


class _Directory:
    """Who a written name refers to, among the speakers of a report."""

    def __init__(self, turns: tuple[SpeakerTurn, ...]) -> None:
        self.by_name: dict[str, str] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.first_names: dict[str, str] = {}
        for turn in turns:
            key = person_key(turn.name)
            self.by_name.setdefault(key, turn.person_id)
            self.by_surname.setdefault(person_key(surname(turn.name)), set()).add(turn.person_id)
            self.first_names.setdefault(turn.person_id, key.split()[0])

    @property
    def full_names(self) -> list[str]:
        return [key for key in self.by_name if len(key.split()) > 1]

    def person_of(self, words: list[str]) -> tuple[str, int] | None:
        """The person the longest leading run of `words` names, and how many words that run has."""
        for count in range(len(words), 0, -1):
            key = person_key(" ".join(words[:count]))
            if key in self.by_name:
                return self.by_name[key], count
            namesakes = self.by_surname.get(person_key(words[count - 1]), set())
            if len(namesakes) == 1:
                person_id = next(iter(namesakes))
                if count == 1 or person_key(words[0]) == self.first_names[person_id]:
                    return person_id, count
        return None


def _clean_span(context: ExtractionContext, start: int, end: int) -> tuple[int, int]:
    """Clean-text offsets of an original span (the inverse of `Prepared.to_original`)."""
    starts = context.prepared.starts
    return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)


def _add_speaker_mentions(context: ExtractionContext, turns: tuple[SpeakerTurn, ...]) -> None:
    doc = context.doc
    directory = _Directory(turns)
    intro_spans = [_clean_span(context, turn.intro_start, turn.intro_end) for turn in turns]

    def in_introduction(start: int) -> bool:
        return any(begin <= start < end for begin, end in intro_spans)

    for turn in turns:
        start, end = _clean_span(context, turn.name_start, turn.name_end)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            context.add_mention("speaker", span, SOURCE_INTRODUCTION, turn.person_id)

    taken: list[tuple[int, int]] = []
    text = doc.text
    rules = introduction_rules()
    for honorific in rules.honorific.finditer(text):
        if honorific.start() and (text[honorific.start() - 1].isalnum() or text[honorific.start() - 1] == "."):
            continue
        if in_introduction(honorific.start()):
            continue
        words = _name_words(text, honorific.end(), rules.name_particles, rules.max_name_words)
        found = directory.person_of([word.group() for word in words])
        if found is None:
            continue
        person_id, count = found
        _add_reference(context, honorific.start(), words[count - 1].end(), person_id, taken)
    for key in directory.full_names:
        pattern = r"(?<![\w-])" + r"\s+".join(re.escape(part) for part in key.split()) + r"(?![\w-])"
        for found in re.finditer(pattern, text, re.IGNORECASE):
            if in_introduction(found.start()) or any(s <= found.start() < e for s, e in taken):
                continue
            if not found.group()[:1].isupper():
                continue
            _add_reference(context, found.start(), found.end(), directory.by_name[key], taken)


def _name_words(text: str, start: int, particles: frozenset[str], limit: int) -> list[re.Match[str]]:
    """The capitalised words of a name from `start` ("Marie McAuliffe" of "Marie McAuliffe for the ...")."""
    words: list[re.Match[str]] = []
    position = start
    while len(words) < limit:
        found = _NAME_WORD.match(text, position)
        if not found:
            break
        word = found.group()
        if not word[0].isupper() and word not in particles:
            break
        words.append(found)
        gap = re.match(r"[ \t]+", text[found.end():])
        if not gap:
            break
        position = found.end() + gap.end()
    while words and not words[-1].group()[0].isupper():
        words.pop()
    return words


def _add_reference(
    context: ExtractionContext, start: int, end: int, person_id: str, taken: list[tuple[int, int]]
) -> None:
    span = context.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    taken.append((start, end))
    context.add_mention("speaker", span, SOURCE_PROSE, person_id)
