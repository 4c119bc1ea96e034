"""Layout: the title is metadata, headings open sections, introduction lines open speaker turns."""

from __future__ import annotations

from pipeline.layout import detect_layout
from pipeline.prepare import prepare

REPORT = """Some Organisation
The Agency

# Meeting on Migration

24 March 2021, 09:30 – 13:30 CET

## SUMMARY REPORT

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
    assert [section.title for section in layout.sections] == ["SUMMARY REPORT", "OPENING REMARKS", "CLOSING"]


def test_a_heading_directly_followed_by_another_is_an_empty_section():
    _, layout = _layout(REPORT)
    summary, opening = layout.sections[0], layout.sections[1]
    assert summary.end == opening.start
    assert REPORT[summary.start:summary.end].strip() == "## SUMMARY REPORT"


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
        "SUMMARY REPORT",
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
