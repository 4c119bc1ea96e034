"""Layout: the title is metadata, headings open sections, introduction lines open speaker turns."""

from __future__ import annotations

import pytest

from pipeline.layout import detect_layout, find_sections, has_meeting_structure
from pipeline.prepare import prepare

REPORT = """Some Organisation
The Agency

# Meeting on Migration

24 March 2021, 09:30 – 13:30 CET

## PROCEEDINGS

## OPENING REMARKS

### **Ms. Jane Roe, Director, Ministry of Interior, Government of Moldova**

Ms. Roe opened the meeting.

**Mr. John Doe, Head, Migration Service, Republic of Serbia**

Mr. Doe spoke about Serbia.

## CLOSING

The meeting closed on 25 March 2021.
"""


def _layout(text: str):
    prepared = prepare(text)
    return prepared, detect_layout(prepared)


def test_title_is_metadata_and_speaker_headings_are_not_sections():
    _, layout = _layout(REPORT)
    assert layout.title == "Meeting on Migration"
    assert [section.title for section in layout.sections] == ["PROCEEDINGS", "OPENING REMARKS", "CLOSING"]


def test_a_heading_directly_followed_by_another_is_an_empty_section():
    _, layout = _layout(REPORT)
    proceedings, opening = layout.sections[0], layout.sections[1]
    assert proceedings.end == opening.start
    assert REPORT[proceedings.start:proceedings.end].strip() == "## PROCEEDINGS"


def test_a_turn_runs_to_the_next_speaker_or_the_next_section():
    _, layout = _layout(REPORT)
    first, second = layout.turns
    assert REPORT[first.start:first.end].strip().endswith("Ms. Roe opened the meeting.")
    assert first.end == second.start
    assert REPORT[second.start:second.end].strip().endswith("Mr. Doe spoke about Serbia.")
    assert second.end == REPORT.index("## CLOSING")
    assert layout.turn_at(REPORT.index("The meeting closed")) is None
    assert layout.turn_at(REPORT.index("Serbia.")).name == "John Doe"
    assert layout.section_at(REPORT.index("Serbia.")).title == "OPENING REMARKS"
    assert first.section == second.section == "OPENING REMARKS"


def test_event_date_comes_from_the_front_matter_date_line():
    _, layout = _layout(REPORT)
    assert layout.event_date == "2021-03-24"
    _, prose = _layout("The meeting was held on 5 May 2020 in Vienna and discussed many things at length.\n")
    assert prose.event_date is None


def test_capitals_numbered_and_bold_lines_open_sections_at_their_levels():
    text = (
        "OPENING SESSION\n\nThe session opened.\n\n"
        "2.1 Labour mobility\n\nPartners spoke.\n\n"
        "**Key recommendations**\n\nMore data is needed.\n\n"
        "CLOSING\n\nThe end.\n"
    )
    _, layout = _layout(text)
    assert [(s.title, s.level) for s in layout.sections] == [
        ("OPENING SESSION", 2),
        ("2.1 Labour mobility", 3),
        ("Key recommendations", 3),
        ("CLOSING", 2),
    ]
    recommendations = layout.section_at(text.index("More data"))
    assert recommendations.title == "Key recommendations"
    assert layout.section_at(text.index("Partners")).title == "2.1 Labour mobility"
    opening = layout.sections[0]
    assert opening.end == text.index("CLOSING")  # the deeper sections nest inside it


def test_lists_sentences_and_time_stamps_do_not_open_sections():
    text = (
        "Jordan and partners endorse plan\n\n22-06-2020 06:08 PM\n\n"
        "The plan has three parts:\n\n1. Shelter\n2. Health\n3. Education\n\n"
        "**The minister welcomed the plan.**\n\n*Read the report here:*\n"
    )
    _, layout = _layout(text)
    assert layout.sections == ()
    assert layout.title == "Jordan and partners endorse plan"


def test_a_closing_line_in_capitals_ends_the_last_turn():
    text = "## CLOSING\n\n**Mr. John Doe, Head, UNFPA**\n\nMr. Doe closed.\n\n- CLOSE OF MEETING -\n"
    _, layout = _layout(text)
    assert layout.sections[-1].title == "CLOSE OF MEETING"
    assert layout.turns[0].end == text.index("- CLOSE")


def test_corpus_sections(corpus_report_text):
    _, layout = _layout(corpus_report_text)
    assert layout.title == "Fostering Sub-Regional Cooperation on Migration in South-Eastern and Eastern Europe"
    assert layout.event_date == "2021-03-24"
    assert [section.title for section in layout.sections] == [
        "OPENING REMARKS",
        "WORLD MIGRATION REPORT 2020",
        "ROUNDTABLE ONE",
        "MIGRATION MULTI-PARTNER TRUST FUND (M-MPTF)",
        "CHAMPION COUNTRIES INITIATIVE (PORTUGAL)",
        "ROUNDTABLE TWO",
        "CLOSING",
        "CLOSE OF MEETING",
    ]
    # Nothing before the first section belongs to one: the header and the event line are front matter.
    assert layout.section_at(corpus_report_text.index("A high-level event")) is None


def test_a_plain_introduction_line_is_no_title():
    text = "Jane Roe, Head of Unit, Ministry of Labour, Albania\n\nThe ministry has a new plan.\n"
    _, layout = _layout(text)
    assert layout.title is None
    assert [turn.name for turn in layout.turns] == ["Jane Roe"]


# --- numbered sections --------------------------------------------------------------------------


def test_a_section_keeps_its_number_however_the_heading_is_written():
    text = (
        "# Report\n\n## 1. BACKGROUND\n\nThe meeting met.\n\n"
        "2. Opening session\n\nThe session opened.\n\n"
        "**3. Country presentations**\n\nCountries spoke.\n\n"
        "IV. Conclusions\n\nThe end came.\n"
    )
    _, layout = _layout(text)
    assert [(s.title, s.number, s.name) for s in layout.sections] == [
        ("1. BACKGROUND", "1", "BACKGROUND"),
        ("2. Opening session", "2", "Opening session"),  # the plain line's "2." is a list marker to prepare
        ("3. Country presentations", "3", "Country presentations"),
        ("IV. Conclusions", "IV", "Conclusions"),
    ]
    assert layout.section_at(text.index("The session")).title == "2. Opening session"


def test_an_unnumbered_section_has_no_number():
    _, layout = _layout("## SESSION II: DIASPORA\n\nThe panel met.\n")
    (section,) = layout.sections
    assert (section.title, section.number, section.name) == ("SESSION II: DIASPORA", None, "SESSION II: DIASPORA")


# --- front matter: labels, date lines, letterheads ------------------------------------------------


def test_document_labels_and_date_lines_are_not_sections():
    text = (
        "# Joint Meeting on Statelessness\n\n## Outcome document\n\n**Kathmandu, 6–7 March 2024**\n\n"
        "## SUMMARY REPORT\n\n## OPENING\n\nThe meeting opened.\n\nEND\n"
    )
    _, layout = _layout(text)
    assert [s.title for s in layout.sections] == ["OPENING"]
    assert layout.event_date == "2024-03-06"


def test_a_letterhead_in_capitals_is_neither_title_nor_section():
    text = (
        "REPUBLIC OF TÜRKİYE\nMINISTRY OF INTERIOR\nPRESIDENCY OF MIGRATION MANAGEMENT\n\nPRESS RELEASE\n"
        "For immediate release\nAnkara, 18 June 2024\n\n"
        "Türkiye hosts coordination meeting on voluntary returns\n\n"
        "The Presidency today hosted a coordination meeting with partners to review the situation.\n\n"
        "END\n\nFor media enquiries, please contact the press office.\n"
    )
    _, layout = _layout(text)
    assert layout.title == "Türkiye hosts coordination meeting on voluntary returns"
    assert layout.sections == ()
    assert layout.event_date == "2024-06-18"


# --- titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a short headline is the title when the front matter has no longer one
        ("EU-Horn of Africa\nThe EU-Horn of Africa Migration Route Initiative was launched on Friday in Rome.\n",
         "EU-Horn of Africa"),
        # a serial line above the headline gives way to it
        (
            (
                "Seventy-eighth Session,\n\n44th Meeting (PM)\n\nStates Urge More Funding for Refugees\n\n"
                "States must step up their support, speakers said.\n"
            ),
            "States Urge More Funding for Refugees",
        ),
        # a date line and a byline are not titles; the headline after them is
        ("Thursday, 17 October 2013\n\nBy Jane Roe\n\nMinisters meet in Geneva\n\nThe ministers met.\n",
         "Ministers meet in Geneva"),
        # no headline before the prose: no title
        (
            (
                "Thursday, 17 October 2013\n\nGeneva – 14 October 2013. On 11 September 2013, the Government of "
                "Sweden convened a thematic meeting.\n"
            ),
            None,
        ),
        ("Around table was held last week in Bishkek. During the event, new data were presented.\n", None),
        ("DUSHANBE, Tajikistan, September 29. President Rahmon chaired a meeting where strategies were approved.\n",
         None),
        # a line ending like a list entry or a label ("Remarks by ...:") is no title
        ("Opening Remarks by the Director of Security:\n\nHighlighted the readiness of the region.\n", None),
    ],
)
def test_the_title_is_the_first_headline_of_the_front_matter(text, title):
    _, layout = _layout(text)
    assert layout.title == title


# --- event dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("**Kathmandu, 6–7 March 2024**", "2024-03-06"),  # a place and a span of days: the first day
        ("Dakar, 11–12 October 2023", "2023-10-11"),
        ("Entebbe, Uganda – 20 to 22 February 2024", "2024-02-20"),
        ("Suva and online, 9 April 2024", "2024-04-09"),
        ("Geneva, 30 September – 2 October 2023", "2023-09-30"),  # a span across months
        ("Thursday, 17 October 2013", "2013-10-17"),
        ("24 March 2021, 09:30 – 13:30 CET", "2021-03-24"),
        ("The meeting of 5 May", None),
        ("Minutes of the meeting, 22-06-2020", None),  # day and month cannot be told apart
    ],
)
def test_front_matter_date_lines(line, date):
    _, layout = _layout(f"# A Meeting on Migration\n\n{line}\n\nThe meeting opened with remarks by the chair.\n")
    assert layout.event_date == date


def test_a_news_dateline_gives_the_date_but_a_date_in_later_prose_does_not():
    _, news = _layout(
        "Mekong ministries agree to cap fees\n\nBANGKOK, 24 November 2023 – Labour officials agreed on Friday "
        "to phase in a common ceiling on the fees charged to workers who move through agencies.\n"
    )
    assert news.event_date == "2023-11-24"
    _, prose = _layout(
        "Mekong ministries agree to cap fees\n\nLabour officials agreed on Friday to phase in a common ceiling "
        "on fees, which were raised on 24 November 2023 by many agencies across the region.\n"
    )
    assert prose.event_date is None


# --- round 3: labels above the title, separators and header fields in date lines -------------------


def test_a_label_h1_gives_the_title_to_the_heading_after_it():
    text = (
        "# MINUTES\n\n## Working Group on Labour Migration — 5th meeting\n\n"
        "**Date:** 14 November 2024, 10:00–16:30\n**Venue:** Tashkent, Uzbekistan (hybrid)\n**Chair:** The Agency\n\n"
        "### Participants\n\n- Uzbekistan: the Agency\n\n### 1. Opening\n\nThe chair opened the meeting.\n"
    )
    _, layout = _layout(text)
    assert layout.title == "Working Group on Labour Migration — 5th meeting"
    assert [section.title for section in layout.sections] == ["Participants", "1. Opening"]
    assert layout.event_date == "2024-11-14"  # a header field on its own line among others


def test_an_h1_that_is_no_label_stays_the_title():
    _, layout = _layout("# Minutes of the Working Group\n\n## Opening\n\nThe chair opened the meeting.\n")
    assert layout.title == "Minutes of the Working Group"
    assert [section.title for section in layout.sections] == ["Opening"]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("**Kuala Lumpur, Malaysia · 22–23 October 2024**", "2024-10-22"),
        ("Rabat, Kingdom of Morocco | 18–19 September 2024", "2024-09-18"),
        ("Date: 5 May 2024", "2024-05-05"),
    ],
)
def test_a_place_and_its_date_with_other_separators(line, date):
    _, layout = _layout(f"# A Meeting on Migration\n\n{line}\n\nThe meeting opened with remarks by the chair.\n")
    assert layout.event_date == date


def test_a_hard_wrapped_plain_text_title_and_its_date_line():
    text = (
        "REPORT OF THE EXPERT SEMINAR ON IMPLEMENTING THE NEW RULES ON ASYLUM AND\n"
        "RETURN IN THE CENTRAL MEDITERRANEAN\n\nValletta, 10-11 April 2025\n\n1. BACKGROUND\n\n"
        "The seminar was hosted by the Ministry for Home Affairs with the support of\nthe Agency.\n"
    )
    _, layout = _layout(text)
    assert layout.title == (
        "REPORT OF THE EXPERT SEMINAR ON IMPLEMENTING THE NEW RULES ON ASYLUM AND RETURN IN THE CENTRAL MEDITERRANEAN"
    )
    assert layout.event_date == "2025-04-10"
    assert [section.title for section in layout.sections] == ["1. BACKGROUND"]


def test_meeting_structure_comes_from_introduction_lines_or_meeting_sections():
    with_session = prepare("## Opening session\n\nThe chair opened.\n")
    assert has_meeting_structure(set(), find_sections(with_session))
    news = prepare("## Background\n\nThe ministers met.\n")
    assert not has_meeting_structure(set(), find_sections(news))
    assert has_meeting_structure({0}, ())


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a short title in capitals, wrapped over two lines, above the date line
        (
            (
                "REPORT OF THE EXPERT SEMINAR ON\nASYLUM IN THE MEDITERRANEAN\n\nValletta, 10-11 April 2025\n\n"
                "1. BACKGROUND\n\nThe seminar was hosted by the Ministry.\n"
            ),
            "REPORT OF THE EXPERT SEMINAR ON ASYLUM IN THE MEDITERRANEAN",
        ),
        # a letterhead above a blank line stays out of it
        (
            (
                "REPUBLIC OF NOWHERE\nMINISTRY OF INTERIOR\n\nREPORT OF THE NATIONAL CONSULTATION\n\n"
                "Valletta, 10-11 April 2025\n\n1. BACKGROUND\n\nThe seminar was hosted by the Ministry.\n"
            ),
            "REPORT OF THE NATIONAL CONSULTATION",
        ),
        # a line in capitals with no date line below it is a section, not a title
        ("OPENING SESSION\n\nThe seminar was hosted by the Ministry on 5 May 2024.\n", None),
    ],
)
def test_a_title_in_capitals_stands_above_the_date_line(text, title):
    _, layout = _layout(text)
    assert layout.title == title
    assert title is None or layout.event_date == "2025-04-10"
    assert [section.title for section in layout.sections] == (["OPENING SESSION"] if title is None else ["1. BACKGROUND"])


def test_a_title_in_capitals_stands_above_a_byline_too():
    text = (
        "MANAGING A BORDER IN THE MAKING: THE ROAD\nTO REGIONAL MEMBERSHIP\n\nBy Joana Belo and Rui Soares\n\n"
        "The border runs across the hills.\n"
    )
    _, layout = _layout(text)
    assert layout.title == "MANAGING A BORDER IN THE MAKING: THE ROAD TO REGIONAL MEMBERSHIP"
    assert layout.sections == ()
