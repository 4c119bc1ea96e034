"""The country a state's speaker speaks for when their introduction names none.

"Mr. Karim El Idrissi, Secretary General, Ministry of Economic Inclusion, Small Business,
Employment and Skills" speaks for a state the line does not name. Their country is the one their
turn speaks of: named in enough of its sentences, and clearly more often than any other country
(the country spans of the NLP pass: demonyms count, languages do not). Only a national post counts
(pipeline/normalise/people.py: is_national_post): a speaker of an international body speaks for
no state, whatever their turn is about.

This runs right after the countries, before the organisations and strategies that read a turn's
country (a body or a strategy a state's speaker reports on is that state's). The country of the
organisation row a speaker is linked to is not used instead: for a body named without its country
it is itself inferred from the paragraph around it ("Myanmar" for Malaysia's ministry in a paragraph
listing the countries its workers come from), and would only pass a guess on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from pipeline.extract.context import ExtractionContext
from pipeline.normalise.people import RULES_FILE
from pipeline.rules import load_rules


def settle_speaker_countries(context: ExtractionContext) -> None:
    """Give a state's speaker whose introduction names no country the country their turn speaks of."""
    turns = context.layout.turns
    if not any(turn.country_iso3 is None and turn.national_post for turn in turns):
        return
    sentences = context.doc.has_annotation("SENT_START")
    mentions = [
        (context.original_offsets(span)[0], span.sent.start if sentences else span.start, span.kb_id_)
        for span in context.doc.spans.get("country", [])
    ]
    settled = []
    for turn in turns:
        if turn.country_iso3 is None and turn.national_post:
            named = {(sentence, iso3) for start, sentence, iso3 in mentions if turn.intro_end <= start < turn.end}
            spoken_of = speech_country([iso3 for _, iso3 in named])
            if spoken_of is not None:
                turn = replace(turn, country_iso3=spoken_of, country_rule="speech")
        settled.append(turn)
    context.layout = context.layout.with_turns(tuple(settled))


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
