"""Acronym definitions in running text: "long form (SF)" and "SF (long form)".

The method is Schwartz & Hearst's (2003): a parenthesised short form is paired
with the words just before it by finding the short form's characters, in
order, in the candidate long form, the first one at the start of a word; the
long form runs from that word to the parenthesis. Three refinements:
- of all alignments, the one with the most letters at word starts wins
  (plain S-H takes the nearest character, which can start a long form a word
  too early or too late), and an alignment with fewer than half of its letters
  at word starts is rejected, so "(SNITP)" after an English name is no
  definition;
- short forms may carry hyphens, dots and a plural "s" ("M-MPTF", "U.N.",
  "MDAs") or a word of the long form after the acronym ("HRD Korea"), and a
  long form that is itself in parentheses just before the short form is used
  as a whole ("Initiative (Khartoum Process) (KP)");
- the reverse order, "UNMN (UN Network on Migration)", is found the same way, and so is a long form
  inside the parenthesis with its short form, "(Servicio Nacional de Migración, SNM)".

Everything here is a pure function of strings; the spaCy component maps the
character offsets to tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

_PARENTHESIS = re.compile(r"\(([^()]{1,200})\)")
# Where a candidate long form cannot reach back beyond: sentence or clause punctuation, other brackets, and
# a list's ", the" ("the PIF Secretariat, the Pacific Community (SPC)").
_LONG_FORM_BARRIER = re.compile(r"[.;:!?()\[\]\n]\s|[()\[\]\n]|,\s+the\s|^")
_WORD = re.compile(r"[^\s]+")
# How far before a parenthesis its long form is first looked for (widened when that is too little).
_LOOKBACK_CHARS = 400
_SHORT_FORM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.&'’/-]*(?: [A-Za-z0-9][A-Za-z0-9.&'’/-]*)?$")


@dataclass(frozen=True)
class AcronymDefinition:
    """A short form and the long form the text defines it with, with character offsets into the text."""

    short: str
    short_start: int
    short_end: int
    long: str
    long_start: int
    long_end: int
    order: Literal["long_short", "short_long"]

    @classmethod
    def at(cls, short: str, short_start: int, long: str, long_start: int,
           order: Literal["long_short", "short_long"] = "long_short") -> AcronymDefinition:
        """A definition from its two forms and where each starts in the text."""
        return cls(short, short_start, short_start + len(short), long, long_start, long_start + len(long), order)


def acronym_letters(short: str) -> str:
    """The letters and digits of a short form: "M-MPTF" -> "MMPTF", "U.N." -> "UN"."""
    return "".join(char for char in short if char.isalnum())


def acronym_key(short: str) -> str:
    """A spelling-insensitive key for comparing acronyms: "U.N." and "UN" share one, "UN-ECE" and "UNECE" too."""
    return acronym_letters(short).upper()


def dotted(acronym: str) -> str:
    """The dotted spelling of a short all-letter acronym: "UN" -> "U.N."."""
    return "".join(f"{letter}." for letter in acronym)


def looks_like_acronym(text: str) -> bool:
    """Mostly capitals, short, one or two words: "IOM", "M-MPTF", "U.N.", "MDAs", "UN-ECE", "FRONTEX", and
    mixed-case single words with more capitals than small letters: "NiDCOM", "AfDB", "UfM", "MoFA"."""
    text = text.strip()
    if not text or len(text) > 12 or not _SHORT_FORM.match(text):
        return False
    letters = [char for char in text if char.isalpha()]
    if len(letters) < 2:
        return False
    upper = sum(1 for char in letters if char.isupper())
    lower = len(letters) - upper
    if upper < 2:
        return False
    # "MDAs", "NGOs": all capitals but a plural s; "UNHCR" all capitals.
    if lower == 0 or (lower == 1 and text.rstrip(".").endswith("s")):
        return True
    # "NiDCOM", "AfDB": one word that starts with a capital and is mostly capitals (not "McDonald", "UN Women").
    return " " not in text and text[0].isupper() and upper > lower


def _word_starts(text: str) -> list[bool]:
    """For each character: does a word (or a hyphenated part of one) start here?"""
    starts = []
    for index, char in enumerate(text):
        previous = text[index - 1] if index else " "
        starts.append(char.isalnum() and not previous.isalnum() and previous not in "'’")
    return starts


def match_long_form(short: str, candidate: str) -> str | None:
    """The long form that `short` abbreviates at the end of `candidate`, or None (Schwartz-Hearst, refined).

    >>> match_long_form("QUNO", "Ms. Townhead, Quaker United Nations Office")
    'Quaker United Nations Office'
    """
    letters = acronym_letters(short).lower()
    variants = [letters]
    if short.rstrip(".").endswith("s") and short[:-1].isupper() and len(letters) > 2:
        variants.insert(0, letters[:-1])  # "MDAs": the plural s need not be spelt out
    for variant in variants:
        found = _best_alignment(variant, candidate)
        if found is not None:
            return found
    return None


def _best_alignment(letters: str, candidate: str) -> str | None:
    if len(letters) < 2:
        return None
    text = candidate.rstrip()
    lowered = text.lower()
    starts = _word_starts(text)

    @cache
    def best(letter_index: int, after: int) -> tuple[int, int] | None:
        """Most word-start matches for letters[letter_index:] at positions > after; (score, first position)."""
        if letter_index == len(letters):
            return (0, after)
        result: tuple[int, int] | None = None
        for position in range(after + 1, len(text)):
            if lowered[position] != letters[letter_index]:
                continue
            if letter_index == 0 and not starts[position]:
                continue
            rest = best(letter_index + 1, position)
            if rest is None:
                continue
            score = rest[0] + (1 if starts[position] else 0)
            if result is None or _better_start(letter_index, (score, position), result):
                result = (score, position)
        return result

    def _better_start(letter_index: int, found: tuple[int, int], current: tuple[int, int]) -> bool:
        """More word starts win; among equals, the latest start (the shortest long form), except that a long
        form begins at a capitalised word rather than at a small word before it: "Organisation of Eastern
        Caribbean States (OECS)", not "of Eastern Caribbean States"."""
        if found[0] != current[0]:
            return found[0] > current[0]
        if letter_index == 0 and text[found[1]].isupper() != text[current[1]].isupper():
            return text[found[1]].isupper()
        return found[1] > current[1]

    found = best(0, -1)
    if found is None:
        return None
    score, first = found
    if score * 2 < len(letters):
        return None
    long_form = text[first:]
    n_words = len(_WORD.findall(long_form))
    if n_words > _max_long_form_words(letters) or n_words < 1:
        return None
    if long_form.lower().replace(" ", "") == letters:
        return None  # the "long form" is the acronym itself
    return long_form


def _candidate_before(text: str, end: int, short: str) -> tuple[str, int] | None:
    """The words before a parenthesis that may hold the long form, and where they start.

    A long form has at most `_max_long_form_words` words, so only a window of text before the
    parenthesis is read (widened while it holds too few words to be sure), not the whole text before it.
    """
    stop = _without_trailing_space(text, end)
    if stop and text[stop - 1] == ")":
        # "Initiative (Khartoum Process) (KP)": the previous parenthesis is the long form.
        opening = text.rfind("(", 0, stop)
        if opening >= 0:
            return text[opening + 1:stop - 1], opening + 1
    limit = _max_long_form_words(short)
    lookback = _LOOKBACK_CHARS
    while True:
        window_start = max(0, stop - lookback)
        barrier = None
        for found in _LONG_FORM_BARRIER.finditer(text, window_start, stop):
            barrier = found.end()
        start = barrier if barrier is not None else window_start
        words = list(_WORD.finditer(text, start, stop))
        # Without a barrier in the window, its first word may be cut: sure only with more words than a long form.
        if barrier is not None or window_start == 0 or len(words) > limit:
            break
        lookback *= 4
    if not words:
        return None
    first = words[max(0, len(words) - limit)].start()
    return text[first:stop], first


def _max_long_form_words(short: str) -> int:
    letters = len(acronym_letters(short))
    return min(letters + 5, letters * 2)


def _without_trailing_space(text: str, end: int) -> int:
    """Where text[:end] ends without its trailing whitespace (as `rstrip`, without copying the text)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _word_before(text: str, end: int) -> tuple[str, int] | None:
    """The last whitespace-delimited word of text[:end], and where it starts."""
    stop = _without_trailing_space(text, end)
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return (text[start:stop], start) if start < stop else None


def _definition_inside(inner: str, inner_start: int) -> AcronymDefinition | None:
    """ "(Servicio Nacional de Migración, SNM)": a long form and its short form, both inside one parenthesis
    (mostly a name in the body's own language after the report's translation of it)."""
    long_form, comma, short = inner.rpartition(",")
    short, long_form = short.strip(), long_form.strip()
    if not comma or not long_form or not looks_like_acronym(short):
        return None
    if match_long_form(short, long_form) != long_form:
        return None
    short_start = inner_start + inner.rindex(short)
    return AcronymDefinition.at(short, short_start, long_form, inner_start)


def looks_like_short_form(text: str) -> bool:
    """An acronym, or an acronym and a capitalised word: "HRD Korea" (for "Human Resources Development Service
    of Korea"). Only a defined short form is read so; elsewhere "UN Women" is a name."""
    return looks_like_acronym(text) or _acronym_of_short_form(text) is not None


def short_form_qualifier(text: str) -> str | None:
    """ "Korea" of "HRD Korea": the word a two-word short form adds to its acronym, mostly a place."""
    return text.split()[1] if _acronym_of_short_form(text) is not None else None


def _acronym_of_short_form(text: str) -> str | None:
    """ "HRD" of "HRD Korea": the acronym of a two-word short form whose second word is a capitalised word."""
    parts = text.split()
    if len(parts) != 2 or not looks_like_acronym(parts[0]) or looks_like_acronym(parts[1]):
        return None
    second = parts[1]
    if not (second.isalpha() and second[0].isupper() and second[1:].islower() and len(second) > 2):
        return None
    return parts[0]


def find_definitions(text: str) -> list[AcronymDefinition]:
    """Every acronym definition in a text, in either order, with offsets into the text."""
    definitions: list[AcronymDefinition] = []
    for found in _PARENTHESIS.finditer(text):
        inner = found.group(1).strip()
        inner_start = found.start(1) + (len(found.group(1)) - len(found.group(1).lstrip()))
        letters_of = inner if looks_like_acronym(inner) else _acronym_of_short_form(inner)
        if letters_of is not None:
            candidate = _candidate_before(text, found.start(), letters_of)
            if candidate is None:
                continue
            window, window_start = candidate
            long_form = match_long_form(letters_of, window)
            if long_form is None or (letters_of != inner and inner.split()[-1] not in long_form.split()):
                continue  # "HRD Korea" needs its "Korea" in the long form
            long_start = window_start + len(window.rstrip()) - len(long_form)
            definitions.append(AcronymDefinition.at(inner, inner_start, long_form, long_start))
            continue
        inside = _definition_inside(inner, inner_start)
        if inside is not None:  # "National Migration Service (Servicio Nacional de Migración, SNM)"
            definitions.append(inside)
            continue
        # "SF (long form)": the word before the parenthesis is the short form.
        previous = _word_before(text, found.start())
        if previous is None or not looks_like_acronym(previous[0]):
            continue
        short, short_start = previous
        long_form = match_long_form(short, inner)
        if long_form is None or long_form != inner:
            continue
        definitions.append(AcronymDefinition.at(short, short_start, inner, inner_start, "short_long"))
    return definitions
