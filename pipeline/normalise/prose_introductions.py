"""Speakers introduced inside prose: a sentence that opens with a person, their post and a reporting verb.

"Mr. Jonas Weber, Federal Employment Agency (BA), Germany, explained how ...",
"Mr. Dinesh Karki of the Foreign Employment Board (FEB) said ...", "Speaking for the IOM Mission
in Libya, Mr. Hamza Benali said ...". Pure functions over a paragraph's text, driven by the same
rule file as introduction lines (`rules/speakers/introductions.yaml`); the post is read into
parts and a country exactly as an introduction line's is (pipeline/normalise/people.py). In which
reports such sentences count, and where the turns they open end, is the layout's business
(pipeline/layout.py): these functions only read sentences.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.normalise.people import (
    NAME_WORD,
    Introduction,
    IntroductionRules,
    build_introduction,
    introduction_rules,
    is_personal_name,
    iter_parts,
    person_key,
    split_honorific,
    surname,
)

_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+")
_POST_TOKEN = re.compile(r"[()\[\]]|[^\s()\[\]]+")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")  # "U.S.", "J."
_NAME_GAP = re.compile(r" (?=[^\W\d_])")  # one space, then the next word of a name
_SPACES = re.compile(r"\s*")
_APPOSITION = re.compile(r",\s*")  # "Mr. X, Director ..."


def _is_abbreviation(word: str, rules: IntroductionRules) -> bool:
    """A word whose full stop ends no sentence: initials ("U.S.", "J.") or an abbreviated honorific ("Mr.",
    "Prof.", "H.E."); not a written-out one ("Justice." may end a sentence on the Ministry of Justice)."""
    if _INITIALS.fullmatch(word):
        return True
    return word.endswith(".") and len(word) <= 6 and _is_honorific(word, rules)


def _is_honorific(word: str, rules: IntroductionRules) -> bool:
    found = rules.honorific.match(word + " A")
    return bool(found) and found.end() >= len(word)


def sentence_starts(text: str, rules: IntroductionRules | None = None) -> list[int]:
    """Where the sentences of a paragraph start: at its start, and after a full stop, question or exclamation
    mark that ends no honorific or initial ("Mr. Karki" is one sentence)."""
    rules = rules or introduction_rules()
    starts = [len(text) - len(text.lstrip())]
    for found in _SENTENCE_BREAK.finditer(text):
        if found.end() < len(text) and not _is_abbreviation(_word_ending_at(text, found.start() + 1), rules):
            starts.append(found.end())
    return starts


def _word_ending_at(text: str, end: int) -> str:
    """The whitespace-delimited word that ends at `end` ("Mr." before " Karki"), read backwards from there."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _name_run_end(text: str, start: int, rules: IntroductionRules) -> int:
    """End of the capitalised name words from `start` ("Dinesh Karki" of "Dinesh Karki of the Board said")."""
    position = end = start
    for _ in range(rules.max_name_words):
        word = NAME_WORD.match(text, position)
        if word is None or not (word.group()[0].isupper() or word.group() in rules.name_particles):
            break
        if word.group()[0].isupper():
            end = word.end()
        if _NAME_GAP.match(text, word.end()) is None:
            break
        position = word.end() + 1
    return end


def _is_verb(word: str, rules: IntroductionRules) -> bool:
    return word in rules.reporting_verbs or bool(re.fullmatch(r"[a-z]{2,}ed", word))


def _predicate_at(text: str, start: int, rules: IntroductionRules) -> bool:
    """Whether a reporting verb, possibly after one adverb, opens `text` at `start` ("said", "also noted")."""
    words = re.findall(r"[^\W\d_][\w'’\-]*", text[start:start + 60])[:2]
    if not words:
        return False
    if (words[0] in rules.predicate_adverbs or words[0].endswith("ly")) and len(words) > 1:
        return _is_verb(words[1], rules)
    return _is_verb(words[0], rules)


def _post_end(text: str, start: int, rules: IntroductionRules) -> int | None:
    """End of a post that runs from `start` to a reporting verb, or None when no verb closes it.

    The post is capitalised words with connectors ("of", "and", "the"), role and body words
    ("Deputy commissioner") and parenthesised parts; its first other lowercase word must be the
    verb. A full stop that ends a sentence, or a second person ("..., and Ms. Y"), ends the search.
    """
    depth = 0
    for token in _POST_TOKEN.finditer(text, start):
        piece = token.group()
        if piece in "([":
            depth += 1
            continue
        if piece in ")]":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        word = piece.strip(",;:\"“”'‘’")
        if not word:
            continue
        if word[0].islower():
            bare = word.rstrip(".")
            if bare in rules.post_connectors or rules.role_word.fullmatch(bare):
                continue  # "Head of the ...", "Deputy commissioner"
            if rules.organisation_word.fullmatch(bare):
                continue
            if not _predicate_at(text, token.start(), rules):
                return None
            return start + len(text[start:token.start()].rstrip(" ,;:"))
        if _is_abbreviation(word, rules) and not _INITIALS.fullmatch(word):
            return None  # another person ("..., and Ms. Y"); a written-out title ("Ambassador") is a post
        if re.search(r"[.!?]$", piece) and not _is_abbreviation(word, rules):
            return None  # the sentence ended without a verb
    return None


def _leading_article(text: str, start: int) -> int:
    """Length of a "the " at `start`: a body's name is kept without it."""
    found = re.match(r"the\s+", text[start:start + 8], re.IGNORECASE)
    return found.end() if found else 0


def parse_prose_introduction(
    text: str, start: int = 0, rules: IntroductionRules | None = None
) -> Introduction | None:
    """The speaker a sentence of prose introduces at `start`, if it opens with one.

    Three shapes, each closed by a reporting verb:
    - "[honorific] Name, <post parts>, <verb>": "Mr. Jonas Weber, Federal Employment Agency (BA), Germany,
      explained how ...";
    - "[honorific] Name of/from <body> <verb>": "Mr. Dinesh Karki of the Foreign Employment Board (FEB) said";
    - "<lead> <body>, [honorific] Name <verb>": "Speaking for the IOM Mission in Libya, Mr. Hamza Benali said".
    Without an honorific the name needs two words and the post a role or a body ("Tomasz Nowak, Deputy
    Director, ..."). A name followed by its verb alone ("Ms. Renate Held welcomed ...") introduces nobody:
    it refers to someone. The Introduction's `start`/`end` span the sentence's opening up to the post's end.
    """
    rules = rules or introduction_rules()
    position = start
    lead = rules.speaking_for_cue.match(text, position)
    lead_post: tuple[int, int] | None = None
    if lead:
        first = next(iter_parts(text, lead.end()), None)
        if first is None:
            return None
        lead_post = (first[1] + _leading_article(text, first[1]), first[2])
        comma = text.find(",", lead_post[1])
        if comma < 0 or text[lead_post[1]:comma].strip():
            return None
        position = _SPACES.match(text, comma + 1).end()
    honorific = rules.honorific.match(text, position)
    name_start = honorific.end() if honorific else position
    name_end = _name_run_end(text, name_start, rules)
    if not is_personal_name(text[name_start:name_end], rules, min_words=1 if honorific else 2):
        return None
    apposed = _APPOSITION.match(text, name_end)
    affiliated = rules.affiliation.match(text, name_end)
    if apposed or (affiliated and lead is None):
        post_start = (apposed or affiliated).end()
        post_start += _leading_article(text, post_start)
        post_end = _post_end(text, post_start, rules)
        if post_end is None or post_end <= post_start:
            return None
    elif lead_post is not None and text[name_end:name_end + 1] == " " and _predicate_at(text, name_end + 1, rules):
        post_start, post_end = lead_post
    else:
        return None
    found = build_introduction(
        text,
        re.sub(r"\s+", " ", honorific.group().strip()) if honorific else None,
        name_start,
        name_end,
        post_start,
        post_end,
        False,
        rules,
    )
    titled = rules.role_word.search(text, post_start, post_end) or any(p.kind == "organisation" for p in found.parts)
    if not found.parts or (honorific is None and not titled):
        return None  # "Jutha Tada, Maiduguri, reported ...": a byline's shape, not a post
    return replace(found, start=start, end=max(name_end, post_end))


def opens_with_floor_change(text: str, start: int = 0, rules: IntroductionRules | None = None) -> bool:
    """Whether a sentence opens with another speaker taking the floor ("A representative of the EUAA said")."""
    rules = rules or introduction_rules()
    return bool(rules.floor_opening.match(text, start))


def refers_back_to(text: str, name: str, rules: IntroductionRules | None = None) -> bool:
    """Whether a paragraph opens by pointing back at a speaker: "He added ...", "Mr. Yusof added ...",
    "Azman Yusof added ..."."""
    rules = rules or introduction_rules()
    _, rest = split_honorific(text, rules)
    first = re.match(r"[^\W\d_][\w'’\-]*", rest)
    if first is None:
        return False
    if first.group().casefold() in rules.continuation_pronouns:
        return True
    words = rest.split()
    keys = {person_key(name), person_key(surname(name))}
    openings = (" ".join(words[:count]).rstrip(",.;:") for count in range(1, min(len(words), rules.max_name_words) + 1))
    return any(person_key(opening) in keys for opening in openings)
