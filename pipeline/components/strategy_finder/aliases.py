"""Another name of a strategy: "the Act of 12 March 2022 on ..., commonly referred to as the “Special Act”",
"the Law on Foreigners and International Protection (Law No. 6458)".

The text says the second name is the same document, so it is no strategy of its own
(the annotation guidelines: a name that only points at a named document is no entry);
the extractor counts its mentions as mentions of the first name. A name alone in brackets
right after a name is another name of it, as an acronym there is.
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.components.strategy_finder.candidate import Candidate
from pipeline.components.strategy_finder.tokens import QUOTE_PAIRS
from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.components.strategy_finder.windows import matches_in, merged_windows


def link_aliases(
    doc: Doc, aliases: Matcher, reach: int, candidates: list[Candidate], vocab: Vocabulary
) -> None:
    """Set `alias_of` on each name that an alias clause gives to the name (and its range) right before it.

    A clause counts only right after a name, so the matcher reads only the `reach` tokens there.
    """
    by_outer_end: dict[int, list[Candidate]] = {}
    by_start: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        by_outer_end.setdefault(candidate.outer_end, []).append(candidate)
        by_start.setdefault(candidate.start, []).append(candidate)
    windows = merged_windows(((outer_end, outer_end + reach) for outer_end in by_outer_end), len(doc))
    for _, start, end in matches_in(aliases, doc, windows):
        named = by_outer_end.get(start, [])
        position = end
        while position < len(doc) and (doc[position].lower_ in vocab.determiners or doc[position].text in QUOTE_PAIRS):
            position += 1
        alias = by_start.get(position, [])
        if len(named) == 1 and len(alias) == 1 and alias[0] is not named[0]:
            alias[0].alias_of = named[0]


def link_bracketed_aliases(doc: Doc, candidates: list[Candidate]) -> None:
    """Set `alias_of` on each name that fills a bracket right after a name: "... Protection (Law No. 6458)"."""
    by_outer_end = {c.outer_end: c for c in candidates}
    for candidate in candidates:
        opening, closing = candidate.outer_start - 1, candidate.outer_end
        if opening < 1 or closing >= len(doc) or doc[opening].text != "(" or doc[closing].text != ")":
            continue
        named = by_outer_end.get(opening)
        if named is not None and named is not candidate and named.alias_of is None:
            candidate.alias_of = named
