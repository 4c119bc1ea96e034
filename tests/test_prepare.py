"""Text preparation: markup and page breaks are cleaned, and every offset still points into the file."""

from __future__ import annotations

import re

import pytest

from pipeline.prepare import prepare

REPORT = """International Organization for Migration (IOM)  
The UN Migration Agency

# Fostering Cooperation

## OPENING REMARKS

### **Ms. Renate Held, IOM Regional Director**

Oversight of implementation of the GCM rests with the Migration Service of the Ministry of Territorial Administration and Infrastructure of

Armenia, and no specific action plan has been drafted.

See the [regional review of the GCM in the UNECE region](#) (November 2020) and *no one will be safe*.
Read it here: <https://publications.iom.int/books/world_migration_report_2020>

- Supporting policy makers;
- Strengthening data exchange &amp; collaboration.
"""


def _assert_offsets_survive(original: str) -> None:
    prepared = prepare(original)
    assert len(prepared.starts) == len(prepared.ends) == len(prepared.text)
    for index, char in enumerate(prepared.text):
        start, end = prepared.starts[index], prepared.ends[index]
        if char.isspace():
            continue
        source = original[start:end]
        assert source == char or (source.startswith("&") and source.endswith(";")), (index, char, source)


def test_every_clean_character_maps_back_to_the_same_character():
    _assert_offsets_survive(REPORT)


def test_markdown_markup_is_removed():
    text = prepare(REPORT).text
    for markup in ("#", "**", "](", "<https", "&amp;", "- Supporting"):
        assert markup not in text
    assert "OPENING REMARKS" in text
    assert "Ms. Renate Held, IOM Regional Director" in text
    assert "regional review of the GCM in the UNECE region (November 2020)" in text
    assert "no one will be safe." in text
    assert "https://publications.iom.int/books/world_migration_report_2020" in text
    assert "data exchange & collaboration." in text


def test_paragraph_cut_by_a_page_break_is_joined_and_maps_back():
    prepared = prepare(REPORT)
    phrase = "the Migration Service of the Ministry of Territorial Administration and Infrastructure of Armenia, and"
    start = prepared.text.index(phrase)
    orig_start, orig_end = prepared.to_original(start, start + len(phrase))
    raw = REPORT[orig_start:orig_end]
    assert raw.startswith("the Migration Service") and raw.endswith("Armenia, and")
    assert "\n\n" in raw  # the break is still there in the file
    armenia = prepared.text.index("Armenia")
    assert REPORT[slice(*prepared.to_original(armenia, armenia + 7))] == "Armenia"


def test_headings_titles_and_speaker_lines_stay_separate_blocks():
    blocks = prepare(REPORT).blocks
    texts = [block.text for block in blocks]
    assert texts[0] == "International Organization for Migration (IOM)"
    assert texts[1] == "The UN Migration Agency"
    heading = next(block for block in blocks if block.text == "OPENING REMARKS")
    assert heading.kind == "heading" and heading.heading_level == 2 and heading.all_caps
    speaker = next(block for block in blocks if block.text.startswith("Ms. Renate Held"))
    assert speaker.emphasised and speaker.heading_level == 3
    assert [block.kind for block in blocks].count("list_item") == 2


def test_short_title_lines_are_not_run_into_the_next_paragraph():
    text = "Two Wings — Two Directions of Action\nThe work of IOM is based on two wings.\nIt goes on here.\n"
    blocks = prepare(text).blocks
    assert [block.text for block in blocks] == [
        "Two Wings — Two Directions of Action",
        "The work of IOM is based on two wings.",
        "It goes on here.",
    ]


def test_soft_wrapped_lines_are_one_paragraph():
    text = "Migration is a priority for Albania as a country\nwith multiple migration dynamics.\n"
    assert prepare(text).text == "Migration is a priority for Albania as a country with multiple migration dynamics."


def test_headings_and_short_paragraphs_are_not_joined_across_blank_lines():
    text = "A short title without a stop\n\nThe next paragraph starts here.\n"
    assert [block.text for block in prepare(text).blocks] == [
        "A short title without a stop",
        "The next paragraph starts here.",
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_offsets_survive_crlf_and_numbered_lists(newline):
    original = newline.join(["  1. The Fourth Conference took place.", "  2. It was hosted by the EU.", ""])
    prepared = prepare(original)
    assert prepared.text == "The Fourth Conference took place.\n\nIt was hosted by the EU."
    _assert_offsets_survive(original)


def test_offsets_survive_the_first_report(corpus_report_text):
    _assert_offsets_survive(corpus_report_text)
    prepared = prepare(corpus_report_text)
    assert not re.search(r"\*\*|^#|\]\(", prepared.text, re.M)


def test_a_long_headline_is_not_joined_to_the_first_paragraph():
    headline = (
        "With Conflicts, Climate Change Pushing Displacement to Record Levels, Committee Highlights Need "
        "to Ramp Up Refugee Funding, Address Root Causes"
    )
    text = f"{headline}\n\nAs conflicts drive displacement worldwide, States must step up their support.\n"
    assert [block.text for block in prepare(text).blocks] == [
        headline,
        "As conflicts drive displacement worldwide, States must step up their support.",
    ]


def test_a_short_headline_line_is_not_wrapped_into_the_byline_and_text():
    text = "FG IOM, others review national migration policies\nJutha Tada, Maiduguri\nThe review began.\n"
    assert [block.text for block in prepare(text).blocks] == [
        "FG IOM, others review national migration policies",
        "Jutha Tada, Maiduguri",
        "The review began.",
    ]


def test_table_cells_know_their_row_column_and_headers():
    original = (
        "Text before.\n\n"
        "| Country | Displacements 2022 | Displacements 2023 |\n"
        "|---|---:|---:|\n"
        "| Vanuatu | 2,300 | 61,000 |\n"
        "| Fiji | | 6,400 |\n"
    )
    prepared = prepare(original)
    cells = {block.text: block for block in prepared.blocks if block.kind == "table_cell"}
    assert cells["Displacements 2023"].table_cell.header_row
    fiji = cells["6,400"].table_cell
    assert (fiji.row, fiji.column, fiji.header_row) == (2, 2, False)
    column_header, row_header = prepared.table_header(fiji)
    assert (column_header.text, row_header.text) == ("Displacements 2023", "Fiji")
    _assert_offsets_survive(original)
    start = prepared.text.index("61,000")
    assert original[slice(*prepared.to_original(start, start + 6))] == "61,000"


def test_a_line_starting_a_sentence_ends_the_headline_above_it():
    text = (
        "Ghana charts path for ethical, regular labour mobility at high-level dialogue\n"
        "The dialogue aimed at turning the potential of labour migration into development outcomes.\n"
    )
    assert len(prepare(text).blocks) == 2
    wrapped = "Migration remains a long-standing priority for the Ministry of Interior and Public Administration of\nAlbania as a country of origin.\n"
    assert len(prepare(wrapped).blocks) == 1


def test_hard_wrapped_text_is_rejoined_including_hyphenated_line_ends():
    text = (
        "The seminar brought together participants from Member States and non-\n"
        "governmental organisations. Participants reviewed the Eurodac Regulation and the Crisis and\n"
        "Force Majeure Regulation adopted in May 2024.\n"
    )
    prepared = prepare(text)
    assert len(prepared.blocks) == 1
    assert "and non-governmental organisations" in prepared.text
    assert "the Crisis and Force Majeure Regulation" in prepared.text
    _assert_offsets_survive(text)


def test_a_hard_wrapped_paragraph_stays_one_block_even_where_a_line_ends_a_sentence():
    text = (
        "The Italy-Albania Protocol signed in November 2023 was discussed at length.\n"
        "Under it, two centres in Albania can accommodate up to 3,000 people at any\n"
        "one time, but their use has been limited by court rulings. Participants\n"
        "\n"
        "from other coastal states said they had no plans to replicate the model.\n"
        "\n"
        "4. EXTERNAL DIMENSION\n"
    )
    blocks = prepare(text).blocks
    assert [block.kind for block in blocks] == ["paragraph", "list_item"]
    assert blocks[0].text.startswith("The Italy-Albania Protocol") and blocks[0].text.endswith("replicate the model.")


def test_page_numbers_and_running_footers_are_dropped_and_the_paragraph_rejoined():
    text = (
        "Participants noted that 1,046 presumed victims were identified and that most identified routes of\n"
        "labour exploitation in the region lead towards\n"
        "                                  - 1 -\n"
        "\n"
        "Regional Coordination Meeting of National Anti-Trafficking Coordinators\n"
        "Skopje, March 2024             Page 2\n"
        "\n"
        "Austria and Germany. Europol reported 41 cases.\n"
    )
    prepared = prepare(text)
    assert prepared.text == (
        "Participants noted that 1,046 presumed victims were identified and that most identified routes of "
        "labour exploitation in the region lead towards Austria and Germany. Europol reported 41 cases."
    )
    _assert_offsets_survive(text)


def test_a_heading_after_a_page_break_is_kept():
    text = "The first page ends here.\n\n- 2 -\n\n3. ARRIVALS AND RETURNS\n\nArrivals fell.\n"
    assert [block.text for block in prepare(text).blocks] == ["The first page ends here.", "ARRIVALS AND RETURNS", "Arrivals fell."]


def test_a_repeated_speaker_line_is_text_not_a_running_header():
    line = "**Ms. Olga Poalelungi, Director, Bureau for Migration and Asylum**"
    text = "\n\n".join(f"Title\n\n{line}\n\nShe spoke about item {n}." for n in range(3)) + "\n"
    prepared = prepare(text)
    assert sum(block.text.startswith("Ms. Olga Poalelungi") for block in prepared.blocks) == 3


def test_a_running_header_next_to_page_numbers_is_dropped():
    page = "Report of the Regional Meeting on Labour Mobility\n\n{body}\n\n- {n} -\n\n"
    text = "".join(page.format(body=f"Paragraph {n} of the report ends here.", n=n) for n in range(1, 5))
    prepared = prepare(text)
    assert [block.text for block in prepared.blocks].count("Report of the Regional Meeting on Labour Mobility") == 1


def test_a_running_header_with_a_rising_page_number_is_dropped_and_the_sentence_rejoined():
    header = "BORDERLINES | Asia-Pacific Migration Bulletin | No. 14 | May 2025 | {n}"
    text = (
        header.format(n=1) + "\n\nThe first page has a paragraph of its own that ends well.\n\n"
        "The Border Patrol Unit staffs the posts with some officers, many of\n\n"
        + header.format(n=2) + "\n\nwhom were trained under the Integrated Border Management\n"
        "Strategy, which has no formal end date.\n\n"
        + header.format(n=3) + "\n\nThe last page ends the text.\n"
    )
    blocks = [block.text for block in prepare(text).blocks]
    assert "some officers, many of whom were trained" in " | ".join(blocks)
    assert not any("BORDERLINES" in block for block in blocks)  # page 1 copy too: its page number shows it
    _assert_offsets_survive(text)


def test_text_wrapped_at_one_width_keeps_short_runs_and_full_width_page_ends_together():
    lines = [
        "When the country restored its independence, its land border",
        "with its neighbour was a line on a map. Today the frontier",
        "runs for many kilometres across the hills between the towns.",
        "",
        "Three formal crossings now carry almost all legal traffic.",
        "At the busiest post, the service recorded many entries and",
        "exits, up from far fewer, and it staffs the post with staff.",
        "",
        "A less visible route runs through Europe. Because many",
        "",
        "Timorese can claim Portuguese nationality, most of them live",
        "in the United Kingdom and work in food processing plants.",
        "",
    ]
    blocks = [block.text for block in prepare("\n".join(lines)).blocks]
    assert blocks[-1].startswith("A less visible route runs through Europe. Because many Timorese can claim")
    assert blocks[1].startswith("Three formal crossings now carry almost all legal traffic. At the busiest post")


def test_short_lines_that_are_not_wrapped_prose_stay_apart():
    text = "Agenda\n\nOpening of the meeting\nAdoption of the agenda\nRegional updates\n\nClosing remarks\n"
    assert [block.text for block in prepare(text).blocks] == [
        "Agenda", "Opening of the meeting", "Adoption of the agenda", "Regional updates", "Closing remarks"
    ]
