"""Statistics: value forms, exclusions, currencies, context (year, measure, country), stated changes."""

from __future__ import annotations

import pycountry
import pytest

from pipeline.normalise.currencies import cldr_currencies, currency_code, currency_table
from pipeline.normalise.numbers import (
    decimal_comma_convention,
    parse_number,
    parse_quantity,
    quantity_grammar,
    stated_change_disagreement,
)
from pipeline.rules import load_rules

ALBANIA = (
    "These efforts have led to a reduction in the number of Albanian citizens claiming asylum in EU states "
    "from 23,275 in 2019 down 70% to 6,755 in 2020."
)


def figures(analyse, text: str) -> list:
    return analyse(text).rows.get("statistics", [])


def values(analyse, text: str) -> list[tuple[float, str]]:
    return [(row.value, row.unit) for row in figures(analyse, text)]


# --- parsing values (pure) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("23,275", 23275, "count"),
        ("23 275", 23275, "count"),
        ("23\u00a0275", 23275, "count"),
        ("1,098,913", 1098913, "count"),
        ("1.3", 1.3, "count"),
        ("17.5 million", 17_500_000, "count"),
        ("2.3bn", 2_300_000_000, "count"),
        ("1M", 1_000_000, "count"),
        ("USD 30 million", 30_000_000, "USD"),
        ("USD 17.5 million", 17_500_000, "USD"),
        ("$6.6bln", 6_600_000_000, "USD"),
        ("$ 6.7 billion", 6_700_000_000, "USD"),
        ("US$ 5.5 billion", 5_500_000_000, "USD"),
        ("€ 4.9 billion", 4_900_000_000, "EUR"),
        ("EUR 300 million", 300_000_000, "EUR"),
        ("500 euros", 500, "EUR"),
        ("2 million US dollars", 2_000_000, "USD"),
        ("CHF 12 million", 12_000_000, "CHF"),
        ("$5m", 5_000_000, "USD"),
        ("ten", 10, "count"),
        ("twenty-five", 25, "count"),
        ("one hundred and twenty", 120, "count"),
        ("six million", 6_000_000, "count"),
        ("a million", 1_000_000, "count"),
        ("half a million", 500_000, "count"),
        ("a dozen", 12, "count"),
        ("70%", 70, "percent"),
        ("12 per cent", 12, "percent"),
        ("45 percent", 45, "percent"),
        ("3 percentage points", 3, "percent"),
        ("a quarter of", 25, "percent"),
        ("half of", 50, "percent"),
        ("two-thirds of", 200 / 3, "percent"),
        ("a third of", 100 / 3, "percent"),
        ("three quarters of", 75, "percent"),
        ("one in three", 100 / 3, "percent"),
        ("1 in 5", 20, "percent"),
        ("nine out of ten", 90, "percent"),
    ],
)
def test_parse_quantity_value_forms(text, value, unit):
    quantity = parse_quantity(text)
    assert quantity is not None
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


@pytest.mark.parametrize(
    ("text", "qualifier", "written"),
    [
        ("around 100 million", "around", "100 million"),
        ("over 130", "over", "130"),
        ("nearly 40%", "nearly", "40%"),
        ("more than a million", "more than", "a million"),
        ("close to US$ 2.2 billion", "close to", "US$ 2.2 billion"),
        ("an estimated 25", "an estimated", "25"),
        ("a total of 21", None, "21"),  # says nothing of precision
    ],
)
def test_qualifiers_are_kept_apart_from_the_written_figure(text, qualifier, written):
    quantity = parse_quantity(text)
    assert quantity.qualifier == qualifier
    assert quantity.text == written


def test_decimal_comma_only_where_the_text_says_so():
    assert parse_number("23.275") == 23.275
    assert parse_number("23.275", decimal_comma=True) == 23275
    assert parse_number("2,5 million", decimal_comma=True) == 2_500_000
    assert decimal_comma_convention("The survey covered 1.234.567 households.")
    assert decimal_comma_convention("a budget of 2,5 million euros")
    assert not decimal_comma_convention("23,275 in 2019 and 1.3 million in 2020")


@pytest.mark.parametrize("text", ["third", "quarter", "5m", "thousands", "blue", "2nd"])
def test_not_quantities(text):
    assert parse_quantity(text) is None


# --- currencies (pure) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("$", "USD"),
        ("US$", "USD"),
        ("USD", "USD"),
        ("US dollars", "USD"),
        ("€", "EUR"),
        ("EUR", "EUR"),
        ("euros", "EUR"),
        ("CHF", "CHF"),
        ("Swiss francs", "CHF"),
        ("£", "GBP"),
        ("Moldovan lei", "MDL"),
        ("apples", None),
    ],
)
def test_currency_codes(form, code):
    assert currency_code(form) == code


def test_every_currency_rule_is_an_iso_4217_code():
    rules = load_rules("statistics/currencies.yaml")
    decided = set(rules["symbols"].values()) | set(rules["words"].values())
    assert {code for code in decided if pycountry.currencies.get(alpha_3=code) is None} == set()
    known = cldr_currencies(rules["in_use_since"]).codes
    assert set(rules["ignored_codes"]) - known == set()  # no typos: each is a code CLDR knows


def test_currency_table_knows_every_current_iso_4217_currency():
    """CLDR (through Babel) gives every currency in use: codes and English names, not a handful."""
    table = currency_table()
    ignored = set(load_rules("statistics/currencies.yaml")["ignored_codes"])
    not_money = {  # ISO 4217 funds, units of account, metals and test codes, and Venezuela's digital bolívar
        "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW", "VED", "XAD", "XAG", "XAU", "XBA", "XBB",
        "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX",
    }
    iso = {currency.alpha_3 for currency in pycountry.currencies}
    assert iso - table.codes - ignored == not_money
    assert iso - set(table.words.values()) - ignored == not_money  # each by its English name at least
    assert currency_code("Croatian kuna") == "HRK"  # former currencies of the years reports cover too


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("baht", "THB"),
        ("Thai baht", "THB"),
        ("naira", "NGN"),
        ("₦", "NGN"),
        ("฿", "THB"),
        ("vatu", "VUV"),
        ("Nepalese rupees", "NPR"),
        ("South Korean won", "KRW"),
        ("won", None),  # two currencies (and a verb)
        ("marks", None),  # an ordinary word: "2024 marks the tenth anniversary"
        ("SDG", None),  # "SDG 10"
        ("C$", "CAD"),  # our decision over CLDR's córdoba
    ],
)
def test_currency_forms_from_cldr_and_our_decisions(form, code):
    assert currency_code(form) == code


# --- the consistency check (pure) ----------------------------------------------------------------


def test_stated_change_within_rounding_passes():
    # 6755 is 70.98% below 23275: "down 70%" agrees within one unit of the stated precision.
    assert stated_change_disagreement(23275, 6755, 70, "down") is None


def test_stated_change_beyond_rounding_is_reported():
    assert stated_change_disagreement(23275, 6755, 50, "down") == "stated -50% but figures give -71.0%"
    assert stated_change_disagreement(23275, 6755, 70, "up") == "stated +70% but figures give -71.0%"
    # One decimal stated: the tolerance is a tenth of a point.
    assert stated_change_disagreement(1000, 1205, 20.0, "up", decimals=1) is not None
    assert stated_change_disagreement(1000, 1205, 20.5, "up", decimals=1) is None


def test_percentage_point_changes_compare_differences():
    assert stated_change_disagreement(9, 12, 3, "up", points=True) is None
    assert stated_change_disagreement(9, 12, 5, "up", points=True) == "stated +5 points but figures give +3.0 points"


# --- finding figures in text ---------------------------------------------------------------------


def test_albanian_asylum_sentence_end_to_end(analyse):
    context = analyse(ALBANIA)
    rows = context.rows["statistics"]
    assert [(r.value, r.unit, r.year, r.text) for r in rows] == [
        (23275, "count", 2019, "23,275"),
        (70, "percent", None, "70%"),
        (6755, "count", 2020, "6,755"),
    ]
    first, change, last = rows
    assert change.direction == "down"
    assert change.change_of == f"{first.stat_id}|{last.stat_id}"
    assert change.check is None  # 6755 is 71% below 23275: within rounding
    assert first.measure == "Albanian citizens claiming asylum in EU states"
    assert {r.subject_iso3 for r in rows} == {"ALB"}
    original = context.prepared.original
    assert [original[r.start_char : r.end_char] for r in rows] == ["23,275", "70%", "6,755"]
    mentions = [m for m in context.rows["mentions"] if m.type == "statistic"]
    assert [m.normalized for m in mentions] == ["23275 count", "70 percent", "6755 count"]


def test_stated_change_disagreeing_with_its_figures_is_checked(analyse):
    rows = figures(analyse, "Arrivals fell from 23,275 in 2019 by 50% to 6,755 in 2020.")
    change = next(r for r in rows if r.unit == "percent")
    assert change.direction == "down"
    assert change.check == "stated -50% but figures give -71.0%"


def test_increase_compares_with_the_earlier_year(analyse):
    rows = figures(
        analyse, "The number of returnees rose to 1,200 in 2021, an increase of 20 per cent on the 1,000 recorded in 2020."
    )
    change = next(r for r in rows if r.unit == "percent")
    assert change.direction == "up"
    assert change.check is None
    assert change.measure == "returnees"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It requested USD 17.5 million and €2 billion.", [(17_500_000, "USD"), (2_000_000_000, "EUR")]),
        ("Jordan endorses $6.6bln response plan", [(6_600_000_000, "USD")]),
        ("Donors pledged 500 euros and CHF 300.", [(500, "EUR"), (300, "CHF")]),
        ("Donors pledged 2 million US dollars.", [(2_000_000, "USD")]),
        ("It has heard ranges from 500,000 to 1M persons, and over 3M persons crossed.", [(500_000, "count"), (1_000_000, "count"), (3_000_000, "count")]),
        ("Over half a million migrants returned and more than a million left.", [(500_000, "count"), (1_000_000, "count")]),
        ("It aims to develop 11,800 hectares of new land.", [(11_800, "count")]),
        ("A quarter of the labour force is abroad.", [(25, "percent")]),
        ("Readmission agreements are in place with ten other countries.", [(10, "count")]),
        ("Two Wings — Two Directions of Action", [(2, "count"), (2, "count")]),
        ("One of the four key priorities is trafficking.", [(4, "count")]),
    ],
)
def test_value_forms_in_sentences(analyse, text, expected):
    assert values(analyse, text) == expected


def test_ranges_share_an_id_and_the_magnitude_of_their_end(analyse):
    rows = figures(analyse, "A concept note of six to eight pages.")
    assert [(r.value, r.text) for r in rows] == [(6, "six"), (8, "eight")]
    assert rows[0].range_id is not None and rows[0].range_id == rows[1].range_id
    rows = figures(analyse, "An estimated 25-30,000 Eritrean citizens have been kidnapped since 2009.")
    assert [(r.value, r.text, r.qualifier, r.year) for r in rows] == [
        (25_000, "25", "an estimated", None),
        (30_000, "30,000", "an estimated", None),
    ]
    assert values(analyse, "Between 2 and 3 million people moved.") == [(2_000_000, "count"), (3_000_000, "count")]
    assert values(analyse, "10-15% of them returned.") == [(10, "percent"), (15, "percent")]


@pytest.mark.parametrize(
    "text",
    [
        "The IMRF will take place in 2022, as agreed in 2019-2022.",  # years
        "The meeting was held on 11 September 2013, and on 25 and 26 April.",  # dates
        "The Fourth Conference took place on 30 June 2020; the deadline was July 30.",
        "Today, 07.07.2020, and on Saturday 29/05/2021, and 22-06-2020 06:08 PM.",  # numeric dates, clock
        "The four-day meeting ended yesterday (11/11).",
        "The event ran 09:30 – 13:30 CET and resumed at 3 p.m.",
        "It provides housing subsidies for six months over the past two years.",  # durations
        "A two-day review, a 5-year review clause, a ten-year project lasting 15 years.",
        "Over the last six years and 59 months of implementation.",
        "The 44th Meeting of the Seventy-eighth Session and the 20th RCM meeting.",  # ordinals
        "Report of the 10 th meeting; the third of its kind.",
        "Chapter 24 on visas, resolution 71/280, SDG 10, Roundtable 1 and UNSCR 1244.",  # identifiers
        "The COVID-19 pandemic and the pre-COVID-19 momentum; the G20 summit.",
        "Ms. El-Yassir opened ROUNDTABLE ONE.",
        "The purposes: 1) to consider the draft 2) to discuss the set-up.",  # enumerations
        "The tables were chaired by (1) Switzerland and (2) Hungary.",
        "No one will be safe; one of the objectives; one of many tools.",  # "one" as a pronoun
        "Albania and Greece cooperate, which will reduce irregular migration between the two countries.",
        "The TRIANGLE project and the ASEAN project are linked. These two projects support the meeting.",
        "Migration is high in Montenegro. Migration will be with us for a long time.",
        "The Law No. 4 of 2024 and Decree 245 entered into force.",
        "Call +996 312 66 66 66 or visit www.iom.int/2023.",
        "The number rose by 5 in 12 months.",
        "In the second half of 2020 the office reopened.",
    ],
)
def test_not_statistics(analyse, text):
    assert values(analyse, text) == []


def test_number_inside_an_organisation_or_strategy_span_is_not_a_statistic(nlp):
    from pipeline.nlp import analyse as analyse_doc
    from pipeline.prepare import prepare

    doc = analyse_doc(nlp, prepare("The Group of 77 met 30 experts."))
    doc.spans["organisation"] = []
    assert [span.text for span in nlp.get_pipe("statistic_finder")(doc).spans["statistic"]] == ["77", "30"]
    doc.spans["organisation"] = [doc.char_span(4, 15)]  # "Group of 77"
    assert [span.text for span in nlp.get_pipe("statistic_finder")(doc).spans["statistic"]] == ["30"]


def test_bracketed_equivalent_shares_year_and_measure(analyse):
    text = "# Kyrgyzstan\n\nThe government allocated 150 million soms (about US$ 1.8 million) to the programme in 2022."
    rows = figures(analyse, text)  # "soms": Kyrgyz or Uzbek; the report is about Kyrgyzstan
    assert [(r.value, r.unit, r.qualifier, r.year) for r in rows] == [
        (150_000_000, "KGS", None, 2022),
        (1_800_000, "USD", "about", 2022),
    ]
    assert rows[0].measure == rows[1].measure


def test_a_change_then_a_level_is_not_a_range(analyse):
    rows = figures(analyse, "Unemployment rose 3 percentage points to 12%.")
    assert [(r.value, r.direction, r.range_id) for r in rows] == [(3, "up", None), (12, None, None)]
    assert rows[0].change_of == rows[1].stat_id


def test_only_one_counts_where_it_plainly_counts(analyse):
    assert values(analyse, "Only one country voted against the resolution.") == [(1, "count")]


def test_two_not_pointing_back_is_a_count(analyse):
    assert values(analyse, "The report is in two parts.") == [(2, "count")]


def test_year_from_the_sentence(analyse):
    rows = figures(
        analyse,
        "In 2019, more than 970,000 Ghanaians lived abroad. At the same time, Ghana hosted over 466,000 migrants.",
    )
    assert [(r.value, r.year, r.qualifier) for r in rows] == [(970_000, 2019, "more than"), (466_000, None, "over")]
    assert rows[1].subject_iso3 == "GHA"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("To date, USD 17.5 million has been firmly committed by donors, however the 2020 funding target of "
         "USD 30 million was not reached.", [None, 2020]),
        ("They pledged US$ 5.5 billion (€ 4.9 billion) for 2020 and close to US$ 2.2 billion (€ 2 billion) for "
         "2021 and beyond.", [2020, 2020, None, None]),
        ("UNHCR alone faces a shortfall of $600 million in 2023, and the outlook for 2024 is worse.", [2023]),
        ("On 11 September 2013, the Government convened a meeting attended by over 130 policy-makers.", [2013]),
        ("A total of 21 conferences were convened between 2000 and 2023.", [None]),
        ("The meeting came at the closure of the 2021 ILC, after the adoption of two sets of conclusions.", [None]),
    ],
)
def test_year_a_figure_refers_to(analyse, text, years):
    assert [r.year for r in figures(analyse, text)] == years


def test_measure_from_the_parse(analyse):
    rows = figures(analyse, "Every year around 100 million women send remittances back home.")
    assert (rows[0].value, rows[0].qualifier, rows[0].measure) == (100_000_000, "around", "women send remittances")
    rows = figures(analyse, "To date, USD 17.5 million has been firmly committed by donors.")
    assert rows[0].measure == "funding committed by donors"
    rows = figures(analyse, "Around 45% of victims identified in the EU every year are non-EU citizens.")
    assert rows[0].measure.startswith("victims identified in the EU")


def test_first_report_figures(corpus_report_text, analyse):
    rows = figures(analyse, corpus_report_text)
    assert len(rows) == 16
    assert sum(1 for r in rows if r.unit == "USD") == 2
    assert [r.year for r in rows if r.year is not None] == [2020, 2019, 2020]


# --- round 2: currencies, non-statistics, fractions, years by clause, table headers ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A legal recruitment costs about 7,500 baht per worker.", [(7_500, "THB")]),
        ("The bond raised ₦500,000 and 20,000 Nigerian naira.", [(500_000, "NGN"), (20_000, "NGN")]),
        ("Each family received 500 € in cash.", [(500, "EUR")]),
        ("Workers in Port Vila earn 40,000 vatu a month.", [(40_000, "VUV")]),
        ("The fund pays 300 Nepalese rupees a day.", [(300, "NPR")]),
        ("2024 marks the tenth anniversary of the Brazil Declaration.", []),
    ],
)
def test_currencies_of_every_country(analyse, text, expected):
    assert values(analyse, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Participants reviewed the response to the 6 February 2023 earthquakes.",  # a date before a noun
        "The Pacific and the Caribbean met. IOM presented data on displacement in the two regions.",
        "It was followed by a third session on returns.",  # an ordinal, not a fraction
        "Officials said that Phase 2 of the pilot would start.",
    ],
)
def test_more_not_statistics(analyse, text):
    assert values(analyse, text) == []


def test_a_heading_number_names_the_heading(analyse):
    text = (
        "## 1. BACKGROUND AND OBJECTIVES\n\nIt brought together 64 participants.\n\n"
        "## 2.1 Results of the survey\n\nNine delegations spoke.\n\n"
        "## Item 3. Financing\n\n**4. Closing**\n\nThree million people were displaced."
    )
    assert values(analyse, text) == [(64, "count"), (9, "count"), (3_000_000, "count")]


def test_a_headline_figure_is_still_a_figure(analyse):
    assert values(analyse, "# 2.9 Million Displaced in the Sahel\n\nThe crisis deepened.") == [(2_900_000, "count")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recruitment fees have fallen by a third since 2019.", [(100 / 3, None)]),
        ("About a third of workers came from Vanuatu.", [(100 / 3, None)]),
        ("Two thirds of the returnees were women.", [(200 / 3, None)]),
        ("Three quarters of the budget was spent.", [(75, None)]),
        ("One in three of the containers still hosts families.", [(100 / 3, None)]),
        ("Rations were cut by half.", [(50, None)]),
    ],
)
def test_fractions_are_percents(analyse, text, expected):
    rows = figures(analyse, text)
    assert [(pytest.approx(r.value), r.year) for r in rows] == expected
    assert {r.unit for r in rows} == {"percent"}


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a year in the figure's clause, not in another one
        (("Somalia has an estimated 3.86 million internally displaced persons, and in 2023 alone some 28,000 "
         "households were supported to move to planned sites."), [None, 2023]),
        ("The country hosts 2 million refugees, and in 2022 some 40,000 were resettled.", [None, 2022]),
        # a year carries into a later or dependent clause in the past that has no time of its own ...
        (("Ms. Haque reported that 1.3 million workers took up jobs abroad in 2023, of whom about 8 per cent "
         "were women."), [2023, 2023]),
        (("The ministry said that around 34,000 people had sought asylum in 2023, but that fewer than 200 "
         "applications were lodged."), [2023, 2023]),
        # ... but not into one in the present, or one with its own time
        (("Remittances were equivalent to 22.7 per cent of GDP in 2023, and more than 2,000 workers leave the "
         "country every day."), [2023, None]),
        (("Twenty-five agencies had their licences suspended in 2023, and the cost had fallen to about 7,500 baht "
         "since the end of the restrictions."), [2023, None]),
        # a year of its own participle, or the edge of a period, is not the figure's
        ("The Policy, adopted in 2016, created the welfare desks now operating in 29 district offices.", [None]),
        (("The consultation pursued three objectives: to take stock of progress since the last review in 2021; "
         "to compare approaches."), [None]),
        ("Since the outbreak of conflict in Sudan in April 2023, more than 1.8 million people have fled.", [None]),
        ("Some 1,140 foreign nationals had been returned since the start of 2023.", [2023]),
        # a year modifying the subject of the figure's clause; a year in a name stays there
        ("He warned that the 2023 appeal for the region had been funded at only 38 per cent.", [2023]),
        ("The 2030 Agenda has 17 goals.", [None]),
        # the figure's own phrase, an infinitive of its clause, a year opening the sentence
        ("UNICEF estimated that one in four migrants interviewed at border points in 2022 was a child.", [2022]),
        ("Partners appealed for USD 2.8 billion to provide assistance and invest in infrastructure in 2017.", [2017]),
        ("As of 13 June 2024, 3,112,683 Syrians were registered, of whom 46,915 lived in camps.", [2024, 2024]),
        # "that year", "the year": the year named last before
        ("Remittances amounted to USD 3 billion in 2021, about 8 per cent of GDP in that year.", [2021, 2021]),
        ("Peru issued 400,000 permits in 2023, while Ecuador registered 201,250 people by the end of the year.",
         [2023, 2023]),
        ("In 2019 the agency recorded 20,000 arrivals. That year, 5,000 were returned.", [2019, 2019]),
        ("Arrivals fell by 30 per cent during the year.", [None]),
        # stated changes compare years: no year of their own
        ("Detections fell to 99,068 in 2023, down 31 per cent from the 145,600 recorded in 2022.", [2023, None, 2022]),
        ("In 2020, the number of arrivals fell by 30 per cent to 7,000.", [None, 2020]),
    ],
)
def test_year_follows_the_clauses_of_the_sentence(analyse, text, years):
    assert [r.year for r in figures(analyse, text)] == years


def test_table_cells_take_the_year_of_their_column_header(analyse):
    text = (
        "IOM presented recent data.\n\n"
        "| Country | Disaster displacements 2022 | Late birth certificates issued (2023) | Returns 2019-2022 |\n"
        "|---|---|---|---|\n"
        "| Vanuatu | 2,300 | 61,000 | 4,000 |\n"
        "| Fiji | 9,100 | 6,400 (2021) | 500 |\n"
    )
    rows = figures(analyse, text)
    assert [(r.text, r.year) for r in rows] == [
        ("2,300", 2022), ("61,000", 2023), ("4,000", None),
        ("9,100", 2022), ("6,400", 2021), ("500", None),
    ]


def test_table_cells_take_the_year_of_their_row_header_when_the_column_has_none(analyse):
    text = "| Year | Arrivals | Returns |\n|---|---|---|\n| 2021 | 1,500 | 300 |\n| 2022 | 1,800 | 450 |\n"
    assert [(r.value, r.year) for r in figures(analyse, text)] == [(1500, 2021), (300, 2021), (1800, 2022), (450, 2022)]


# --- round 3: fractions, table units, identifiers, pointing back, more years -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The camp hosts 9,000 refugees, of whom roughly half are children.", [(9_000, "count"), (50, "percent")]),
        ("Of the new arrivals, half were women.", [(50, "percent")]),
        ("The share fell from about 80% to less than half.", [(80, "percent"), (50, "percent")]),
        ("Staff numbers were reduced by roughly a quarter.", [(25, "percent")]),
        ("They estimated that between a quarter and a third of those resettled moved on.", [(25, "percent"), (pytest.approx(100 / 3), "percent")]),
        ("Over half a million people returned.", [(500_000, "count")]),
    ],
)
def test_fractions_as_quantities(analyse, text, expected):
    assert values(analyse, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The review is due in the first quarter of 2025.",
        "The budget was cut in half.",
        "Partners held a half-day workshop.",
        "The programme has run for almost a quarter of a century.",
        "Inspections are carried out on a quarterly basis.",
    ],
)
def test_fractions_that_are_periods_or_manners_are_not_quantities(analyse, text):
    assert values(analyse, text) == []


def test_a_scale_word_without_a_number_is_no_figure():
    assert parse_quantity("USD billion") is None
    assert parse_quantity("billion") is None
    assert parse_number("a billion") == 1_000_000_000


def test_scaled_values_carry_no_binary_noise():
    assert parse_number("16.9 billion") == 16_900_000_000
    assert parse_number("USD 0.7 million") == 700_000


@pytest.mark.parametrize(
    ("label", "unit", "scale"),
    [
        ("Personal remittances received, Kazakhstan (USD billion)", "USD", 1e9),
        ("Budget (EUR million)", "EUR", 1e6),
        ("Share of women (%)", "percent", 1.0),
        ("Arrivals (thousands)", "count", 1e3),
        ("Amount in US dollars", "USD", 1.0),
    ],
)
def test_a_table_label_states_a_unit_and_scale(label, unit, scale):
    stated = quantity_grammar().label_unit(label)
    assert (stated.unit, stated.scale) == (unit, scale)


@pytest.mark.parametrize("label", ["Indicator", "2023", "Households earning under USD 100", "Number of IOM offices"])
def test_a_table_label_without_a_unit_of_its_own(label):
    assert quantity_grammar().label_unit(label) is None


def test_table_cells_take_unit_and_scale_from_their_row_label(analyse):
    text = (
        "The agency presented the figures below.\n\n"
        "| Indicator | 2022 | 2023 |\n"
        "|---|---|---|\n"
        "| Remittances received, Kazakhstan (USD billion) | 3.2 | 4.05 |\n"
        "| Share of remittances from Europe (%) | 12 | 15 |\n"
        "| Workers placed abroad, Kazakhstan | 1,800 | 2,100 |\n"
    )
    rows = figures(analyse, text)
    assert [(r.value, r.unit, r.year) for r in rows] == [
        (3_200_000_000, "USD", 2022), (4_050_000_000, "USD", 2023),
        (12, "percent", 2022), (15, "percent", 2023),
        (1_800, "count", 2022), (2_100, "count", 2023),
    ]
    assert rows[0].measure == "Remittances received, Kazakhstan"
    assert rows[0].subject_iso3 == "KAZ"


def test_table_cells_of_a_country_row_measure_their_column(analyse):
    text = "| Country | Disaster displacements 2022 |\n|---|---|\n| Fiji | 9,100 |\n"
    (row,) = figures(analyse, text)
    assert (row.measure, row.subject_iso3, row.year) == ("Disaster displacements 2022", "FJI", 2022)


def test_a_numbering_column_counts_nothing(analyse):
    text = (
        "| No. | Action | Responsible | Deadline |\n"
        "|---|---|---|---|\n"
        "| 1 | Share the data template | IOM | 15.12.2024 |\n"
        "| 2 | Train 40 inspectors | ILO | 31.01.2025 |\n"
    )
    assert values(analyse, text) == [(40, "count")]


@pytest.mark.parametrize(
    "text",
    [
        "A revision of Law 04-12 on foreigners is being prepared.",  # a law's number, range-shaped
        "Articles 3-5 of the decree set out the procedure.",  # a range of identifiers
        "The form asks for the district code 07 first.",  # a leading zero writes a code
    ],
)
def test_identifiers_written_like_ranges_or_codes(analyse, text):
    assert values(analyse, text) == []


def test_a_definite_number_pointing_back_at_named_countries(analyse):
    text = "Albania, Serbia and Montenegro met in Tirana. The plan is owned jointly by the three countries."
    assert values(analyse, text) == []
    # nothing named that many times before: it counts
    assert values(analyse, "The three Working Tables were chaired by Hungary.") == [(3, "count")]
    assert values(analyse, "Serbia hosted the four countries of the region.") == [(4, "count")]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a part-of-year prefix, a span inside one year
        ("The survey counted 52,000 migrants in the country in mid-2022.", [2022]),
        ("More than 40,000 people returned from the two countries between March and June 2024.", [2024]),
        ("Some 12,000 people were relocated between 2019 and 2022.", [None]),
        # verbs sharing the figure as their subject share the year
        ("More than 8,000 people left or were forced to leave between January and May 2023.", [2023]),
        # "the same period" for the one year named before it, not for a period, not when it names its own
        (("Crossings fell by 40 per cent in 2022. The coast guard recorded 9,000 arrivals that year. "
          "Elsewhere, detections dropped by 12 per cent over the same period."), [2022, 2022, 2022]),
        ("Between 2017 and 2022, 4,000 cases were opened. Returns rose by 10 per cent over the same period.", [None, None]),
        ("In 2024, 5,700 migrants were assisted, up from 3,100 in the same period of 2023.", [2024, 2023]),
        # a figure restating the one before it; a clause after a semicolon or "while"
        ("Remittances reached US$ 4.1 billion in 2022, equivalent to roughly 9 per cent of GDP.", [2022, 2022]),
        ("The centres trained 1,200 migrants in 2023; 40 per cent of trainees were women.", [2023, 2023]),
        (("More than 20,000 crossings were recorded in 2023, the agency said, while at least 300 people died "
          "on the route."), [2023, 2023]),
        ("The centres trained 1,200 migrants in 2023; 40 per cent of them now work abroad.", [2023, None]),
    ],
)
def test_years_round_3(analyse, text, years):
    assert [r.year for r in figures(analyse, text)] == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("The Regional Refugee Response Plan 2024, which brings together 30 partners, seeks US$ 900 million.", [None, 2024]),
        ("The Flash Appeal 2023 requested US$ 50 million.", [2023]),
        # the funding level at a date of its own, and a horizon rather than the money's year
        ("The Humanitarian Response Plan 2025 seeks US$ 1.2 billion but was only 18% funded at the end of June.", [2025, None]),
        ("The National Development Strategy 2040 requires US$ 3 billion.", [None]),
    ],
)
def test_money_of_an_annual_appeal_takes_the_year_of_its_title(analyse, text, years):
    assert [r.year for r in figures(analyse, text)] == years


# --- round 4: local currency symbols, South Asian scales, "1.8m", bare fractions, years -----------


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("RM", "MYR"),  # a territory's own letter symbol, one currency's in every CLDR locale
        ("S/", "PEN"),
        ("Ksh", "KES"),
        ("KSh", "KES"),  # our spelling
        ("Tk", "BDT"),  # our decision: CLDR has only "৳"
        ("Rs", None),  # rupees of India, Pakistan, Mauritius...: ambiguous
        ("kr", None),  # Nordic crowns
        ("UP", None),  # ignored: "UP 5%" in a headline
    ],
)
def test_local_letter_symbols(form, code):
    assert currency_code(form) == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minimum wage is RM 1,500 per month.", [(1500, "MYR")]),
        ("Workers paid Tk 4.8 lakh to recruiters.", [(480_000, "BDT")]),
        ("India's project costs 2 crore rupees, India said.", [(20_000_000, "INR")]),  # rupees of the report's country
        ("The government allocated S/ 4.2 million to registration.", [(4_200_000, "PEN")]),
        ("Remittances reached KSh 640 billion.", [(640_000_000_000, "KES")]),
        ("The FORM 5 was filed.", []),  # a letter symbol is a whole word
        ("The team installed 40 RF sensors.", [(40, "count")]),  # letter symbols ("RF": RWF) only before the number
    ],
)
def test_local_currencies_in_text(analyse, text, expected):
    assert values(analyse, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Disasters triggered 1.8m internal displacements.", [(1_800_000, "count")]),
        ("Some 2m people fled.", [(2_000_000, "count")]),
        ("The wall is 5m high.", []),
        ("Boats must stay 5m from the pier.", []),
        ("They built 3m high walls.", []),  # a length before the plural noun
    ],
)
def test_a_bare_m_is_millions_only_when_it_counts_a_plural_noun(analyse, text, expected):
    assert values(analyse, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most opted for a package, while a quarter joined community projects.", [(25, "percent")]),
        ("Sales fell in the first quarter.", []),
        ("Half a day was lost.", []),
    ],
)
def test_a_fraction_standing_alone_counts_as_a_verbs_subject(analyse, text, expected):
    assert values(analyse, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NAIROBI, 3–4 SEPTEMBER 2024", []),  # month names in capitals
        ("A free hotline, 0800 11 222, operates around the clock.", []),  # a national phone number
        ("The Centre's budget for 2024 amounts to RSD 12 million.", [(12_000_000, "RSD")]),  # "amounts" is the verb
        ("The event brought 3–4 participants.", [(3, "count"), (4, "count")]),  # a range in one token
    ],
)
def test_dates_phones_and_ranges_round_4(analyse, text, expected):
    assert values(analyse, text) == expected


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a share set off by a comma restates the figure before it
        ("Remittances reached NPR 1.45 trillion in 2023, close to a quarter of GDP.", [2023, 2023]),
        # a fronted "Of the N ..." is the whole the share is part of
        ("Of the 1,200 returnees surveyed in 2023, 48 per cent had found work.", [2023, 2023]),
        # "by 2050": the year a figure is projected for
        ("About 5,000 workers had left the country by 2023.", [2023]),
        # a year modifying the subject of a later clause is not the year of a figure before the clause break
        ("The Ministry assigned 60 investigators, and the Centre's budget for 2024 amounts to RSD 12 million.", [None, 2024]),
        # "according to" is a preposition, not a clause: the restated figure keeps the year
        ("Remittances reached USD 4.9 billion in 2024, according to the Central Bank, equivalent to KSh 640 billion.", [2024, 2024]),
    ],
)
def test_years_round_4(analyse, text, years):
    assert [r.year for r in figures(analyse, text)] == years


# --- round 5: shared currency words, one definition of a year, rules as data ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Morocco received 5 billion dirhams in remittances. Morocco is a country of origin.", [(5e9, "MAD")]),
        ("The UAE sent 5 billion dirhams in remittances; the UAE hosts many migrants.", [(5e9, "AED")]),
        ("Workers earned 3,000 to 4,000 shillings a month in Kenya, Kenya said.", [(3000, "KES"), (4000, "KES")]),
        ("Australia spent 5 million dollars on the programme. Australia pays.", [(5e6, "AUD")]),
        # no country to settle it: the rule file's reading of the word, else no row rather than a guessed code
        ("Migrants sent 5 million dollars home.", [(5e6, "USD")]),
        ("Migrants sent 5 billion dirhams home.", []),
        ("Nepal and India agreed. Migrants sent 40,000 rupees home.", []),  # two countries, neither the report's
    ],
)
def test_a_currency_word_several_currencies_share_takes_the_report_countrys(analyse, text, expected):
    assert values(analyse, text) == expected


def test_a_shared_currency_word_is_settled_by_the_countrys_currency_or_the_rules_reading():
    from pipeline.normalise.currencies import country_currencies, shared_currency

    table = currency_table()
    assert table.unit_of("dirhams") == ("dirhams", frozenset({"AED", "MAD"}))
    assert table.unit_of("manats") == ("manats", frozenset({"AZN", "TMT"}))  # the plural of a shared singular
    assert table.unit_of("Thai baht") == ("THB", frozenset())
    unit, options = table.unit_of("dollars")
    assert unit == "USD" and {"AUD", "CAD", "FJD"} < options
    assert country_currencies("MAR") == {"MAD"}
    assert shared_currency("dirhams", frozenset({"AED", "MAD"}), country_currencies("MAR")) == "MAD"
    assert shared_currency("dirhams", frozenset({"AED", "MAD"}), country_currencies("FRA")) is None
    assert shared_currency("USD", options, country_currencies("FJI")) == "FJD"
    assert shared_currency("USD", options, country_currencies("ECU")) == "USD"  # Ecuador uses the US dollar
    assert currency_code("dirhams") is None  # no reading of its own


def test_every_shared_currency_reading_is_one_of_the_currencies_the_word_may_name():
    table = currency_table()
    for word, options in table.shared_words.items():
        if word in table.words:
            assert table.words[word] in options, word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Applications rose to 1500 last month.", [(1500, "count")]),  # 1500 is no year (years.py: 1800-2100)
        ("The treaty of 1850 still applies to 40 villages.", [(40, "count")]),
        ("Arrivals in the 1890s reached 3,000.", [(3000, "count")]),  # a decade
    ],
)
def test_what_counts_as_a_year_is_the_one_year_pattern(analyse, text, expected):
    assert values(analyse, text) == expected


def test_a_year_of_the_nineteenth_century_is_a_year_a_figure_refers_to(analyse):
    assert [r.year for r in figures(analyse, "In 1891, 3,000 people left the island.")] == [1891]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3 Sept 2021, 40 people arrived.", [(40, "count")]),  # a month abbreviation of rules/calendar.yaml
        ("The 2nd meeting drew 40 people.", [(40, "count")]),  # an ordinal suffix of numbers.yaml
        ("Between 2 and 3 million people moved.", [(2e6, "count"), (3e6, "count")]),  # the range opener
    ],
)
def test_calendar_ordinals_and_range_words_from_the_rule_files(analyse, text, expected):
    assert values(analyse, text) == expected


def test_only_between_opens_an_and_range(analyse):
    ranges = [row.range_id for row in figures(analyse, "Between 2 and 3 million people moved.")]
    assert ranges[0] is not None and ranges[0] == ranges[1]
    assert [row.range_id for row in figures(analyse, "Some 2 and 3 million people moved.")] == [None, None]
    # a change word before the first figure: a change and a level, not a range
    assert [row.range_id for row in figures(analyse, "Prices rose by 3 to 5 percent.")] == [None, None]


def test_a_decimal_comma_after_a_continental_scale_word():
    assert decimal_comma_convention("Budget: 2,5 mld lei.")
    assert not decimal_comma_convention("Budget: 2,500 lei.")


@pytest.mark.parametrize(
    ("start", "end"),
    [(0, 1), (4, 6), (5, 9), (9, 12), (10, 11), (14, 30), (19, 21), (20, 22), (29, 40), (40, 41)],
)
def test_intervals_answer_as_a_scan_of_every_interval_would(start, end):
    from pipeline.components.statistic_intervals import Intervals

    intervals = [(5, 10), (6, 8), (15, 20), (15, 16), (21, 30), (30, 30), (25, 26)]
    found = Intervals(intervals)
    assert found.overlaps(start, end) == any(s < end and start < e for s, e in intervals)
    assert found.contains(start, end) == any(s <= start and end <= e for s, e in intervals)
    assert found.covers(start) == any(s <= start < e for s, e in intervals)
    assert not Intervals([]).overlaps(start, end) and not Intervals([]).covers(start)


# --- round 4 (held-out set4): table year columns, section numbers, names, pointing back, years ---


def test_table_cells_take_the_year_of_their_rows_year_column(analyse):
    text = (
        "| Country of return | Year | Assisted returns | Reintegration packages started |\n"
        "|---|---|---|---|\n"
        "| Georgia | 2023 | 1,412 | 655 |\n"
        "| Georgia | 2024 | 1,198 | 702 |\n"
    )
    assert [(r.value, r.year) for r in figures(analyse, text)] == [(1412, 2023), (655, 2023), (1198, 2024), (702, 2024)]


def test_table_cells_take_the_year_heading_their_column(analyse):
    text = "| Country | 2023 | 2024 |\n|---|---|---|\n| Georgia | 1,412 | 655 |\n| Iraq | 874 | 610 |\n"
    assert [(r.value, r.year) for r in figures(analyse, text)] == [(1412, 2023), (655, 2024), (874, 2023), (610, 2024)]


def test_a_section_number_opening_a_paragraph_is_no_figure(analyse):
    text = (
        "2.1 From pasture to city. Data show 31,400 registered moves in 2023.\n\n"
        "2.2 Preparedness. The agency has expanded early warning.\n\n"
        "2.1.3 Costs. Nothing was spent.\n\n"
        "2.1 million people moved in 2023.\n\n"
        "2.5 Million Displaced. The crisis deepened."
    )
    assert values(analyse, text) == [(31_400, "count"), (2_100_000, "count"), (2_500_000, "count")]


def test_numbers_joined_by_plus_name_a_programme(analyse):
    text = "Moldova's PARE 1+1 programme was proposed as a model; 40 returnees applied."
    assert values(analyse, text) == [(40, "count")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite number of places, past its adjectives, once as many places are named
        (("Some 582,000 people were displaced in Cabo Delgado, Niassa and Nampula. Projects are under "
          "preparation across the three northern provinces."), [(582_000, "count")]),
        ("The two central banks that presented will pilot a template.", []),
        # not pointing back: no places named before, or not a place
        ("Projects are under preparation across three northern provinces.", [(3, "count")]),
        ("Cabo Delgado, Niassa and Nampula agreed on the four key priorities.", [(4, "count")]),
    ],
)
def test_a_definite_number_of_named_places_points_back(analyse, text, expected):
    assert values(analyse, text) == expected


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # the base of a comparison is not the figure's year; the sentence's year is
        (("In 2024, 159,012 workers went abroad, equal to 127.2 per cent of the plan and 3.8% more than in 2023; "
          "of these, 56,288 were women."), [2024, 2024, 2024, 2024]),
        # a restated share skips the stated change before it
        (("Guatemala had received USD 19.8 billion in remittances in 2023, an increase of 7.9 per cent over 2022 "
          "and a flow equal to nearly a fifth of gross domestic product."), [2023, None, 2023]),
        # figures of one clause share its year ...
        (("His company had processed 2.3 million transactions in the first half of 2024 at an average fee of "
          "USD 3.90."), [2024, 2024]),
        # ... unless a comma sets the later off, or it is the base of a comparison
        (("Sending USD 200 still cost 7.4% on average in the second quarter of 2024, well above the target of "
          "3 per cent set under SDG 10."), [None, 2024, None]),
        (("COMAR registered 78,975 asylum applications in 2024, down from a record 140,982 the previous year, "
          "as changes in policy pushed more people to seek protection."), [2024, None]),
        # two nouns the parse coordinates with the verb; a share "of whom" takes its whole's year
        (("He said that the register of the Council had grown to 826,000 nurses and midwives by March 2024, "
          "over a quarter of whom trained outside Great Britain."), [2024, 2024]),
        ("The Migrant Response Plan 2025 seeks US$ 112 million, roughly a fifth of which had been received by February.",
         [2025, None]),
        # a year modifying a noun of the figure's own phrase comes before the subject's
        ("The 2023 appeal closed at 46 per cent funded, against 58 per cent for the 2022 appeal.", [2023, 2022]),
        ("Employers do not recruit from the 55 countries named on the 2023 edition of the List.", [2023]),
        # "the 2024 fiscal year" is 2024; a participle describing a noun shares its clause's year
        ("USAID brought its humanitarian funding for the 2024 fiscal year to US$ 47.8 million.", [2024]),
        (("During 2024 the Department inspected 46 licensed enterprises, revoked 3 licences and imposed fines "
          "totalling VND 2.86 billion."), [2024, 2024, 2024]),
        # ... but not one with a time of its own
        (("The Policy, adopted in 2016, had created the legal basis for the migrant welfare desks now operating in "
          "29 district employment offices."), [None]),
    ],
)
def test_year_round_4(analyse, text, years):
    assert [r.year for r in figures(analyse, text)] == years


# --- round 7 (set5): open currency forms, ratios of money, year before an amount, row numbers,
# running headers, known sets, number words that do not join ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a code that is also a word is a currency next to money, when a country using it is named
        ("Armenia gave returnees start-up grants averaging AMD 1.6 million.", [(1_600_000, "AMD")]),
        ("In Bolivia, savings stood at BOB 4,100 per household.", [(4100, "BOB")]),
        ("Bolivia reported savings of 4,100 BOB per household.", [(4100, "BOB")]),
        ("Savings stood at BOB 4,100 per household.", [(4100, "count")]),  # no country uses it: the number alone
        ("Armenia has met SDG 10 on remittance costs.", []),  # not money: an identifier, as before
        ("Sudan reported progress on SDG 16.", []),
        # a letter symbol several currencies share is the one of a named country
        ("In India, loans reach Rs 30 lakh per returnee.", [(3_000_000, "INR")]),
        ("Pakistan's migrants sent home Rs 12 lakh each.", [(1_200_000, "PKR")]),
        ("India and Pakistan both cap loans at Rs 30 lakh.", [(3_000_000, "count")]),  # two owners named: unsettled
    ],
)
def test_open_currency_forms_are_settled_by_the_countries_named(analyse, text, expected):
    assert values(analyse, text) == expected


def test_open_currency_forms_prefer_the_country_of_the_sentence(analyse):
    text = "Pakistan sends many workers abroad. In India, loans reach Rs 30 lakh per returnee."
    assert values(analyse, text) == [(3_000_000, "INR")]


def test_shared_letter_symbols_come_from_cldr_and_the_rule_file():
    table = currency_table()
    assert {"INR", "PKR", "LKR", "NPR"} <= table.open_forms["Rs"]  # LKR, NPR from the rule file
    assert table.open_forms["Br"] == {"BYN", "ETB"}  # from CLDR
    assert table.open_forms["AMD"] == {"AMD"}
    assert currency_code("AMD") is None  # still no currency on its own


def test_a_ratio_before_a_currency_word_is_a_ratio(analyse):
    text = "Kerala receives roughly one in five rupees of India's inward remittances."
    assert values(analyse, text) == [(20, "percent")]
    assert figures(analyse, text)[0].text == "one in five"


def test_number_words_that_make_no_number_together_are_read_up_to_the_first(analyse):
    text = "Of 48,600 workers screened at eleven one-stop border posts, 1,930 were referred."
    assert values(analyse, text) == [(48_600, "count"), (11, "count"), (1930, "count")]


def test_a_year_after_a_year_preposition_opens_no_range_with_an_amount(analyse):
    rows = figures(analyse, "Residence permits granted each year rose from 4,100 in 2014 to 19,700 in 2023.")
    assert [(row.value, row.year) for row in rows] == [(4100, 2014), (19_700, 2023)]
    assert all(row.range_id is None for row in rows)
    assert values(analyse, "Between 2000 and 3,000 people crossed.") == [(2000, "count"), (3000, "count")]


def test_a_row_labels_own_number_numbers_the_row(analyse):
    text = (
        "| Indicator | Baseline (2021) | Achieved (2024) |\n|---|---|---|\n"
        "| 1.1 Share of households with early warning | 18% | 62% |\n"
        "| 2.1 People reached by information | 1,200 | 35,870 |\n"
    )
    assert values(analyse, text) == [(18, "percent"), (62, "percent"), (1200, "count"), (35_870, "count")]


def test_page_numbers_of_a_running_header_are_no_figures(analyse):
    header = "BORDERLINES | Asia-Pacific Migration Bulletin | No. 14 | May 2025 | {}"
    text = (
        f"{header.format(1)}\n\nSome 320 officers staff the posts.\n\n{header.format(2)}\n\n"
        "Traders crossed 186,400 times in 2024, and nationals of the ten\n\n"
        f"{header.format(3)}\n\nother member states followed.\n"
    )
    assert [value for value, _ in values(analyse, text)] == [320, 186_400, 10]


def test_a_number_that_recurs_in_a_paragraph_but_does_not_rise_is_kept(analyse):
    text = "Total arrivals: 5\n\nSome text in between.\n\nTotal arrivals: 5\n"
    assert [value for value, _ in values(analyse, text)] == [5, 5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cut costs to below 5 per cent in all four corridors by 2027.", [(5, "percent")]),
        ("Set a cap in all the three settings.", []),
        ("Services reach all 47 counties.", [(47, "count")]),  # digits still count
        ("Four corridors were studied.", [(4, "count")]),
    ],
)
def test_a_number_word_after_all_names_a_known_set(analyse, text, expected):
    assert values(analyse, text) == expected
