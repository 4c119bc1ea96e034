"""Organisations: acronym definitions, the gazetteer, government bodies and their countries, internal units,
and the capitalised phrases that are not organisations."""

from __future__ import annotations

import pycountry
import pytest

from pipeline.extract.context import ExtractionContext
from pipeline.extract.organisations import extract_organisations
from pipeline.layout import Layout
from pipeline.nlp import analyse as run_nlp
from pipeline.normalise.acronyms import (
    acronym_key,
    find_definitions,
    looks_like_acronym,
    match_long_form,
)
from pipeline.normalise.countries import fold
from pipeline.normalise.organisations import (
    INTERNATIONAL_KINDS,
    best_name,
    choose_acronym,
    name_rules,
    organisation_gazetteer,
    organisation_key,
    split_key,
)
from pipeline.prepare import prepare


def _rows(context) -> dict[str, object]:
    return {row.org_id: row for row in context.rows["organisations"]}


def _names(context) -> set[str]:
    return {row.name for row in context.rows["organisations"]}


# ---------------------------------------------------------------- acronyms (pure)


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        ("Ms. Laurel Townhead, Representative, Quaker United Nations Office (QUNO), Switzerland", "QUNO",
         "Quaker United Nations Office"),
        ("Mr. Jonathan Prentice, Head of the UN Network on Migration Secretariat (UNMN)", "UNMN",
         "UN Network on Migration Secretariat"),
        ("funded by the Migration Multi-Partner Trust Fund (M-MPTF) and", "M-MPTF",
         "Migration Multi-Partner Trust Fund"),
        ("the Office of the United Nations High Commissioner for Refugees (UNHCR) has", "UNHCR",
         "United Nations High Commissioner for Refugees"),
        ("representatives from Ministries, Departments, and Agencies (MDAs), civil", "MDAs",
         "Ministries, Departments, and Agencies"),
        ("the EU-Horn of Africa Migration Route Initiative (Khartoum Process) (KP) was", "KP", "Khartoum Process"),
        ("with the National Commission for Refugees, Migrants, and Internally Displaced Persons (NCFRMI) to",
         "NCFRMI", "National Commission for Refugees, Migrants, and Internally Displaced Persons"),
    ],
)
def test_long_form_before_acronym(text, short, long):
    definitions = find_definitions(text)
    assert [(d.short, d.long, d.order) for d in definitions] == [(short, long, "long_short")]
    found = definitions[0]
    assert text[found.long_start:found.long_end] == long
    assert text[found.short_start:found.short_end] == short


def test_acronym_before_long_form():
    text = "Since then the UNMN (UN Network on Migration) has met twice."
    [found] = find_definitions(text)
    assert (found.short, found.long, found.order) == ("UNMN", "UN Network on Migration", "short_long")
    assert text[found.long_start:found.long_end] == "UN Network on Migration"


@pytest.mark.parametrize(
    "before",
    [
        "Introduction. " + "Many words run on without a stop " * 200,  # far into a long text
        "https://example.org/" + "a" * 1000 + " ",  # one word longer than the first look-back window
        "",
    ],
)
def test_definitions_are_read_only_from_the_text_just_before_them(before):
    text = before + "the Quaker United Nations Office (QUNO) and the UNMN (UN Network on Migration) met."
    found = [(d.short, text[d.long_start:d.long_end], d.order) for d in find_definitions(text)]
    assert found == [("QUNO", "Quaker United Nations Office", "long_short"),
                     ("UNMN", "UN Network on Migration", "short_long")]


@pytest.mark.parametrize(
    "text",
    [
        # a Romanian acronym after an English name: too few letters at word starts
        "the Committee for the National Strategy Against Trafficking in Human Beings (SNITP) took place",
        "the regional review of the GCM in the UNECE region (November 2020)",
        "the Sub-regional Advisory Committee Meeting (SURAC 10) in Hanoi",
        "Director for Kosovo (UNSCR 1244)",
    ],
)
def test_parentheses_that_define_nothing(text):
    assert find_definitions(text) == []


def test_acronym_spellings():
    assert acronym_key("U.N.") == acronym_key("UN") == "UN"
    assert acronym_key("UN-ECE") == acronym_key("UNECE")
    assert acronym_key("M-MPTF") == "MMPTF"
    assert all(looks_like_acronym(text) for text in ("IOM", "U.N.", "M-MPTF", "MDAs", "FRONTEX", "UN-ECE"))
    assert not any(looks_like_acronym(text) for text in ("Frontex", "UN Women", "Network", "2020", "a"))
    assert match_long_form("QUNO", "the Quaker United Nations Office") == "Quaker United Nations Office"
    assert match_long_form("XYZ", "the Quaker United Nations Office") is None


# ---------------------------------------------------------------- names and keys (pure)


def test_keys_carry_a_government_bodys_country():
    assert organisation_key("Ministry of Interior", "MDA", government_body=True) == "ministry-of-interior@MDA"
    assert organisation_key("Ministry of Interior", None, government_body=True) == "ministry-of-interior@?"
    assert organisation_key("Folkowisko Foundation") == "folkowisko-foundation"
    assert split_key("ministry-of-interior@MDA") == ("ministry-of-interior", "MDA")
    assert split_key("iom") == ("iom", None)


def test_fullest_name_and_the_acronym_used():
    forms = ["IOM", "the International Organization for Migration", "IOM", "UN Migration Agency"]
    assert best_name(forms) == "International Organization for Migration"
    assert best_name(["UNHCR", "UNHCR"]) is None
    assert choose_acronym(["UNECE", "UN-ECE", "UNECE"]) == "UNECE"
    assert choose_acronym(["U.N.", "United Nations"]) == "U.N."
    assert choose_acronym(["UNMN", "UN Network on Migration"], defined=["UNMN"]) == "UNMN"


def test_equivalent_ministry_names_share_a_key():
    rules = name_rules()
    assert rules.equivalent("Ministry of Internal Affairs") == rules.equivalent("Ministry of Interior")
    assert rules.equivalent("Ministry of Health") == "ministry of health"


def test_rule_words_load_as_words():
    """YAML reads a bare `on` as true; the rules must stay words."""
    rules = name_rules()
    assert "on" in rules.tail_connectors
    assert all(isinstance(word, str) for word in rules.tail_connectors | rules.organisation_heads)


def test_gazetteer_is_consistent():
    gazetteer = organisation_gazetteer()
    owners: dict[str, str] = {}
    codes = {country.alpha_3 for country in pycountry.countries} | {"XKX"}
    for entry in gazetteer.entries.values():
        assert entry.kind in INTERNATIONAL_KINDS | {"national_body", "news_outlet"}, entry.id
        assert entry.country is None or entry.country in codes, entry.id
        for form in {entry.name, entry.acronym, *entry.aliases} - {None}:
            key = acronym_key(form) if looks_like_acronym(form) else fold(form)
            assert owners.setdefault(key, entry.id) == entry.id, f"{form!r} under {owners[key]} and {entry.id}"


@pytest.mark.parametrize(
    ("text", "org_id"),
    [("UNHCR", "unhcr"), ("U.N.", "un"), ("UN-ECE", "unece"), ("the UN Network on Migration", "unmn"),
     ("International Organisation for Migration", "iom"), ("FRONTEX", "frontex")],
)
def test_gazetteer_lookup(text, org_id):
    assert organisation_gazetteer().lookup(text).id == org_id


# ---------------------------------------------------------------- the pipeline


def test_acronym_defined_after_its_long_form(analyse):
    context = analyse(
        "Ms. Laurel Townhead, Representative, Quaker United Nations Office (QUNO), Switzerland.\n\n"
        "QUNO have been involved in the GCM since its establishment; and QUNO welcomes the approach.\n"
    )
    quno = _rows(context)["quno"]
    assert (quno.name, quno.acronym, quno.mentions) == ("Quaker United Nations Office", "QUNO", 3)
    assert quno.aliases == "QUNO|Quaker United Nations Office"


@pytest.mark.parametrize(
    "text",
    [
        "The National Council for Childhood and Motherhood (NCCM) met in Cairo. The NCCM agreed a plan.",
        "The NCCM (National Council for Childhood and Motherhood) met in Cairo. The NCCM agreed a plan.",
    ],
)
def test_an_unknown_body_defined_either_way_is_one_row(analyse, text):
    [row] = context_rows = analyse(text).rows["organisations"]
    assert (row.name, row.acronym, row.mentions) == ("National Council for Childhood and Motherhood", "NCCM", 2)
    assert row.org_id.startswith("national-council-for-childhood-and-motherhood")
    assert len(context_rows) == 1


def test_unit_words_of_a_long_form_and_a_short_form_count_for_the_parent(analyse):
    context = analyse(
        "IOM's commitment, also as coordinator of the UN Network on Migration (the Network), is clear.\n\n"
        "**Mr. Jonathan Prentice, Head of the UN Network on Migration Secretariat (UNMN)**\n\n"
        "Member States may contact the Network secretariat. The UNMN will reply.\n"
    )
    rows = _rows(context)
    unmn = rows["unmn"]
    assert (unmn.name, unmn.acronym) == ("UN Network on Migration", "UNMN")
    assert unmn.canonical_name == "United Nations Network on Migration"
    spans = context.doc.spans["organisation"]
    assert {span.kb_id_ for span in spans if span.text in ("Network", "Secretariat", "UNMN")} == {"unmn"}
    assert any(span.text == "Secretariat" and span.label_ == "internal_unit" for span in spans)
    assert "un-network-on-migration-secretariat" not in rows


def test_an_acronym_the_gazetteer_knows_gets_its_name(analyse):
    context = analyse("In 2020, Albania updated, with IOM and UNHCR support, the contingency plan.")
    unhcr = _rows(context)["unhcr"]
    assert unhcr.name == unhcr.canonical_name == "Office of the United Nations High Commissioner for Refugees"
    assert unhcr.acronym == "UNHCR"
    assert _rows(context)["iom"].name == "International Organization for Migration"


def test_dotted_acronym(analyse):
    un = _rows(analyse("“We will act,” the U.N. said in a statement."))["un"]
    assert (un.name, un.acronym) == ("United Nations", "U.N.")


def test_same_named_ministries_of_two_countries_are_two_rows(analyse):
    context = analyse(
        "**Ms. Olga Poalelungi, Director, Bureau for Migration and Asylum, Ministry of Interior, "
        "Government of Moldova**\n\n"
        "Moldova welcomes the forum.\n\n"
        "**Mr. Dragan Dasic, Head of Migration, Office for Foreigners, Migration and Readmission, "
        "Ministry of Interior, Government of Montenegro**\n\n"
        "Montenegro has made great strides.\n"
    )
    rows = _rows(context)
    assert rows["ministry-of-interior@MDA"].name == rows["ministry-of-interior@MNE"].name == "Ministry of Interior"
    assert rows["ministry-of-interior@MDA"].country_iso3 == "MDA"
    assert rows["ministry-of-interior@MNE"].country_iso3 == "MNE"
    assert rows["bureau-for-migration-and-asylum@MDA"].name == "Bureau for Migration and Asylum"
    office = rows["office-for-foreigners-migration-and-readmission@MNE"]
    assert office.name == "Office for Foreigners, Migration and Readmission"
    assert len(rows) == 4  # not "Government of Moldova", not "Head of Migration"


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        ("Oversight rests with the Migration Service of Armenia, and no plan was drafted.", "Migration Service", "ARM"),
        ("Thanks to the Italian Ministry of Foreign Affairs, the talks went on.", "Ministry of Foreign Affairs", "ITA"),
        (("Almaz Asanov, of the Department of External Migration under the Ministry of Foreign Affairs of the "
         "Kyrgyz Republic, spoke."), "Department of External Migration", "KGZ"),
        ("The meeting was chaired by the Director of the Federal Migration Service of Russia.",
         "Federal Migration Service", "RUS"),
    ],
)
def test_a_government_bodys_country_comes_from_its_name_or_appositive(analyse, text, name, iso3):
    [row] = [row for row in analyse(text).rows["organisations"] if row.name == name]
    assert row.country_iso3 == iso3
    assert row.org_id.endswith(f"@{iso3}")


def test_a_government_bodys_country_comes_from_its_paragraph_and_then_from_its_last_mention(analyse):
    context = analyse(
        "Migration is a priority for Albania as a country with multiple migration dynamics. Responsibility for "
        "these matters rests within the Ministry of Interior.\n\n"
        "As the Ministry of Interior negotiates the acquis, it is increasingly necessary to act.\n"
    )
    [row] = context.rows["organisations"]
    assert (row.org_id, row.country_iso3, row.mentions) == ("ministry-of-interior@ALB", "ALB", 2)


class _Turn:
    speaker_id = "s1"
    country_iso3 = "ALB"


class _OneTurnLayout(Layout):
    def turn_at(self, offset):  # every offset is inside the turn of a speaker from Albania
        return _Turn()


def test_the_speakers_country_comes_before_the_sentences(nlp):
    prepared = prepare("The Ministry of Interior will sign agreements with Greece.\n")
    context = ExtractionContext("test", prepared, run_nlp(nlp, prepared), _OneTurnLayout())
    extract_organisations(context)
    [row] = context.rows["organisations"]
    assert row.org_id == "ministry-of-interior@ALB"


def test_internal_units_count_as_their_parent(analyse):
    context = analyse(
        "*A high-level event organised by IOM Regional office in Vienna with IOM Country Missions and the "
        "Secretariat of the Prague Process.*\n\n"
        "**Dr. Marie McAuliffe, Head, Migration Research Division, Geneva**\n\n"
        "The report will be launched at IOM Council in December. Ukraine is supported by a working group "
        "within the UNCT and by the UN Network on Migration Core Working Group 2.1.\n"
    )
    rows = _rows(context)
    assert set(rows) == {"iom", "prague-process", "un", "unmn"}
    units = {span.text: span.kb_id_ for span in context.doc.spans["organisation"] if span.label_ == "internal_unit"}
    assert units == {
        "Regional office": "iom",
        "Country Missions": "iom",
        "Secretariat": "prague-process",
        "Migration Research Division": "iom",
        "Council": "iom",
        "UNCT": "un",
        "Core Working Group 2.1": "unmn",
    }
    mentions = [m for m in context.rows["mentions"] if m.type == "organisation"]
    assert {m.text: m.normalized for m in mentions}["Migration Research Division"] == "iom"
    assert rows["un"].name == "United Nations"  # known only from its country team


def test_names_are_cut_where_the_body_ends(analyse):
    context = analyse(
        "The meeting was attended by the Ministry of Public Works, Development and Administration, the Ministry "
        "of Economy, Energy and Business Environment, and the Department for Romanians Everywhere. Mr. Fuad "
        "Aleskerov, Head of the Department on work with law-enforcement bodies of Administration of the "
        "President of the Republic of Azerbaijan, spoke. Madbouli met the head of the National Coordinating "
        "Committee for Combating Illegal Migration Naela Gabr.\n"
    )
    assert _names(context) == {
        "Ministry of Public Works, Development and Administration",
        "Ministry of Economy, Energy and Business Environment",
        "Department for Romanians Everywhere",
        "Department on work with law-enforcement bodies",
        "Administration of the President",
        "National Coordinating Committee for Combating Illegal Migration",
    }


def test_a_shorter_name_of_the_same_body_folds_into_the_longer(analyse):
    context = analyse(
        "The Monitoring Committee for the implementation of the National Strategy against Trafficking in Human "
        "Beings met today. Mr. Despescu chaired it as coordinator of the Monitoring Committee.\n"
    )
    [row] = context.rows["organisations"]
    assert row.name.startswith("Monitoring Committee for the implementation of the National Strategy")
    assert row.mentions == 2


@pytest.mark.parametrize(
    "text",
    [
        "Implementation of the Global Compact for Migration (GCM) continues; the GCM has guiding principles.",
        "At a time of misinformation surrounding COVID-19 the need for information has grown.",
        "**Dr. Marie McAuliffe, Deputy Editor, Geneva & Chief Editor World Migration Report 2020**",
        "Mr. Hajdari outlined the Migration Policy of the Republic of North Macedonia (2015-2020).",
        ("It leads up to the International Migration Review Forum (IMRF) in 2022; the IMRF will be preceded by a "
        "report."),
        ("The recently launched Migration Network Hub is a community of practice, and the Champion Country "
        "Initiative is a group of Member States."),
        ("The Government of Moldova has sought to increase regular migration with civil society and the "
        "private sector."),
        "AU Member States and Regional Economic Communities (RECs) acknowledged that migration is dynamic.",
        "Deputy Minister of Internal Affairs, Republic of Moldova, Mr. Oleg Babin spoke.",
        "It comprises 70 representatives from Ministries, Departments, and Agencies (MDAs).",
        "Since voting in favour of the GCM and establishing a Network on Migration, Albania seeks to act.",
        "The 2020-2022 Jordan Response Plan (JRP) was endorsed; the JRP is the only reference.",
        ("The event took place at the Hilton Hotel in Kinshasa, in the Russian Federation and in the EU-funded "
        "Schengen Area."),
    ],
)
def test_things_that_are_not_organisations(analyse, text):
    rows = analyse(text).rows["organisations"]
    assert {row.org_id for row in rows} <= {"eu", "au"}


def test_a_name_used_only_for_meetings_names_no_body(analyse):
    context = analyse(
        "These projects have supported the Sub-regional Advisory Committee (SURAC) meeting since 2013. The third "
        "SURAC meeting was held in 2005 and the tenth SURAC meeting in Hanoi.\n"
    )
    assert context.rows["organisations"] == []


def test_a_news_outlets_byline_is_not_a_mention_but_a_citation_is(analyse):
    byline = analyse("22-06-2020 06:08 PM\n\nAmmon News - AMMONNEWS - The government endorsed the plan.\n")
    assert byline.rows["organisations"] == []
    cited = analyse("Around 26,500 families remained in camps, the ministry's spokesperson told Rudaw in late July.")
    assert [row.org_id for row in cited.rows["organisations"]] == ["rudaw"]


def test_spans_and_mentions_carry_the_rows_keys(analyse):
    context = analyse(
        "Ms. Olga Poalelungi, Director, Bureau for Migration and Asylum, Ministry of Interior, Government of "
        "Moldova, thanked IOM. The Kurdistan Regional Government (KRG) and the KRG ministries attended."
    )
    rows = _rows(context)
    spans = context.doc.spans["organisation"]
    assert {span.kb_id_ for span in spans} == set(rows)
    assert {span.id_ for span in spans} <= {
        "gazetteer", "acronym_definition", "acronym", "government_body_pattern", "name_pattern", "ner:ORG",
        "internal_unit", "short_form",
    }
    mentions = [m for m in context.rows["mentions"] if m.type == "organisation"]
    assert {m.normalized for m in mentions} == set(rows)
    assert sum(row.mentions for row in rows.values()) == len(mentions) - 1  # "(KRG)" is part of its long form's mention
    krg = rows["kurdistan-regional-government"]
    assert (krg.name, krg.acronym, krg.mentions) == ("Kurdistan Regional Government", "KRG", 2)


# ---------------------------------------------------------------- round 2: name boundaries and kinds


def test_mixed_case_acronyms():
    assert all(looks_like_acronym(text) for text in ("NiDCOM", "AfDB", "UfM", "MoFA"))
    assert not any(looks_like_acronym(text) for text in ("McDonald", "Nigerians", "Commission"))
    [found] = find_definitions("officials of the Ghanaians in Diaspora Commission (GiDCOM) said")
    assert found.long == "Ghanaians in Diaspora Commission"


def test_a_long_form_starts_at_a_capitalised_word_not_at_a_small_word_before_it():
    [found] = find_definitions("with the Organisation of Eastern Caribbean States (OECS) and others")
    assert found.long == "Organisation of Eastern Caribbean States"


def test_a_possessive_inside_a_name_does_not_cut_it(analyse):
    context = analyse(
        "Ms. Rahman, Ministry of Migrants' Welfare and Overseas Employment, Government of Bangladesh, spoke. "
        "The Ministry of Women's Affairs of Bangladesh attended. So did Tajikistan's Ministry of Labour.\n"
    )
    rows = {row.name: row for row in context.rows["organisations"]}
    assert set(rows) == {"Ministry of Migrants' Welfare and Overseas Employment", "Ministry of Women's Affairs",
                         "Ministry of Labour"}
    assert rows["Ministry of Labour"].country_iso3 == "TJK"


def test_a_people_that_is_the_subject_of_a_name_stays_in_it(analyse):
    context = analyse(
        "Mr. Mensah, Director, Ghanaians in Diaspora Commission (GiDCOM), spoke. GiDCOM's registry grew, and the "
        "Commission will report. The Ghana Immigration Service (GIS) attended.\n"
    )
    rows = {row.name: row for row in context.rows["organisations"]}
    commission = rows["Ghanaians in Diaspora Commission"]
    assert (commission.acronym, commission.mentions, commission.country_iso3) == ("GiDCOM", 3, "GHA")
    assert rows["Immigration Service"].acronym == "GIS"  # the country that owns a body still leaves its name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ms. Diallo, Head, Directorate General for Malians Abroad, Ministry of Foreign Affairs, Mali, spoke.",
         "Directorate General for Malians Abroad"),
        ("Chile's National Superintendency of Migration issued new permits.", "National Superintendency of Migration"),
        ("The Presidency of Migration Management (PMM) hosted the meeting; PMM staff attended.",
         "Presidency of Migration Management"),
        ("The Flood and Emergency Management Authority (SEYAK) coordinated the response.",
         "Flood and Emergency Management Authority"),
        ("Volunteers of the Syrian Arab Red Crescent distributed aid.", "Syrian Arab Red Crescent"),
        ("A proposal went to the Fund for addressing Climate Displacement last year.",
         "Fund for addressing Climate Displacement"),
        ("The Committee for combating Trafficking in Persons met in May.",
         "Committee for combating Trafficking in Persons"),
        ("The ministers will meet under the Almaty Process in Bishkek next year.", "Almaty Process"),
    ],
)
def test_names_round_their_head(analyse, text, name):
    assert name in _names(analyse(text))


def test_terms_of_office_places_and_treaties_are_not_bodies(analyse):
    context = analyse(
        "During the Romanian Presidency of the Council, talks went on in the Fertile Crescent. The Tavita Union "
        "treaty with Samoa entered into force, and the Tavita Union treaty allows 200 people a year to settle.\n"
    )
    names = _names(context)
    assert not any("Presidency" in name or "Crescent" in name or "Tavita" in name for name in names)


def test_an_acronym_takes_the_country_of_the_body_it_stands_for(analyse):
    context = analyse(
        "In Türkiye, the Flood and Emergency Management Authority (SEYAK) met the Ministry of Interior.\n\n"
        "Containers provided by SEYAK still host 2,000 Syrians.\n"
    )
    [row] = [row for row in context.rows["organisations"] if row.acronym == "SEYAK"]
    assert (row.country_iso3, row.mentions) == ("TUR", 2)


def test_a_unit_named_after_a_known_body_s_head_word_counts_for_it(analyse):
    context = analyse(
        "Support came from IOM and the Pacific Islands Forum (PIF). Delegates from the Caribbean Community and "
        "the Forum Secretariat attended.\n"
    )
    units = {span.text: span.kb_id_ for span in context.doc.spans["organisation"] if span.label_ == "internal_unit"}
    assert units == {"Forum Secretariat": "pif"}
    assert _rows(context)["pif"].acronym == "PIF"


def test_a_gazetteer_name_may_keep_the_lowercase_words_it_is_listed_with(analyse):
    context = analyse("They prepared a submission to the Fund for responding to Loss and Damage.")
    assert _rows(context)["frld"].name == "Fund for responding to Loss and Damage"


# ---------------------------------------------------------------- round 2: the report's country


def test_unplaced_bodies_take_the_country_the_report_is_about(analyse):
    context = analyse(
        "# Labour migration cooperation in Uzbekistan\n\n"
        "Partners in Uzbekistan met in May, and employers in Türkiye joined them.\n\n"
        "Today IOM works with the Ministry of Foreign Affairs and the Central Bank.\n"
    )
    rows = _rows(context)
    assert rows["ministry-of-foreign-affairs@UZB"].country_iso3 == "UZB"
    assert "central-bank@UZB" in rows


@pytest.mark.parametrize(
    ("text", "org_id", "country"),
    [
        # a meeting of many countries: none is the report's
        (("# Regional meeting on labour migration\n\nAlbania, Serbia, Montenegro and Kosovo took part.\n\n"
         "The Ministry of Foreign Affairs hosted a dinner.\n"), "ministry-of-foreign-affairs", None),
        # Syria is named most, twice as often as any other country, but not in most mentions: the report is
        # about Syrian refugees, not about Syria, and a host country's ministry must not become Syria's
        (("# Outcome statement of the ministerial meeting\n\n"
         "Ministers of Jordan, Lebanon, Iraq and Egypt met on the situation of Syrian refugees. Many Syrian "
         "families wish to return to Syria once conditions allow, and Syrian children need schools.\n\n"
         "The Ministry of Interior presented its registration plan.\n"), "ministry-of-interior", None),
        # the title names three countries; the one named most, though not in most mentions, hosts the meeting
        (("# Dialogue on fair recruitment in the Nepal-Malaysia and Bangladesh-Malaysia corridors\n\n"
         "Employers in Malaysia and recruiters in Nepal met workers from Bangladesh and Nepal in Kuala Lumpur, "
         "Malaysia.\n\nThe Ministry of Human Resources presented its new rules on recruitment fees.\n"),
         "ministry-of-human-resources@MYS", "MYS"),
    ],
)
def test_the_country_of_a_body_the_report_does_not_place(analyse, text, org_id, country):
    [row] = analyse(text).rows["organisations"]
    assert (row.org_id, row.country_iso3) == (org_id, country)


def test_a_country_in_a_bodys_appositive_is_no_context_for_another_body(analyse):
    # "(BA), Germany" is the Federal Employment Agency's country, read the same way by the component and
    # by the extractor: it does not also place the State Employment Service named in the same sentence.
    context = analyse("The State Employment Service met the Federal Employment Agency (BA), Germany, in May.\n")
    rows = _rows(context)
    assert rows["federal-employment-agency@DEU"].country_iso3 == "DEU"
    assert rows["state-employment-service"].country_iso3 is None


def test_the_component_exposes_the_gazetteer_and_rules_it_was_configured_with(nlp, analyse):
    doc = analyse("The International Organization for Migration (IOM) met the Ministry of Interior of Moldova.\n").doc
    finder = nlp.get_pipe("organisation_finder")
    assert doc._.organisation_gazetteer is finder.gazetteer
    assert doc._.organisation_rules is finder.rules
    assert set(doc._.organisation_entries) == {"iom"}


# ---------------------------------------------------------------- round 2: the configured gazetteer


def test_the_extractor_follows_the_gazetteer_configured_on_the_component(nlp):
    from pipeline.components.organisations import OrganisationFinder
    from pipeline.normalise.organisations import OrganisationGazetteer

    gazetteer = OrganisationGazetteer({"organisations": [
        {"id": "zmb-dnrr", "name": "Department of National Registration and Records", "acronym": "DNRR",
         "kind": "national_body", "country": "ZMB"},
    ]})
    finder = OrganisationFinder(nlp, gazetteer, name_rules())
    prepared = prepare("Staff of the DNRR issued documents.\n")
    doc = finder(run_nlp(nlp, prepared))
    context = ExtractionContext("test", prepared, doc, Layout())
    extract_organisations(context)
    [row] = context.rows["organisations"]
    assert (row.org_id, row.name, row.canonical_name, row.country_iso3) == (
        "zmb-dnrr", "Department of National Registration and Records",
        "Department of National Registration and Records", "ZMB",
    )


def test_a_forum_with_a_secretariat_is_a_body_and_a_forum_without_one_an_event(analyse):
    body = analyse(
        "Delegates of the Andean Forum of Migration Directors (AFMD) met. The AFMD Secretariat wrote the report.\n"
    )
    [row] = body.rows["organisations"]
    assert (row.name, row.acronym, row.mentions) == ("Andean Forum of Migration Directors", "AFMD", 2)
    event = analyse("Delegates of the Andean Forum on Migration Data (AFMD) met; the AFMD adopted a statement.\n")
    assert event.rows["organisations"] == []


# ---------------------------------------------------------------- round 3


def test_general_and_chief_are_words_of_a_name_but_not_after_a_title(analyse):
    context = analyse(
        "Ms. Pop, General Inspectorate for Border Police, Romania, spoke. In Chad, the Chief Commissionerate for "
        "Sudanese Refugees declined to comment. Mr. Ali, Director General Immigration Department, spoke.\n"
    )
    rows = {row.name: row for row in context.rows["organisations"]}
    assert rows["General Inspectorate for Border Police"].country_iso3 == "ROU"
    # a demonym before "Refugees" names the people a host's body serves, not the state it belongs to
    assert rows["Chief Commissionerate for Sudanese Refugees"].country_iso3 == "TCD"
    assert "Immigration Department" in rows and "General Immigration Department" not in rows


FRONT_MATTER_REPORT = """# Workshop on the return of refugees from Syria

Amman, Jordan — 5 May 2025

Organised by the Ministry of Interior and the Border Police, with the support of UNHCR

OPENING SESSION

Chaired by Ms. Rana Haddad, Head of the Border Police

Syria and Lebanon shared their plans. Mr. Karam, Ministry of Interior, Lebanon, presented the return plan.
"""


def test_bodies_the_front_matter_names_without_a_country_are_the_hosts(analyse):
    rows = _rows(analyse(FRONT_MATTER_REPORT))
    assert {"ministry-of-interior@JOR", "ministry-of-interior@LBN", "border-police@JOR"} <= set(rows)
    assert rows["border-police@JOR"].mentions == 2


def test_a_tie_in_the_sentence_leaves_the_country_to_the_paragraph(analyse):
    context = analyse(
        "Afghanistan received more returnees this year, and Afghanistan needs aid for Afghans coming back.\n\n"
        "Returns from Iran rose after the Bureau for Foreign Nationals ordered Afghans out. Iran hosts three "
        "million people, and Iran plans more expulsions.\n"
    )
    [row] = context.rows["organisations"]  # the report is about Afghanistan; the paragraph about Iran
    assert (row.name, row.country_iso3) == ("Bureau for Foreign Nationals", "IRN")


def test_a_gazetteer_acronym_that_looks_like_none_is_still_the_acronym(analyse):
    rows = _rows(analyse("Principles agreed under Brazil's G20 presidency were recalled. According to Frontex, "
                         "crossings fell.\n"))
    assert (rows["g20"].name, rows["g20"].acronym) == ("Group of Twenty", "G20")
    assert (rows["frontex"].name, rows["frontex"].acronym) == ("European Border and Coast Guard Agency", "Frontex")
    assert organisation_gazetteer().entries["g7"].acronym_forms == {"G7", "G-7"}


def test_cited_news_outlets_are_named_by_their_medium_noun(analyse):
    context = analyse(
        "The Kenyan daily The Standard reported the figures, as did the Nation newspaper and the news agency "
        "Anadolu. The weekly Coordination Meeting of partners and the daily Flow Monitoring Update followed.\n"
    )
    assert _names(context) == {"Standard", "Nation", "Anadolu"}


def test_an_acronym_right_after_a_known_organisation_is_its_acronym(analyse):
    context = analyse("The Andean Community (CAN) adopted the statute. CAN members will apply it.\n")
    [row] = context.rows["organisations"]
    assert (row.org_id, row.acronym, row.mentions) == ("andean-community", "CAN", 2)


def test_an_acronym_whose_letters_spell_only_the_end_of_a_name_is_the_whole_names(analyse):
    context = analyse("Staff of the Ministry of Ports and Coastal Regions (PACOR) asked for maps. PACOR agreed.\n")
    [row] = context.rows["organisations"]
    assert (row.name, row.acronym, row.mentions) == ("Ministry of Ports and Coastal Regions", "PACOR", 2)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("A tracer study with Universidad del Pacífico found that incomes rose.", "Universidad del Pacífico", None),
        ("The Instituto Nacional de Migración de Honduras reopened two centres.", "Instituto Nacional de Migración",
         "HND"),
        ("The Comisión Mexicana de Ayuda a Refugiados registered claims in Mexico.",
         "Comisión Mexicana de Ayuda a Refugiados", "MEX"),
        ("Officials of the Ministère de l'Intérieur met French mayors.", "Ministère de l'Intérieur", "FRA"),
        ("The Institut für Migrationsforschung und Interkulturelle Studien published a study.",
         "Institut für Migrationsforschung und Interkulturelle Studien", None),
    ],
)
def test_names_that_put_their_head_first(analyse, text, name, country):
    rows = {row.name: row for row in analyse(text).rows["organisations"]}
    assert rows[name].country_iso3 == country


def test_a_name_in_parentheses_with_the_same_head_is_the_same_body(analyse):
    context = analyse(
        "Panama's National Migration Service (Servicio Nacional de Migración, SNM) said the flow fell. SNM data "
        "show it. The State Border Service (Ministry of Interior) of Ukraine agreed.\n"
    )
    rows = {row.name: row for row in context.rows["organisations"]}
    assert set(rows) == {"National Migration Service", "State Border Service", "Ministry of Interior"}
    assert (rows["National Migration Service"].acronym, rows["National Migration Service"].mentions) == ("SNM", 2)


def test_national_bodies_known_by_a_name_without_a_head(analyse):
    rows = _rows(analyse(
        "Migración Colombia reports 1.9 million permits. The app was closed by U.S. Customs and Border "
        "Protection (CBP) in January.\n"
    ))
    assert (rows["migracion-colombia"].name, rows["migracion-colombia"].country_iso3) == ("Migración Colombia", "COL")
    assert (rows["us-cbp"].name, rows["us-cbp"].acronym) == ("Customs and Border Protection", "CBP")


def test_a_two_word_short_form_and_the_place_it_names(analyse):
    context = analyse(
        "In the Republic of Korea, the Skills Development Service of Korea (SDS Korea) explained the quota. "
        "SDS Korea will train workers.\n"
    )
    [row] = context.rows["organisations"]
    assert (row.name, row.acronym, row.country_iso3, row.mentions) == (
        "Skills Development Service", "SDS Korea", "KOR", 2)


def test_short_form_shapes():
    from pipeline.normalise.acronyms import looks_like_short_form, short_form_qualifier

    assert looks_like_short_form("HRD Korea") and short_form_qualifier("HRD Korea") == "Korea"
    assert not looks_like_short_form("HRD KOREA TEAM") and short_form_qualifier("IOM") is None
    [inside] = find_definitions("the National Migration Service (Servicio Nacional de Migración, SNM) said")
    assert (inside.short, inside.long) == ("SNM", "Servicio Nacional de Migración")
    # a list's ", the" ends a long form: SPC is not "Secretariat, the Pacific Community"
    assert [d.short for d in find_definitions("the PIF Secretariat, the Pacific Community (SPC), and")] == []


def test_a_lowercase_bridge_does_not_lead_to_a_generic_group(analyse):
    context = analyse("They asked for an opinion of the Regional Court of Justice on the rights of States in disputes.")
    assert _names(context) == {"Regional Court of Justice"}


def test_the_country_after_a_bodys_acronym_is_its_country(analyse):
    context = analyse("Mr. Jonas Weber, Federal Employment Agency (BA), Germany, explained the new routes.\n")
    [row] = context.rows["organisations"]
    assert (row.name, row.acronym, row.country_iso3) == ("Federal Employment Agency", "BA", "DEU")


# ---------------------------------------------------------------- round 4


def test_an_acronym_after_a_title_and_a_comma_is_the_names_that_follows(analyse):
    # Schwartz-Hearst reaches back into the title ("Director ..., General Directorate ..."); the name wins
    context = analyse(
        "Mr. Abdoulaye Ndiaye, Director of Reintegration, General Directorate for Senegalese Abroad (DGSE), "
        "Senegal, spoke. The DGSE opened offices.\n"
    )
    [row] = context.rows["organisations"]
    assert (row.name, row.acronym, row.country_iso3, row.mentions) == (
        "General Directorate for Senegalese Abroad", "DGSE", "SEN", 2)


def test_congresses_and_facilities_are_bodies_but_a_world_congress_is_a_meeting(analyse):
    context = analyse(
        "The Malaysian Trades Union Congress (MTUC) and the Global Concessional Financing Facility (GCFF) "
        "spoke at the World Congress on Labour in Geneva.\n"
    )
    rows = {row.name: row.acronym for row in context.rows["organisations"]}
    assert rows == {"Malaysian Trades Union Congress": "MTUC", "Global Concessional Financing Facility": "GCFF"}


def test_a_legal_form_after_a_name_makes_it_a_company(analyse):
    context = analyse(
        "He cited a member company, Seri Kenanga Plantations Berhad, which repaid fees. A recruiter, Danube "
        "Staffing d.o.o., lost its licence, as did Johnson & Johnson Inc. and Acme Sdn. Bhd. in Penang.\n"
    )
    assert _names(context) == {
        "Seri Kenanga Plantations Berhad", "Danube Staffing d.o.o.", "Johnson & Johnson Inc.", "Acme Sdn. Bhd."}


def test_bodies_introduced_by_their_kind(analyse):
    context = analyse(
        "One shelter is run by the Albanian NGO Different and Equal. We thank companies such as Zespri and "
        "Fonterra for their work. The company said the NGO sector and the weekly Coordination Meeting grew.\n"
    )
    assert _names(context) == {"Different and Equal", "Zespri", "Fonterra"}


def test_a_renamed_body_is_one_body(analyse):
    context = analyse(
        "It was convened by the Ethiopian Diaspora Service (EDS), formerly the Ethiopian Diaspora Agency. "
        "The Migration Service (formerly known as the State Migration Department) attended.\n"
    )
    rows = {row.name: row for row in context.rows["organisations"]}
    assert set(rows) == {"Diaspora Service", "Migration Service"}
    assert (rows["Diaspora Service"].acronym, rows["Diaspora Service"].mentions) == ("EDS", 1)  # one reference


def test_a_unit_with_its_own_acronym_written_of_an_international_organisation_is_that_organisation(analyse):
    context = analyse(
        "A representative of the Citizens and Diaspora Organizations Directorate (CIDO) of the African Union "
        "said CIDO would help.\n"
    )
    [row] = context.rows["organisations"]
    assert (row.org_id, row.name, row.acronym) == ("au", "African Union", None)


def test_a_second_body_with_the_same_head_is_not_a_field_of_the_first(analyse):
    context = analyse("Researchers from the University of Nairobi and Addis Ababa University met the "
                      "Ministry of Labour and Social Protection.\n")
    assert _names(context) == {"University of Nairobi", "Addis Ababa University",
                               "Ministry of Labour and Social Protection"}


def test_a_body_named_after_its_country_keeps_the_country_its_acronym_spells(analyse):
    context = analyse("Last year, Employment and Social Development Canada (ESDC) welcomed the group. "
                      "The Republic of Moldova (RM) signed.\n")
    [row] = context.rows["organisations"]
    assert (row.name, row.acronym, row.country_iso3) == ("Employment and Social Development Canada", "ESDC", "CAN")


def test_a_country_in_two_words_leaves_a_bodys_name_whole(analyse):
    context = analyse("Ms. Kouassi, of the Ministry of Foreign Affairs of Côte d'Ivoire, and Mr. Camara, of the "
                      "Ministry of Foreign Affairs of Guinea, spoke.\n")
    rows = {row.country_iso3: row.name for row in context.rows["organisations"]}
    assert rows == {"CIV": "Ministry of Foreign Affairs", "GIN": "Ministry of Foreign Affairs"}


def test_name_rules_reject_lists_no_rule_reads_and_words_yaml_reads_as_booleans():
    from pipeline.normalise.organisations import NameRules
    from pipeline.rules import RulesError

    with pytest.raises(RulesError, match="no rule reads"):
        NameRules.from_data({"organisation_head": ["ministry"]})
    with pytest.raises(RulesError, match="non-text"):
        NameRules.from_data({"tail_connectors": ["of", True]})
    rules = NameRules.from_data({"byline_separators": ["–"], "unit_heads": ["office", "working group"]})
    assert rules.byline_separators == frozenset({"–"})  # as written, not folded to "-"
    assert rules.unit_heads == (("working", "group"), ("office",)) and rules.max_outlet_name_words == 4
