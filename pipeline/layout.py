"""The report's layout: its title, sections and speaker turns, located by original offsets.

What counts as what (the definitions the tables follow):

- **Title**: the report's Markdown H1, or without one the first headline of its front matter
  (see `_title_block`). It is document metadata, not a section.
- **Section**: a heading that is not a speaker's introduction: a Markdown heading, a line in
  capitals ("ROUNDTABLE ONE"), a short numbered line ("2.1 Labour mobility"), a short bold line.
  It runs to the next heading of the same or a higher level, so a heading directly followed by
  another ("PROCEEDINGS" right before "OPENING REMARKS") is an empty section. A row's
  `section` is the title of the innermost section it stands in, number included as written
  ("2. OPENING SESSION", whether the line is "## 2. OPENING SESSION" or plain "2. OPENING SESSION").
  Not sections: the document's own labels ("PRESS RELEASE", "## Outcome document", "SUMMARY
  REPORT", "END"), date lines ("**Kathmandu, 6–7 March 2024**"), and a letterhead in capitals
  above the title ("REPUBLIC OF TÜRKİYE / MINISTRY OF INTERIOR").
- **Speaker turn**: from an introduction line ("**Ms. Olga Poalelungi, Director, ..., Government
  of Moldova**", "### **Mr. Andi Mahila, ...**", "..., moderated by Ms. Alia El-Yassir, ...") to the
  next introduction or the next section heading, whichever comes first. Two turns of one
  person share a `person_id`.
- **Speaker turn introduced in prose**: in a report with meeting structure (an introduction line,
  or a section heading naming a meeting part: "Opening session", "PANEL I"), a sentence of a
  paragraph that opens with a person, their post and a reporting verb ("Mr. Jonas Weber, Federal
  Employment Agency (BA), Germany, explained how ...") is both introduction and speech: the turn
  runs from that sentence to the end of its paragraph, and on over the paragraphs that open by
  pointing back at the speaker ("He added ...", "Mr. Weber added ..."). A news article's quotes
  ("Jane Roe, UNHCR spokesperson, said ...") are no meeting turns: it has no meeting structure.
- Any turn ends where another speaker takes the floor, even one not named: a paragraph or
  sentence opening "A representative of ...", "A delegate from ...", "Speakers from ...".

An introduction line is a short standalone block: a heading, a wholly emphasised paragraph or
list item, or a plain paragraph that does not end like a sentence. Table cells and plain list
items without a reporting verb (lists of participants) never introduce a turn, and a plain line
that names its person last ("Deputy Minister ..., Mr. Oleg Babin") reads as a photo caption.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from pipeline.normalise.dates import date_line, dateline
from pipeline.normalise.people import (
    Introduction,
    PostPart,
    introduction_rules,
    parse_introduction,
    person_key,
    surname,
)
from pipeline.normalise.prose_introductions import (
    opens_with_floor_change,
    parse_prose_introduction,
    refers_back_to,
    sentence_starts,
)
from pipeline.prepare import Block, Prepared
from pipeline.rules import load_rules

SECTION_RULES = "speakers/sections.yaml"
METADATA_RULES = "speakers/metadata.yaml"

_STRONG_LINE = re.compile(r"^\s*(?:#{1,6}\s+)?(?:[-*+]\s+)?(\*\*|__)(?!\s).+?(?<!\s)\1\s*:?\s*$", re.DOTALL)
_NUMBERED = re.compile(r"^\s*(?:#{1,6}\s+)?(?:\*\*|__)?\s*(?P<number>(?:\d{1,2}\.)+\d{0,2}|[IVX]{1,5}\.)\s+\S")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*$")


def ends_like_sentence(text: str) -> bool:
    """Whether a line ends like a sentence (a full stop, question or exclamation mark, maybe before a quote or
    bracket): such a line is prose, not a heading, title or introduction line."""
    return _SENTENCE_END.search(text) is not None


@dataclass(frozen=True)
class Section:
    """A heading and the stretch of the report it governs.

    `title` is the heading as written, its number included ("2. OPENING SESSION", "2.1 Labour
    mobility", "II. Protection"): the number is part of how the report names the section, and it
    tells apart two sections of the same name. `number` ("2", "2.1", "II") and `name` ("OPENING
    SESSION") are its two parts.
    """

    title: str
    level: int
    start: int  # original offsets: from the heading line ...
    end: int  # ... to the next heading of the same or a higher level
    number: str | None = None
    name: str = ""


@dataclass(frozen=True)
class SpeakerTurn:
    """One speaker's turn: from their introduction to the next speaker or section.

    `country_iso3` is first what the introduction's own words say; once the report's organisations are found,
    pipeline/extract/speaker_countries.py settles it with what is known of the bodies the post names.
    """

    speaker_id: str
    person_id: str
    name: str
    honorific: str | None
    role: str | None
    organisation_text: str | None
    country_iso3: str | None
    is_moderator: bool
    section: str | None
    start: int  # original offsets of the whole turn
    end: int
    intro_start: int  # original offsets of the introduction line
    intro_end: int
    name_start: int = -1  # original offsets of the name in the introduction line
    name_end: int = -1
    country_rule: str | None = None  # "government" (Government of X, Republic of X), "post" (IOM Ukraine),
    # or "speech" (a state's body named without its country: the country the turn speaks of)
    post_parts: tuple[PostPart, ...] = ()  # the parts of the post, at their original offsets
    in_prose: bool = False  # introduced inside a paragraph rather than by a line of its own

    @property
    def post_spans(self) -> tuple[tuple[int, int], ...]:
        """Original spans of every part of the post."""
        return tuple((part.start, part.end) for part in self.post_parts)

    @property
    def affiliation_spans(self) -> tuple[tuple[int, int], ...]:
        """Original spans of the organisation parts: a speaker's body is looked for here first."""
        return tuple((part.start, part.end) for part in self.post_parts if part.kind == "organisation")


@dataclass(frozen=True)
class Layout:
    """Title, sections and speaker turns of one report, with lookups by original offset."""

    sections: tuple[Section, ...] = ()
    turns: tuple[SpeakerTurn, ...] = ()
    title: str | None = None
    title_span: tuple[int, int] | None = None
    body_start: int | None = None  # original offset of the first section or turn: before it is front matter
    event_date: str | None = None  # ISO date of the front matter's date line or the first paragraph's dateline
    _section_starts: list[int] = field(default_factory=list, repr=False)
    _turn_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._section_starts.extend(section.start for section in self.sections)
        self._turn_starts.extend(turn.start for turn in self.turns)

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing an original offset."""
        index = bisect.bisect_right(self._section_starts, offset) - 1
        while index >= 0:
            if offset < self.sections[index].end:
                return self.sections[index]
            index -= 1
        return None

    def turn_at(self, offset: int) -> SpeakerTurn | None:
        """The speaker turn containing an original offset, if any."""
        index = bisect.bisect_right(self._turn_starts, offset) - 1
        if index >= 0 and offset < self.turns[index].end:
            return self.turns[index]
        return None

    def with_turns(self, turns: tuple[SpeakerTurn, ...]) -> Layout:
        """The same layout with its turns replaced (same starts): for details settled after the NLP pass."""
        return Layout(
            sections=self.sections,
            turns=turns,
            title=self.title,
            title_span=self.title_span,
            body_start=self.body_start,
            event_date=self.event_date,
        )


# --- introductions ---------------------------------------------------------------------------------


def read_introduction(block: Block) -> Introduction | None:
    """The speaker a block introduces, if it is an introduction line."""
    text = block.text.strip()
    if block.kind == "heading" or block.emphasised:
        if block.kind == "table_cell" or text.endswith(("!", "?")):
            return None
        return parse_introduction(text, allow_name_last=True)
    if block.kind != "paragraph" or ends_like_sentence(text):
        return None
    return parse_introduction(text)


# --- sections --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _date_line_max_words() -> int:
    return int(load_rules(METADATA_RULES)["date_line_max_words"])


def _is_date_line(text: str) -> bool:
    return date_line(text, _date_line_max_words()) is not None


def _label_key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


@lru_cache(maxsize=1)
def _document_labels() -> frozenset[str]:
    return frozenset(_label_key(label) for label in load_rules(SECTION_RULES)["document_labels"])


def _is_label(text: str) -> bool:
    """A line that says what kind of document this is ("PRESS RELEASE", "Outcome document") or ends it ("- END -")."""
    return _label_key(text) in _document_labels()


def _heading_level(block: Block, index: int, blocks: tuple[Block, ...], rules: dict) -> int | None:
    """The level of a block that opens a section, or None for any other block.

    A date line ("**Kathmandu, 6–7 March 2024**") and a document label ("## Outcome document",
    "PRESS RELEASE", "END") are front matter of the whole document, not sections of it.
    """
    text = block.text.strip()
    if block.kind in ("heading", "paragraph", "list_item") and (_is_label(text) or _is_date_line(text)):
        return None
    if block.kind == "heading":
        return block.heading_level
    if block.kind not in ("paragraph", "list_item"):
        return None
    if block.all_caps and re.search(r"[^\W\d_]{3,}", text):  # not "22-06-2020 06:08 PM"
        return int(rules["all_caps_level"])
    ends_like_sentence = text[-1:] in rules["non_heading_endings"]
    words = len(text.split())
    numbered = _NUMBERED.match(block.raw)
    if numbered and not ends_like_sentence and words <= rules["numbered_max_words"]:
        beside_list = any(
            0 <= other < len(blocks) and blocks[other].kind == "list_item" for other in (index - 1, index + 1)
        )
        if not beside_list and (text[:1].isupper() or text[:1].isdigit()):
            number = numbered.group("number").rstrip(".")
            return 1 + len(number.split(".")) if number[:1].isdigit() else 2
    if (
        block.emphasised
        and _STRONG_LINE.match(block.raw)
        and not ends_like_sentence
        and words <= rules["bold_line_max_words"]
    ):
        return int(rules["bold_line_level"])
    return None


def _is_letterhead(block: Block) -> bool:
    """A plain line in capitals ("REPUBLIC OF TÜRKİYE", "MINISTRY OF INTERIOR"): above the title, a letterhead."""
    return block.kind == "paragraph" and block.all_caps


def _is_prose(block: Block, rules: dict) -> bool:
    text = block.text.strip()
    return ends_like_sentence(text) or len(text.split()) > rules["title_max_words"]


def _is_byline(text: str, rules: dict) -> bool:
    folded = text.casefold().lstrip("*_ ")
    return any(re.match(re.escape(cue.casefold()) + r"(?:\s|$)", folded) for cue in rules["byline_openings"])


def _is_headline(block: Block, rules: dict) -> bool:
    """A line that can be a title: short, standalone, in mixed case, not a sentence, date, byline or label."""
    text = block.text.strip()
    if block.kind != "paragraph" or block.all_caps or not re.search(r"[^\W\d_]", text):
        return False
    if text[-1:] in rules["title_non_endings"] or ends_like_sentence(text):
        return False
    if not rules["title_short_min_words"] <= len(text.split()) <= rules["title_max_words"]:
        return False
    return not (_is_date_line(text) or _is_label(text) or _is_byline(text, rules))


def _title_block(
    prepared: Prepared, levels: dict[int, int], introductions: set[int], rules: dict
) -> Block | None:
    """The report's title: document metadata, not a section.

    1. Its Markdown H1, when no section heading comes before it (a letterhead in capitals may); when
       the H1 is a document label ("# MINUTES"), the heading right after it.
    2. Otherwise the first headline of the front matter. The front matter is what stands before
       the first prose paragraph, speaker introduction or section heading; a headline there is a
       short standalone line in mixed case that does not end like a sentence or a list entry and
       is none of: a date line or dateline ("Ankara, 18 June 2024"), a byline ("By ...", "Summary
       report prepared by ..."), a document label ("PRESS RELEASE", "For immediate release"), a
       letterhead line in capitals ("REPUBLIC OF TÜRKİYE"). A headline of `title_min_words` words
       or more is preferred; a shorter one ("EU-Horn of Africa") is the title only when no longer
       one stands in the front matter, since a serial line ("44th Meeting (PM)") may stand above
       the real headline.
    """
    blocks = prepared.blocks
    for index in sorted(levels):
        block = blocks[index]
        if block.kind == "heading" and block.heading_level == 1:
            return block
        if not _is_letterhead(block):
            break
    labelled = _title_after_label(blocks, levels, rules)
    if labelled is not None:
        return labelled
    headlines: list[Block] = []
    for index, block in enumerate(blocks[: rules["title_search_blocks"]]):
        if index in introductions or (index in levels and not _is_letterhead(block)):
            break
        if block.kind in ("list_item", "table_cell") or _is_prose(block, rules):
            break
        if _is_headline(block, rules):
            headlines.append(block)
    for block in headlines:
        if len(block.text.split()) >= rules["title_min_words"]:
            return block
    return headlines[0] if headlines else None


def _capitals_title(prepared: Prepared, rules: dict) -> list[int]:
    """A title in capitals above the front matter's date line or byline, when the front matter has no headline
    in mixed case: "REPORT OF THE EXPERT SEMINAR ON MIGRATION" above "Valletta, 10-11 April 2025" (plain-text
    reports). The run of capital lines right above the date line is the title; lines of one wrapped
    title (no blank line between them) are joined, and a letterhead above a blank line stays out."""
    blocks = prepared.blocks
    for index, block in enumerate(blocks[: rules["title_search_blocks"]]):
        if _is_date_line(block.text.strip()) or _is_byline(block.text.strip(), rules):
            break
        if not (_is_letterhead(block) or _is_label(block.text.strip())):
            return []
    else:
        return []
    run: list[int] = []
    for before in range(index - 1, -1, -1):
        block = blocks[before]
        if not _is_letterhead(block) or _is_label(block.text.strip()):
            break
        if run and "\n\n" in prepared.original[block.orig_end:blocks[run[0]].orig_start].replace(" ", ""):
            break  # a blank line: what is above is a letterhead
        run.insert(0, before)
    words = sum(len(blocks[i].text.split()) for i in run)
    return run if words >= rules["title_min_words"] else []


def _title_after_label(blocks: tuple[Block, ...], levels: dict[int, int], rules: dict) -> Block | None:
    """The heading right after an H1 that only says what kind of document this is ("# MINUTES" above
    "## Regional Working Group ... — 5th meeting"): the label names the genre, the heading the document."""
    for index, block in enumerate(blocks[: rules["title_search_blocks"]]):
        if block.kind == "heading" and block.heading_level == 1:
            following = index + 1
            if _is_label(block.text) and following in levels and blocks[following].kind == "heading":
                return blocks[following]
            return None
    return None


def _clean_title(text: str, trim: str) -> str:
    return re.sub(r"\s+", " ", text).strip(trim).strip()


def _section_heading(block: Block, trim: str) -> tuple[str, str | None, str]:
    """(title, number, name) of a heading: "2. OPENING SESSION" -> ("2. OPENING SESSION", "2", "OPENING SESSION").

    The number is kept in the title whichever way it is written: a Markdown heading keeps it in its
    text ("## 2. X"), a plain numbered line loses it to the list-marker clean-up ("2. X" reads "X"),
    so it is put back from the raw line; "II. X" keeps its Roman number the same way.
    """
    text = _clean_title(block.text, trim)
    numbered = _NUMBERED.match(block.raw)
    if not numbered:
        return text, None, text
    written = numbered.group("number")
    name = text[len(written):].strip() if text.startswith(written) else text
    return f"{written} {name}".strip(), written.rstrip("."), name


def _sections(
    prepared: Prepared, introductions: set[int], rules: dict
) -> tuple[tuple[Section, ...], Block | None]:
    blocks = prepared.blocks
    levels: dict[int, int] = {}
    for index, block in enumerate(blocks):
        if index in introductions:
            continue
        level = _heading_level(block, index, blocks, rules)
        if level is not None:
            levels[index] = level
    title = _title_block(prepared, levels, introductions, rules)
    title_indices = {blocks.index(title)} if title is not None else set()
    if title is None:
        run = _capitals_title(prepared, rules)
        if run:
            title_indices = set(run)
            first, last = blocks[run[0]], blocks[run[-1]]
            joined = " ".join(blocks[index].text.strip() for index in run)
            title = replace(first, text=joined, end=last.end, orig_end=last.orig_end)
    title_index = max(title_indices, default=-1)
    headings = [
        (blocks[index], level)
        for index, level in sorted(levels.items())
        if index not in title_indices and not (index < title_index and _is_letterhead(blocks[index]))
    ]
    sections: list[Section] = []
    for (block, level), end in zip(headings, _section_ends(headings, len(prepared.original))):
        title_text, number, name = _section_heading(block, rules["title_trim"])
        if title_text:
            sections.append(Section(title_text, level, block.orig_start, end, number, name))
    return tuple(sections), title


def _section_ends(headings: list[tuple[Block, int]], end_of_text: int) -> list[int]:
    """Where each heading's section ends: at the next heading of the same or a higher level (one pass, with
    the headings still open on a stack, their levels rising)."""
    ends = [end_of_text] * len(headings)
    open_headings: list[int] = []
    for position, (block, level) in enumerate(headings):
        while open_headings and headings[open_headings[-1]][1] >= level:
            ends[open_headings.pop()] = block.orig_start
        open_headings.append(position)
    return ends


# --- turns -----------------------------------------------------------------------------------------


class _People:
    """Gives one person_id to every introduction of one person (full name, or a unique surname)."""

    def __init__(self) -> None:
        self.by_name: dict[str, str] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.count = 0

    def person_of(self, name: str) -> str:
        key = person_key(name)
        if key in self.by_name:
            return self.by_name[key]
        last = person_key(surname(name))
        namesakes = self.by_surname.get(last, set())
        if len(key.split()) == 1 and len(namesakes) == 1:
            return next(iter(namesakes))  # "Mr. Grandet" after "Mr. Philippe Grandet"
        if last in self.by_name and len(namesakes) == 1:  # "Mr. Philippe Grandet" after "Mr. Grandet"
            self.by_name[key] = self.by_name[last]
            return self.by_name[key]
        self.count += 1
        person_id = f"person-{self.count:02d}"
        self.by_name[key] = person_id
        self.by_surname.setdefault(last, set()).add(person_id)
        return person_id


def _original_span(prepared: Prepared, block: Block, start: int, end: int) -> tuple[int, int]:
    return prepared.to_original(block.start + start, block.start + end)


def _original_part(prepared: Prepared, block: Block, part: PostPart) -> PostPart:
    start, end = _original_span(prepared, block, part.start, part.end)
    return replace(part, start=start, end=end)


@dataclass(frozen=True)
class _Opening:
    """Where a turn opens: an introduction line (its whole block) or an introduction inside a paragraph."""

    index: int  # the block's index
    intro: Introduction
    start: int  # original offset where the turn starts
    intro_end: int  # original end of the introduction: the line, or in prose the end of the post
    in_prose: bool = False


def _line_opening(prepared: Prepared, index: int, intro: Introduction) -> _Opening:
    block = prepared.blocks[index]
    return _Opening(index, intro, block.orig_start, block.orig_end)


def _prose_blocks(prepared: Prepared, lines: set[int]) -> list[tuple[int, Block]]:
    """Paragraphs and list items that are no introduction lines: where prose introductions may stand."""
    return [
        (index, block)
        for index, block in enumerate(prepared.blocks)
        if index not in lines and block.kind in ("paragraph", "list_item")
    ]


def has_meeting_structure(lines: set[int], sections: tuple[Section, ...]) -> bool:
    """A report that records a meeting's speakers: it has an introduction line, or a section heading that
    names a part of a meeting ("Opening session", "PANEL I", "Keynote")."""
    rules = introduction_rules()
    return bool(lines) or any(rules.meeting_section_word.search(section.title) for section in sections)


def find_prose_introductions(prepared: Prepared, lines: set[int]) -> list[_Opening]:
    """Introductions inside paragraphs: a sentence opening with a person, their post and a reporting verb."""
    found: list[_Opening] = []
    for index, block in _prose_blocks(prepared, lines):
        for start in sentence_starts(block.text):
            intro = parse_prose_introduction(block.text, start)
            if intro is None:
                continue
            turn_start, intro_end = _original_span(prepared, block, intro.start, intro.end)
            if not block.text[: intro.start].strip():
                turn_start = block.orig_start  # the paragraph's own start, markup included ("**Dato' ...**, ...")
            found.append(_Opening(index, intro, turn_start, intro_end, in_prose=True))
    return found


def find_floor_changes(prepared: Prepared, lines: set[int]) -> list[int]:
    """Original offsets of sentences where another, unnamed speaker takes the floor ("A delegate from ...")."""
    changes: list[int] = []
    for _, block in _prose_blocks(prepared, lines):
        for start in sentence_starts(block.text):
            if opens_with_floor_change(block.text, start):
                changes.append(_original_span(prepared, block, start, start + 1)[0])
    return changes


def _prose_turn_end(prepared: Prepared, opening: _Opening) -> int:
    """The end of a turn introduced in prose: its paragraph, and the paragraphs after it that open by
    pointing back at the speaker ("He added ...", "Mr. Weber added ...")."""
    blocks = prepared.blocks
    end = blocks[opening.index].orig_end
    for index in range(opening.index + 1, len(blocks)):
        block = blocks[index]
        if block.kind not in ("paragraph", "list_item") or not refers_back_to(block.text, opening.intro.name):
            break
        end = block.orig_end
    return end


def _turns(
    prepared: Prepared,
    openings: list[_Opening],
    sections: tuple[Section, ...],
    floor_changes: list[int],
    layout: Layout,
) -> tuple[SpeakerTurn, ...]:
    """One turn per opening, to the next opening, section heading or floor change (a prose turn also to the
    end of its paragraphs)."""
    boundaries = sorted({section.start for section in sections} | set(floor_changes) | {o.start for o in openings})
    width = max(2, len(str(len(openings))))
    people = _People()
    turns: list[SpeakerTurn] = []
    for position, opening in enumerate(openings):
        block, intro = prepared.blocks[opening.index], opening.intro
        following = bisect.bisect_right(boundaries, opening.start)
        end = boundaries[following] if following < len(boundaries) else len(prepared.original)
        if opening.in_prose:
            end = min(end, _prose_turn_end(prepared, opening))
        section = layout.section_at(opening.start)
        name_start, name_end = _original_span(prepared, block, intro.name_start, intro.name_end)
        turns.append(
            SpeakerTurn(
                speaker_id=f"speaker-{position + 1:0{width}d}",
                person_id=people.person_of(intro.name),
                name=intro.name,
                honorific=intro.honorific,
                role=intro.role,
                organisation_text=intro.organisation,
                country_iso3=intro.country_iso3,
                is_moderator=intro.is_moderator,
                section=section.title if section else None,
                start=opening.start,
                end=end,
                intro_start=opening.start,
                intro_end=opening.intro_end,
                name_start=name_start,
                name_end=name_end,
                country_rule=intro.country_rule,
                post_parts=tuple(_original_part(prepared, block, part) for part in intro.parts),
                in_prose=opening.in_prose,
            )
        )
    return tuple(turns)


def _event_date(prepared: Prepared, body_start: int | None) -> str | None:
    """The date of the front matter: its first date line, or the dateline its first paragraph opens with.

    Date lines: "24 March 2021, 09:30 – 13:30 CET", "Kathmandu, 6–7 March 2024", "Thursday, 17 October
    2013", a header field "Date: 14 November 2024" among others on their own lines; a dateline:
    "BANGKOK, 24 November 2023 – Labour officials ...". The front matter ends at the first section, turn
    or prose paragraph: a date further on is a date the report talks about. A date in the lead that a meeting verb governs is preferred to this one (pipeline/extract/metadata.py).
    """
    max_words = _date_line_max_words()
    for block in prepared.blocks:
        if body_start is not None and block.orig_start >= body_start:
            break
        if block.kind == "paragraph" and len(block.text.split()) > max_words and ends_like_sentence(block.text):
            found = dateline(block.text)
            return found.iso if found is not None else None
        for line in _lines(block):
            found = date_line(line, max_words)
            if found is not None:
                return found.iso
    return None


def _lines(block: Block) -> list[str]:
    """A block's text, and, when it is several lines of header fields ("**Date:** 14 November 2024" above
    "**Venue:** Tashkent"), each of its lines without emphasis marks."""
    lines = [re.sub(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)", "", line).strip() for line in block.raw.splitlines()]
    return [block.text, *(line for line in lines if line)] if len(lines) > 1 else [block.text]


def find_introductions(prepared: Prepared) -> dict[int, Introduction]:
    """The introduction lines of a report, by block index."""
    found: dict[int, Introduction] = {}
    for index, block in enumerate(prepared.blocks):
        intro = read_introduction(block)
        if intro is not None:
            found[index] = intro
    return found


def find_sections(prepared: Prepared) -> tuple[Section, ...]:
    """Sections of a report: every heading except its title and speaker introductions."""
    return _sections(prepared, set(find_introductions(prepared)), load_rules(SECTION_RULES))[0]


def detect_layout(prepared: Prepared) -> Layout:
    """Title, sections and speaker turns of a prepared report."""
    by_index = find_introductions(prepared)
    lines = set(by_index)
    sections, title = _sections(prepared, lines, load_rules(SECTION_RULES))
    openings = [_line_opening(prepared, index, intro) for index, intro in by_index.items()]
    if has_meeting_structure(lines, sections):
        openings.extend(find_prose_introductions(prepared, lines))
    openings.sort(key=lambda opening: opening.start)
    starts = [section.start for section in sections] + [opening.start for opening in openings]
    body_start = min(starts) if starts else None
    skeleton = Layout(sections=sections)
    return Layout(
        sections=sections,
        turns=_turns(prepared, openings, sections, find_floor_changes(prepared, lines), skeleton),
        title=_clean_title(title.text, " ") if title else None,
        title_span=(title.orig_start, title.orig_end) if title else None,
        body_start=body_start,
        event_date=_event_date(prepared, body_start),
    )
