"""The status the text gives a strategy name: draft, adopted, planned or in force.

A cue (rules/strategies/status.yaml) counts when it stands on its side of the name
(before it, or after the name and its range), within its window, in the same
sentence, with no other name or semicolon between; the nearest counting cue wins.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.components.strategy_finder.candidate import Candidate
from pipeline.components.strategy_finder.patterns import StatusCue, StrategyMatchers
from pipeline.components.strategy_finder.windows import matches_in, merged_windows

CueMatch = tuple[StatusCue, int, int]


class StatusReader:
    """The status cues near a doc's names, by sentence, and where the accepted names (with their ranges) start
    and end."""

    def __init__(self, doc: Doc, matchers: StrategyMatchers, accepted: list[Candidate]) -> None:
        self.doc = doc
        self.cues_by_sentence: dict[int, list[CueMatch]] = {}
        # a cue counts only near a name in its sentence: the matcher reads no further
        near: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for candidate in accepted:
            sentence = doc[candidate.start].sent
            near.setdefault((sentence.start, sentence.end), []).append(
                (max(sentence.start, candidate.outer_start - matchers.status_reach),
                 min(sentence.end, candidate.outer_end + matchers.status_reach)))
        for (start, end), windows in sorted(near.items()):
            self.cues_by_sentence[start] = [
                (matchers.status_cues[match_id], first, last)
                for match_id, first, last in matches_in(matchers.status, doc, merged_windows(windows, end))
            ]
        self.outer_starts: dict[int, list[Candidate]] = {}
        self.outer_ends: dict[int, list[Candidate]] = {}
        for candidate in accepted:
            self.outer_starts.setdefault(candidate.outer_start, []).append(candidate)
            self.outer_ends.setdefault(candidate.outer_end, []).append(candidate)

    def status_of(self, candidate: Candidate) -> str | None:
        """The status of the nearest cue on its side of the name, in the sentence, with nothing between."""
        sentence = self.doc[candidate.start].sent
        best: tuple[int, str] | None = None
        for cue, start, end in self.cues_by_sentence.get(sentence.start, ()):
            if cue.side == "before" and end <= candidate.start:
                gap = (end, candidate.outer_start)
            elif cue.side == "after" and start >= candidate.outer_end:
                gap = (candidate.outer_end, start)
            else:
                continue
            distance = gap[1] - gap[0]
            if distance > cue.window or self._blocked(gap, candidate):
                continue
            if best is None or distance < best[0]:
                best = (distance, cue.status)
        return best[1] if best else None

    def _blocked(self, gap: tuple[int, int], candidate: Candidate) -> bool:
        """Another name or a semicolon between a cue and the name: the cue is not about this name."""
        first, last = gap
        if any(self.doc[i].text == ";" for i in range(first, last)):
            return True
        starts = (other for i in range(first, last) for other in self.outer_starts.get(i, ()))
        ends = (other for i in range(first + 1, last + 1) for other in self.outer_ends.get(i, ()))
        return any(other is not candidate for other in (*starts, *ends))
