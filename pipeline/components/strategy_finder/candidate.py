"""A strategy name being built from a matched core: its token offsets, rule and attached range."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.normalise.years import YearRange


@dataclass
class Candidate:
    """Token offsets of the name, the rule that found it, and the range attached to it (token offsets too).

    `kind` is set when the head word that tells the kind stands outside the name
    ("the We the UAE 2031 vision": the name is "We the UAE 2031", the kind comes from "vision").
    `alias_of` is set when the text gives this name as another name of an earlier one.
    """

    start: int
    end: int
    rule: str
    years: YearRange | None = None
    range_start: int | None = None
    range_end: int | None = None
    kind: str | None = None
    alias_of: Candidate | None = None  # the name this one is another name of ("Special Act")

    @property
    def outer_start(self) -> int:
        return min(self.start, self.range_start if self.range_start is not None else self.start)

    @property
    def outer_end(self) -> int:
        return max(self.end, self.range_end if self.range_end is not None else self.end)


def without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates; a name found twice (title and quoted) is kept once."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), -(c.years is not None), c.start)):
        if taken.isdisjoint(range(candidate.start, candidate.end)):
            taken.update(range(candidate.start, candidate.end))
            kept.append(candidate)
    return kept
