"""Where a name ends after its head: "Bureau for Migration and Asylum", not "..., Ministry of Interior".

After the head, a name goes on through a connector ("of", "for", "on") and a
run of capitalised words joined by "and"/"&", through a comma list of fields
that ends in "and X" ("Office for Foreigners, Migration and Readmission"),
and through a few lowercase words that lead to its capitalised rest
("Monitoring Committee for the implementation of the National Strategy").
It stops where another body, a title, a place or a person begins.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from pipeline.components.organisations.document import (
    POSSESSIVES,
    DocumentView,
    Word,
    is_connector,
    unit_phrase_at,
)
from pipeline.normalise.acronyms import acronym_key, looks_like_acronym
from pipeline.normalise.calendar import month_numbers, weekday_names

_BRIDGE_POS = {"NOUN", "ADJ", "ADP", "PROPN", "CCONJ", "PUNCT"}


def tail_end(view: DocumentView, head_at: int, head_end: int | None = None) -> int:
    """Index of the last word of a name whose head is at head_at (and ends at head_end: "Directorate General")."""
    words, rules = view.words, view.rules
    last = head_at if head_end is None else head_end
    head_last = last
    head_lower = words[head_at].lower
    while last + 1 < len(words):
        following = words[last + 1]
        if is_connector(rules, following):
            run_start = last + 2
            if run_start < len(words) and words[run_start].lower == "the":
                run_start += 1
            if run_start >= len(words) or is_date_word(words[run_start]):
                break  # "submitted to Cabinet in June": when, not its name
            if words[run_start].capitalised:
                if starts_other_body(view, run_start, following.lower):
                    break
                if following.lower == "in" and (view.is_place(run_start) or _known_name_ends(view, last)):
                    # "Permanent Representation to the EU in Brussels", "the Almaty Process in Tashkent":
                    # where it is, not its name
                    break
                last = capitalised_run(view, run_start, head=head_lower)
                continue
            if following.lower in rules.relational_connectors:
                break  # "commits her Ministry to lowering transfer costs": a verb's complement, not a name
            bridged = lowercase_bridge(view, run_start, head_lower, gerund=last == head_last)
            if bridged is None:
                break
            last = bridged
            if last + 1 < len(words) and words[last + 1].capitalised:
                last = capitalised_run(view, last + 1)
                continue
            break
        if following.text == ",":
            listed = listed_fields(view, last + 2)
            if listed is None:
                break
            last = listed
            continue
        break
    return last


def is_date_word(word: Word) -> bool:
    """A month or a weekday ("June", "Monday"), which starts a date, never a name's rest."""
    return word.capitalised and (word.lower in month_numbers() or word.lower in _weekdays())


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(name.lower() for name in weekday_names())


def bare_government_tail(view: DocumentView, head_end: int) -> int | None:
    """Index of "Government" in "Office of the Government": a bare head whose whole tail is "the Government"
    names a body of that government (its office, chancellery, presidency), where "Government of Moldova" or
    "the Government's plan" would go on into the country or another phrase."""
    words, rules = view.words, view.rules
    of, the, government = head_end + 1, head_end + 2, head_end + 3
    if government >= len(words) or words[of].text != "of" or words[the].lower != "the":
        return None
    word = words[government]
    if word.lower not in rules.government_words or not word.capitalised or rules.singular(word.lower):
        return None  # not "the Governments": a group
    after = words[government + 1] if government + 1 < len(words) else None
    if after is not None and (after.capitalised or after.text in POSSESSIVES or is_connector(rules, after)):
        return None
    return government


def _known_name_ends(view: DocumentView, last: int) -> bool:
    """A gazetteer organisation's whole name ends at this word."""
    return view.words[last].end in view.known_org_ends


def starts_other_body(view: DocumentView, index: int, connector: str) -> bool:
    """After "of the", a phrase with its own head is another body ("Migration Service of the Ministry of ...")."""
    rules, words = view.rules, view.words
    if words[index].lower in rules.government_words and connector not in rules.relational_connectors:
        return True
    run_end = capitalised_run(view, index)
    run = words[index:run_end + 1]
    heads = [word for word in run if word.lower in rules.organisation_heads]
    if not heads:
        return False
    known = view.known_at(words[index].start)
    if known is not None and known.end >= words[run_end].end:
        return False  # "Council of Heads ... of CIS", "Mission of Sweden to the UN": the name goes on
    if connector in rules.relational_connectors:
        # "referrals from the Unit ... to the Human Trafficking Secretariat": a body a verb sends to, unless a
        # known body ("Permanent Mission of Sweden to the UN")
        return known is None and run[-1].lower in rules.organisation_heads
    run = _without_leading_country(view, run)  # "Unit of the Ghana Police Service": another body
    if not run:
        return False
    return run[0].lower in rules.organisation_heads


def _without_leading_country(view: DocumentView, run: list[Word]) -> list[Word]:
    """The words of a run after a country it starts with ("Police Service" of "Ghana Police Service")."""
    country = view.country_tokens.get(run[0].start)
    if country is None:
        return run
    return [word for word in run if word.start >= country.end]


def capitalised_run(view: DocumentView, index: int, head: str | None = None) -> int:
    """Last index of a run of capitalised words from index, joined by "and"/"&"
    ("Territorial Administration and Infrastructure"); in the tail of a name with this head, not into a
    second body with the same head ("University of Nairobi and Addis Ababa University")."""
    words, doc, rules = view.words, view.doc, view.rules
    last = index
    while last + 1 < len(words):
        following = words[last + 1]
        if _same_country(view, words[last], following):
            last += 1  # "Côte d'Ivoire": a country's name goes on in a small word
            continue
        if following.capitalised and model_ends_name_before(doc, words[last], following):
            break  # "... Committee for Combating Illegal Migration Naela Gabr": a person follows the body
        if following.capitalised and following.lower not in rules.government_words and (
            doc[following.start].is_alpha or "-" in following.text or following.text.isalnum()
        ):
            # A unit after a complete body ends it: "Organisation of African Union Council of Ministers".
            if words[last].lower in rules.organisation_heads and unit_phrase_at(rules, words, last + 1):
                break
            last += 1
            continue
        if (following.lower in ("and", "&") or _attached_possessive(view, last + 1)) and (
            last + 2 < len(words) and words[last + 2].capitalised
        ):
            if opens_body(view, last + 2) or names_other_body(view, last + 2) or (
                head is not None and words[capitalised_run(view, last + 2)].lower == head
            ):
                break  # "Ministry of Justice and Ministry of Interior", "... and MOLISA", "... and Addis Ababa
                # University": two bodies
            last += 2  # "Territorial Administration and Infrastructure", "Expatriates' Welfare"
            continue
        break
    return last


def _same_country(view: DocumentView, word: Word, following: Word) -> bool:
    country = view.country_tokens.get(word.start)
    return country is not None and following.end <= country.end


def _attached_possessive(view: DocumentView, index: int) -> bool:
    """ "Expatriates'", "Women's": a possessive written onto the word before it."""
    word = view.words[index]
    return word.text in POSSESSIVES and index > 0 and not view.doc[view.words[index - 1].end - 1].whitespace_


def model_ends_name_before(doc: Doc, last: Word, following: Word) -> bool:
    """The model starts a person there, or ends an organisation there and tags what follows as none."""
    after = doc[following.start]
    if after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
        return True
    before = doc[last.end - 1]
    return before.ent_type_ == "ORG" and after.ent_iob_ != "I" and after.ent_type_ != "ORG"


def opens_body(view: DocumentView, index: int) -> bool:
    """Whether the word at index begins a body of its own ("Ministry of ...", "Government of ...")."""
    words, rules = view.words, view.rules
    word = words[index]
    if word.lower in rules.government_words:
        return True
    following = words[index + 1] if index + 1 < len(words) else None
    return (
        word.lower in rules.organisation_heads
        and following is not None
        and following.lower in rules.tail_connectors
        and following.text.islower()
    )


def names_other_body(view: DocumentView, index: int) -> bool:
    """The word at index is an organisation of its own: a known one ("... and IOM") or an acronym the report
    defines for a body ("Ministry of Justice of Japan and MOLISA")."""
    word = view.words[index]
    if view.known_at(word.start) is not None:
        return True
    if not looks_like_acronym(word.text):
        return False
    defined = view.acronyms.get(acronym_key(word.text))
    return defined is not None and defined.kind == "org"


def lowercase_bridge(view: DocumentView, index: int, head: str, gerund: bool = False) -> int | None:
    """Lowercase words after a connector that belong to the name: up to its capitalised rest, or, after
    "Ministry of", to the end of the phrase ("Ministry of internal affairs"). Right after the head, a
    gerund may state the body's task ("Fund for responding to Loss and Damage")."""
    words, doc, rules = view.words, view.doc, view.rules
    last_content = None
    position = index
    while position < len(words) and position - index < rules.max_lowercase_bridge:
        word = words[position]
        token = doc[word.start]
        if word.capitalised:
            break
        is_gerund = gerund and position == index and token.tag_ == "VBG"
        if token.pos_ not in _BRIDGE_POS and token.lower_ != "the" and not is_gerund:
            return last_content if head in rules.lowercase_tail_heads else None
        if token.is_punct and word.text not in ("-",):
            break
        if token.pos_ in ("NOUN", "ADJ", "PROPN") or is_gerund:
            last_content = position
        position += 1
    if position < len(words) and words[position].capitalised and last_content is not None:
        if starts_other_body(view, position, words[position - 1].lower):
            # "Department on work with law-enforcement bodies of Administration of the President"
            return last_content
        run = words[position:capitalised_run(view, position) + 1]
        if " ".join(word.lower for word in run) in rules.generic_groups:
            # "International Court of Justice on the obligations of States": not a name's rest
            return last_content if head in rules.lowercase_tail_heads else None
        previous = words[position - 1]
        if previous.lower in ("the",) or previous.lower in rules.tail_connectors or (
            gerund and position - 1 == index and doc[previous.start].tag_ == "VBG"
        ):
            return position - 1  # "... for the implementation of the National ...", "... for combating Trafficking"
        return None
    if head in rules.lowercase_tail_heads and last_content is not None:
        return last_content
    return None


def listed_fields(view: DocumentView, index: int) -> int | None:
    """", Migration and Readmission": a list of fields that goes on the name, ending in "and X"."""
    words = view.words
    position = index
    while position < len(words):
        word = words[position]
        if word.lower == "and" and position + 1 < len(words) and words[position + 1].capitalised:
            position += 1
            if field_breaks(view, position, last_item=True):
                return None
            return capitalised_run(view, position)
        if not word.capitalised or field_breaks(view, position):
            return None
        run_end = capitalised_run(view, position)
        if any(w.lower == "and" for w in words[position:run_end + 1]):
            return run_end
        following = words[run_end + 1] if run_end + 1 < len(words) else None
        if following is None or following.text != ",":
            return None
        position = run_end + 2
    return None


def field_breaks(view: DocumentView, index: int, last_item: bool = False) -> bool:
    """A list item that is not a field of the name: a title, a country, a known body, or a body of its own
    (", Ministry of Interior", ", Migration Service")."""
    words, rules = view.words, view.rules
    word = words[index]
    if (
        word.lower in rules.title_words
        or word.start in view.country_tokens
        or view.known_at(word.start) is not None
        or opens_body(view, index)
    ):
        return True
    if last_item:
        return False
    run_end = capitalised_run(view, index)
    item = list(words[index:run_end + 1])
    if "and" in (w.lower for w in item):
        item = item[: [w.lower for w in item].index("and")]
    return len(item) >= 2 and item[-1].lower in rules.organisation_heads
