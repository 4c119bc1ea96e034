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
from collections import defaultdict
from collections.abc import Iterable

from pipeline.extract.context import ExtractionContext
from pipeline.layout import SpeakerTurn
from pipeline.models import MentionRow, OrganisationRow, SpeakerRow
from pipeline.normalise.organisations import fold, slug, split_key
from pipeline.normalise.people import (
    bodies_in_title,
    introduction_rules,
    person_key,
    surname,
)

SOURCE_INTRODUCTION = "introduction_line"
SOURCE_PROSE = "prose_reference"
_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_NAME_GAP = re.compile(r"[ \t]+")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_KEY_WORD = re.compile(r"[\w-]+")  # how a name begins, for looking up where it is written after an honorific
_RUN = re.compile(r"(?<![\w-])\w+")  # a word, for looking up where a full name is written


def extract_speakers(context: ExtractionContext) -> None:
    """One row per turn, and a mention for every introduction and prose reference of a speaker."""
    turns = context.layout.turns
    if not turns:
        return
    organisations = {
        row.org_id: row for row in context.rows.get("organisations", []) if isinstance(row, OrganisationRow)
    }
    org_mentions = _OrganisationMentions(
        row for row in context.rows.get("mentions", []) if isinstance(row, MentionRow) and row.type == "organisation"
    )
    titled_bodies = _TitledBodies(organisations.values())
    honorifics = _HonorificsInProse(context.prepared.original)
    for turn in turns:
        mention = organisation_of(turn, org_mentions, context.prepared.original)
        org_id = mention.normalized if mention is not None else None
        row = organisations.get(org_id) if org_id else None
        if mention is None and turn.organisation_text is None:
            row = titled_bodies.body_of_title(turn)
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
                honorific=turn.honorific or honorifics.first_after(turn),
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


class _HonorificsInProse:
    """Where the report writes an honorific before a name, indexed by the name's first word, so that finding
    the honorific of each speaker reads the text once (not once per speaker)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: dict[str, list[int]] | None = None

    def _positions(self) -> dict[str, list[int]]:
        if self._at is None:
            one = introduction_rules().single_honorific
            self._at = defaultdict(list)
            for found in re.finditer(rf"(?<![\w.])(?={one.pattern})", self.text):
                ends = []
                first = one.match(self.text, found.start())
                ends.append(first.end())
                second = one.match(self.text, first.end())
                if second:
                    ends.append(second.end())  # two stacked: "H.E. Mr. Nowak"
                for end in ends:
                    word = _KEY_WORD.match(self.text, end)
                    if word:
                        self._at[word.group()].append(found.start())
        return self._at

    def first_after(self, turn: SpeakerTurn) -> str | None:
        """The honorific the report gives a speaker introduced without one: "Mr." from "Mr. Nowak said ..."
        after the line "Tomasz Nowak, Deputy Director, Office for Foreigners (UdSC), Poland"."""
        rules = introduction_rules()
        forms = (turn.name, surname(turn.name))
        names = "|".join(re.escape(form) for form in forms)
        pattern = re.compile(rf"(?<![\w.])(?P<honorific>{rules.honorific.pattern})(?:{names})(?![\w-])")
        index = self._positions()
        keys = {word.group() for word in map(_KEY_WORD.match, forms) if word}
        candidates = sorted({position for key in keys for position in index.get(key, ())})
        for position in candidates[bisect.bisect_left(candidates, turn.intro_end):]:
            found = pattern.match(self.text, position)
            if found:
                return re.sub(r"\s+", " ", found.group("honorific").strip())
        return None


class _OrganisationMentions:
    """The organisation mentions of a report, sorted by position, with a lookup by region."""

    def __init__(self, mentions: Iterable[MentionRow]) -> None:
        self.mentions = sorted(mentions, key=lambda row: (row.start_char, -row.end_char))
        self.starts = [row.start_char for row in self.mentions]

    def within(self, start: int, end: int) -> list[MentionRow]:
        """The mentions that start at or after `start` and end by `end`, in order."""
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [row for row in self.mentions[first:last] if row.end_char <= end]


def organisation_of(turn: SpeakerTurn, org_mentions: _OrganisationMentions, original: str) -> MentionRow | None:
    """The organisation mention a turn's introduction ties its speaker to: the most specific body.

    In order: a body the post belongs to ("Head of the Migration Service of the Ministry ...",
    "Director of the Bureau ..."); the first body of the organisation parts ("Director, Bureau for
    Migration and Asylum, Ministry of Interior"); any other body in the post ("IOM Regional Director",
    "Senior Advisor for the IOM Regional Office"). A body in a post's subject ("Deputy Director for
    UN & Human Rights, Ministry of Foreign Affairs") thus gives way to the organisation part.
    """
    in_post = org_mentions.within(*_post_region(turn))

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
    return re.sub(r"\s+", " ", re.sub(r"\bthe\b", " ", fold(name))).strip()


class _TitledBodies:
    """The organisation rows of a report by country and name, for linking an official to the body their title
    names (read once per report, not once per speaker).

    A row answers to every form the report writes it in (its name and aliases), and to its key, which the
    organisation finder made from the body's standard name ("Ministry of Internal Affairs" is kept as
    ministry-of-interior@...): "Minister of Interior" finds the ministry however the report writes it.
    """

    def __init__(self, organisations: Iterable[OrganisationRow]) -> None:
        self.rows: dict[tuple[str | None, str], tuple[int, OrganisationRow]] = {}  # the first row of each name
        for position, row in enumerate(organisations):
            base, country = split_key(row.org_id)
            country = row.country_iso3 or country
            for form in (row.name, *(alias for alias in row.aliases.split("|") if alias)):
                self.rows.setdefault((country, _body_key(form)), (position, row))
            self.rows.setdefault((country, "key:" + base), (position, row))

    def body_of_title(self, turn: SpeakerTurn) -> OrganisationRow | None:
        """The organisation row of the body a speaker's title names, in the speaker's country.

        "Deputy Minister of Interior" of a speaker for Albania -> the row ministry-of-interior@ALB, when
        the report names that ministry; a body with another country, or a speaker without one, gives none.
        """
        if not turn.role or turn.country_iso3 is None:
            return None
        wanted = [
            (turn.country_iso3, form)
            for name in bodies_in_title(turn.role)
            for form in (_body_key(name), "key:" + slug(name))
        ]
        found = [self.rows[key] for key in wanted if key in self.rows]
        return min(found, key=lambda first: first[0])[1] if found else None


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
    """Clean-text offsets of an original span (the inverse of `Prepared.to_original`), without the blank line
    that preparation puts before a block (it stands for no original character: "Tomasz Nowak, ..." at the start
    of a line is not "\n\nTomasz Nowak")."""
    prepared = context.prepared
    clean_start, clean_end = bisect.bisect_left(prepared.starts, start), bisect.bisect_left(prepared.starts, end)
    while clean_start < clean_end and prepared.starts[clean_start] == prepared.ends[clean_start]:
        clean_start += 1
    return clean_start, clean_end


class _Regions:
    """Disjoint stretches of text, for asking whether an offset stands in one of them."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(span for span in spans if span[0] < span[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def _add_speaker_mentions(context: ExtractionContext, turns: tuple[SpeakerTurn, ...]) -> None:
    doc = context.doc
    directory = _Directory(turns)
    introductions = _Regions(_clean_span(context, turn.intro_start, turn.intro_end) for turn in turns)

    for turn in turns:
        start, end = _clean_span(context, turn.name_start, turn.name_end)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            context.add_mention("speaker", span, SOURCE_INTRODUCTION, turn.person_id)

    taken: set[int] = set()  # every character of the references found so far
    text = context.text
    rules = introduction_rules()
    for honorific in rules.honorific.finditer(text):
        if honorific.start() and (text[honorific.start() - 1].isalnum() or text[honorific.start() - 1] == "."):
            continue
        if honorific.start() in introductions:
            continue
        words = _name_words(text, honorific.end(), rules.name_particles, rules.max_name_words)
        found = directory.person_of([word.group() for word in words])
        if found is None:
            continue
        person_id, count = found
        _add_reference(context, honorific.start(), words[count - 1].end(), person_id, taken)
    runs: dict[str, list[int]] = defaultdict(list)  # where each word stands, for the full names below
    for run in _RUN.finditer(text):
        runs[run.group().casefold()].append(run.start())
    for key in directory.full_names:
        parts = key.split()
        pattern = re.compile(
            r"(?<![\w-])" + r"\s+".join(re.escape(part) for part in parts) + r"(?![\w-])", re.IGNORECASE
        )
        for position in runs.get(parts[0], ()):
            found = pattern.match(text, position)
            if found is None or found.start() in introductions or found.start() in taken:
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
        gap = _NAME_GAP.match(text, found.end())
        if not gap:
            break
        position = gap.end()
    while words and not words[-1].group()[0].isupper():
        words.pop()
    return words


def _add_reference(context: ExtractionContext, start: int, end: int, person_id: str, taken: set[int]) -> None:
    span = context.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    taken.update(range(start, end))
    context.add_mention("speaker", span, SOURCE_PROSE, person_id)
