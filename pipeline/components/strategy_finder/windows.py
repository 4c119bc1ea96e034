"""Running a Matcher only where its matches can be: in token windows around the tokens a match must hold.

spaCy's Matcher tries every pattern at every token, and patterns with REGEX and IN predicates
make that the finder's main cost on long reports. But a year range always holds a year, a name
core its head word, a clause leading to a range ends where the range starts, and a status cue
is read only in the sentence of a name; and a match never holds a word that no token spec of
its patterns admits (`WordFilter`). Run over windows cut from those facts, a matcher finds
exactly the matches that count of those it finds over the whole doc, in the same order, at a
fraction of the cost.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable

import numpy
from spacy.attrs import LOWER, ORTH, SHAPE
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.rules import RulesError

_BOUNDED_OPS = (None, "?", "!", "1")  # operators that match at most one token
_REQUIRED_OPS = (None, "1", "+")  # operators that match at least one token
# Token attributes that a word has wherever it stands (its lexeme's); POS, LEMMA, NORM, DEP ... depend on context.
_WORD_ATTRS = frozenset({
    "ORTH", "TEXT", "LOWER", "LENGTH", "SHAPE", "PREFIX", "SUFFIX", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER",
    "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT",
    "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM", "LIKE_EMAIL", "LIKE_URL",
})


def max_pattern_length(patterns: Iterable[list[dict]], what: str) -> int:
    """The most tokens any of these Matcher patterns can match; a window needs to be no wider."""
    longest = 0
    for pattern in patterns:
        if any(spec.get("OP") not in _BOUNDED_OPS for spec in pattern):
            raise RulesError(f"{what} patterns match a bounded number of tokens (no '*', '+'): {pattern!r}")
        longest = max(longest, len(pattern))
    return longest


def anchor_words(patterns: Iterable[list[dict]]) -> frozenset[str] | None:
    """Words one of which every match holds: of each pattern, those of its last required token spec with a
    word list ({LOWER: {IN: [...]}}, {LOWER: word}); None when a pattern has no such spec."""
    words: set[str] = set()
    for pattern in patterns:
        listed = [_listed_words(spec) for spec in pattern if spec.get("OP") in _REQUIRED_OPS]
        listed = [found for found in listed if found is not None]
        if not listed:
            return None
        words.update(listed[-1])
    return frozenset(words)


def _listed_words(spec: dict) -> list[str] | None:
    for key in ("LOWER", "ORTH", "TEXT"):
        value = spec.get(key)
        if isinstance(value, str):
            return [value.lower()]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [str(word).lower() for word in value["IN"]]
    return None


def merged_windows(windows: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Token windows (start, end) clipped to a doc of `length` tokens, overlapping or touching ones merged, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(windows):
        start, end = max(0, start), min(length, end)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif start < end:
            merged.append((start, end))
    return merged


def matches_in(matcher: Matcher, doc: Doc, windows: Iterable[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The matcher's (match_id, start, end) matches inside each of non-overlapping windows, in doc offsets."""
    found = []
    for start, end in windows:
        found.extend((match_id, start + first, start + last) for match_id, first, last in matcher(doc[start:end]))
    return found


class WordFilter:
    """Which tokens may be part of a match of some Matcher patterns, judged by their words alone.

    Each token spec is cut down to the attributes of its word (`_WORD_ATTRS`; a "!" spec admits
    any word), so a word that fails all of them fails every spec wherever it stands. Each word is
    judged once, by spaCy's own Matcher over a doc of new words.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        self._specs: list[dict] = []
        self._admitted: dict[int, bool] = {}

    def add(self, patterns: Iterable[list[dict]]) -> None:
        """Admit the words that the token specs of these patterns may match."""
        for pattern in patterns:
            for spec in pattern:
                word_spec = {} if spec.get("OP") == "!" else {k: v for k, v in spec.items() if k.upper() in _WORD_ATTRS}
                if word_spec not in self._specs:
                    self._specs.append(word_spec)
                    self.matcher.add("word", [[word_spec]])
        self._admitted.clear()

    def windows(
        self, doc: Doc, anchors: Iterable[int] | None, reach: tuple[int, int] | None = None
    ) -> list[tuple[int, int]]:
        """Where a match can be: the run of tokens that may be part of one around each anchor (a token every
        match holds; every run when None), cut to `reach` (tokens before, after) around the anchor; merged."""
        admitted = self.admits(doc)
        steps = numpy.diff(numpy.concatenate(([False], admitted, [False])).astype(numpy.int8))
        starts, ends = numpy.flatnonzero(steps == 1).tolist(), numpy.flatnonzero(steps == -1).tolist()
        if anchors is None:
            return list(zip(starts, ends))
        found = []
        for anchor in anchors:
            if not admitted[anchor]:
                continue
            run = bisect_right(starts, anchor) - 1
            start, end = starts[run], ends[run]
            if reach is not None:
                start, end = max(start, anchor - reach[0]), min(end, anchor + reach[1] + 1)
            found.append((start, end))
        return merged_windows(found, len(doc))

    def admits(self, doc: Doc) -> numpy.ndarray:
        """For each token: may it be part of a match?"""
        orths = doc.to_array(ORTH)
        unique, inverse = numpy.unique(orths, return_inverse=True)
        words = unique.tolist()
        new = [orth for orth in words if orth not in self._admitted]
        if new:
            probe = Doc(self.vocab, words=[self.vocab.strings[orth] for orth in new])
            admitted = {start for _, start, _ in self.matcher(probe)}
            self._admitted.update((orth, position in admitted) for position, orth in enumerate(new))
        return numpy.array([self._admitted[orth] for orth in words], dtype=bool)[inverse.reshape(-1)]


class ShapeTest:
    """The tokens of a doc whose shape ("dddd", "Xxxxx") passes a test; each shape is tested once per process."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        self._passing: dict[int, bool] = {}

    def positions(self, doc: Doc) -> list[int]:
        shapes = doc.to_array(SHAPE)
        passing = [shape for shape in numpy.unique(shapes).tolist() if self._passes(shape, doc)]
        return numpy.flatnonzero(numpy.isin(shapes, numpy.array(passing, dtype=numpy.uint64))).tolist()

    def _passes(self, shape: int, doc: Doc) -> bool:
        known = self._passing.get(shape)
        if known is None:
            known = self._passing[shape] = self.test(doc.vocab.strings[shape])
        return known


def positions_of_words(doc: Doc, words: Iterable[str]) -> list[int]:
    """The tokens of a doc whose lowercase form is one of `words`."""
    hashes = numpy.array([doc.vocab.strings[word] for word in words], dtype=numpy.uint64)
    return numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), hashes)).tolist()
