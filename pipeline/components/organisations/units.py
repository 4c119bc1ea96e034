"""Internal units of an international organisation, which count as the organisation.

The guidelines fold divisions, secretariats, regional and country offices,
missions and working groups into their parent ("Migration Research Division"
of IOM is IOM). A unit is written after its parent ("IOM Regional office"),
before it ("Secretariat of the Prague Process"), or alone; alone, it stands
for the international organisation named last in its paragraph, else the one
the report names most. Unit spans get label "internal_unit" and the parent's key.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from pipeline.components.organisations.document import (
    Candidate,
    DocumentView,
    Word,
    unit_phrase_at,
)
from pipeline.components.organisations.reading import head_index, names_state_body
from pipeline.normalise.acronyms import looks_like_acronym

_UNIT_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*$")
_MAX_UNIT_WORDS = 5


def unit_after_parent(view: DocumentView, first: int, head_at: int) -> Candidate | None:
    """ "UN Resident Coordinator Office", "SCMI Secretariat": a unit written after the body it belongs to."""
    words = view.words
    parent = view.known_at(words[first].start)
    if parent is None or parent.end > words[head_at].start:
        return None
    between = view.words_in(parent.end, words[head_at].start) if parent.end < words[head_at].start else []
    if not all(word.lower in view.rules.unit_modifiers or word.capitalised or word.lower in ("and", "&")
               for word in between):
        return None  # "IGAD Health and Social Development Division" is a unit; "IOM and the Division" is not
    return Candidate(parent.end, words[head_at].end, "unit", "internal_unit", key=parent.key,
                     parent=parent.key, international=True)


def unit_before_parent(view: DocumentView, first: int, head_at: int, last: int) -> Candidate | None:
    """ "Secretariat of the Prague Process", "Mission of the IOM": a unit written before its parent."""
    words = view.words
    if words[head_at + 1].lower != "of":
        return None
    rest = head_at + 2
    if rest < len(words) and words[rest].lower == "the":
        rest += 1
    parent = view.known_at(words[rest].start) if rest < len(words) else None
    if parent is None or parent.end != words[last].end or not parent.international:
        return None
    return Candidate(words[first].start, words[head_at].end, "unit", "internal_unit", key=parent.key,
                     parent=parent.key, international=True)


def without_trailing_unit(view: DocumentView, words: list[Word], head_at: int, last: int) -> int:
    """ "United Nations Network on Migration Secretariat": the body ends before its unit's words."""
    rules = view.rules
    for start in range(head_at + 2, last + 1):
        length = unit_phrase_at(rules, words, start)
        if length and start + length - 1 == last:
            cut = start
            while cut - 1 > head_at and words[cut - 1].lower in rules.unit_modifiers:
                cut -= 1
            if words[cut - 1].lower not in rules.tail_connectors | {"the", "and", "&"}:
                return cut - 1
    return last


def units_after(view: DocumentView, accepted: list[Candidate]) -> list[Candidate]:
    """Unit words written after an accepted international organisation: "IOM Regional office", "UN Network
    on Migration Core Working Group 2.1", "EU Council Presidency", "Trust Fund committee"."""
    doc, words, rules = view.doc, view.words, view.rules
    starts = {c.start for c in accepted}
    found: list[Candidate] = []
    for candidate in accepted:
        if candidate.kind != "org" or not candidate.international or candidate.key is None:
            continue
        index = view.word_at(candidate.end - 1) + 1
        if index < len(words) and words[index].start in view.country_at:
            index = view.word_at(view.country_at[words[index].start].end - 1) + 1  # "IOM Ukraine Mission"
        first = index
        last_head = None
        while index < len(words) and index - first < _MAX_UNIT_WORDS and words[index].start not in starts:
            length = unit_phrase_at(rules, words, index)
            if length:
                index += length
                last_head = index - 1
                continue
            if words[index].lower in rules.unit_modifiers:
                index += 1
                continue
            break
        if last_head is None:
            continue
        end = words[last_head].end
        if end < len(doc) and _UNIT_NUMBER.match(doc[end].text):
            end += 1  # "Core Working Group 2.1"
        found.append(Candidate(words[first].start, end, "unit", "internal_unit", key=candidate.key,
                               parent=candidate.key, international=True))
    return found


def units_beside_parents(view: DocumentView, accepted: list[Candidate]) -> list[Candidate]:
    """ "Citizens and Diaspora Organizations Directorate (CIDO) of the African Union", "Bali Process Regional
    Support Office (RSO)": a name with a unit's head, written "of" an international organisation (its acronym
    may stand between) or right after one, is a unit of it, and so is what shares its group (its acronym)."""
    parents = {c.start: c for c in accepted if c.kind == "org" and c.international and c.key is not None}
    parents_ending = {c.end: c for c in parents.values()}
    parent_of: dict[int, str] = {}  # id of a unit -> its parent's key
    parent_of_group: dict[str, str] = {}
    for candidate in accepted:
        if candidate.kind != "org" or candidate.key is not None or not _headed_by_unit(view, candidate):
            continue
        parent = parents_ending.get(candidate.start) or parents.get(_after_of(view, candidate) or -1)
        if parent is None or parent is candidate:
            continue
        parent_of[id(candidate)] = parent.key
        if candidate.group:
            parent_of_group[candidate.group] = parent.key
    if not parent_of:
        return accepted
    result = []
    for candidate in accepted:
        parent = parent_of.get(id(candidate)) or parent_of_group.get(candidate.group or "")
        if parent is None or candidate.kind == "unit":
            result.append(candidate)
            continue
        rule = "internal_unit" if id(candidate) in parent_of else candidate.rule
        result.append(replace(candidate, kind="unit", rule=rule, key=parent, parent=parent, international=True,
                              government=False, country=None))
    return result


def _after_of(view: DocumentView, candidate: Candidate) -> int | None:
    """Where the body after a name's "of (the)" starts, past the name's acronym in parentheses, if "of" follows."""
    doc = view.doc
    position = candidate.end
    if position < len(doc) and doc[position].text == "(":
        position = next((i + 1 for i in range(position, min(position + 4, len(doc))) if doc[i].text == ")"),
                        position)
    if position >= len(doc) or doc[position].lower_ != "of":
        return None
    return position + 2 if position + 1 < len(doc) and doc[position + 1].lower_ == "the" else position + 1


def _headed_by_unit(view: DocumentView, candidate: Candidate) -> bool:
    """Whether a name's head is a unit's head ("... Directorate", "Regional Office for ...")."""
    words = view.words_in(candidate.start, candidate.end)
    head_at = head_index(view.rules, words)
    if names_state_body(view.rules, words, head_at):
        return False  # "Secretariat of State for Migration": a state's own body
    lowered = [word.lower for word in words[:head_at + 1]]
    return any(tuple(lowered[-len(phrase):]) == phrase for phrase in view.rules.unit_heads if len(phrase) <= len(lowered))


def attach_parents(view: DocumentView, accepted: list[Candidate]) -> list[Candidate]:
    """A unit named alone stands for the international organisation its first word names, by acronym or by
    head word ("APF Secretariat", "Forum Secretariat" of the Pacific Islands Forum), else the one named last
    in its block ("Migration Research Division"), else the one the report names most; with none it is a
    body of its own. A parent the gazetteer does not know lends the unit its group, so both get its key."""
    international = [c for c in accepted if c.kind == "org" and c.international]
    keyed = sorted((c for c in international if c.key is not None), key=lambda c: (c.start, c.end))
    keyed_starts = [c.start for c in keyed]
    counts = Counter(c.key for c in keyed)
    dominant = counts.most_common(1)[0][0] if counts else None
    named_by = _bodies_by_first_word(view, international)
    result: list[Candidate] = []
    for candidate in accepted:
        if candidate.kind != "unit" or candidate.parent is not None:
            result.append(candidate)
            continue
        named = named_by.get(view.words_in(candidate.start, candidate.end)[0].text, [])
        if len({_identity(c) for c in named}) == 1:
            body = named[0]
            if body.key is None:
                result.append(replace(candidate, parent=_identity(body), group=body.group))
            else:
                result.append(replace(candidate, key=body.key, parent=body.key))
            continue
        before = _last_before(keyed, keyed_starts, candidate.start, view.block_start(candidate.start))
        parent = before.key if before is not None else dominant
        if parent is None:
            result.append(replace(candidate, kind="org", rule="name_pattern"))
        else:
            result.append(replace(candidate, key=parent, parent=parent))
    return result


def _last_before(ordered: list[Candidate], starts: list[int], position: int, floor: int | None) -> Candidate | None:
    """The last of the ordered candidates that ends by `position` and starts at `floor` or after."""
    for index in range(bisect.bisect_left(starts, position) - 1, -1, -1):
        candidate = ordered[index]
        if floor is not None and candidate.start < floor:
            return None
        if candidate.end <= position:
            return candidate
    return None


def _identity(candidate: Candidate) -> str:
    return candidate.key or candidate.group or f"{candidate.start}:{candidate.end}"


def _bodies_by_first_word(view: DocumentView, organisations: list[Candidate]) -> dict[str, list[Candidate]]:
    """The words a unit may start with to name its organisation: the capitalised head word of a name of
    several words ("Forum" of "Pacific Islands Forum") and the organisation's acronym ("PIF")."""
    found: dict[str, list[Candidate]] = {}
    for candidate in organisations:
        words = view.words_in(candidate.start, candidate.end)
        if len(words) == 1 and looks_like_acronym(words[0].text):
            found.setdefault(words[0].text, []).append(candidate)
        elif len(words) >= 2:
            head = words[head_index(view.rules, words)]
            if head.capitalised:
                found.setdefault(head.text, []).append(candidate)
    return found
