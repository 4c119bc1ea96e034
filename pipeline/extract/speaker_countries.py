"""The country each speaker speaks for, settled once the report's organisations are found.

The layout reads a speaker's country from the words of their introduction (pipeline/normalise/people.py:
speaker_country). Two of its rules depend on what the bodies of the post are, and that is known only from
the organisation finder, with the gazetteer and name rules it was configured with: a bare country after a
state's own body is the government the speaker speaks for ("Refugees and Returnees Service (RRS),
Ethiopia"), after an international organisation or NGO only where the body sits ("Quaker United Nations
Office (QUNO), Switzerland"); and a demonym names the post's country in a national body's name
("Ethiopian Immigration Service") but not in an NGO's ("Norwegian Refugee Council"). A part names an
international body when an organisation found in it has a gazetteer entry of an international kind
(`doc._.organisation_entries`), and a state's own body when one found in it is a government body (its key
carries a country, "ministry-of-interior@?") and none is international.

"Mr. Karim El Idrissi, Secretary General, Ministry of Economic Inclusion, Small Business,
Employment and Skills" speaks for a state the line does not name. Their country is the one their
turn speaks of: named in enough of its sentences, and clearly more often than any other country
(the country spans of the NLP pass: demonyms count, languages do not). Only a national post counts
(pipeline/normalise/people.py: is_national_post): a speaker of an international body speaks for
no state, whatever their turn is about. This is the report-level rule of ExtractionContext.report_country
applied to one turn, with its own thresholds and counting sentences rather than mentions (a speech that
names "Myanmar (Burma)" names one country once), so it stays a rule of its own.

This runs right after the countries, before the organisations and strategies that read a turn's
country (a body or a strategy a state's speaker reports on is that state's). The country of the
organisation row a speaker is linked to is not used instead: for a body named without its country
it is itself inferred from the paragraph around it ("Myanmar" for Malaysia's ministry in a paragraph
listing the countries its workers come from), and would only pass a guess on.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace

from pipeline.components.organisations import ENTRIES_EXTENSION, SPAN_KEY
from pipeline.extract.context import ExtractionContext
from pipeline.layout import SpeakerTurn
from pipeline.normalise.organisations import OrganisationEntry, split_key
from pipeline.normalise.people import (
    RULES_FILE,
    PostPart,
    is_national_post,
    speaker_country,
)
from pipeline.rules import load_rules


def settle_speaker_countries(context: ExtractionContext) -> None:
    """Give every speaker the country of their post, read with what is known of its bodies; a state's speaker
    whose post names no country gets the country their turn speaks of."""
    turns = context.layout.turns
    if not turns:
        return
    bodies = FoundBodies(context)
    speeches = _SpokenOf(context)
    settled = []
    for turn in turns:
        country, rule = speaker_country(turn.post_parts, bodies=bodies)
        if country is None and is_national_post(turn.post_parts, bodies=bodies):
            country = speeches.country_of(turn)
            rule = "speech" if country is not None else None
        settled.append(replace(turn, country_iso3=country, country_rule=rule))
    context.layout = context.layout.with_turns(tuple(settled))


class FoundBodies:
    """The organisations the finder found in each part of a post (pipeline/normalise/people.py: BodyKinds)."""

    def __init__(self, context: ExtractionContext) -> None:
        self.entries: dict[str, OrganisationEntry] = context.doc._.get(ENTRIES_EXTENSION) or {}
        found = sorted(
            (*context.original_offsets(span), span.kb_id_) for span in context.doc.spans.get(SPAN_KEY, [])
        )
        self.found = found
        self.starts = [start for start, _, _ in found]
        self.longest = max((end - start for start, end, _ in found), default=0)

    def _keys_in(self, part: PostPart) -> list[str]:
        """Keys of the organisations that overlap a part ("Office for Foreigners, Migration and Readmission"
        spans two comma parts, and belongs to both)."""
        first = bisect.bisect_left(self.starts, part.start - self.longest)
        last = bisect.bisect_left(self.starts, part.end)
        return [key for start, end, key in self.found[first:last] if end > part.start]

    def is_international(self, part: PostPart) -> bool:
        return any(self._is_international(key) for key in self._keys_in(part))

    def is_national(self, part: PostPart) -> bool:
        keys = self._keys_in(part)
        return any(split_key(key)[1] is not None for key in keys) and not any(map(self._is_international, keys))

    def _is_international(self, key: str) -> bool:
        entry = self.entries.get(key)
        return entry is not None and entry.international


class _SpokenOf:
    """The countries a report names, by original offset, each with the sentence it is named in."""

    def __init__(self, context: ExtractionContext) -> None:
        self.context = context
        self._mentions: list[tuple[int, int, str]] | None = None
        self._starts: list[int] = []

    def _read(self) -> list[tuple[int, int, str]]:
        if self._mentions is None:
            context = self.context
            self._mentions = sorted(
                (
                    context.original_offsets(span)[0],
                    span.sent.start if context.has_sentences else span.start,
                    span.kb_id_,
                )
                for span in context.doc.spans.get("country", [])
            )
            self._starts = [start for start, _, _ in self._mentions]
        return self._mentions

    def country_of(self, turn: SpeakerTurn) -> str | None:
        """The country a turn speaks of, after its introduction (see `speech_country`)."""
        mentions = self._read()
        first, last = bisect.bisect_left(self._starts, turn.intro_end), bisect.bisect_left(self._starts, turn.end)
        named = {(sentence, iso3) for _, sentence, iso3 in mentions[first:last]}
        return speech_country([iso3 for _, iso3 in named])


def speech_country(codes: list[str]) -> str | None:
    """The country a speech is about: named often enough, and clearly more often than any other.

    `codes` has one entry per sentence that names a country: "Myanmar (Burma)" is one naming.
    """
    rules = load_rules(RULES_FILE)
    ranked = Counter(codes).most_common(2)
    if not ranked or ranked[0][1] < int(rules["speech_country_min_mentions"]):
        return None
    if len(ranked) == 2 and ranked[0][1] < int(rules["speech_country_lead"]) * ranked[1][1]:
        return None
    return ranked[0][0]
