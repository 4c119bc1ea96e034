"""The report's layout: sections from headings and speaker turns, located by original offsets."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from pipeline.prepare import Block, Prepared


@dataclass(frozen=True)
class Section:
    """A heading and the stretch of the report it governs."""

    title: str
    level: int
    start: int  # original offsets
    end: int


@dataclass(frozen=True)
class SpeakerTurn:
    """One speaker's turn: from their introduction to the next speaker or section."""

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


@dataclass(frozen=True)
class Layout:
    """Sections and speaker turns of one report, with lookups by original offset."""

    sections: tuple[Section, ...] = ()
    turns: tuple[SpeakerTurn, ...] = ()
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
        index = bisect.bisect_right(self._turn_starts, offset) - 1
        if index >= 0 and offset < self.turns[index].end:
            return self.turns[index]
        return None


def is_section_heading(block: Block) -> bool:
    """Markdown headings and short all-capital lines open sections."""
    return block.kind == "heading" or (block.all_caps and block.kind in ("paragraph", "list_item"))


def find_sections(prepared: Prepared) -> tuple[Section, ...]:
    """Each heading opens a section that runs to the next heading of the same or a higher level."""
    headings = [block for block in prepared.blocks if is_section_heading(block)]
    sections: list[Section] = []
    end_of_text = len(prepared.original)
    for index, block in enumerate(headings):
        level = block.heading_level or 2
        end = end_of_text
        for later in headings[index + 1:]:
            if (later.heading_level or 2) <= level:
                end = later.orig_start
                break
        sections.append(Section(title=block.text, level=level, start=block.orig_start, end=end))
    return tuple(sections)


def detect_layout(prepared: Prepared) -> Layout:
    """Sections and speaker turns of a prepared report."""
    return Layout(sections=find_sections(prepared))
