"""Candidate source: names that put their head first ("Universidad del Pacífico", "Instituto Nacional de Migración").

Spanish, Portuguese, French and Italian names start with the head noun and go
on with capitalised words joined by small words ("de", "del", "de la", "d'"),
so `name_patterns`, which reads English names back from their head, cannot
see them. The heads, the English head each stands for (which tells whether the
body is a government's, whose country then leaves its name), and the joining
words are data (`rules/organisations/name_rules.yaml`).
"""

from __future__ import annotations

import re

from pipeline.components.organisations.body_countries import strip_country
from pipeline.components.organisations.document import Candidate, DocumentView, Word
from pipeline.normalise.organisations import NameRules

RULE = "head_first_name"
_MAX_WORDS = 10
_MAX_CONNECTORS = 3
_ELIDED = re.compile(r"^[dl]['’](?=\w)", re.IGNORECASE)  # "l'Intérieur", "d'Ivoire"


def english_head(rules: NameRules, words: list[Word]) -> str | None:
    """The English head a head-first name stands for ("Universidad del Pacífico" -> "university"), if the
    words read as one: a head-first head, capitalised, followed by more of the name."""
    words = [word for word in words if word.lower != "the"]
    if len(words) < 2 or not words[0].capitalised or words[0].lower not in rules.head_first_heads:
        return None
    following = words[1]
    if not (_capitalised(following) or following.lower in rules.head_first_connectors):
        return None
    return rules.head_first_heads[words[0].lower]


def find_head_first_names(view: DocumentView) -> list[Candidate]:
    """Head-first names, left to right, each word in one name at most."""
    words, rules = view.words, view.rules
    found: list[Candidate] = []
    index = 0
    while index < len(words):
        word = words[index]
        if not word.capitalised or word.lower not in rules.head_first_heads:
            index += 1
            continue
        last = _name_end(view, index)
        if last == index:
            index += 1
            continue
        candidate = _candidate(view, index, last)
        if candidate is not None:
            found.append(candidate)
        index = last + 1
    return found


def _name_end(view: DocumentView, head_at: int) -> int:
    """Index of the last word of the name whose head is at head_at: through capitalised words, and through
    joining words that lead to another capitalised word."""
    words, rules = view.words, view.rules
    last = head_at
    position = head_at + 1
    while position < len(words) and position - head_at < _MAX_WORDS:
        if _capitalised(words[position]) and _proper(view, position):
            last = position
            position += 1
            continue
        bridge = position
        while bridge < len(words) and bridge - position < _MAX_CONNECTORS and (
            words[bridge].lower in rules.head_first_connectors and words[bridge].text.islower()
        ):
            bridge += 1
        if bridge == position or bridge >= len(words) or not _capitalised(words[bridge]) or not _proper(view, bridge):
            break
        last = bridge
        position = bridge + 1
    return last


def _candidate(view: DocumentView, first: int, last: int) -> Candidate | None:
    rules = view.rules
    english = rules.head_first_heads[view.words[first].lower]
    government = english in rules.government_heads
    start, end, country = view.words[first].start, view.words[last].end, None
    if government:
        start, end, country = strip_country(view, start, end)
        if len(view.words_in(start, end)) < 2:
            return None
    rule = "government_body_pattern" if government else RULE
    return Candidate(start, end, "org", rule, government=government, international=not government,
                     country=country, group="name:" + view.doc[start:end].text.lower())


def _capitalised(word: Word) -> bool:
    """A capitalised word of a name, also after an elided article ("l'Intérieur")."""
    if word.capitalised:
        return True
    rest = _ELIDED.sub("", word.text)
    return rest != word.text and rest[:1].isupper()


def _proper(view: DocumentView, index: int) -> bool:
    """A word that may go on a name: letters (not a number or a bracket), not a title ("Director")."""
    word = view.words[index]
    token = view.doc[word.start]
    return (token.is_alpha or _ELIDED.match(word.text) is not None or "-" in word.text) and (
        word.lower not in view.rules.title_words
    )
