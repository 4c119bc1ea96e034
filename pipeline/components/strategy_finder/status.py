"""The status the text gives a strategy name: draft, adopted, planned or in force.

A cue (rules/strategies/status.yaml) counts when it stands on its side of the name
(before it, or after the name and its range), within its window, in the same
sentence, with no other name or semicolon between; the nearest counting cue wins.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.components.strategy_finder.candidate import Candidate
from pipeline.components.strategy_finder.patterns import StatusCue, StrategyMatchers

CueMatch = tuple[StatusCue, int, int]


def status_cues(doc: Doc, matchers: StrategyMatchers) -> list[CueMatch]:
    """Every status cue of the doc with its token offsets."""
    return [(matchers.status_cues[match_id], start, end) for match_id, start, end in matchers.status(doc)]


def status_of(doc: Doc, candidate: Candidate, cues: list[CueMatch], accepted: list[Candidate]) -> str | None:
    """The status of the nearest cue on its side of the name, in the sentence, with nothing between."""
    sentence = doc[candidate.start].sent
    best: tuple[int, str] | None = None
    for cue, start, end in cues:
        if start < sentence.start or end > sentence.end:
            continue
        if cue.side == "before" and end <= candidate.start:
            gap = (end, candidate.outer_start)
        elif cue.side == "after" and start >= candidate.outer_end:
            gap = (candidate.outer_end, start)
        else:
            continue
        distance = gap[1] - gap[0]
        if distance > cue.window or _blocked(doc, gap, candidate, accepted):
            continue
        if best is None or distance < best[0]:
            best = (distance, cue.status)
    return best[1] if best else None


def _blocked(doc: Doc, gap: tuple[int, int], candidate: Candidate, accepted: list[Candidate]) -> bool:
    """Another name or a semicolon between a cue and the name: the cue is not about this name."""
    if any(doc[i].text == ";" for i in range(*gap)):
        return True
    return any(
        other is not candidate and (gap[0] <= other.outer_start < gap[1] or gap[0] < other.outer_end <= gap[1])
        for other in accepted
    )
