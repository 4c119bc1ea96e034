"""Which candidate names are strategies: not an organisation's own name, a body of law or a bare generic name."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.components.strategy_finder.candidate import Candidate
from pipeline.components.strategy_finder.tokens import NamedTokens
from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.normalise.strategies import strategy_key


class Selection:
    """Keeps a candidate when it has a head word, is not listed as no strategy, and is not generic without years."""

    def __init__(self, vocab: Vocabulary, not_strategies: dict) -> None:
        self.vocab = vocab
        self.not_strategies = frozenset(strategy_key(name) for name in not_strategies.get("names") or ())

    def keep(self, doc: Doc, candidate: Candidate, named: NamedTokens) -> bool:
        span = doc[candidate.start:candidate.end]
        if candidate.kind is None and not any(self.vocab.is_head(token) for token in span):
            return False
        if strategy_key(span.text) in self.not_strategies:
            return False
        if self.inside_organisation(doc, span, named):
            return False
        return candidate.years is not None or not self.generic(span, named)

    def generic(self, span: Span, named: NamedTokens) -> bool:
        """Only generic words, connectors and countries: "the Strategy", "Georgian National Strategy"."""
        for token in span:
            lower = token.lower_
            if token.is_punct or lower in self.vocab.connectors or lower in self.vocab.determiners:
                continue
            if token.i in named.countries or lower in self.vocab.generic_words:
                continue
            return False
        return True

    def inside_organisation(self, doc: Doc, span: Span, named: NamedTokens) -> bool:
        """Is the head word the organisation's own ("United Nations Development Programme")?

        Not when the name is only a complement inside the organisation's name ("Monitoring
        Committee for the implementation of the National Strategy ..."): the strategy is named there.
        """
        heads = [token.i for token in span if self.vocab.is_head(token)]
        over_heads = {o.start: o for i in heads for o in named.organisations.get(i, ())}  # the lead needs the start
        for organisation in over_heads.values():
            lead = doc[organisation.start:max(organisation.start, span.start)]
            if not any(token.lower_ in self.vocab.connectors for token in lead):
                return True
        return False
