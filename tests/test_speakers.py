"""Speakers: introduction lines in their shapes, moderators, repeated speakers, countries, organisations,
prose references, metadata, and reports without speakers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.extract import ExtractionContext
from pipeline.extract.metadata import find_organiser
from pipeline.extract.speaker_countries import FoundBodies, settle_speaker_countries
from pipeline.extract.speakers import extract_speakers
from pipeline.layout import detect_layout
from pipeline.models import MentionRow, OrganisationRow
from pipeline.normalise.dates import date_line, dateline, find_dates
from pipeline.normalise.people import (
    bodies_in_title,
    classify_parts,
    countries_named,
    is_personal_name,
    parse_introduction,
    person_key,
    split_honorific,
)
from pipeline.normalise.prose_introductions import (
    parse_prose_introduction,
    sentence_starts,
)
from pipeline.prepare import prepare
from tests.conftest import requires_shared

# --- the first report, checked by hand against the text ------------------------------------------

# speaker_id, person_id, name, section, country, moderator, organisation (name or acronym; None: no body named)
GOLDEN_TURNS = [
    ("speaker-01", "person-01", "Renate Held", "OPENING REMARKS", None, False, "IOM"),
    ("speaker-02", "person-02", "Jonathan Prentice", "OPENING REMARKS", None, False, "UNMN"),
    ("speaker-03", "person-03", "Olga Poalelungi", "OPENING REMARKS", "MDA", False, "Bureau for Migration and Asylum"),
    ("speaker-04", "person-04", "Marie McAuliffe", "WORLD MIGRATION REPORT 2020", None, False, "IOM"),
    ("speaker-05", "person-05", "Alia El-Yassir", "ROUNDTABLE ONE", "TUR", True, "UN Women"),
    ("speaker-06", "person-06", "Armen Ghazaryan", "ROUNDTABLE ONE", "ARM", False, "Migration Service"),
    ("speaker-07", "person-03", "Olga Poalelungi", "ROUNDTABLE ONE", "MDA", False, "Bureau for Migration and Asylum"),
    ("speaker-08", "person-07", "Refet Hajdari", "ROUNDTABLE ONE", "MKD", False, "Ministry of Foreign Affairs"),
    ("speaker-09", "person-08", "Dragan Dasic", "ROUNDTABLE ONE", "MNE", False, "Office for Foreigners, Migration and Readmission"),
    ("speaker-10", "person-09", "Philippe Grandet", "MIGRATION MULTI-PARTNER TRUST FUND (M-MPTF)", None, False, "M-MPTF"),
    ("speaker-11", "person-10", "Sónia Pereira", "CHAMPION COUNTRIES INITIATIVE (PORTUGAL)", "PRT", False, None),
    ("speaker-12", "person-11", "Stefanie Allemann", "ROUNDTABLE TWO", None, True, "IOM"),
    ("speaker-13", "person-12", "Andi Mahila", "ROUNDTABLE TWO", "ALB", False, "Ministry of Interior"),  # from his title
    ("speaker-14", "person-07", "Refet Hajdari", "ROUNDTABLE TWO", "MKD", False, "Ministry of Foreign Affairs"),
    ("speaker-15", "person-13", "Svetlana Velimirovic", "ROUNDTABLE TWO", "SRB", False, "Commissariat for Refugees and Migration"),
    ("speaker-16", "person-14", "Laurel Townhead", "ROUNDTABLE TWO", None, False, "QUNO"),
    ("speaker-17", "person-15", "Anh Nguyen", "ROUNDTABLE TWO", "UKR", False, "IOM"),
    ("speaker-18", "person-16", "John Kennedy Mosoti", "CLOSING", None, False, "UNFPA"),
]

# Strategies whose name does not say whose they are, and the country of the speaker who reported them.
STRATEGY_COUNTRIES = [
    ("Regional Strategy for South-Eastern Europe", None),  # IOM's Regional Director: IOM's own strategy
    ("Integration and Reintegration Policy 2012-2031", "ARM"),
    ("strategy on diaspora engagement (2020-2030)", "MDA"),
    ("new strategy on migration and asylum", "MDA"),
    ("Resolution on Migration Policy of the country", "MKD"),
    ("National Strategy on Development of Integrated Border Management", "MKD"),
    ("new law on foreigners (March 2018 - present)", "MNE"),
    ("National Strategy for Migration (2019-2022)", "ALB"),
]


@pytest.fixture(scope="module")
def corpus_context(analyse, corpus_report_text) -> ExtractionContext:
    return analyse(corpus_report_text)


def test_all_eighteen_turns_of_the_first_report(corpus_context):
    rows = corpus_context.rows["speakers"]
    found = [
        (row.speaker_id, row.person_id, row.name, row.section, row.country_iso3, row.is_moderator) for row in rows
    ]
    assert found == [turn[:6] for turn in GOLDEN_TURNS]
    assert len({row.person_id for row in rows}) == 16


def test_turns_cover_what_each_speaker_said(corpus_context, corpus_report_text):
    turns = {turn.speaker_id: turn for turn in corpus_context.layout.turns}
    text = corpus_report_text
    assert corpus_context.layout.turn_at(text.index("Moldova's location as a transit")).speaker_id == "speaker-03"
    assert corpus_context.layout.turn_at(text.index("Readmission in Armenia")).speaker_id == "speaker-06"
    # The moderator's turn is only her introduction line: the next speaker follows at once.
    allemann = turns["speaker-12"]
    assert text[allemann.start:allemann.end].strip().startswith("**Interactive discussion")
    assert allemann.end == text.index("### **Mr. Andi Mahila")
    # The last turn stops at the closing line.
    assert turns["speaker-18"].end == text.index("- CLOSE OF MEETING -")
    # Front matter and section headings belong to no turn.
    assert corpus_context.layout.turn_at(text.index("A high-level event")) is None
    assert corpus_context.layout.turn_at(text.index("## ROUNDTABLE TWO")) is None


def test_organisations_of_the_first_report(corpus_context):
    organisations = {row.org_id: row for row in corpus_context.rows["organisations"]}
    if not organisations:
        pytest.skip("the organisations extractor gives no rows yet")
    for row, expected in zip(corpus_context.rows["speakers"], GOLDEN_TURNS):
        wanted = expected[6]
        if wanted is None:
            assert row.org_id is None, row.name
            continue
        org = organisations.get(row.org_id)
        assert org is not None, (row.name, row.organisation)
        assert wanted in (org.name, org.acronym) and row.organisation == org.name, (row.name, org)


@pytest.mark.parametrize(("phrase", "country"), STRATEGY_COUNTRIES)
def test_strategies_take_the_country_of_the_speaker_who_reports_them(corpus_context, corpus_report_text, phrase, country):
    offset = corpus_report_text.index(phrase)
    turn = corpus_context.layout.turn_at(offset)
    assert turn is not None and turn.country_iso3 == country
    for row in corpus_context.rows.get("strategies", []):  # once the strategies extractor fills the table
        if row.start_char <= offset < row.end_char or offset <= row.start_char < offset + len(phrase):
            assert row.speaker_id == turn.speaker_id
            assert row.country_iso3 == country, row.name


def test_every_located_row_carries_section_and_speaker(corpus_context, corpus_report_text):
    mentions = [row for row in corpus_context.rows["mentions"] if row.type == "country"]
    moldova = next(row for row in mentions if row.start_char > corpus_report_text.index("Moldova's location"))
    assert moldova.section == "OPENING REMARKS" and moldova.speaker_id == "speaker-03"
    countries = {row.iso3: row for row in corpus_context.rows["countries"]}
    assert countries["CHE"].speaker_id == "speaker-16"  # first named in Ms. Townhead's introduction
    assert countries["ALB"].speaker_id is None and countries["ALB"].section is None  # front matter


def test_speakers_named_in_prose_are_linked_to_the_same_person(corpus_context):
    references = [
        row for row in corpus_context.rows["mentions"] if row.type == "speaker" and row.source == "prose_reference"
    ]
    by_text = {}
    for row in references:
        by_text.setdefault(row.text, set()).add(row.normalized)
    assert by_text["Ms. El-Yassir"] == {"person-05"}
    assert by_text["Mr. Prentice"] == {"person-02"}
    assert by_text["Mr. Mosoti"] == {"person-16"}
    assert by_text["Dr. Marie McAuliffe"] == {"person-04"}
    assert by_text["Mr. Philippe Grandet"] == {"person-09"}
    thanked = next(row for row in references if row.text == "Dr. Marie McAuliffe" and row.speaker_id == "speaker-18")
    assert thanked.section == "CLOSING"  # said in Mr. Mosoti's turn, about Dr. McAuliffe
    introductions = [row for row in corpus_context.rows["mentions"] if row.source == "introduction_line"]
    assert len(introductions) == 18


def test_document_metadata(corpus_context):
    assert corpus_context.metadata["title"] == (
        "Fostering Sub-Regional Cooperation on Migration in South-Eastern and Eastern Europe"
    )
    assert corpus_context.metadata["event_date"] == "2021-03-24"


# --- introduction-line shapes --------------------------------------------------------------------


def _speakers(analyse, text: str):
    return analyse(text).rows["speakers"]


def test_bold_heading_introduction(analyse):
    rows = _speakers(analyse, "## OPENING\n\n### **Ms. Jane Roe, Director, Ministry of Interior, Government of Moldova**\n\nMs. Roe spoke.\n")
    assert [(r.honorific, r.name, r.role, r.organisation, r.country_iso3) for r in rows] == [
        ("Ms.", "Jane Roe", "Director", "Ministry of Interior", "MDA")
    ]
    assert rows[0].section == "OPENING"


def test_bold_paragraph_introduction(analyse):
    rows = _speakers(analyse, "**Mrs. Ana Petrovic, Deputy commissioner, Commissariat for Refugees, Republic of Serbia**\n\nSerbia hosts many.\n")
    assert [(r.name, r.role, r.country_iso3) for r in rows] == [("Ana Petrovic", "Deputy commissioner", "SRB")]


def test_plain_name_role_organisation_line(analyse):
    text = "Jane Roe, Head of Unit, Ministry of Labour, Albania\n\nThe ministry has a new plan.\n"
    rows = _speakers(analyse, text)
    assert [(r.honorific, r.name, r.role, r.country_iso3) for r in rows] == [(None, "Jane Roe", "Head of Unit", "ALB")]
    assert rows[0].end_char == len(text)


def test_moderator_inside_a_longer_bold_line(analyse):
    text = (
        "## ROUNDTABLE\n\n**Discussion led by Member States on data, moderated by Ms. Alia Haddad, "
        "Senior Advisor for the IOM Regional Office for Central Asia**\n\nMs. Haddad opened the roundtable.\n\n"
        "**Mr. Ivan Horvat, Minister of Labour, Government of Croatia**\n\nCroatia has a plan.\n"
    )
    moderator, speaker = _speakers(analyse, text)
    assert (moderator.name, moderator.is_moderator, moderator.honorific) == ("Alia Haddad", True, "Ms.")
    assert moderator.role == "Senior Advisor for the IOM Regional Office for Central Asia"
    assert moderator.country_iso3 is None
    assert moderator.end_char == text.index("**Mr. Ivan")
    assert (speaker.name, speaker.is_moderator, speaker.country_iso3) == ("Ivan Horvat", False, "HRV")


def test_label_cue_and_name_last_shapes():
    label = parse_introduction("Moderator: Dr. Sara Lee, Chief, UNHCR")
    assert (label.name, label.is_moderator, label.role, label.organisation) == ("Sara Lee", True, "Chief", "UNHCR")
    remarks = parse_introduction("Opening remarks by H.E. Mr. Omar Aziz, Minister of Interior, Government of Jordan:")
    assert (remarks.honorific, remarks.name, remarks.is_moderator, remarks.country_iso3) == ("H.E. Mr.", "Omar Aziz", False, "JOR")
    post_first = parse_introduction("Opening Remarks by Representative of the Governor Jan Kowalski, Director of Security:")
    assert (post_first.honorific, post_first.name) == (None, "Jan Kowalski")
    assert post_first.role == "Representative of the Governor, Director of Security"
    last = parse_introduction("Deputy Minister of Interior, Government of Albania, Mr. Andi Mahila", allow_name_last=True)
    assert (last.name, last.role, last.country_iso3) == ("Andi Mahila", "Deputy Minister of Interior", "ALB")


def test_caption_bylines_and_prose_are_not_introductions(analyse):
    assert parse_introduction("Deputy Minister of Internal Affairs, Republic of Moldova, Mr. Oleg Babin") is None
    assert parse_introduction("Jutha Tada, Maiduguri") is None
    assert parse_introduction("Ms. Renate Held welcomed delegates and opened the event.") is None
    text = (
        "Deputy Minister of Internal Affairs, Republic of Moldova, Mr. Oleg Babin\n\n"
        "Panel I was chaired by Ambassador Jan Knutsson, Permanent Representative of Sweden, who underlined the aims.\n\n"
        "- Mr. Ali Khan, Director, Ministry of Interior, Pakistan\n- Ms. Eva Berg, Head, UNHCR\n"
    )
    assert _speakers(analyse, text) == []


def test_a_repeated_speaker_keeps_one_person_id(analyse):
    text = (
        "## ONE\n\n**Mr. Refet Hajdari, Deputy Director, Ministry of Foreign Affairs, Republic of North Macedonia**\n\n"
        "He spoke.\n\n## TWO\n\n**Mr. Refet Hajdari, Deputy Director, Ministry of Foreign Affairs, Republic of North Macedonia**\n\n"
        "He spoke again.\n\n**Mr. Grandet, Manager, M-MPTF**\n\nMr. Grandet spoke.\n\n"
        "**Mr. Philippe Grandet, Manager, M-MPTF**\n\nHe spoke again.\n"
    )
    rows = _speakers(analyse, text)
    assert [(r.speaker_id, r.person_id, r.section) for r in rows] == [
        ("speaker-01", "person-01", "ONE"),
        ("speaker-02", "person-01", "TWO"),
        ("speaker-03", "person-02", "TWO"),
        ("speaker-04", "person-02", "TWO"),
    ]


def test_prose_only_report_has_no_speakers_and_empty_speaker_columns(analyse):
    text = (
        "Ministers meet in Vienna on migration\n\nOn Monday Ms. Jane Roe, the Director of the Bureau, said that "
        "Moldova and Serbia will cooperate. Mr. Smith added that Albania agreed.\n"
    )
    context = analyse(text)
    assert context.rows["speakers"] == []
    assert context.layout.turns == ()
    located = [row for table in ("mentions", "countries") for row in context.rows[table]]
    assert located and all(row.speaker_id is None and row.section is None for row in located)
    assert not [row for row in context.rows["mentions"] if row.type == "speaker"]


@requires_shared
def test_no_speakers_are_invented_on_the_dev_set(dev_rows):
    """News-style passages: no introduction lines, so no speakers; r09's photo caption is none either.

    r12 (meeting minutes) does introduce one: "Opening Remarks by ... Bogdan Mazur, Director ...:", followed
    by his remarks.
    """
    found: dict[str, list] = {}
    for row in dev_rows["speakers"]:
        found.setdefault(row.doc_id, []).append((row.name, row.country_iso3))
    assert found == {"r12": [("Bogdan Mazur", None)]}


# --- introductions inside prose ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # name, post parts, reporting verb
        (
            "Mr. Lars Berg, Federal Office for Migration (FOM), Sweden, explained how the permit works.",
            ("Mr.", "Lars Berg", None, "Federal Office for Migration (FOM)", "SWE"),
        ),
        (
            "Ms. Amina Diallo, Director General, National Employment Agency (NEA), Senegal, welcomed the plan.",
            ("Ms.", "Amina Diallo", "Director General", "National Employment Agency (NEA)", "SEN"),
        ),
        (
            "Dato' Lim Wei Ming, Secretary-General of the Ministry of Labour (MOL), welcomed participants.",
            ("Dato'", "Lim Wei Ming", "Secretary-General of the Ministry of Labour (MOL)", None, None),
        ),
        (  # lowercase role words belong to the post; an adverb may come before the verb
            "Mrs. Ana Petrovic, Deputy commissioner, Commissariat for Refugees, Republic of Serbia, also noted a rise.",
            ("Mrs.", "Ana Petrovic", "Deputy commissioner", "Commissariat for Refugees", "SRB"),
        ),
        # no honorific: a role or a body in the post
        (
            "Jan Novak, Head of Unit, Ministry of the Interior, Slovakia, set out the new rules.",
            (None, "Jan Novak", "Head of Unit", "Ministry of the Interior", "SVK"),
        ),
        # "of"/"from" a body
        (
            "Mr. Ravi Sharma of the Overseas Employment Board (OEB) said that fees had fallen.",
            ("Mr.", "Ravi Sharma", None, "Overseas Employment Board (OEB)", None),
        ),
        # a lead naming the body the person speaks for
        (
            "Speaking for the IOM Mission in Niger, Ms. Hawa Issa said that returns had doubled.",
            ("Ms.", "Hawa Issa", None, "IOM Mission in Niger", "NER"),
        ),
        (
            "Sheikh Salem Al Sabah, Ministry of Social Affairs, Kuwait, presented the reform.",
            ("Sheikh", "Salem Al Sabah", None, "Ministry of Social Affairs", "KWT"),
        ),
        (  # written-out titles and "Justice" inside the post are no second person
            "Ms. Eva Lind, Ambassador, Ministry of Justice, Sweden, said the law had changed.",
            ("Ms.", "Eva Lind", "Ambassador", "Ministry of Justice", "SWE"),
        ),
    ],
)
def test_a_sentence_opening_with_a_person_their_post_and_a_verb_introduces_them(sentence, expected):
    intro = parse_prose_introduction(sentence)
    assert (intro.honorific, intro.name, intro.role, intro.organisation, intro.country_iso3) == expected
    assert intro.start == 0 and sentence[intro.end:].lstrip(", ").split()[0] in {
        "explained", "welcomed", "also", "set", "said", "presented",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Ms. Renate Held welcomed delegates and opened the event.",  # a name and its verb: a reference
        "Ms. Haddad, however, said that the talks would go on.",  # no post
        "Prime Minister Omar Razzaz said the countries host refugees.",  # the post before the name
        "In Mexico, the Commission for Refugee Assistance (COMAR) received 78,975 applications.",  # no person
        "The EU-Horn of Africa Migration Route Initiative was launched on Friday.",
        "Mr. Ali Khan, Director, and Ms. Eva Berg, Head, presented the plan.",  # two people
        "Mr. Ali Khan, Director, Ministry of Interior. He spoke at length.",  # no verb closes the post
        "Jutha Tada, Maiduguri, reported on the floods.",  # no honorific and no role or body
        "Mr. Ali Khan, a spokesman for the ministry, said the camp was full.",  # a news appositive
    ],
)
def test_prose_that_introduces_nobody(sentence):
    assert parse_prose_introduction(sentence) is None


def test_a_sentence_start_inside_a_paragraph_can_introduce_a_speaker():
    text = (
        "Speakers from Nepal and Sri Lanka presented their experience. Mr. Ravi Sharma of the Overseas "
        "Employment Board (OEB) said that fees had fallen. Ms. Nila Perera of the Bureau of Foreign Employment "
        "described a pilot."
    )
    assert parse_prose_introduction(text, text.index("Mr. Ravi")).name == "Ravi Sharma"
    assert parse_prose_introduction(text, text.index("Ms. Nila")).name == "Nila Perera"
    # "Mr." ends no sentence: only the three sentence starts are tried
    assert sentence_starts(text) == [0, text.index("Mr. Ravi"), text.index("Ms. Nila")]


def test_names_exclude_function_words():
    assert not is_personal_name("In Mexico")
    assert not is_personal_name("The Secretariat")
    assert is_personal_name("Anouar Ben Salem")


MEETING = (
    "# Regional Meeting on Labour Mobility\n\n## Opening session\n\n"
    "### Ms. Sara Idrissi, Director, Ministry of Labour\n\n"
    "Ms. Idrissi said that Moroccan workers were in demand. Moroccan authorities had set up a new agency.\n\n"
    "## Session 1 – Skills partnerships\n\n"
    "Moderated by Ms. Ana Ruiz, Ministry of Inclusion, Spain\n\n"
    "Ms. Ruiz described the harvest scheme.\n\n"
    "Mr. Lars Berg, Federal Office for Migration (FOM), Sweden, explained how the permit works. "
    "Some 2,300 nurses have been placed.\n\n"
    "He added that 12% of candidates drop out.\n\n"
    "Participants welcomed the 4,000 new places.\n\n"
    "**Dato' Lim Wei Ming**, Secretary-General of the Ministry of Labour (MOL), Malaysia, welcomed the "
    "scheme. A delegate from Qatar referred to its Law No. 17 of 2020.\n\n"
    "A representative of the Ministry of Interior said that 5,000 permits had been issued.\n"
)


@pytest.fixture(scope="module")
def meeting_context(analyse):
    return analyse(MEETING)


def test_prose_introductions_open_turns_in_a_meeting_report(meeting_context):
    rows = meeting_context.rows["speakers"]
    assert [(r.speaker_id, r.name, r.honorific, r.country_iso3, r.is_moderator) for r in rows] == [
        ("speaker-01", "Sara Idrissi", "Ms.", "MAR", False),  # a national body: the country her turn speaks of
        ("speaker-02", "Ana Ruiz", "Ms.", "ESP", True),
        ("speaker-03", "Lars Berg", "Mr.", "SWE", False),
        ("speaker-04", "Lim Wei Ming", "Dato'", "MYS", False),
    ]
    assert all(r.section for r in rows[1:])


def test_a_prose_turn_is_its_paragraph_and_the_paragraphs_that_point_back_at_the_speaker(meeting_context):
    text, layout = MEETING, meeting_context.layout
    berg = layout.turns[2]
    assert berg.start == text.index("Mr. Lars Berg") and berg.in_prose
    assert text[berg.intro_start:berg.intro_end] == "Mr. Lars Berg, Federal Office for Migration (FOM), Sweden"
    assert layout.turn_at(text.index("He added")) == berg
    assert layout.turn_at(text.index("Participants welcomed")) is None
    # the moderator's turn ends where the next speaker is introduced inside a paragraph
    assert layout.turns[1].end == berg.start
    # a bold name opening a paragraph: the turn starts with the paragraph, markup included
    lim = layout.turns[3]
    assert lim.start == text.index("**Dato'")


def test_a_turn_ends_where_another_speaker_takes_the_floor(meeting_context):
    text, layout = MEETING, meeting_context.layout
    assert layout.turn_at(text.index("Dato' Lim")).name == "Lim Wei Ming"
    assert layout.turn_at(text.index("A delegate from Qatar")) is None
    assert layout.turn_at(text.index("A representative of the Ministry")) is None
    line_turn = "## ONE\n\n**Ms. Eva Berg, Head, Office for Foreigners, Sweden**\n\nShe spoke.\n\nA delegate from Chad said more.\n"
    (turn,) = detect_layout(prepare(line_turn)).turns
    assert turn.end == line_turn.index("A delegate")


def test_news_quotes_are_no_meeting_turns(analyse):
    """Without meeting structure (no introduction line, no session heading) prose introduces nobody."""
    news = (
        "Sweden opens new route for nurses\n\nMr. Lars Berg, Federal Office for Migration (FOM), Sweden, "
        "explained how the permit works.\n\nThe office expects 2,000 applications.\n"
    )
    assert _speakers(analyse, news) == []
    meeting = "## Opening session\n\n" + news.split("\n\n", 1)[1]
    assert [r.name for r in _speakers(analyse, meeting)] == ["Lars Berg"]


def test_a_speaker_introduced_without_honorific_gets_the_one_prose_gives_them(analyse):
    text = "## PANEL\n\nTomasz Nowak, Deputy Director, Office for Foreigners (UdSC), Poland\n\nMr. Nowak said more.\n"
    assert [(r.name, r.honorific) for r in _speakers(analyse, text)] == [("Tomasz Nowak", "Mr.")]


# --- a state's speaker whose introduction names no country -------------------------------------------


@pytest.mark.parametrize(
    ("speech", "country"),
    [
        ("Moroccan authorities have a plan. Morocco will train 5,000 people.", "MAR"),  # named in two sentences
        ("Moldova hosts many refugees. Moldovan schools took them in. Ukraine and Moldova agreed.", "MDA"),
        ("Malaysia employs workers from Indonesia, Nepal and Myanmar (Burma).", None),  # "(Burma)" is no second naming
        ("Workers came from Nepal. Others came from India.", None),  # no country stands out
        ("Kenya hosts many refugees.", None),  # once is not enough
    ],
)
def test_a_national_body_speaks_for_the_country_its_turn_speaks_of(analyse, speech, country):
    text = f"## OPENING\n\n**Ms. Jane Roe, Secretary General, Ministry of Labour and Skills**\n\n{speech}\n"
    (row,) = _speakers(analyse, text)
    assert row.country_iso3 == country


def test_an_international_officials_speech_gives_no_country(analyse):
    text = "## OPENING\n\n**Ms. Jane Roe, Senior Advisor, IOM**\n\nMorocco has a plan. Morocco trains 500 people.\n"
    (row,) = _speakers(analyse, text)
    assert row.country_iso3 is None


def test_a_part_whose_head_is_a_body_word_is_that_body(analyse):
    popescu = parse_introduction("Andrei Popescu, General Inspectorate for Immigration, Romania")
    assert (popescu.role, popescu.organisation) == (None, "General Inspectorate for Immigration")
    (row,) = _speakers(analyse, "## ONE\n\nAndrei Popescu, General Inspectorate for Immigration, Romania\n")
    assert row.country_iso3 == "ROU"  # a national body's country
    kinds = [part.kind for part in classify_parts("Director Department of Security, Federal Employment Agency (BA)")]
    assert kinds == ["role", "organisation"]  # a title before the body keeps the part a post


# --- country rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "country"),
    [
        ("Mr. Armen Ghazaryan, Head of the Migration Service, Government of Armenia", "ARM"),
        ("Mrs. Ana Petrovic, Deputy commissioner, Commissariat for Refugees, Republic of Serbia", "SRB"),
        ("Ms. Eva Berg, Director, Ministry of Interior, Sweden", "SWE"),  # a ministry's country speaks for it
        ("Ms. Laurel Townhead, Representative, Quaker United Nations Office (QUNO), Switzerland", None),  # an NGO's seat
        ("Mr. Anh Nguyen, Chief of Mission, IOM Ukraine", "UKR"),  # the one country of an international post
        (
            (
                "Mr. John Mosoti, UNFPA Representative for Bosnia and Herzegovina, Country Director for Serbia, "
                "Republic of North Macedonia and Director for Kosovo (UNSCR 1244)"
            ),
            None,  # several countries
        ),
        ("Ms. Renate Held, IOM Regional Director for South Eastern Europe, Eastern Europe and Central Asia", None),
        ("Mr. Philippe Grandet, Senior M-MPTF Manager", None),
        # a bare country after a national body (a service, department, office ... that is no international body)
        ("Mr. Tesfaye Alemu Bekele, Deputy Director General, Refugees and Returnees Service (RRS), Ethiopia", "ETH"),
        ("Ms. Eva Berg, Head, Office for Foreigners, Sweden", "SWE"),
        ("Ms. Eva Berg, Head, Norwegian Refugee Council, Norway", None),  # an NGO's seat; its demonym is no post
        ("Ms. Eva Berg, Head, UNHCR Regional Bureau for Europe, Belgium", None),  # an international body's seat
        ("Dr. Lucia Marchetti, Head of the Transition and Recovery Unit, IOM Country Office in Somalia", "SOM"),
        ("Mr. Abebe Kebede, Head, Ethiopian Immigration Service", "ETH"),  # a national body's demonym
        # a diplomat speaks for the state they represent, not the one they are posted to
        ("H.E. Mr. Kwabena Osei-Mensah, Ambassador of the Republic of Ghana to the Republic of Senegal", "GHA"),
        ("Mr. Jan Knutsson, Permanent Representative of Sweden to the United Nations in Geneva", "SWE"),
    ],
)
def test_speaker_country_rules(analyse, line, country):
    (row,) = _speakers(analyse, f"## ONE\n\n{line}\n")
    assert row.country_iso3 == country


def test_a_line_read_on_its_own_knows_no_body():
    """Without the organisations the report's finder found, a bare country after a body is only where it sits."""
    assert parse_introduction("Ms. Eva Berg, Head, Office for Foreigners, Sweden").country_iso3 is None
    assert parse_introduction("Ms. Eva Berg, Director, Ministry of Interior, Sweden").country_iso3 == "SWE"


def test_a_part_opening_with_a_body_names_the_body():
    ocan = parse_introduction("Mr. Joseph Ocan, Commissioner for Refugees, Office of the Prime Minister, Republic of Uganda")
    assert (ocan.role, ocan.organisation, ocan.country_iso3) == ("Commissioner for Refugees", "Office of the Prime Minister", "UGA")
    kouassi = parse_introduction("Mr. Koffi Kouassi, Deputy Director, Directorate General for Ivorians Abroad, Côte d'Ivoire")
    assert (kouassi.role, kouassi.organisation) == ("Deputy Director", "Directorate General for Ivorians Abroad")
    manager = parse_introduction("Ms. Ana Lima, Office Manager, UNHCR")
    assert (manager.role, manager.organisation) == ("Office Manager", "UNHCR")


def test_the_bodies_of_a_post_are_what_the_organisation_finder_made_of_them(analyse):
    """National and international bodies come from the doc: its organisation spans and the gazetteer entries
    the configured component carried, not from a gazetteer of their own."""
    context = analyse("## ONE\n\nMs. Eva Berg, Head, Norwegian Refugee Council, Norway\n")
    assert context.layout.turns[0].country_iso3 is None  # an NGO's seat
    nrc = context.layout.turns[0].post_parts[1]
    bodies = FoundBodies(context)
    assert bodies.is_international(nrc) and not bodies.is_national(nrc)
    entries = context.doc._.organisation_entries
    context.doc._.organisation_entries = {key: replace(entry, kind="company") for key, entry in entries.items()}
    assert not FoundBodies(context).is_international(nrc)
    settle_speaker_countries(context)
    assert context.layout.turns[0].country_iso3 == "NOR"  # no longer an international body: its demonym names the post
    refugees = analyse("## ONE\n\nMr. Tesfaye Bekele, Head, Refugees and Returnees Service (RRS), Ethiopia\n")
    assert FoundBodies(refugees).is_national(refugees.layout.turns[0].post_parts[1])


def test_bodies_named_by_a_title():
    assert bodies_in_title("Deputy Minister of Interior") == ["Ministry of Interior"]
    assert bodies_in_title("Commissioner for Refugees") == ["Commission for Refugees", "Commissariat for Refugees"]
    assert bodies_in_title("Minister Delegate for Senegalese Abroad") == []
    assert bodies_in_title("Head, Geneva & Chief Editor World Migration Report 2020") == []


def test_countries_named_in_a_post():
    assert countries_named("Representative for Bosnia and Herzegovina, Director for Kosovo (UNSCR 1244)") == ["BIH", "XKX"]
    assert countries_named("Regional Director for Eastern Europe and Central Asia") == []
    assert countries_named("representative to turkey") == []


def test_names_and_honorifics():
    assert split_honorific("Ms. Olga Poalelungi") == ("Ms.", "Olga Poalelungi")
    assert split_honorific("H.E. Mr. Omar Aziz") == ("H.E. Mr.", "Omar Aziz")
    assert split_honorific("Dato' Azman Yusof") == ("Dato'", "Azman Yusof")
    assert split_honorific("Datuk Seri Ahmad Zahid") == ("Datuk Seri", "Ahmad Zahid")
    assert split_honorific("Sheikh Salem Al Sabah") == ("Sheikh", "Salem Al Sabah")
    assert split_honorific("Hon. Maria Santos") == ("Hon.", "Maria Santos")
    assert split_honorific("Amb. Jan Knutsson") == ("Amb.", "Jan Knutsson")
    assert split_honorific("Prof. Dr. Eva Berg") == ("Prof. Dr.", "Eva Berg")
    assert split_honorific("Drew Smith") == (None, "Drew Smith")
    assert person_key("Sónia Pereira") == person_key("Sonia  Pereira")


# --- organisation links, with the organisations tables built by hand ------------------------------


def _context_with_organisations(analyse, text: str, organisations: list[tuple[str, str, str, str | None]]):
    """A fresh context over `text` whose organisation rows and mentions are the given (text, org_id, name, acronym)."""
    base = analyse(text)
    context = ExtractionContext(doc_id="test", prepared=base.prepared, doc=base.doc, layout=base.layout)
    seen = set()
    for surface, org_id, name, acronym in organisations:
        start = text.index(surface)
        context.rows["mentions"].append(
            MentionRow(
                doc_id="test", mention_id="", type="organisation", text=surface, start_char=start,
                end_char=start + len(surface), sentence="", source="test", normalized=org_id,
            )
        )
        if org_id not in seen:
            seen.add(org_id)
            context.rows["organisations"].append(
                OrganisationRow(
                    doc_id="test", org_id=org_id, name=name, acronym=acronym, mentions=1, aliases="",
                    first_start_char=start,
                )
            )
    return context


def test_organisation_is_the_most_specific_body_of_the_introduction(analyse):
    text = (
        "A high-level event organised by IOM Regional office in Vienna with partners\n\n## ONE\n\n"
        "**Ms. Olga Poalelungi, Director, Bureau for Migration and Asylum, Ministry of Interior, Government of Moldova**\n\n"
        "She spoke.\n\n**Mr. Refet Hajdari, Deputy Director for UN & Human Rights, Ministry of Foreign Affairs, "
        "Republic of North Macedonia**\n\nHe spoke.\n\n**Mr. Anh Nguyen, Chief of Mission, IOM Ukraine**\n\nHe spoke.\n\n"
        "**Ms. Ana Rusu, Head of the Border Police, Ministry of Internal Affairs, Government of Moldova**\n\nShe spoke.\n\n"
        "**Mr. Dragan Dasic, Head of Migration, Office for Foreigners, Migration and Readmission, Ministry of Interior, "
        "Government of Montenegro**\n\nHe spoke.\n"
    )
    context = _context_with_organisations(
        analyse,
        text,
        [
            ("IOM Regional office", "o1", "International Organization for Migration", "IOM"),
            ("Bureau for Migration and Asylum", "o2", "Bureau for Migration and Asylum", None),
            ("Ministry of Interior", "o3", "Ministry of Interior", None),
            ("UN & Human", "o4", "United Nations", "UN"),
            ("Ministry of Foreign Affairs", "o5", "Ministry of Foreign Affairs", None),
            ("Border Police", "o6", "Border Police", None),
            ("Ministry of Internal Affairs", "o7", "Ministry of Internal Affairs", None),
            ("Office for Foreigners, Migration and Readmission", "o8", "Office for Foreigners, Migration and Readmission", None),
            ("Ministry of Interior", "o9", "Ministry of Interior", None),
        ],
    )
    nguyen_iom = text.index("IOM Ukraine")
    context.rows["mentions"].append(
        MentionRow(
            doc_id="test", mention_id="", type="organisation", text="IOM", start_char=nguyen_iom,
            end_char=nguyen_iom + 3, sentence="", source="test", normalized="o1",
        )
    )
    extract_speakers(context)
    assert [(r.name, r.organisation, r.org_id) for r in context.rows["speakers"]] == [
        ("Olga Poalelungi", "Bureau for Migration and Asylum", "o2"),
        ("Refet Hajdari", "Ministry of Foreign Affairs", "o5"),  # not the "UN" of his role
        ("Anh Nguyen", "International Organization for Migration", "o1"),
        ("Ana Rusu", "Border Police", "o6"),  # the body her post belongs to, before the ministry
        ("Dragan Dasic", "Office for Foreigners, Migration and Readmission", "o8"),  # a body across comma parts
    ]
    assert find_organiser(context) == "International Organization for Migration"


def test_the_organiser_phrase_does_not_end_inside_an_organisations_name(analyse):
    text = (
        "It was convened by the Office for Migration (OFM) and the Labour Agency under the umbrella of the "
        "Rabat Process.\n"
    )
    context = _context_with_organisations(
        analyse,
        text,
        [
            ("Office for Migration", "o1", "Office for Migration", "OFM"),
            ("Labour Agency", "o2", "Labour Agency", None),
            ("Rabat Process", "o3", "Rabat Process", None),
        ],
    )
    assert find_organiser(context) == "Office for Migration; Labour Agency"
    parent = "Organised by the General Inspectorate for Migration (GIM) of the Ministry of Internal Affairs, with UNHCR\n"
    context = _context_with_organisations(
        analyse,
        parent,
        [
            ("General Inspectorate for Migration", "g1", "General Inspectorate for Migration", "GIM"),
            ("Ministry of Internal Affairs", "g2", "Ministry of Internal Affairs", None),
        ],
    )
    assert find_organiser(context) == "General Inspectorate for Migration"  # not its parent ministry


def test_organisation_falls_back_to_the_introduction_text(analyse):
    context = _context_with_organisations(analyse, "**Ms. Eva Berg, Head, Office for Foreigners, Sweden**\n\nShe spoke.\n", [])
    extract_speakers(context)
    assert [(r.organisation, r.org_id) for r in context.rows["speakers"]] == [("Office for Foreigners", None)]
    assert find_organiser(context) is None


def test_a_ministry_named_only_by_a_title_links_to_the_reports_row_of_that_country(analyse):
    text = (
        "## TWO\n\n### **Mr. Andi Mahila, Deputy Minister of Interior, Government of Albania**\n\n"
        "The Ministry of Interior of Albania adopted a strategy.\n\n"
        "**Mr. Ivan Horvat, Minister of Labour, Government of Croatia**\n\nCroatia has a plan.\n\n"
        "**Ms. Ana Rusu, Minister of Interior, Government of Moldova**\n\nMoldova has a plan.\n"
    )
    context = _context_with_organisations(
        analyse, text, [("Ministry of Interior of Albania", "ministry-of-interior@ALB", "Ministry of Interior", None)]
    )
    context.rows["organisations"][0] = context.rows["organisations"][0].model_copy(update={"country_iso3": "ALB"})
    extract_speakers(context)
    assert [(r.name, r.organisation, r.org_id) for r in context.rows["speakers"]] == [
        ("Andi Mahila", "Ministry of Interior", "ministry-of-interior@ALB"),
        ("Ivan Horvat", None, None),  # no ministry of labour in the report: none is made from a title
        ("Ana Rusu", None, None),  # Albania's ministry is not Moldova's
    ]
    assert len(context.rows["organisations"]) == 1


# --- event dates ----------------------------------------------------------------------------------


def test_a_meeting_date_in_the_lead_wins_over_a_publication_dateline(analyse):
    text = (
        "Thursday, 17 October 2013\n\nGeneva – 14 October 2013. On 11 September 2013, the Government of Sweden, "
        "current Chair-in-Office, joined by the Governments of Morocco and the Netherlands, convened a thematic "
        "meeting on labour migration.\n"
    )
    assert analyse(text).metadata["event_date"] == "2013-09-11"


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The Second Preparatory Meeting was held in Ankara, Turkey, on 10 - 11 December 2012.", "2012-12-10"),
        ("The Fourth Conference on the Future of Syria took place on 30 June 2020 in a virtual format.", "2020-06-30"),
        ("The meeting took place in Kinshasa at the Hilton Hotel from 3rd to 6th October 2023.", "2023-10-03"),
        ("The Joint Meeting was held in Lubumbashi on 4 and 5 June 2024 with many delegates.", "2024-06-04"),
        # a date no meeting verb governs is not the event's
        ("As of 13 June 2024, 3,112,683 Syrians were registered under temporary protection in Türkiye.", None),
        ("The report of 5 May 2020 was discussed at length by the delegations present.", None),
    ],
)
def test_meeting_verbs_give_the_event_date(analyse, sentence, date):
    assert analyse(f"Ministers meet on migration\n\n{sentence}\n").metadata["event_date"] == date


def test_a_meeting_date_after_the_lead_is_another_meeting(analyse):
    text = (
        "# Regional Consultation\n\nKathmandu, 6–7 March 2024\n\n"
        "The consultation brought together sixty participants from seven countries.\n\n"
        "It pursued three objectives set by the ministers of the region.\n\n"
        "The last regional review was held in Colombo on 5 May 2021 with fewer participants.\n"
    )
    assert analyse(text).metadata["event_date"] == "2024-03-06"


def test_dates_of_spans_of_days_are_their_first_day():
    assert [m.iso for m in find_dates("from 3rd to 6th October 2023 and on March 6–7, 2024")] == [
        "2023-10-03",
        "2024-03-06",
    ]
    (span,) = find_dates("Geneva, 30 September – 2 October 2023")
    assert (span.iso, span.start) == ("2023-09-30", len("Geneva, "))
    assert find_dates("22-06-2020 and 06/03/2021") == []
    assert dateline("BANGKOK, 24 November 2023 – Labour officials agreed").iso == "2023-11-24"
    assert dateline("Ankara, 10-11 December 2012: The meeting").iso == "2012-12-10"
    assert dateline("Geneva, 14 October 2013 was a busy day for the delegates") is None
    assert date_line("Suva and online, 9 April 2024", 14).iso == "2024-04-09"
    assert date_line("Meeting of ministers held in Suva, 9 April 2024", 14) is None  # prose before the date


def test_calendar_names_and_their_abbreviations_open_a_date_line():
    """Months and weekdays come from rules/calendar.yaml; a weekday may be shortened to its first letters."""
    assert date_line("Thursday, 17 October 2013", 14).iso == "2013-10-17"
    assert date_line("Thu. 17 Oct. 2013", 14).iso == "2013-10-17"
    assert date_line("Tues, Sept. 3, 2024", 14).iso == "2024-09-03"
    assert date_line("Th 17 October 2013", 14) is None  # two letters are no weekday


def test_a_speakers_honorific_is_the_first_one_prose_gives_them_after_the_introduction(analyse):
    text = (
        "## PANEL\n\nMs. Roe met the press.\n\nJane Roe, Director, Office for Foreigners, Poland\n\n"
        "H.E. Dr. Roe said more. Later Ms. Roe added a point.\n"
    )
    assert [(r.name, r.honorific) for r in _speakers(analyse, text)] == [("Jane Roe", "H.E. Dr.")]
    mentions = [m for m in analyse(text).rows["mentions"] if m.type == "speaker"]
    assert sorted(m.text for m in mentions) == ["H.E. Dr. Roe", "Jane Roe", "Ms. Roe", "Ms. Roe"]  # no blank line


def test_a_title_finds_its_ministry_under_the_key_of_its_standard_name(analyse):
    """The report writes "Ministry of Internal Affairs"; the title says "Minister of Interior"."""
    text = (
        "## TWO\n\n### **Mr. Andi Mahila, Deputy Minister of Interior, Government of Albania**\n\n"
        "The Ministry of Internal Affairs of Albania adopted a strategy.\n"
    )
    (row,) = analyse(text).rows["speakers"]
    assert (row.organisation, row.org_id) == ("Ministry of Internal Affairs", "ministry-of-interior@ALB")
