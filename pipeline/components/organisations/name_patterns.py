"""Candidate source 3: capitalised names built outward from a body's head noun.

Most bodies a report names are in no gazetteer ("State Migration Service",
"Bureau for Migration and Asylum"), so the finder looks for head nouns of
bodies ("Ministry", "Bureau", "Process") and reads the capitalised modifiers
before one and the tail after it (`name_tails`). A head that a unit phrase
makes ("Secretariat", "Regional Office") gives a unit instead (`units`).
"""

from __future__ import annotations

from pipeline.components.organisations.body_countries import strip_country
from pipeline.components.organisations.document import (
    POSSESSIVES,
    Candidate,
    DocumentView,
    Word,
    unit_phrase_at,
)
from pipeline.components.organisations.name_tails import bare_government_tail, tail_end
from pipeline.components.organisations.reading import (
    classify,
    is_standalone_unit,
    names_state_body,
)
from pipeline.components.organisations.units import (
    unit_after_parent,
    unit_before_parent,
    without_trailing_unit,
)

_MAX_MODIFIERS = 6


def find_names(view: DocumentView) -> list[Candidate]:
    """Capitalised names with an organisation's head noun, left to right, each word in one name at most."""
    words, rules = view.words, view.rules
    found: list[Candidate] = []
    consumed_until = -1
    for head_at, head_word in enumerate(words):
        if head_at <= consumed_until:
            continue
        if head_word.lower not in rules.organisation_heads or not head_word.capitalised:
            continue
        if head_word.start in view.country_tokens:
            continue  # "Russian Federation"
        if head_word.text.isupper() and len(head_word.text) > 1 and view.in_caps_block(head_word.start):
            continue
        candidate, last_word = name_from_head(view, head_at)
        if candidate is None:
            continue
        found.append(candidate)
        consumed_until = last_word
    return found


def name_from_head(view: DocumentView, head_at: int) -> tuple[Candidate | None, int]:
    """The name built around a head noun (or the unit it names), and the index of its last word."""
    doc, words, rules = view.doc, view.words, view.rules
    head_end = head_at  # "Directorate General": the head goes on through a postpositive modifier
    while head_end + 1 < len(words) and words[head_end + 1].lower in rules.postpositive_modifiers and (
        words[head_end + 1].capitalised
    ):
        head_end += 1
    # The head must end its capitalised run: "Budapest Process Ministerial Conference" is headed by Conference.
    after = words[head_end + 1] if head_end + 1 < len(words) else None
    if (
        after is not None
        and after.capitalised
        and after.lower not in rules.tail_connectors
        and not unit_phrase_at(rules, words, head_end + 1)
        and doc[after.start].is_alpha
    ):
        return None, head_at
    first = modifiers_start(view, head_at)
    if first > 0 and words[first - 1].lower in rules.indefinite_determiners:
        return None, head_at  # "establishing a Network on Migration": a description, not a name
    unit_length = unit_phrase_at(rules, words, head_at)
    if unit_length:
        unit = unit_after_parent(view, first, head_at)
        if unit is not None:
            return unit, head_at
    last = tail_end(view, head_at, head_end)
    if last == head_end and first == head_at:
        last = bare_government_tail(view, head_end) or last  # "Office of the Government"
    if unit_length and last > head_end:
        unit = unit_before_parent(view, first, head_at, last)
        if unit is not None:
            return unit, last
    elif last > head_end:
        last = without_trailing_unit(view, words, head_end, last)
    name_words = words[first:last + 1]
    reading = classify(view, name_words)
    if reading is None or reading.kind != "org" or len(name_words) == 1:
        return None, last  # a bare head noun ("the Committee") names nothing by itself
    if words[head_at].text.endswith("s") and rules.singular(words[head_at].lower):
        return None, last  # "Ministries": a generic group
    if head_out_of_place(view, head_at, first, last):
        return None, last
    government = reading.government and not part_of_international(view, name_words)
    start, end, country = name_words[0].start, name_words[-1].end, None
    if government:
        start, end, country = strip_country(view, start, end)
        if end - start <= 1 and doc[start].lower_ in rules.organisation_heads:
            return None, last
    if is_standalone_unit(rules, name_words[: head_at - first + 1]) and not names_state_body(rules, words, head_end):
        return Candidate(start, end, "unit", "internal_unit", international=True), last
    rule = "government_body_pattern" if government else "name_pattern"
    return Candidate(start, end, "org", rule, government=government, international=not government,
                     country=country), last


def modifiers_start(view: DocumentView, head_at: int) -> int:
    """Index of the first modifier of a head: capitalised words before it, not titles, in its sentence,
    possibly joined by "and", a possessive, or "in" after a people ("Disaster and Emergency Management
    Authority", "Women's Refugee Commission", "Nigerians in Diaspora Commission")."""
    doc, words, rules = view.doc, view.words, view.rules
    first = head_at
    after_joiner: int | None = None  # where the modifiers began before the last joiner was crossed
    sentence_start = doc[words[head_at].start].sent.start
    while first - 1 >= 0 and head_at - first < _MAX_MODIFIERS:
        word = words[first - 1]
        token = doc[word.start]
        if word.start < sentence_start:
            break
        if not word.capitalised:
            if first >= 2 and words[first - 2].start >= sentence_start and _joins_modifiers(view, first - 1):
                after_joiner = first
                first -= 2
                continue
            break
        if not (token.is_alpha or "-" in word.text or token.text.isalnum()):
            break
        if word.lower in rules.tail_connectors:
            break
        if word.lower in rules.title_words and not adjectival_title(view, first - 1):
            break
        if token.ent_type_ == "PERSON" and doc[words[first].start].ent_type_ != "PERSON":
            break
        if token.is_sent_start and (token.is_stop or token.pos_ in ("ADV", "DET", "PRON", "VERB", "SCONJ")):
            break
        first -= 1
    if after_joiner is not None and first > 0 and words[first - 1].lower in rules.tail_connectors and (
        words[first - 1].text.islower()
    ):
        first = after_joiner  # "Ministry of Justice and Migration Service": the "and" joins two bodies
    country = view.country_tokens.get(words[first].start)
    if country is not None and country.start < words[first].start:
        # "Bosnia and Herzegovina Ministry of Security": the whole country
        first = view.word_at(country.start)
    return first


def head_out_of_place(view: DocumentView, head_at: int, first: int, last: int) -> bool:
    """A head that names a body only in its place: a plural head not after a title ("Commissioner for Health
    Services" is a portfolio), a unit's head only of a national body ("Media Unit, IOM Regional Office" is a
    unit of an international organisation)."""
    rules, head = view.rules, view.words[head_at].lower
    if head in rules.plural_heads and after_title(view, first):
        return True
    return head in rules.national_unit_heads and not of_national_body(view, last)


def after_title(view: DocumentView, first: int) -> bool:
    """A name written after a title and a connector ("Director for Nursing Services")."""
    words, rules = view.words, view.rules
    return first >= 2 and words[first - 1].lower in rules.tail_connectors and (
        words[first - 2].lower in rules.title_words
    )


def of_national_body(view: DocumentView, last: int) -> bool:
    """Whether "of" a national body follows a name, over its acronym in parentheses: "Unit of the Ghana
    Police Service", "Border Patrol Unit (UPF) of the National Police"."""
    words, rules = view.words, view.rules
    index = last + 1
    if index + 2 < len(words) and words[index].text == "(" and words[index + 2].text == ")":
        index += 3
    if index >= len(words) or words[index].text != "of":
        return False
    index += 1
    if index < len(words) and words[index].lower == "the":
        index += 1
    for word in words[index:index + _MAX_MODIFIERS + 1]:
        if not word.capitalised:
            return False
        if word.lower in rules.government_heads and view.known_at(words[index].start) is None:
            return True
    return False


def adjectival_title(view: DocumentView, index: int) -> bool:
    """A title word that is an adjective of the name it stands in ("General Inspectorate", "Chief
    Commissionerate"): followed by a capitalised word of the name, not by a title or a person, and not
    itself after a title ("Director General", "Secretary General")."""
    words, rules, doc = view.words, view.rules, view.doc
    word = words[index]
    if word.lower not in rules.adjectival_title_words or index + 1 >= len(words):
        return False
    following = words[index + 1]
    if not following.capitalised or following.lower in rules.title_words or (
        doc[following.start].ent_type_ == "PERSON" and following.lower not in rules.organisation_heads
    ):
        return False
    return index == 0 or words[index - 1].lower not in rules.title_words


def _joins_modifiers(view: DocumentView, index: int) -> bool:
    """Whether the lowercase word at index joins two modifiers of one name: "and"/"&" between field words,
    an attached possessive after a common noun ("Women's"), or "in" after a people ("Nigerians in ...")."""
    doc, words, rules = view.doc, view.words, view.rules
    joiner, before = words[index], words[index - 1]
    token = doc[before.start]
    if not before.capitalised or before.lower in rules.title_words or token.ent_type_ == "PERSON":
        return False
    known = before.start in view.known_tokens
    if joiner.lower in ("and", "&"):
        return (token.is_alpha and not known and before.start not in view.country_tokens
                and before.lower not in rules.organisation_heads and rules.singular(before.lower) is None
                and before.lower not in rules.tail_connectors)
    if joiner.text in POSSESSIVES and not doc[before.end - 1].whitespace_:
        return (token.is_alpha and not known and before.start not in view.country_tokens
                and token.ent_type_ not in ("GPE", "LOC", "NORP") and before.lower not in rules.government_words)
    if joiner.lower == "in":
        country = view.country_at.get(before.start)
        return country is not None and country.end == before.end and before.text.endswith("s") and (
            index - 1 == 0 or not words[index - 2].capitalised
        )
    return False


def part_of_international(view: DocumentView, words: list[Word]) -> bool:
    """A name that contains an international organisation, other than one it points to ("to the UN")."""
    return any(
        c.international and c.kind == "org" and not view.after_relation(c.start)
        for c in view.known_within(words[0].start, words[-1].end)
    )
