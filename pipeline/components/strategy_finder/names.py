"""Where a strategy name starts and ends.

A matched core ("National Strategy", "Migration Policy Framework") grows into the
whole name over connectors ("... of the Republic of Macedonia", "... on Cooperation
with the Diaspora"), hyphen compounds, a law's number ("Law No. 6458 on ..."), a
place list and a short inner parenthesis, and stops where a list goes on to the
next name. A quoted title is a name as a whole.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.components.strategy_finder.lists import next_name_starts, place_list_end
from pipeline.components.strategy_finder.tokens import (
    FINITE_VERB_TAGS,
    HYPHENS,
    capitalised,
    in_title_case_block,
    quote_pairs,
)
from pipeline.components.strategy_finder.vocabulary import Vocabulary
from pipeline.normalise.years import YearRange, single_year


def title_name(doc: Doc, start: int, end: int, vocab: Vocabulary) -> tuple[int, int] | None:
    """The whole capitalised name around a matched core, or None when the core names no strategy."""
    if in_title_case_block(doc, start, vocab):
        return None  # in a title-case heading, capitals do not mark names
    if not ends_chain(doc, end, vocab):
        return None  # "Migration Policy Institute", "Strategy Development": the head is not the head
    trimmed = trim_start(doc, start, end, vocab)
    if trimmed is None:
        return None
    start = extend_left_plural_possessive(doc, extend_left_hyphen(doc, trimmed))
    if inside_body_name(doc, start, vocab):
        return None  # "Ministry of Justice and Law", "Institute for Migration Policy"
    return start, grow_title(doc, end, name_limit(doc, start, vocab), vocab)


def name_limit(doc: Doc, start: int, vocab: Vocabulary) -> int:
    """Where the sentence of a name ends; the parser's false break before "No. 4" ("Law | No 4 of 2024") is no end."""
    limit = doc[start].sent.end
    while limit < len(doc) and number_end(doc, limit, len(doc), vocab) is not None:
        limit = doc[limit].sent.end
    return limit


def ends_chain(doc: Doc, end: int, vocab: Vocabulary) -> bool:
    """The core's last word closes the capitalised chain: no capitalised non-connector follows it."""
    if end >= len(doc):
        return True
    following = doc[end]
    if following.text in HYPHENS and not doc[end - 1].whitespace_:
        return False  # "Strategy-making"
    if following.lower_ in vocab.number_markers:
        return True  # "Law No 4 of 2024"
    return not (capitalised(following) and following.lower_ not in vocab.connectors)


def inside_body_name(doc: Doc, start: int, vocab: Vocabulary) -> bool:
    """Is the name the tail of a body's name: "<Ministry|Institute|...> of (the) <name>"?"""
    position = start - 1
    while position >= 0 and doc[position].lower_ in vocab.determiners:
        position -= 1
    if position < 1 or doc[position].lower_ not in vocab.connectors:
        return False
    before = doc[position - 1]
    return capitalised(before) and before.lower_ in vocab.body_nouns


def trim_start(doc: Doc, start: int, end: int, vocab: Vocabulary) -> int | None:
    """Drop leading articles, conjunctions and hyphens; None when nothing is left."""
    while start < end and (
        doc[start].lower_ in vocab.determiners or doc[start].lower_ in vocab.conjunctions or doc[start].text in HYPHENS
    ):
        start += 1
    return start if start < end else None


def extend_left_hyphen(doc: Doc, start: int) -> int:
    """Take in a hyphenated first word: "Anti-Trafficking Strategy", "Anti-corruption Strategy"."""
    sentence_start = doc[start].sent.start

    def joined(hyphen: int) -> bool:
        return (
            hyphen - 1 >= sentence_start
            and doc[hyphen].text in HYPHENS
            and not doc[hyphen].whitespace_
            and not doc[hyphen - 1].whitespace_
            and doc[hyphen - 1].is_alpha
        )

    while True:
        if start >= 2 and joined(start - 1):
            start -= 2
        elif start >= 3 and doc[start - 1].is_alpha and joined(start - 2) and capitalised(doc[start - 3]):
            start -= 3
        else:
            return start


def extend_left_plural_possessive(doc: Doc, start: int) -> int:
    """Take in a plural possessive that is part of the title: "Expatriates' Welfare ... Policy", "Migrants' ...".

    A singular possessive names an owner ("Kenya's", "IOM's") and stays out, as does a
    plural one that is a country or an organisation ("the Philippines' National Policy").
    """
    if start < 2 or doc[start - 1].text not in ("'", "’"):
        return start
    word = doc[start - 2]
    if word.whitespace_ or not (capitalised(word) and word.is_alpha and word.lower_.endswith("s")):
        return start
    owners = [s for key in ("country", "organisation") for s in doc.spans.get(key, []) if s.start <= word.i < s.end]
    return start if owners else start - 2


def number_end(doc: Doc, position: int, limit: int, vocab: Vocabulary) -> int | None:
    """End of a law's number after "No." / "Nr" / "#" ("No. 2015-36", "No 4", "No. 1110/2019"), else None.

    The number is an identifier: its digits, dashes and slashes are one word, not a year range.
    """
    if position >= limit or doc[position].lower_ not in vocab.number_markers:
        return None
    position += 1
    if position < limit and doc[position].text == "." and not doc[position - 1].whitespace_:
        position += 1  # "No" "." as the tokenizer splits "No."
    if position >= limit or not doc[position].text[:1].isdigit():
        return None
    position += 1
    while position + 1 < limit and not doc[position - 1].whitespace_ and doc[position].text in (*HYPHENS, "/", ".") \
            and not doc[position].whitespace_ and doc[position + 1].text[:1].isdigit():
        position += 2  # "2015" "-" "36"
    return position


def grow_title(doc: Doc, end: int, limit: int, vocab: Vocabulary) -> int:
    """End of a capitalised name: over connectors, capitalised words, hyphen compounds, places, inner brackets."""
    position = end
    last_word = end
    while position < limit:
        token = doc[position]
        lower = token.lower_
        if token.text in HYPHENS and not token.whitespace_ and not doc[position - 1].whitespace_:
            if position + 1 < limit and doc[position + 1].is_alpha:
                position += 2
                last_word = position
                continue
            break
        if lower in vocab.conjunctions:
            if next_name_starts(doc, position + 1, limit, vocab):
                break  # "... and the National Strategy on ...": a list goes on to the next name
            position += 1
            continue
        if lower in vocab.connectors:
            position += 1
            continue
        if lower in vocab.determiners and doc[position - 1].lower_ in vocab.connectors:
            position += 1
            continue
        number = number_end(doc, position, limit, vocab)
        if number is not None:
            position = last_word = number
            if position + 1 < limit and doc[position].lower_ == "of" and single_year(doc[position + 1].text):
                position = last_word = position + 2  # "Law No 4 of 2024 on ...": the year of enactment
            continue
        if capitalised(token) and lower not in vocab.not_name_words:
            position += 1
            last_word = position
            continue
        if token.text == "(":
            close = inner_parenthesis(doc, position, limit, vocab)
            if close is not None and close + 1 < limit and capitalised(doc[close + 1]):
                position = close + 1
                continue
            break
        if token.text == ",":
            after = place_list_end(doc, position, limit, vocab)
            if after is not None:
                position = last_word = after
                continue
        break
    return last_word


def inner_parenthesis(doc: Doc, open_at: int, limit: int, vocab: Vocabulary) -> int | None:
    """Index of the ")" closing a short, year-free parenthesis inside a name ("(including Compulsory Returned)")."""
    for position in range(open_at + 1, min(limit, open_at + 2 + vocab.max_parenthetical_tokens)):
        token = doc[position]
        if token.text == ")":
            inner = doc[open_at + 1:position]
            if len(inner) and not any(t.like_num for t in inner) and not inner.text.isupper():
                return position
            return None
        if token.is_punct and token.text not in HYPHENS:
            return None
    return None


def trim_tail(doc: Doc, start: int, end: int, vocab: Vocabulary) -> int:
    """Drop trailing connectors, determiners and phrases pointing at the country ("of the country")."""
    changed = True
    while changed and end > start:
        changed = False
        for tail in vocab.deictic_tails:
            if end - len(tail) > start and tuple(t.lower_ for t in doc[end - len(tail):end]) == tail:
                end -= len(tail)
                changed = True
        while end > start + 1 and (doc[end - 1].lower_ in vocab.connectors or doc[end - 1].lower_ in vocab.determiners):
            end -= 1
            changed = True
    return end


def complement_word(doc: Doc, position: int, vocab: Vocabulary) -> bool:
    """May this token be inside a descriptive complement (not a clause break, verb or punctuation)?"""
    token = doc[position]
    if token.text in HYPHENS:
        return not token.whitespace_ and position > 0 and not doc[position - 1].whitespace_
    if not token.is_alpha or token.lower_ in vocab.clause_openers:
        return False
    if token.tag_ in FINITE_VERB_TAGS or token.pos_ == "AUX":
        return False
    if token.pos_ == "VERB" and token.dep_ != "amod":
        # "... to combat illegal immigration" is a topic; "... adopted for 2019-2022" is a new predicate
        return token.tag_ == "VB" and position > 0 and doc[position - 1].lower_ == "to"
    return True


def quoted_titles(doc: Doc, vocab: Vocabulary) -> list[tuple[int, int, int]]:
    """Quoted titles built on a head word: (start, end, end of the capitalised chain that holds the head).

    “State migration program of Azerbaijan Republic for 2006-2008” is one name, range and all.
    """
    found = []
    for open_at, close_at in quote_pairs(doc):
        start, end = open_at + 1, close_at
        if end - start < 2 or not capitalised(doc[start]):
            continue
        chain_end = start
        while chain_end < end and doc[chain_end].is_alpha and doc[chain_end].lower_ not in vocab.connectors:
            chain_end += 1
        before = doc[chain_end - 2] if chain_end - 2 >= start else None
        if chain_end == start or not is_chain_head(doc[chain_end - 1], before, vocab):
            continue
        found.append((start, end, chain_end))
    return found


def is_chain_head(last: Token, before: Token | None, vocab: Vocabulary) -> bool:
    if vocab.is_head(last):
        return True
    return last.lower_ in vocab.trailing_heads and before is not None and vocab.is_head(before)


def titled_year_before(doc: Doc, start: int, end: int, vocab: Vocabulary) -> tuple[int, int, YearRange] | None:
    """A capitalised title closed by its year before a lowercase head: "the We the UAE 2031 vision".

    The name is the title with its year ("We the UAE 2031", as "Vision 2035" keeps its year) and
    the year its end; the lowercase head only says what kind of document it is. An owner and a
    year ("the UNHCR 2023 plan", "the Kenya 2030 strategy") is a descriptive mention, not a title.
    """
    year_at, head_at = end - 2, end - 1
    year = single_year(doc[year_at].text)
    if year is None or not vocab.is_head(doc[head_at]) or not doc[head_at].is_lower:
        return None
    sentence_start = doc[start].sent.start
    while start - 2 >= sentence_start and doc[start - 1].lower_ in vocab.determiners and capitalised(doc[start - 2]):
        start -= 2  # a title with an article inside: "We the UAE"
    while start < year_at and doc[start].lower_ in vocab.determiners:
        start += 1
    title = doc[start:year_at]
    if not len(title) or any(token.lower_ in vocab.not_name_words for token in title):
        return None
    if title[0].i == sentence_start and title[0].pos_ in ("ADP", "SCONJ", "ADV"):
        return None  # "In 2030 plans ..."
    owners = {i for key in ("country", "organisation") for span in doc.spans.get(key, [])
              for i in range(span.start, span.end)}
    if all(token.i in owners or token.lower_ in vocab.determiners for token in title):
        return None
    return start, year_at + 1, YearRange(None, year)
