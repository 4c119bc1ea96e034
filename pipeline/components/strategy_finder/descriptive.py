"""Lowercase, descriptive mentions: "strategy on diaspora engagement (2020-2030)", "the 2021-2023 action plan to ...".

Following the annotation guidelines, such a mention counts only with a year range
attached; these functions only say where its words start and end.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.components.strategy_finder.names import complement_word, trim_tail
from pipeline.components.strategy_finder.vocabulary import Vocabulary


def descriptive_bounds(doc: Doc, head: int, head_end: int, vocab: Vocabulary) -> tuple[int, int]:
    """Start and end of the words around a lowercase head: its modifiers and a coordinated second head."""
    limit = doc[head].sent.end
    return lowercase_start(doc, head, vocab), coordinated_head_end(doc, head_end, limit, vocab)


def lowercase_start(doc: Doc, head: int, vocab: Vocabulary) -> int:
    """Take in compound nouns and classifying modifiers: "action plan", "ILO strategy", "national strategy"."""
    start = head
    sentence_start = doc[head].sent.start
    while start > sentence_start:
        token = doc[start - 1]
        lower = token.lower_
        if lower in vocab.dropped_lowercase_modifiers or lower in vocab.determiners:
            break
        if lower in vocab.kept_lowercase_modifiers or (
            token.pos_ in ("NOUN", "PROPN") and token.is_alpha and lower not in vocab.not_name_words
        ):
            start -= 1
            continue
        break
    return start


def coordinated_head_end(doc: Doc, end: int, limit: int, vocab: Vocabulary) -> int:
    """ "strategy and action plan": two heads joined without an article make one name."""
    if end < limit and doc[end].lower_ in vocab.conjunctions:
        for position in range(end + 1, min(limit, end + 4)):
            token = doc[position]
            if token.lower_ in vocab.lowercase_heads and token.pos_ == "NOUN":
                return position + 1
            if not (token.is_alpha and token.is_lower and token.pos_ == "NOUN"):
                break
    return end


def descriptive_end(doc: Doc, position: int, limit: int, vocab: Vocabulary) -> int:
    """End of a descriptive complement that no range closes: up to punctuation, a verb or a new clause."""
    start = position
    steps = 0
    while position < limit and steps < vocab.max_complement_tokens and complement_word(doc, position, vocab):
        if doc[position].lower_ in vocab.conjunctions:
            break
        position += 1
        steps += 1
    if position == start or doc[start].lower_ not in vocab.descriptive_openers:
        return start  # a topic: "to combat illegal immigration", "on skills"; not "with partners"
    return trim_tail(doc, start - 1, position, vocab)


def modifies_noun(head: Token, vocab: Vocabulary) -> bool:
    """Is the lowercase head word only a modifier of the noun after it ("programme budget", "policy brief")?
    Then that noun names the thing; a following head word still closes the name ("policy framework")."""
    governor = head.head
    return head.dep_ == "compound" and governor.i > head.i and governor.pos_ in ("NOUN", "PROPN") \
        and not vocab.is_head(governor)
