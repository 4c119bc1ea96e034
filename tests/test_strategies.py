"""Strategies, policies, plans and laws with their year ranges (issue 4)."""

from __future__ import annotations

import pytest

from pipeline.components.strategies import Vocabulary
from pipeline.components.strategy_finder.patterns import compile_matchers, expand_pattern
from pipeline.components.strategy_finder.ranges import YearRanges, year_tokens
from pipeline.components.strategy_finder.windows import WordFilter, anchor_words, matches_in
from pipeline.normalise.strategies import strategy_id, strategy_key
from pipeline.normalise.years import (
    YearRange,
    expand_short_year,
    is_year,
    read_year_range,
    single_year,
)
from pipeline.rules import RulesError, load_rules

# -- year ranges: the Matcher patterns of rules/strategies/patterns.yaml find them, years.py reads them --


@pytest.fixture(scope="module")
def year_ranges(nlp):
    """The year ranges the strategy finder's range patterns find in a text."""
    finder = nlp.get_pipe("strategy_finder")

    def run(text: str) -> list[YearRange]:
        doc = nlp(text)
        found = YearRanges(doc, finder.matchers, finder.vocab)
        return list(found.by_offsets.values())

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-2022", YearRange(2019, 2022)),
        ("2019–2022", YearRange(2019, 2022)),
        ("2019—2022", YearRange(2019, 2022)),
        ("2019 – 2022", YearRange(2019, 2022)),
        ("2019 - 2022", YearRange(2019, 2022)),
        ("(2015-2020)", YearRange(2015, 2020)),
        ("(2018 – 2030)", YearRange(2018, 2030)),
        ("2021 to 2025", YearRange(2021, 2025)),
        ("from 2021 until 2025", YearRange(2021, 2025)),
        ("between 2021 and 2025", YearRange(2021, 2025)),
        ("for the period 2017-2020", YearRange(2017, 2020)),
        ("for the period between 2021-2025", YearRange(2021, 2025)),
        ("for the years 2021 to 2025", YearRange(2021, 2025)),
        ("for 2026–2030", YearRange(2026, 2030)),
        ("2021/2025", YearRange(2021, 2025)),
        ("2012-15", YearRange(2012, 2015)),
        ("2023-24", YearRange(2023, 2024)),
        ("2022–30", YearRange(2022, 2030)),
        ("the 2018–2023", YearRange(2018, 2023)),
        ("January – December 2020", YearRange(2020, 2020)),
        ("March 2018 - June 2020", YearRange(2018, 2020)),
        ("(March 2018 - present)", YearRange(2018, None, open_ended=True)),
        ("2018 to date", YearRange(2018, None, open_ended=True)),
        ("since 2019", YearRange(2019, None, open_ended=True)),
        ("(2024 onwards)", YearRange(2024, None, open_ended=True)),
        ("from 2024 onward", YearRange(2024, None, open_ended=True)),
        ("until 2030", YearRange(None, 2030)),
        ("up to 2025", YearRange(None, 2025)),
        ("through 2040", YearRange(None, 2040)),
        ("by 2027", YearRange(None, 2027)),
        ("by the end of 2027", YearRange(None, 2027)),
    ],
)
def test_every_written_form_of_a_range_is_found_and_read(year_ranges, text, expected):
    assert year_ranges(f"The plan runs {text} in the country.") == [expected]


@pytest.mark.parametrize(
    "text",
    ["2016", "adopted in 2016", "in 2016", "December 2020", "2030-2019", "1990-2099", "COVID-19", "2019 and 2022"],
)
def test_a_single_year_a_date_or_a_reversed_range_is_no_range(year_ranges, text):
    assert year_ranges(f"The plan runs {text} in the country.") == []


@pytest.mark.parametrize(
    ("reading", "words", "expected"),
    [
        ("closed", "for the period 2012-15", YearRange(2012, 2015)),
        ("closed", "January – December 2020", YearRange(2020, 2020)),
        ("closed", "between 2021 and 2025", YearRange(2021, 2025)),
        ("closed", "2030-2019", None),  # reversed
        ("closed", "1990-2099", None),  # longer than any period
        ("open", "(March 2018 - present)", YearRange(2018, None, open_ended=True)),
        ("end_only", "by the end of 2027", YearRange(None, 2027)),
        ("end_only", "until 1700", None),  # no year
    ],
)
def test_a_range_reads_the_years_of_its_words_as_its_pattern_group_says(reading, words, expected):
    assert read_year_range(reading, words) == expected


def test_a_range_pattern_group_must_say_how_it_reads(nlp):
    with pytest.raises(ValueError):
        read_year_range("sometimes", "2019-2022")
    patterns = dict(load_rules("strategies/patterns.yaml"))
    patterns["year_ranges"] = {"sometimes": [["$YEAR"]]}
    vocabulary = Vocabulary.from_rules(load_rules("strategies/vocabulary.yaml"))
    with pytest.raises(RulesError):
        compile_matchers(nlp, patterns, vocabulary, load_rules("strategies/status.yaml"), {})


def test_month_names_and_their_abbreviations_come_from_the_calendar(year_ranges):
    assert year_ranges("The plan ran from Jan. 2020 to Sept. 2021 in Fiji.") == [YearRange(2020, 2021)]
    assert year_ranges("The plan runs (Sept 2019 – present) in Fiji.") == [YearRange(2019, None, open_ended=True)]


def test_a_year_is_a_four_digit_number_from_1800_to_2100():
    assert [is_year(text) for text in ("1800", "2019", "2100", " 2030 ")] == [True] * 4
    assert [is_year(text) for text in ("1799", "2101", "19", "2019-20", "20190")] == [False] * 5


def test_short_second_years_take_the_first_years_century():
    assert expand_short_year(2012, "15") == 2015
    assert expand_short_year(2023, "24") == 2024
    assert expand_short_year(2098, "02") == 2102
    assert expand_short_year(2019, "2022") == 2022


def test_single_year_is_a_title_year_only_when_alone():
    assert single_year("2035") == 2035
    assert single_year("2035-2040") is None
    assert single_year("35") is None


def test_names_fold_to_one_key_and_a_readable_id():
    assert strategy_key("the National  Strategy – 2030") == strategy_key("National Strategy - 2030")
    assert strategy_key("State migration program") == strategy_key("State Migration Programme")
    assert strategy_id("National Action Plan", YearRange(2018, 2020)) == "national-action-plan--2018-2020"
    assert strategy_id("law on foreigners", YearRange(2018, None, True)) == "law-on-foreigners--2018-open"
    assert strategy_id("Special Act", None) == "special-act"


def test_vocabulary_rejects_unquoted_yaml_booleans():
    data = dict(load_rules("strategies/vocabulary.yaml"))
    data["connectors"] = ["of", True]  # what a bare `on` becomes in YAML
    with pytest.raises(RulesError):
        Vocabulary.from_rules(data)


# -- the pipeline on short texts -----------------------------------------------------------------


@pytest.fixture(scope="module")
def strategies(analyse):
    def run(text: str) -> dict[str, object]:
        return {row.name: row for row in analyse(text).rows["strategies"]}

    return run


def _years(row) -> tuple:
    return row.start_year, row.end_year, row.open_ended


@pytest.mark.parametrize(
    ("text", "name", "years"),
    [
        ("Jordan adopted the National Strategy for Youth 2019-2022.", "National Strategy for Youth", (2019, 2022, False)),
        ("Jordan adopted the National Strategy for Youth 2019–2022.", "National Strategy for Youth", (2019, 2022, False)),
        ("Jordan adopted the National Strategy for Youth 2019—2022.", "National Strategy for Youth", (2019, 2022, False)),
        ("Jordan adopted the National Strategy for Youth 2019 – 2022.", "National Strategy for Youth", (2019, 2022, False)),
        ("The National Strategy for Youth (2015-2020) expired.", "National Strategy for Youth", (2015, 2020, False)),
        ("The Employment Strategy 2021 to 2025 sets targets.", "Employment Strategy", (2021, 2025, False)),
        (
            "They agreed the Strategy for integrated migration management in Montenegro for the period 2017-2020.",
            "Strategy for integrated migration management in Montenegro",
            (2017, 2020, False),
        ),
        (
            "They agreed the Labour Migration Strategy for the period between 2021-2025.",
            "Labour Migration Strategy",
            (2021, 2025, False),
        ),
        ("They agreed the Labour Migration Strategy 2021/2025.", "Labour Migration Strategy", (2021, 2025, False)),
        ("The Integration and Reintegration Policy 2012-15 was revised.", "Integration and Reintegration Policy",
         (2012, 2015, False)),
        ("The Roadmap on Labour Migration 2023-24 was approved.", "Roadmap on Labour Migration", (2023, 2024, False)),
        ("Albania adopted the 2018–2023 National Employment Action Plan.", "National Employment Action Plan",
         (2018, 2023, False)),
        ("The ministry prepared a 2024-2026 action plan with partners.", "action plan", (2024, 2026, False)),
        ("The committee has prepared the 2021-2023 action plan to combat illegal immigration; the third of its kind.",
         "action plan to combat illegal immigration", (2021, 2023, False)),
        ("This includes a new law on foreigners (March 2018 - present) which aims high.", "law on foreigners",
         (2018, None, True)),
        ("The country has had a migration policy since 2019.", "migration policy", (2019, None, True)),
        ("The Law on Asylum (2024 onwards) applies to all.", "Law on Asylum", (2024, None, True)),
        ("Migration is a priority, as the recently adopted Concept of State Migration Policy until 2030 shows.",
         "Concept of State Migration Policy", (None, 2030, False)),
        ("The plan is aligned with the Employment Policy up to 2025.", "Employment Policy", (None, 2025, False)),
        ("The program aligns with the National Water Strategy through 2040.", "National Water Strategy",
         (None, 2040, False)),
        ("Egypt pursues Vision 2035 with its partners.", "Vision 2035", (None, 2035, False)),
        ("Partners launched the Regional Response Plan 2026 in Amman.", "Regional Response Plan 2026",
         (None, 2026, False)),
        ("Kenya enacted the Refugees Act 2006 last decade.", "Refugees Act 2006", (None, None, False)),
        ("The Integration Strategy was adopted in 2016.", "Integration Strategy", (None, None, False)),
        ("This includes a strategy on diaspora engagement (2020-2030) to provide conditions.",
         "strategy on diaspora engagement", (2020, 2030, False)),
        ("The Conference asked for a coherent ILO strategy and action plan on skills and lifelong learning for 2022–30.",
         "ILO strategy and action plan on skills and lifelong learning", (2022, 2030, False)),
        ("the EU-funded project “Support to the Implementation of the Prague Process Action Plan 2012 – 2016” closed.",
         "Prague Process Action Plan", (2012, 2016, False)),
        ("Aleskerov noted that “State migration program of Azerbaijan Republic for 2006-2008” was approved in 2006.",
         "State migration program of Azerbaijan Republic", (2006, 2008, False)),
    ],
)
def test_names_and_every_range_form(strategies, text, name, years):
    found = strategies(text)
    assert name in found, found.keys()
    assert _years(found[name]) == years


def test_a_month_year_range_on_a_campaign_is_no_strategy(strategies):
    text = (
        "Albania has sought to reduce irregular migration through an awareness campaign implemented by an "
        "inter-ministerial working group (January – December 2020)."
    )
    assert strategies(text) == {}


def test_a_single_adoption_year_is_not_a_range(strategies):
    found = strategies(
        "Increased immigration led the government to develop an integration strategy in 2016. "
        "Returnees are supported by the State Primary Assistance Program for Reintegration of Returned "
        "(including Compulsory Returned) Citizens to the Republic of Armenia (adopted in March 2020)."
    )
    assert list(found) == [
        ("State Primary Assistance Program for Reintegration of Returned (including Compulsory Returned) "
         "Citizens to the Republic of Armenia")
    ]
    row = next(iter(found.values()))
    assert _years(row) == (None, None, False)
    assert (row.kind, row.status, row.country_iso3, row.country_source) == ("programme", "adopted", "ARM", "name")


@pytest.mark.parametrize(
    "text",
    [
        "The country ratified the Palermo Convention in 2006.",
        "In compliance with the Stabilisation and Association Agreement with the EU, the country cooperates.",
        "Ukraine has committed to advancing the 2030 Agenda.",
        "The 2030 Agenda for Sustainable Development recognizes migration.",
        "Member States implement the Global Compact for Safe, Orderly and Regular Migration (2018).",
        "The GMS TRIANGLE project (2010-2015) helped migrants.",
        "The United Nations Development Programme supports the region.",
        "The Migration Policy Institute published the Strategy Implementation Report.",
        "The Ministry of Justice and Law Enforcement and the Institute for Migration Policy met.",
        "Respect for International Humanitarian Law is essential.",
        "The strategy and action plan were reviewed, and the Strategy was praised.",
        "Serbia has in place policies on migration management.",
        "From National Strategy to Practice",
    ],
)
def test_treaties_agreements_agendas_compacts_projects_bodies_and_generic_mentions_are_not_strategies(
    strategies, text
):
    assert strategies(text) == {}


def test_a_list_of_strategies_splits_at_semicolons_and_the_final_and(strategies, corpus_report_text):
    found = strategies(
        "This is supported by other strategies, including: the Strategy on Demographic Development of the Republic "
        "of Macedonia 2008-2015; the National Strategy of the Republic of North Macedonia on Cooperation with the "
        "Diaspora 2019-2023; the National Strategy on Combatting Trafficking in Human Beings and Illegal Migration "
        "in the Republic of Macedonia 2017-2020; the Strategy on Gender Equality 2013-2020 and the National "
        "Strategy on Equality and Non-discrimination."
    )
    assert {name: _years(row)[:2] for name, row in found.items()} == {
        "Strategy on Demographic Development of the Republic of Macedonia": (2008, 2015),
        "National Strategy of the Republic of North Macedonia on Cooperation with the Diaspora": (2019, 2023),
        "National Strategy on Combatting Trafficking in Human Beings and Illegal Migration in the Republic of "
        "Macedonia": (2017, 2020),
        "Strategy on Gender Equality": (2013, 2020),
        "National Strategy on Equality and Non-discrimination": (None, None),
    }
    assert all(row.country_iso3 == "MKD" for row in found.values())


def test_names_in_a_list_split_at_and_the_with_their_own_ranges(strategies):
    found = strategies(
        "The program aligns with the National Development Strategy through 2030 and the National Water Strategy "
        "through 2040. The country has the Anti-Trafficking Strategy and the Anti-corruption Strategy 2020-2025."
    )
    assert {name: _years(row)[:2] for name, row in found.items()} == {
        "National Development Strategy": (None, 2030),
        "National Water Strategy": (None, 2040),
        "Anti-Trafficking Strategy": (None, None),
        "Anti-corruption Strategy": (2020, 2025),
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            ("The State Program for the Development of New Irrigated Lands and the Restoration of Lands Removed from "
             "Agricultural Use for 2026–2030 was endorsed."),
            ("State Program for the Development of New Irrigated Lands and the Restoration of Lands Removed from "
             "Agricultural Use"),
        ),
        (
            "The AU adopted the “Migration Policy Framework for Africa and Plan of Action (2018 – 2030)” last year.",
            "Migration Policy Framework for Africa and Plan of Action",
        ),
        (
            ("The Regional Director announced the Regional Strategy for South-Eastern Europe, Eastern Europe, and "
             "Central Asia which identified three pillars."),
            "Regional Strategy for South-Eastern Europe, Eastern Europe, and Central Asia",
        ),
    ],
)
def test_an_and_inside_a_name_does_not_split_it(strategies, text, name):
    assert list(strategies(text)) == [name]


def test_a_capitalised_law_name_stops_before_a_footnote_mark(strategies):
    found = strategies("Further the Special Act* is in place which addresses most refugee needs.")
    assert list(found) == ["Special Act"]
    assert (found["Special Act"].kind, found["Special Act"].status) == ("law", "in force")


def test_a_bare_reference_to_a_named_strategy_is_no_row(strategies):
    found = strategies(
        "It is hoped this is achieved through the National Strategy for Migration (2019-2022) and its Action Plan. "
        "Coordination of the Strategy is supported by IOM, and the strategy and action plan are assessed."
    )
    assert list(found) == ["National Strategy for Migration"]


def test_the_same_strategy_named_twice_is_one_row_located_at_its_first_mention(analyse):
    text = (
        "Officials launched the Lebanon Crisis Response Plan 2017-2020 at the Grand Serail. "
        "The Lebanon Crisis Response Plan brings together more than 104 partners. "
        "The plan (2017-2020) is costed."
    )
    context = analyse(text)
    rows = context.rows["strategies"]
    assert [(row.name, row.start_year, row.end_year) for row in rows] == [
        ("Lebanon Crisis Response Plan", 2017, 2020)
    ]
    row = rows[0]
    assert text[row.start_char:row.end_char] == "Lebanon Crisis Response Plan"
    mentions = [m for m in context.rows["mentions"] if m.type == "strategy"]
    assert len(mentions) == 3 and {m.normalized for m in mentions} == {row.strategy_id}


def test_one_name_with_two_ranges_is_two_strategies(strategies, analyse):
    context = analyse(
        "The Government adopted the Strategy for integrated migration management in Montenegro for the period "
        "2017-2020. In March 2011 it adopted the Strategy for Integrated Migration Management in Montenegro for "
        "the period 2011-2016. The topics were the National Action Plan 2018-2020 and the new National Action "
        "Plan 2021-2022."
    )
    rows = [(row.name, row.start_year, row.end_year) for row in context.rows["strategies"]]
    assert rows == [
        ("Strategy for integrated migration management in Montenegro", 2017, 2020),
        ("Strategy for Integrated Migration Management in Montenegro", 2011, 2016),
        ("National Action Plan", 2018, 2020),
        ("National Action Plan", 2021, 2022),
    ]
    assert len({row.strategy_id for row in context.rows["strategies"]}) == 4


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the National Strategy for Youth 2019-2022", "strategy"),
        ("the Migration Policy Framework for Africa", "policy"),
        ("the Concept of State Migration Policy until 2030", "policy"),
        ("the National Plan of Action for Children 2022-2026", "action_plan"),
        ("the State Program for Returnees 2020-2024", "programme"),
        ("the Law on Foreigners", "law"),
        ("the Resolution on Migration Policy (2009-2014)", "resolution"),
        ("Vision 2035", "other"),
    ],
)
def test_kind_comes_from_the_head_word(strategies, text, kind):
    rows = list(strategies(f"The government adopted {text} last year.").values())
    assert [row.kind for row in rows] == [kind]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("IOM supported the draft Law on Foreigners in December.", "draft"),
        ("The Government adopted the Strategy on Migration 2019-2022 in March.", "adopted"),
        ("The Strategy for Inclusive Education through 2045 was approved.", "adopted"),
        ("Georgia is drafting a new National Migration Strategy 2026-2030.", "planned"),
        ("The Law on Foreigners is currently in force.", "in force"),
        ("The Law on Foreigners regulates stays.", None),
    ],
)
def test_status_comes_from_cue_words_near_the_name(strategies, text, status):
    rows = list(strategies(text).values())
    assert [row.status for row in rows] == [status]


def test_country_from_the_name_else_the_context(strategies):
    found = strategies(
        "Montenegro has made great strides. This includes a new law on foreigners (March 2018 - present). "
        "The State migration program of Azerbaijan Republic for 2006-2008 was approved."
    )
    assert (found["law on foreigners"].country_iso3, found["law on foreigners"].country_source) == ("MNE", "context")
    program = found["State migration program of Azerbaijan Republic"]
    assert (program.country_iso3, program.country_source) == ("AZE", "name")


# -- the first report and the dev set ------------------------------------------------------------


@pytest.fixture(scope="module")
def first_report_rows(analyse, corpus_report_text):
    return {row.name: row for row in analyse(corpus_report_text).rows["strategies"]}


def test_first_report_countries_come_from_name_speaker_or_context(first_report_rows):
    countries = {name: row.country_iso3 for name, row in first_report_rows.items()}
    assert countries["Regional Strategy for South-Eastern Europe, Eastern Europe, and Central Asia"] is None
    assert countries["Integration and Reintegration Policy"] == "ARM"
    assert countries["strategy on diaspora engagement"] == "MDA"
    assert countries["Resolution on Migration Policy"] == "MKD"
    assert countries["law on foreigners"] == "MNE"
    assert countries["National Strategy for Migration"] == "ALB"
    assert first_report_rows["Migration Policy of the Republic of North Macedonia"].country_source == "name"
    assert len(first_report_rows) == 18


# -- round 2: law numbers, other law heads, ranges through a clause, titles before a lowercase head ---


@pytest.mark.parametrize(
    ("text", "name", "years"),
    [
        ("The authorities apply Law No. 2015-36 on the Illicit Smuggling of Migrants to all.",
         "Law No. 2015-36 on the Illicit Smuggling of Migrants", (None, None, False)),
        ("Refugees may work under Refugee Proclamation No. 1110/2019, which allows them to register.",
         "Refugee Proclamation No. 1110/2019", (None, None, False)),
        ("The approach is guided by Law No. 6458 on Foreigners and International Protection today.",
         "Law No. 6458 on Foreigners and International Protection", (None, None, False)),
        ("The Decree No 12/2021 on Residence Permits was amended.", "Decree No 12/2021 on Residence Permits",
         (None, None, False)),
        ("Kenya enacted the Law No 4 of 2024 on Labour Migration.", "Law No 4 of 2024 on Labour Migration",
         (None, None, False)),
    ],
)
def test_a_laws_number_stays_in_its_name_and_is_no_range(strategies, analyse, text, name, years):
    found = strategies(text)
    assert list(found) == [name]
    assert _years(found[name]) == years


def test_numbers_of_a_law_are_no_statistics(analyse):
    context = analyse("The authorities apply Law No. 6458 on Foreigners and International Protection to 120 people.")
    assert [row.value for row in context.rows["statistics"]] == [120]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Colombian officials praised the Temporary Protection Statute for Venezuelan Migrants, adopted in 2021.",
         "Temporary Protection Statute for Venezuelan Migrants", "law"),
        ("The Labour Code was amended last year.", "Labour Code", "law"),
        ("The Public Order Ordinance applies to gatherings.", "Public Order Ordinance", "law"),
        ("Workers join the Seasonal Worker Scheme every year.", "Seasonal Worker Scheme", "programme"),
        ("Mr. Nair described the Pravasi Kaushal Vikas Yojana, a pre-departure skilling programme.",
         "Pravasi Kaushal Vikas Yojana", "programme"),
    ],
)
def test_other_names_of_laws_and_programmes_are_heads(strategies, text, name, kind):
    found = strategies(text)
    assert list(found) == [name]
    assert found[name].kind == kind and _years(found[name]) == (None, None, False)


@pytest.mark.parametrize(
    "text",
    [
        "Recruiters signed the Code of Conduct for ethical recruitment.",
        "The WHO Global Code of Practice on the International Recruitment of Health Personnel applies.",
        "Kenya ratified the Rome Statute in 2005.",
        "The seasonal employment scheme brought workers from Vanuatu.",
    ],
)
def test_codes_of_conduct_treaties_and_undated_lowercase_schemes_are_not_strategies(strategies, text):
    assert strategies(text) == {}


@pytest.mark.parametrize(
    ("text", "name", "years"),
    [
        ("She presented the Emerging Senegal Plan, which runs through 2035, and its diaspora component.",
         "Emerging Senegal Plan", (None, 2035, False)),
        (("Under the Voluntary Return Support Programme, implemented since 2020 together with UNHCR, returnees "
          "receive counselling."), "Voluntary Return Support Programme", (2020, None, True)),
        ("Ecuador's earlier Human Mobility Plan, in force from 2018 to 2022, is being replaced.",
         "Human Mobility Plan", (2018, 2022, False)),
        ("The National Youth Strategy, which covers the period 2021-2025, was praised.", "National Youth Strategy",
         (2021, 2025, False)),
        ("The Labour Migration Policy runs until 2030 and sets targets.", "Labour Migration Policy",
         (None, 2030, False)),
        ("The Integration Programme, which has been in place since 2019, helps refugees.", "Integration Programme",
         (2019, None, True)),
        ("The Integration Programme, adopted in 2016, helps refugees.", "Integration Programme", (None, None, False)),
        ("The Integration Programme, which was adopted in 2019-2020 by the cabinet, helps.", "Integration Programme",
         (None, None, False)),
    ],
)
def test_a_range_attaches_through_a_clause_that_says_the_name_runs_over_it(strategies, text, name, years):
    found = strategies(text)
    assert list(found) == [name]
    assert _years(found[name]) == years


def test_a_title_with_its_year_before_a_lowercase_head_keeps_the_year_as_its_end(strategies):
    found = strategies("Ms. Al Shamsi explained that the We the UAE 2031 vision places a premium on skills.")
    assert list(found) == ["We the UAE 2031"]
    assert (_years(found["We the UAE 2031"]), found["We the UAE 2031"].kind) == ((None, 2031, False), "other")
    assert list(strategies("The Europe 2020 strategy set employment targets.")) == ["Europe 2020"]


@pytest.mark.parametrize(
    "text",
    [
        "The UNHCR 2023 plan was underfunded.",  # an owner and a year: descriptive, no title
        "Officials discussed the Kenya 2030 strategy.",
        "In 2030 plans will change.",
    ],
)
def test_an_owner_with_a_year_before_a_lowercase_head_is_no_title(strategies, text):
    assert strategies(text) == {}


def test_a_plural_possessive_belongs_to_the_title_but_an_owner_does_not(strategies):
    found = strategies(
        "She described the Expatriates' Welfare and Overseas Employment Policy in detail. "
        "Kenya's National Migration Policy 2020-2025 was praised."
    )
    assert set(found) == {"Expatriates' Welfare and Overseas Employment Policy", "National Migration Policy"}


def test_a_shortened_or_nested_name_joins_the_one_fuller_name(analyse):
    context = analyse(
        "He announced the draft ECOWAS Regional Migration Policy (2024–2028). "
        "Delegates asked to join the validation of the draft Regional Migration Policy. "
        "A workshop on National Migration Strategy development was held in Tbilisi. "
        "It prepared a new Migration Strategy for 2016-2020."
    )
    rows = [(row.name, row.start_year, row.end_year) for row in context.rows["strategies"]]
    assert rows == [("ECOWAS Regional Migration Policy", 2024, 2028), ("National Migration Strategy", 2016, 2020)]


# -- the country of a strategy -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country", "source"),
    [
        # 1. in the name: a country, or an organisation (no country)
        ("The Malawi National Labour Migration Policy 2019-2023 was presented.",
         "Malawi National Labour Migration Policy", "MWI", "name"),
        ("Delegates discussed the EU Strategy on Combatting Trafficking in Human Beings (2021-2025) in Albania.",
         "EU Strategy on Combatting Trafficking in Human Beings", None, "organisation"),
        # a demonym in the complement names the people it is about, not the owner
        ("Colombian officials praised the Temporary Protection Statute for Venezuelan Migrants.",
         "Temporary Protection Statute for Venezuelan Migrants", "COL", "owner"),
        # 2. the owner: possessor, subject, agent; an international organisation has no country
        ("Peru and Colombia met. Ecuador's earlier Human Mobility Plan, in force from 2018 to 2022, ended.",
         "Human Mobility Plan", "ECU", "owner"),
        ("Serbia and Kosovo spoke. The Kyrgyz delegation presented the Concept of State Migration Policy until 2030.",
         "Concept of State Migration Policy", "KGZ", "owner"),
        ("Uganda and Kenya met. The African Union adopted the Migration Policy Framework for Africa in 2006.",
         "Migration Policy Framework for Africa", None, "organisation"),
        ("Peru hosted the talks on the Regional Response Plan 2024, which is coordinated by UNHCR and IOM.",
         "Regional Response Plan 2024", None, "organisation"),
        # 4. the sentence: a venue is not an owner
        ("The Strategy on Migration 2019-2022 was adopted in Banjul, the Gambia, by Senegal.",
         "Strategy on Migration", "SEN", "context"),
    ],
)
def test_country_of_a_strategy_follows_one_order_of_rules(strategies, text, name, country, source):
    row = strategies(text)[name]
    assert (row.country_iso3, row.country_source) == (country, source)


def test_the_country_a_report_is_about_decides_when_nothing_closer_does(strategies):
    found = strategies(
        "Nigeria's partners met in Abuja.\n\nThe review of the National Migration Policy (NMP) is supported by "
        "a trust fund.\n\nThe NMP matters for Nigeria."
    )
    assert (found["National Migration Policy"].country_iso3, found["National Migration Policy"].country_source) == (
        "NGA", "report")


def test_people_named_by_a_demonym_do_not_own_a_programme(strategies):
    found = strategies(
        "Türkiye hosts refugees. Türkiye pays most costs.\n\n"
        "Since 2016, more than 650,000 Syrians have returned voluntarily. Under the Voluntary Return Support "
        "Programme, implemented since 2020, returnees receive counselling."
    )
    row = found["Voluntary Return Support Programme"]
    assert (row.country_iso3, row.country_source) == ("TUR", "report")


def test_no_country_dominates_a_report_of_many_countries(strategies):
    found = strategies(
        "Albania, Serbia and Montenegro met.\n\nThe Regional Action Plan on Returns 2024-2026 was discussed."
    )
    assert found["Regional Action Plan on Returns"].country_iso3 is None


def test_range_clause_links_are_matcher_patterns_from_the_rules():
    patterns = load_rules("strategies/patterns.yaml")
    classes = patterns["token_classes"]
    for link in patterns["range_clause_links"]:
        assert all(isinstance(token, dict) for token in expand_pattern(link, classes, {"HEADS": ["plan"]}))


def test_a_known_name_without_a_head_word_comes_from_the_gazetteer(strategies):
    found = strategies(
        "For the Republic of Korea, the Employment Permit System (EPS) would admit 165,000 workers. "
        "The employment permit system of other countries differs."
    )
    assert list(found) == ["Employment Permit System"]
    assert (found["Employment Permit System"].kind, found["Employment Permit System"].country_iso3) == (
        "programme", "KOR")


# -- round 3: law titles, head-first names, regulations, aliases, title years, deadlines, quoted names --


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He said a revision of Law 02-03 on the Entry and Stay of Foreigners was being prepared.",
         "Law 02-03 on the Entry and Stay of Foreigners"),
        ("Mali applies Law 2015-36 on Smuggling of Migrants at its borders.", "Law 2015-36 on Smuggling of Migrants"),
        ("The Decree 12/2021 on Residence Permits was amended.", "Decree 12/2021 on Residence Permits"),
        ("Kenya passed Law 4 of 2024 on Labour Migration.", "Law 4 of 2024 on Labour Migration"),
        ("The Act of 12 March 2022 on Assistance to Citizens of Ukraine was amended.",
         "Act of 12 March 2022 on Assistance to Citizens of Ukraine"),
        ("Poland adopted the Law of 12 December 2013 on Foreigners, which regulates entry.",
         "Law of 12 December 2013 on Foreigners"),
    ],
)
def test_a_laws_number_without_no_and_a_date_in_its_title_stay_in_the_name(strategies, text, name):
    found = strategies(text)
    assert list(found) == [name]
    assert _years(found[name]) == (None, None, False)


def test_the_number_of_a_law_written_without_no_is_no_statistic(analyse):
    context = analyse("Morocco revised Law 02-03 on the Entry and Stay of Foreigners for 120 people.")
    assert [row.value for row in context.rows["statistics"]] == [120]


def test_a_head_that_opens_a_name_takes_the_capitalised_words_after_it(strategies):
    found = strategies("The “Lex Ukraine” package of laws had been revised in 2024.")
    assert list(found) == ["Lex Ukraine"]
    assert (found["Lex Ukraine"].kind, _years(found["Lex Ukraine"])) == ("law", (None, None, False))


def test_named_regulations_are_laws_and_a_list_of_them_splits_at_each_name(strategies):
    found = strategies(
        "Participants reviewed its main legal acts: the Screening Regulation, the Asylum Procedure Regulation (APR), "
        "the Asylum and Migration Management Regulation (AMMR), the Eurodac Regulation and the Crisis and Force "
        "Majeure Regulation. Kazakhstan presented the draft Regulation on Licensing of Private Employment Agencies."
    )
    assert list(found) == [
        "Screening Regulation", "Asylum Procedure Regulation", "Asylum and Migration Management Regulation",
        "Eurodac Regulation", "Crisis and Force Majeure Regulation",
        "Regulation on Licensing of Private Employment Agencies",
    ]
    assert {row.kind for row in found.values()} == {"law"}
    assert found["Regulation on Licensing of Private Employment Agencies"].status == "draft"


@pytest.mark.parametrize(
    "text",
    [
        "Experts discussed the Regulation of Labour Migration in the region.",  # regulating, not a regulation
        "States must implement the International Health Regulations.",
        "Share the draft Regulation for comments.",
        "The Sendai Framework for Disaster Risk Reduction 2015–2030 guides disaster policy.",
        "The UN Sustainable Development Cooperation Framework 2021-2025 was signed.",
    ],
)
def test_regulating_plural_regulations_and_international_or_cooperation_frameworks_are_no_strategies(
    strategies, text
):
    assert strategies(text) == {}


def test_a_regional_or_national_framework_is_a_policy(strategies):
    found = strategies(
        "Leaders recalled the Pacific Regional Framework on Climate Mobility, endorsed in 2023. "
        "Ghana adopted the National Framework for Labour Migration."
    )
    assert {name: (row.kind, _years(row)) for name, row in found.items()} == {
        "Pacific Regional Framework on Climate Mobility": ("policy", (None, None, False)),
        "National Framework for Labour Migration": ("policy", (None, None, False)),
    }


def test_another_name_given_to_a_law_is_the_same_strategy(analyse):
    context = analyse(
        "The Act of 12 March 2022 on Assistance to Citizens of Ukraine, commonly referred to as the "
        "\"Special Act\", had been amended. The Special Act links benefits to school attendance."
    )
    rows = context.rows["strategies"]
    assert [(row.name, row.start_year, row.end_year) for row in rows] == [
        ("Act of 12 March 2022 on Assistance to Citizens of Ukraine", None, None)
    ]
    mentions = [m for m in context.rows["mentions"] if m.type == "strategy"]
    assert len(mentions) == 3 and {m.normalized for m in mentions} == {rows[0].strategy_id}


@pytest.mark.parametrize(
    ("text", "name", "years"),
    [
        ("Leaders endorsed the 2050 Strategy for the Blue Pacific Continent last year.",
         "2050 Strategy for the Blue Pacific Continent", (None, 2050, False)),
        ("Recruitment is a priority of the Uzbekistan – 2030 Strategy.", "Uzbekistan – 2030 Strategy",
         (None, 2030, False)),
        ("Kazakhstan pursues the Kazakhstan-2050 Strategy with partners.", "Kazakhstan-2050 Strategy",
         (None, 2050, False)),
        ("The Europe 2020 Strategy set employment targets.", "Europe 2020 Strategy", (None, 2020, False)),
        ("Serbia amended the 2018 Law on Foreigners.", "2018 Law on Foreigners", (None, None, False)),
        ("Donors praised the Kiribati 20-Year Vision 2016–2036 in Apia.", "Kiribati 20-Year Vision",
         (2016, 2036, False)),
    ],
)
def test_a_year_or_a_number_word_that_opens_a_title_stays_in_the_name(strategies, text, name, years):
    found = strategies(text)
    assert list(found) == [name]
    assert _years(found[name]) == years


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 National Strategy drafts were shared with partners.",  # after a preposition: a date
        "The 2016 Strategy was replaced by a new one.",  # a generic name dated by its adoption points back
    ],
)
def test_a_year_before_a_bare_or_generic_name_is_no_title_year(strategies, text):
    assert strategies(text) == {}


@pytest.mark.parametrize(
    ("text", "name", "years"),
    [
        ("The National Labour Migration Action Plan, which is to be fully implemented by 2027, expands training.",
         "National Labour Migration Action Plan", (None, 2027, False)),
        ("The Labour Migration Plan, to be implemented by 2030, covers all regions.", "Labour Migration Plan",
         (None, 2030, False)),
        ("The National Migration Strategy, which is to be adopted by 2025, is being drafted.",
         "National Migration Strategy", (None, None, False)),
        ("The government aims to reduce poverty by 2030 under the National Development Plan.",
         "National Development Plan", (None, None, False)),
    ],
)
def test_a_deadline_ends_a_period_only_when_the_name_is_carried_out_by_then(strategies, text, name, years):
    found = strategies(text)
    assert list(found) == [name]
    assert _years(found[name]) == years


def test_a_quoted_title_before_a_lowercase_head_is_a_name(strategies):
    found = strategies(
        "The government's “Mexico Embraces You” programme, launched in January 2025, helps returnees. "
        "The ministry runs the \"Safe Return\" programme (2020-2023) for returnees. "
        "The country keeps its \"zero tolerance\" policy on smuggling."
    )
    assert {name: (row.kind, _years(row)) for name, row in found.items()} == {
        "Mexico Embraces You": ("programme", (None, None, False)),
        "Safe Return": ("programme", (2020, 2023, False)),
    }


# -- round 4: long titles, law codes, bracketed names, horizons, subtitles, orders ---------------


def test_a_long_title_goes_on_over_comma_separated_parts_to_the_range_that_closes_it(strategies):
    found = strategies(
        "Albania adopted the Strategy for Protection of Children, Especially Orphans and Minors, and Support "
        "of Families 2018-2023. It also adopted the Strategy on Asylum, Return and Integration Policy 2019-2022 "
        "and a Plan for Housing, Especially for Families, to be discussed later."
    )
    assert {name: _years(row) for name, row in found.items()} == {
        "Strategy for Protection of Children, Especially Orphans and Minors, and Support of Families":
            (2018, 2023, False),
        "Strategy on Asylum": (None, None, False),  # a part with a head word is the next name of a list
        "Return and Integration Policy": (2019, 2022, False),
        "Plan for Housing": (None, None, False),  # no range closes the parts: the name ends at the comma
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Law No. 03/L-125 on Asylum was amended.", "Law No. 03/L-125 on Asylum"),
        ("Decree No. 12/IV-2020 on Residence was published.", "Decree No. 12/IV-2020 on Residence"),
    ],
)
def test_a_laws_number_may_hold_capital_letters_between_its_digits(strategies, text, name):
    assert list(strategies(text)) == [name]


def test_a_name_alone_in_brackets_right_after_a_name_is_the_same_strategy(analyse):
    context = analyse(
        "Refugees are protected under the Law on Asylum and Temporary Protection (Law No. 5218). "
        "The Law No. 5218 was amended in 2020. The Employment Act 1955 (Act 265) sets minimum terms."
    )
    rows = context.rows["strategies"]
    assert [row.name for row in rows] == ["Law on Asylum and Temporary Protection", "Employment Act 1955"]
    mentions = [m for m in context.rows["mentions"] if m.type == "strategy"]
    assert sum(m.normalized == rows[0].strategy_id for m in mentions) == 3


def test_a_plan_horizon_of_2100_is_a_title_year(strategies):
    found = strategies("The Netherlands updated the Coastal Delta Plan 2100 with new dikes.")
    assert _years(found["Coastal Delta Plan 2100"]) == (None, 2100, False)
    assert read_year_range("closed", "2050-2100") == YearRange(2050, 2100)
    assert single_year("2101") is None


def test_an_owner_and_year_before_a_colon_and_a_subtitle_make_one_title(strategies):
    found = strategies(
        "Reintegration will follow the priorities of Tonga 2035: The Nation's Plan and the Regional Strategy "
        "for Fisheries. In 2030: The Plan was revised."
    )
    assert {name: _years(row) for name, row in found.items()} == {
        "Tonga 2035: The Nation's Plan": (None, 2035, False),
        "Regional Strategy for Fisheries": (None, None, False),
    }


def test_a_name_does_not_run_on_over_and_with_a_preposition(strategies):
    found = strategies("Workers are linked to the Pacific Labour Plan and to the Pacific Islands Forum Secretariat.")
    assert list(found) == ["Pacific Labour Plan"]


def test_an_order_is_a_law_but_an_order_of_merit_is_not(strategies):
    found = strategies(
        "Wages follow the Minimum Wages Order 2022. She received the Order of Merit in 2019, in order to honour her."
    )
    assert {name: (row.kind, _years(row)) for name, row in found.items()} == {
        "Minimum Wages Order 2022": ("law", (None, None, False)),
    }


def test_an_undated_name_joins_no_descriptive_mention_and_no_name_of_another_country(analyse):
    context = analyse(
        "Kenyan officials presented the Kenya Diaspora Policy, adopted in 2014, and a revised diaspora policy "
        "(2024–2029). Ethiopian officials presented the Diaspora Policy of 2013."
    )
    rows = [(row.name, row.start_year, row.end_year, row.country_iso3) for row in context.rows["strategies"]]
    assert rows == [
        ("Kenya Diaspora Policy", None, None, "KEN"),
        ("diaspora policy", 2024, 2029, "KEN"),
        ("Diaspora Policy", None, None, "ETH"),
    ]


# -- issue 8: the matchers run only where a match can be (pipeline/components/strategy_finder/windows.py) --


def _by_key(matches) -> dict[int, list[tuple[int, int]]]:
    found: dict[int, list[tuple[int, int]]] = {}
    for match_id, start, end in matches:
        found.setdefault(match_id, []).append((start, end))
    return found


@pytest.mark.parametrize(
    "text",
    [
        "2019-2022 was the period of the National Strategy for Migration.",
        "Kenya adopted the Strategy for the period 2019-2022",
        "The Plan (for the period between 2017 and 2020) and the Programme (2024 onwards) ran.",
        "The National Labour Migration Action Plan, which is to be fully implemented by the end of March 2027.",
        "The Action Plan ran from January – December 2020; the Policy since 2019; the Law No. 2015-36 until 2030.",
        "the We the UAE 2031 vision, the Employment Permit System and the Anti-corruption Strategy 2020–25",
        "Workshop on National Migration Strategy Development\n\nThe Migration Policy Institute and the plan.",
        "the Fair Care Partnership programme, run since 2019, the Health Sector Strategic Plan III (2023–2030), "
        "Regulation (EU) 2024/1348 and the Employment (Recruitment Abroad) Regulations, 2021",
        "the National Strategy for Transformation (NST2) 2024-2029 and the Global Strategy on Health: Workforce 2030",
        "the Safe Migration Action Plan for FY2023/24, the Return Plan for FY 2022-23 and the Skills Plan, FY2024-25",
        "the National Climate Change Policy, running to 2050; the DAR 1+3 Programme and Togo's Children's Code",
        "the Emigration Bill, the Prevention of Trafficking in Persons Act, 2018 and the Health Sector Strategic Plan V.",
        "the Plan Nacional de Adaptación al Cambio Climático, the Política Nacional de Migración 2019-2023 and the "
        "Stratégie nationale de migration (2020-2025); Plan International, the Plan of Action and the Ley de Migración",
        "the Plano Nacional de Saúde, the Programme national pour l'emploi, the Código do Trabalho and Plan A.",
    ],
)
def test_the_matchers_find_in_their_windows_what_they_find_over_the_whole_doc(nlp, text):
    finder = nlp.get_pipe("strategy_finder")
    matchers = finder.matchers
    doc = nlp(text)
    windows = matchers.range_words.windows(doc, year_tokens(doc), matchers.range_reach)
    assert matches_in(matchers.ranges, doc, windows) == matchers.ranges(doc)
    assert _by_key(matchers.name_core_matches(doc)) == _by_key(matchers.name_cores(doc))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a cue as far before the name as its window lets it be: its first word is further still
        ("The Government plans to develop next year a National Strategy on Migration.", "planned"),
        ("The Strategy on Migration 2019-2022 was then finally and very formally approved.", "adopted"),
        ("The Strategy on Migration 2019-2022 was then finally and very, very formally approved.", None),
    ],
)
def test_status_cues_are_read_as_far_from_the_name_as_their_windows_reach(strategies, text, status):
    assert [row.status for row in strategies(text).values()] == [status]


def test_a_year_range_pattern_must_hold_a_year_and_a_clause_link_be_bounded(nlp):
    vocabulary = Vocabulary.from_rules(load_rules("strategies/vocabulary.yaml"))
    status = load_rules("strategies/status.yaml")
    no_year = dict(load_rules("strategies/patterns.yaml"))
    no_year["year_ranges"] = {"closed": [["$MONTH", "$DASH", "$MONTH"]]}
    with pytest.raises(RulesError, match="year"):
        compile_matchers(nlp, no_year, vocabulary, status, {})
    unbounded = dict(load_rules("strategies/patterns.yaml"))
    unbounded["range_clause_links"] = [[{"class": "COMMA", "OP": "+"}, "$WHICH", "$RUN_VERB"]]
    with pytest.raises(RulesError, match="bounded"):
        compile_matchers(nlp, unbounded, vocabulary, status, {})


def test_a_word_filter_admits_the_words_a_token_spec_may_match_wherever_they_stand(nlp):
    patterns = [[{"TEXT": {"REGEX": "^[A-Z]"}, "OP": "*"}, {"LOWER": {"IN": ["plan", "act"]}, "POS": "NOUN"}]]
    words = WordFilter(nlp.vocab)
    words.add(patterns)
    doc = nlp.make_doc("the plan , The Act and Plan")  # no POS: a word is judged by its word attributes alone
    assert words.admits(doc).tolist() == [False, True, False, True, True, False, True]
    assert words.windows(doc, anchors=[1, 4, 5]) == [(1, 2), (3, 5)]  # "and" (5) may be no part of a match
    assert words.windows(doc, anchors=None) == [(1, 2), (3, 5), (6, 7)]
    assert anchor_words(patterns) == frozenset({"plan", "act"})
    assert anchor_words([[{"TEXT": {"REGEX": "^[A-Z]"}, "OP": "+"}]]) is None  # no word list: every run is read


# -- set4: subtitles with a title year, numbers in a series, participle clauses, EU acts, short titles of laws --


def test_a_subtitle_after_a_colon_that_closes_on_its_year_is_part_of_the_title(strategies):
    found = strategies("The moderator recalled that the Global Strategy on Human Resources for Health: Workforce 2030 "
                       "set targets.")
    name = "Global Strategy on Human Resources for Health: Workforce 2030"
    assert list(found) == [name]
    assert _years(found[name]) == (None, 2030, False)
    assert strategies("They adopted the National Migration Strategy: Kenya 2030-2035 and more.").keys() == {
        "National Migration Strategy"}  # a range after the colon is no title year


@pytest.mark.parametrize(
    ("text", "name", "years"),
    [
        ("The Health Sector Strategic Plan III (2023–2030) foresees 4,000 new posts.", "Health Sector Strategic Plan III",
         (2023, 2030, False)),
        ("They adopted the Health Sector Strategic Plan III.", "Health Sector Strategic Plan III", (None, None, False)),
        ("He said the Labour Recalibration Programme 2.0 had regularised more.", "Labour Recalibration Programme 2.0",
         (None, None, False)),
        ("The National Development Plan 2 (2019-2023) ran.", "National Development Plan 2", (2019, 2023, False)),
    ],
)
def test_a_number_in_a_series_after_the_head_is_part_of_the_name(strategies, text, name, years):
    found = strategies(text)
    assert list(found) == [name]
    assert _years(found[name]) == years


def test_a_small_number_before_a_lowercase_word_is_a_quantity_not_part_of_the_name(strategies, analyse):
    assert strategies("Under the National Plan 12 families were moved.") == {}
    assert "Law 02-03 on the Entry and Stay of Foreigners" in strategies(
        "Morocco revised Law 02-03 on the Entry and Stay of Foreigners.")


@pytest.mark.parametrize(
    ("text", "name", "years"),
    [
        ("Ms. Vogel presented the Fair Care Partnership programme, run since 2019 with GIZ, which placed nurses.",
         "Fair Care Partnership programme", (2019, None, True)),
        ("The Labour Migration Strategy, run from 2019 to 2022 by the ministry, helped.", "Labour Migration Strategy",
         (2019, 2022, False)),
    ],
)
def test_a_range_attaches_through_the_participle_run(strategies, text, name, years):
    found = strategies(text)
    assert name in found, found.keys()
    assert _years(found[name]) == years


def test_a_range_after_an_acronym_with_a_digit_is_the_names(strategies):
    found = strategies("Rwanda noted that labour mobility is a priority of the National Strategy for Transformation "
                       "(NST2) 2024-2029, while others asked for more.")
    assert _years(found["National Strategy for Transformation"]) == (2024, 2029, False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It is in line with the return provisions of Regulation (EU) 2024/1348.", "Regulation (EU) 2024/1348"),
        ("The Regulation (EC) No 862/2007 applies.", "Regulation (EC) No 862/2007"),
        ("The Directive (EU) 2016/801 on students applies.", "Directive (EU) 2016/801"),
        ("Member States transposed Directive 2008/115/EC.", "Directive 2008/115/EC"),
        ("Member States transposed the Return Directive.", "Return Directive"),
    ],
)
def test_eu_regulations_and_directives_with_their_numbers_are_laws(strategies, analyse, text, name):
    found = strategies(text)
    assert list(found) == [name]
    assert (found[name].kind, _years(found[name])) == ("law", (None, None, False))
    assert analyse(text).rows["statistics"] == []  # the number is an identifier


def test_a_bracketed_issuer_without_a_number_is_no_part_of_a_name(strategies):
    assert strategies("The Regulation (EU) was discussed.") == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It welcomed the Employment (Recruitment of Ugandan Migrant Workers Abroad) Regulations, 2021, but said more.",
         "Employment (Recruitment of Ugandan Migrant Workers Abroad) Regulations, 2021"),
        ("In Uganda the Prevention of Trafficking in Persons (Amendment) Act was passed.",
         "Prevention of Trafficking in Persons (Amendment) Act"),
        ("Kenya passed the Refugees Act, 2006.", "Refugees Act, 2006"),
        ("Kenya passed the Immigration Regulations 2014 last year.", "Immigration Regulations 2014"),
    ],
)
def test_a_laws_short_title_keeps_its_bracketed_part_and_its_year_after_a_comma(strategies, text, name):
    found = strategies(text)
    assert list(found) == [name]
    assert (found[name].kind, _years(found[name])) == ("law", (None, None, False))


def test_a_comma_and_a_list_of_years_after_a_law_are_no_title_year(strategies):
    assert list(strategies("Kenya passed the Refugees Act, 2006 and 2010 were busy.")) == ["Refugees Act"]
    assert strategies("States must implement the International Health Regulations.") == {}


# -- set5 forms: names and ranges found after the blind measurement of tests/data/heldout/set5 --------


@pytest.mark.parametrize(
    ("text", "name", "years"),
    [
        # a fiscal year spans two calendar years, and is the plan's period, not part of its title
        ("Sri Lanka: Safe Migration Action Plan for FY2023/24.", "Safe Migration Action Plan", (2023, 2024, False)),
        ("Nepal adopted the Return Plan for FY 2022-23 last year.", "Return Plan", (2022, 2023, False)),
        # a range set off by a comma closes a list item
        ("Bangladesh: National Strategy on Overseas Employment, 2022 to 2027; Emigration Ordinance, 1979.",
         "National Strategy on Overseas Employment", (2022, 2027, False)),
        # "running to 2050" ends the policy's run
        ("Our National Climate Change Policy, running to 2050, now includes relocation.",
         "National Climate Change Policy", (None, 2050, False)),
    ],
)
def test_set5_ranges_attach_to_their_names(strategies, text, name, years):
    found = strategies(text)
    assert name in found, list(found)
    assert _years(found[name]) == years


def test_to_a_year_without_a_running_clause_is_no_period(strategies):
    found = strategies("The National Climate Change Policy aims to 2050 levels of safety.")
    assert _years(found["National Climate Change Policy"]) == (None, None, False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The courts applied Togo's Children's Code to labour cases.", "Children's Code"),
        ("Projects were co-financed through the DAR 1+3 Programme, with every leu matched.", "DAR 1+3 Programme"),
        ("Through the Departamento 20 Programme, led by our Ministry, we keep in touch.", "Departamento 20 Programme"),
        ("It builds on national plans such as Tanzania's Health Sector Strategic Plan V.", "Health Sector Strategic Plan V"),
        ("India: Emigration Bill, which was still under consultation.", "Emigration Bill"),
        ("She said that convictions under the Prevention of Trafficking in Persons Act, 2018 remained rare.",
         "Prevention of Trafficking in Persons Act"),
    ],
)
def test_set5_names_are_found_whole(strategies, text, name):
    assert name in strategies(text)


def test_a_name_opens_after_a_capitalised_preposition_and_a_law_number_closes_it(strategies):
    found = strategies("Under Migration Law No. 18.250 and the Residence Agreement of the Southern Common Market, "
                       "every migrant has the same rights.")
    assert list(found) == ["Migration Law No. 18.250"]


def test_a_lowercase_head_that_modifies_a_noun_is_no_name(strategies):
    assert strategies("Total programme budget for 2021–2025 is CHF 14.2 million.") == {}


def test_a_quantity_before_a_head_is_not_taken_into_the_name(strategies):
    found = strategies("The ministry funded 20 Programme sites in 2024 under the Youth Programme.")
    assert "Youth Programme" in found and not any(name.startswith("20") for name in found)


def test_a_title_case_heading_that_is_a_name_with_its_range_is_a_strategy(strategies):
    text = ("# Andean Highlands Climate Mobility Joint Programme (2021–2025)\n\n"
            "The Andean Highlands Climate Mobility Joint Programme is implemented by IOM.\n")
    found = strategies(text)
    assert _years(found["Andean Highlands Climate Mobility Joint Programme"]) == (2021, 2025, False)


def test_a_title_case_heading_without_a_range_names_no_strategy(strategies):
    assert strategies("# Workshop on National Migration Strategy Development\n\nThe meeting opened.\n") == {}


def test_a_markdown_table_body_cell_is_no_heading(strategies):
    text = ("| | Egypt | Ghana |\n|---|---|---|\n"
            "| Main framework | Egypt Vision 2030 | National Labour Migration Policy (2020–2024) |\n")
    found = strategies(text)
    assert _years(found["Egypt Vision 2030"]) == (None, 2030, False)
    assert _years(found["National Labour Migration Policy"]) == (2020, 2024, False)


# -- names of other languages whose head comes first ("Plan Nacional de ...", "Stratégie nationale de ...") --


@pytest.mark.parametrize(
    ("text", "name", "kind", "years"),
    [
        ("Ecuador agreed to integrate mobility into the Plan Nacional de Adaptación al Cambio Climático, which the "
         "ministry will update in 2025.", "Plan Nacional de Adaptación al Cambio Climático", "action_plan",
         (None, None, False)),
        ("Honduras adopted the Política Nacional de Migración 2019-2023 last year.", "Política Nacional de Migración",
         "policy", (2019, 2023, False)),
        ("The Estrategia Nacional de Empleo (2022–2026) was presented by the minister.", "Estrategia Nacional de Empleo",
         "strategy", (2022, 2026, False)),
        ("Brazil revised the Plano Nacional de Saúde in 2020.", "Plano Nacional de Saúde", "action_plan",
         (None, None, False)),
        ("Mali launched the Stratégie nationale de migration 2020-2025 with partners.",
         "Stratégie nationale de migration", "strategy", (2020, 2025, False)),
        ("Uruguay's Ley de Migración a key law guarantees rights.", "Ley de Migración", "law", (None, None, False)),
        ("Mexico runs the Programa Nacional de Desarrollo Social with the states.",
         "Programa Nacional de Desarrollo Social", "programme", (None, None, False)),
        ("Senegal funds the Programme national de santé publique 2018-2022.", "Programme national de santé publique",
         "programme", (2018, 2022, False)),
        ("Haiti adopted the Politique nationale pour l'emploi 2020-2025.", "Politique nationale pour l'emploi",
         "policy", (2020, 2025, False)),
        ("The Código do Trabalho of Portugal was amended.", "Código do Trabalho", "law", (None, None, False)),
        ("The Lei de Migração 2017 was passed.", "Lei de Migração 2017", "law", (None, None, False)),  # a law's year
    ],
)
def test_a_title_of_another_language_that_opens_on_its_head_is_a_strategy(strategies, text, name, kind, years):
    found = strategies(text)
    assert list(found) == [name]
    assert (found[name].kind, _years(found[name])) == (kind, years)


def test_a_head_first_title_ends_where_a_list_goes_on_in_english(strategies):
    found = strategies("The Plan Nacional de Desarrollo 2018-2022 and the National Strategy on Migration were adopted.")
    assert list(found) == ["Plan Nacional de Desarrollo", "National Strategy on Migration"]
    assert _years(found["Plan Nacional de Desarrollo"]) == (2018, 2022, False)


@pytest.mark.parametrize(
    "text",
    [
        "Plan International and the Plan of Action were discussed, as was Plan A.",  # English: no connector of the language
        "The Plan de acción was mentioned.",  # a lowercase word after the connector, no national word before it
        "The Code de conduite applies to recruiters.",
        "The Programme national coordinators met in Dakar.",  # a modifier but no connector of the language
        "The mayor of Plano spoke with Ley Ortiz.",  # heads of other languages close no English name
    ],
)
def test_english_look_alikes_of_head_first_titles_are_no_names(strategies, text):
    assert strategies(text) == {}


def test_a_lowercase_word_after_a_connector_that_is_also_english_ends_the_title(strategies):
    assert list(strategies("The Lei de Migração do not change anything.")) == ["Lei de Migração"]

