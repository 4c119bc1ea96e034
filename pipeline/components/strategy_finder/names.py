"""Where a strategy name starts and ends.

A matched core ("National Strategy", "Migration Policy Framework") grows into the
whole name over connectors ("... of the Republic of Macedonia", "... on Cooperation
with the Diaspora"), hyphen compounds ("Kiribati 20-Year Vision"), a law's number and
date ("Law No. 6458 on ...", "Act of 12 March 2022 on ..."), a place list and a short
inner parenthesis, and stops where a list goes on to the next name.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from pipeline.components.strategy_finder.law_titles import (
    issuer_end,
    law_number_end,
    title_date_end,
)
from pipeline.components.strategy_finder.lists import (
    next_name_starts,
    place_list_end,
    preposition_follows,
)
from pipeline.components.strategy_finder.tokens import (
    FINITE_VERB_TAGS,
    HYPHENS,
    NamedTokens,
    capitalised,
    in_title_case_block,
    joined_hyphen,
    sequel_number,
)
from pipeline.components.strategy_finder.vocabulary import HeadFirstLanguage, Vocabulary
from pipeline.normalise.years import single_year


def title_name(doc: Doc, start: int, end: int, vocab: Vocabulary, named: NamedTokens) -> tuple[int, int] | None:
    """The whole capitalised name around a matched core, or None when the core names no strategy."""
    if in_title_case_block(doc, start, vocab):
        return None  # in a title-case heading, capitals do not mark names
    if not any(vocab.is_head(token) for token in doc[start:end]):
        return None  # "Sendai Framework": a word that heads a name only after certain words
    if sequel_number(doc, end, vocab.connectors) and law_number_end(doc, end, len(doc), vocab) is None:
        end += 1  # "Health Sector Strategic Plan III": the number in a series is part of the name (a law's is read
        # with its title: "Law 4 of 2024")
    if not ends_chain(doc, end, vocab):
        return None  # "Migration Policy Institute", "Strategy Development": the head is not the head
    trimmed = trim_start(doc, start, end, vocab)
    if trimmed is None:
        return None
    start = extend_left_number(doc, extend_left_hyphen(doc, trimmed, vocab), vocab)
    if vocab.kind_of(doc[start:end]) == "law":
        start = extend_left_parenthesis(doc, start, vocab)
        start = extend_left_connected(doc, start, vocab, named.owners)
    start = extend_left_plural_possessive(doc, start, named.owners, vocab)
    if inside_body_name(doc, start, vocab):
        return None  # "Ministry of Justice and Law", "Institute for Migration Policy"
    return start, grow_title(doc, end, name_limit(doc, start, vocab), vocab, named.places)


def head_first_name(doc: Doc, start: int, end: int, vocab: Vocabulary) -> tuple[int, int, str] | None:
    """A name whose head comes first, as Spanish, Portuguese and French titles are written ("Plan Nacional de
    Adaptación al Cambio Climático", "Stratégie nationale de migration"), around a matched core (the head, its
    modifiers and a connector): its bounds and kind, read with the words of the head's language; None when the
    core opens no such name ("Plan of Action", "Plan International", "Plan A").

    After the head come the language's modifiers, then at least one of its connectors, each followed by a
    capitalised word or, when a modifier stood before the first connector, a lowercase one; the name ends before
    anything else: an English word, a year range.
    """
    head = doc[start]
    if in_title_case_block(doc, start, vocab) or inside_body_name(doc, start, vocab):
        return None
    limit = name_limit(doc, start, vocab)
    for language in vocab.head_first_heads.get(head.lower_, ()):
        name_end = _head_first_end(doc, start, limit, vocab, vocab.head_first_languages[language])
        if name_end is not None:
            return start, name_end, vocab.head_kinds[head.lower_]
    return None


def _head_first_end(doc: Doc, start: int, limit: int, vocab: Vocabulary, words: HeadFirstLanguage) -> int | None:
    """Where a head-first name of one language ends, or None when its words do not follow the head."""

    def connector(position: int) -> bool:
        token = doc[position]
        return token.is_lower and token.lower_ in words.connectors

    def elided(token: Token) -> str | None:  # "l'emploi": a connector written onto its word; the word
        for elision in words.elisions:
            rest = token.text[len(elision):]
            if token.lower_.startswith(elision) and rest.isalpha():
                return rest
        return None

    def word(position: int, lowercase: bool) -> bool:
        token = doc[position]
        text = elided(token) or token.text
        if token.lower_ in vocab.not_name_words or not text.isalpha():
            return False
        return text[0].isupper() or (lowercase and text.islower() and token.lower_ not in vocab.clause_openers)

    position = start + 1
    national = False
    while position < limit and doc[position].lower_ in words.modifiers:
        position += 1
        national = True
    name_end = None
    while position < limit:
        after = position
        while after < limit and connector(after):
            after += 1
        if after == position and elided(doc[position]) is None:
            break  # no connector: the name has ended
        english = after > position and doc[after - 1].lower_ in vocab.english_connectors
        lowercase = (national or name_end is not None) and not english
        if after >= limit or not word(after, lowercase):
            break
        after += 1
        while after < limit and (word(after, False) or doc[after].lower_ in words.modifiers
                                 or (joined_hyphen(doc, after) and after + 1 < limit and doc[after + 1].is_alpha)):
            after += 2 if doc[after].text in HYPHENS else 1  # "Cambio Climático", "santé publique", "Sud-Est"
        position = name_end = after
    return name_end


def heading_name(
    doc: Doc, start: int, end: int, vocab: Vocabulary, range_at: Callable[[int], tuple[int, int] | None]
) -> tuple[int, int] | None:
    """A title-case heading that is a whole name with its range ("# Andean Highlands ... Joint Programme
    (2021–2025)"): the range shows the capitals are a name's, not a heading's style. Else None."""
    prepared = doc._.prepared
    block = prepared.block_at(doc[start].idx) if prepared is not None else None
    if block is None or not in_title_case_block(doc, start, vocab) or vocab.kind_of(doc[start:end]) == "law":
        return None
    position = start
    while position > 0 and doc[position - 1].idx >= block.start and doc[position - 1].lower_ in vocab.determiners:
        position -= 1
    if position > 0 and doc[position - 1].idx >= block.start and not doc[position - 1].is_space:
        return None  # words before the name: the heading says more than the name
    found = range_at(end)
    if found is None:
        return None
    after = found[1]
    while after < len(doc) and doc[after].is_space:
        after += 1
    if after < len(doc) and doc[after].idx < block.end:
        return None  # words after the range
    trimmed = trim_start(doc, start, end, vocab)
    return None if trimmed is None else (trimmed, end)


def name_limit(doc: Doc, start: int, vocab: Vocabulary) -> int:
    """Where the sentence of a name ends; the parser's false break before "No. 4" ("Law | No 4 of 2024") is no end."""
    limit = doc[start].sent.end
    while limit < len(doc) and law_number_end(doc, limit, len(doc), vocab) is not None:
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
    """Drop leading articles, conjunctions, prepositions and hyphens; None when nothing is left.

    A name never opens on a connector: a capitalised one opens the sentence ("Under Migration Law ...").
    """
    while start < end and (
        doc[start].lower_ in vocab.determiners or doc[start].lower_ in vocab.conjunctions
        or doc[start].lower_ in vocab.connectors or doc[start].text in HYPHENS
    ):
        start += 1
    return start if start < end else None


def extend_left_hyphen(doc: Doc, start: int, vocab: Vocabulary) -> int:
    """Take in a hyphenated first word and the capitalised words before it.

    "Anti-Trafficking Strategy", "Anti-corruption Strategy", and a number-word compound
    with its owner: "Kiribati 20-Year Vision", "Five-Year Plan".
    """
    sentence_start = doc[start].sent.start

    def joined(hyphen: int) -> bool:
        return hyphen - 1 >= sentence_start and joined_hyphen(doc, hyphen) \
            and (doc[hyphen - 1].is_alpha or doc[hyphen - 1].is_digit)

    def title_word(position: int) -> bool:
        token = doc[position]
        return position >= sentence_start and capitalised(token) and token.pos_ in ("PROPN", "NOUN", "ADJ") \
            and token.lower_ not in vocab.determiners and token.lower_ not in vocab.connectors \
            and token.lower_ not in vocab.not_name_words

    extended = False
    while True:
        if start >= 2 and joined(start - 1):
            start -= 2
        elif start >= 3 and doc[start - 1].is_alpha and joined(start - 2) and capitalised(doc[start - 3]):
            start -= 3
        elif extended and start >= 1 and title_word(start - 1):
            start -= 1  # the capitalised words the matched core stopped short of, before the compound
            continue
        else:
            return start
        extended = True


def extend_left_number(doc: Doc, start: int, vocab: Vocabulary) -> int:
    """Take in a number inside a title with the capitalised words before it: "Departamento 20 Programme",
    "DAR 1+3 Programme". A year is no such number (a title's year is read apart: "Vision 2030 Strategy"),
    and a lowercase word before the number makes it a quantity ("in 20 Programme countries")."""
    sentence_start = doc[start].sent.start
    position = start
    while position - 1 >= sentence_start and _title_number_part(doc, position - 1, vocab):
        position -= 1
    if position == start or not doc[position].is_digit or not doc[start - 1].is_digit:
        return start
    words = position
    while words - 1 >= sentence_start and _title_word(doc[words - 1], vocab):
        words -= 1
    return words if words < position else start


def extend_left_connected(doc: Doc, start: int, vocab: Vocabulary, owners: frozenset[int]) -> int:
    """Take in the words a law's title opens with before its head, joined by "of" or "in": "Prevention of
    Trafficking in Persons Act" (the matched core is "Persons Act"). A country, an organisation or a body
    before the connector is an owner, not the title ("Ministry of Labour Act" no)."""
    sentence_start = doc[start].sent.start

    def title_word(position: int) -> bool:  # capitalised inside a sentence, whatever the tagger says ("Trafficking")
        token = doc[position]
        return position >= sentence_start and position not in owners and token.lower_ not in vocab.body_nouns \
            and (_title_word(token, vocab) or (position > sentence_start and capitalised(token)
                                               and token.lower_ not in vocab.connectors
                                               and token.lower_ not in vocab.determiners
                                               and token.lower_ not in vocab.not_name_words))

    position = start
    while position - 2 >= sentence_start and doc[position - 1].lower_ in vocab.left_title_connectors \
            and title_word(position - 2):
        position -= 2
        while title_word(position - 1):
            position -= 1
    return position


def _title_number_part(doc: Doc, position: int, vocab: Vocabulary) -> bool:
    """A short number ("20", "3", not a year) or a sign joining two ("1+3") inside a title."""
    token = doc[position]
    if token.is_digit:
        return len(token.text) <= vocab.max_title_number_digits and single_year(token.text) is None
    return token.text in ("+", "&") and not token.whitespace_ and position > 0 and not doc[position - 1].whitespace_


def _title_word(token: Token, vocab: Vocabulary) -> bool:
    """A capitalised word of a title (not an article, connector, month or weekday)."""
    return capitalised(token) and token.pos_ in ("PROPN", "NOUN", "ADJ") and token.lower_ not in vocab.determiners \
        and token.lower_ not in vocab.connectors and token.lower_ not in vocab.not_name_words


def extend_left_parenthesis(doc: Doc, start: int, vocab: Vocabulary) -> int:
    """Take in a bracketed part of a law's short title and the capitalised words before it, as Commonwealth law
    names its acts: "Employment (Recruitment of Ugandan Migrant Workers Abroad) Regulations", "Immigration
    (Amendment) Act". The bracket holds a short title (`inner_parenthesis`: no numbers, no acronym) that opens on a
    capital, and a capitalised word stands right before it."""
    if start < 3 or doc[start - 1].text != ")":
        return start
    sentence_start = doc[start].sent.start
    open_at = start - 2
    while open_at > sentence_start and start - 1 - open_at <= vocab.max_parenthetical_tokens and doc[open_at].text != "(":
        open_at -= 1
    if doc[open_at].text != "(" or inner_parenthesis(doc, open_at, start, vocab) != start - 1:
        return start
    if not capitalised(doc[open_at + 1]) or any(not (capitalised(t) or t.lower_ in vocab.connectors)
                                                for t in doc[open_at + 1:start - 1]):
        return start
    position = open_at
    while position - 1 >= sentence_start and _title_word_or_connector(doc[position - 1], vocab):
        position -= 1
    while position < open_at and doc[position].lower_ in vocab.connectors:
        position += 1  # a title opens on a capitalised word
    return position if position < open_at else start


def _title_word_or_connector(token: Token, vocab: Vocabulary) -> bool:
    """A word of a title before its bracket: capitalised (not an article, month or weekday) or a connector."""
    if token.lower_ in vocab.connectors:
        return True
    return capitalised(token) and token.lower_ not in vocab.determiners and token.lower_ not in vocab.not_name_words


def extend_left_plural_possessive(doc: Doc, start: int, owners: frozenset[int], vocab: Vocabulary) -> int:
    """Take in a plural possessive that is part of the title: "Expatriates' Welfare ... Policy", "Migrants' ...",
    and an irregular plural's ("Children's Code", "Women's ...": `plural_possessives`).

    A singular possessive names an owner ("Kenya's", "IOM's") and stays out, as does a
    plural one that is a country or an organisation (in `owners`: "the Philippines' National Policy").
    """
    if start < 2:
        return start
    word = doc[start - 2]
    if word.whitespace_ or not (capitalised(word) and word.is_alpha) or word.i in owners:
        return start
    mark = doc[start - 1].text
    if mark in ("'", "’") and word.lower_.endswith("s"):
        return start - 2
    if mark in ("'s", "’s") and word.lower_ in vocab.plural_possessives:
        return start - 2
    return start


def grow_title(doc: Doc, end: int, limit: int, vocab: Vocabulary, places: frozenset[int]) -> int:
    """End of a capitalised name: over connectors, capitalised words, hyphen compounds, places, inner brackets."""
    position = end
    last_word = end
    number_closed = False  # a law's number was just read: "Law No. 18.250 and the ..." is a list, not the title
    while position < limit:
        token = doc[position]
        lower = token.lower_
        if number_closed and lower in vocab.conjunctions:
            break
        number_closed = False
        if joined_hyphen(doc, position):
            if position + 1 < limit and doc[position + 1].is_alpha:
                position += 2
                last_word = position
                continue
            break
        if lower in vocab.conjunctions:
            if next_name_starts(doc, position + 1, limit, vocab):
                break  # "... and the National Strategy on ...": a list goes on to the next name
            if preposition_follows(doc, position + 1, limit, vocab):
                break  # "link workers to the Plan and to the Forum's work": the sentence goes on
            position += 1
            continue
        date = title_date_end(doc, position, limit, vocab)
        if date is not None:
            position = last_word = date  # "Act of 12 March 2022 on ...": the date of a law's title
            continue
        if lower in vocab.connectors:
            position += 1
            continue
        if lower in vocab.determiners and doc[position - 1].lower_ in vocab.connectors:
            position += 1
            continue
        number = law_number_end(doc, position, limit, vocab)
        if number is not None:
            position = last_word = number
            if position + 1 < limit and doc[position].lower_ == "of" and single_year(doc[position + 1].text):
                position = last_word = position + 2  # "Law No 4 of 2024 on ...": the year of enactment
            number_closed = True
            continue
        if capitalised(token) and lower not in vocab.not_name_words:
            position += 1
            last_word = position
            continue
        if token.text == "(":
            issuer = issuer_end(doc, position, limit, vocab)
            if issuer is not None:
                position = issuer  # "Regulation (EU) 2024/1348": the number follows
                continue
            close = inner_parenthesis(doc, position, limit, vocab)
            if close is not None and close + 1 < limit and capitalised(doc[close + 1]):
                position = close + 1
                continue
            break
        if token.text == ",":
            after = place_list_end(doc, position, limit, vocab, places)
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
        return joined_hyphen(doc, position)
    if not token.is_alpha or token.lower_ in vocab.clause_openers:
        return False
    if token.tag_ in FINITE_VERB_TAGS or token.pos_ == "AUX":
        return False
    if token.pos_ == "VERB" and token.dep_ != "amod":
        # "... to combat illegal immigration" is a topic; "... adopted for 2019-2022" is a new predicate
        return token.tag_ == "VB" and position > 0 and doc[position - 1].lower_ == "to"
    return True


def comma_title_end(
    doc: Doc, comma: int, limit: int, vocab: Vocabulary, places: frozenset[int], closes: Callable[[int], bool]
) -> int | None:
    """End of a long title's comma-separated parts, when a range closes them: "Strategy for Prevention ... in Human
    Beings, Especially Women and Children, and Protection of Victims 2017-2022".

    Each part is capitalised and holds no head word (a part with one is the next name of a
    list); only the range right after the last part (`closes`) shows the parts are one title.
    """
    position = comma
    while position < limit and doc[position].text == ",":
        part = position + 1
        if part < limit and doc[part].lower_ in vocab.conjunctions:
            part += 1
        if part >= limit or not capitalised(doc[part]):
            return None
        position = grow_title(doc, part, limit, vocab, places)
        if position == part or any(vocab.is_head(token) for token in doc[part:position]):
            return None
        if closes(position):
            return position
    return None
