"""Evaluation: matching as the annotation guidelines say, and micro-averaged scores from real tables."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate import (
    evaluate,
    maximum_matching,
    normalise_name,
    organisations_match,
    statistics_match,
    strategies_match,
)
from pipeline.models import CountryRow, DocumentRow, OrganisationRow, StatisticRow
from pipeline.tables import write_tables


def test_organisation_matching_rules():
    assert organisations_match({"name": "IOM", "acronym": "IOM"}, {"name": "International Organization for Migration", "acronym": "IOM"})
    assert organisations_match({"name": "The European Union (EU)", "acronym": None}, {"name": "European Union", "acronym": None})
    assert organisations_match({"name": "UNHCR", "acronym": None}, {"name": "Office of the UNHCR", "acronym": "UNHCR"})
    assert organisations_match(
        {"name": "Ministry of Foreign Affairs of the Kyrgyz Republic", "acronym": None},
        {"name": "Ministry of Foreign Affairs", "acronym": None},
    )
    assert not organisations_match({"name": "Ministry of Interior", "acronym": None}, {"name": "Ministry of Foreign Affairs", "acronym": None})
    # Containment needs at least three content words in the shorter name.
    assert not organisations_match({"name": "Migration Service", "acronym": None}, {"name": "State Migration Service", "acronym": None})
    assert not organisations_match({"name": "A", "acronym": None}, {"name": "B", "acronym": None})


def test_name_normalisation():
    assert normalise_name("The Quaker United Nations Office (QUNO)") == "quaker united nations office"


def test_strategy_matching_needs_equal_years_and_half_the_content_words():
    gold = {"name": "National Strategy for Migration", "start_year": 2019, "end_year": 2022}
    assert strategies_match({"name": "the National Strategy for Migration", "start_year": 2019, "end_year": 2022}, gold)
    assert strategies_match({"name": "Migration Strategy", "start_year": 2019, "end_year": 2022}, gold)
    assert not strategies_match({"name": "National Strategy for Migration", "start_year": 2019, "end_year": None}, gold)
    assert not strategies_match({"name": "Employment Strategy", "start_year": 2019, "end_year": 2022}, gold)


def test_statistic_matching_needs_equal_unit_and_close_value():
    assert statistics_match({"value": 17500000.0, "unit": "USD"}, {"value": 17500000, "unit": "USD"})
    assert not statistics_match({"value": 17500000, "unit": "EUR"}, {"value": 17500000, "unit": "USD"})
    assert not statistics_match({"value": 3, "unit": "count"}, {"value": 4, "unit": "count"})


def test_maximum_matching_is_one_to_one_and_maximal():
    predicted = [{"v": 1}, {"v": 1}]
    gold = [{"v": 1}, {"v": 1}, {"v": 1}]
    assert len(maximum_matching(predicted, gold, lambda p, g: p["v"] == g["v"])) == 2
    # Greedy would pair gold 0 with predicted 0 and leave gold 1 unmatched; the maximum matching does not.
    both, only_first = {"ok": {0, 1}}, {"ok": {0}}
    pairs = maximum_matching([{"i": 0}, {"i": 1}], [both, only_first], lambda p, g: p["i"] in g["ok"])
    assert len(pairs) == 2


def test_scores_from_tables_and_gold_files(tmp_path):
    out, gold = tmp_path / "out", tmp_path / "gold"
    doc = dict(path="r.md", sha256="x", n_chars=1, n_tokens=1, status="ok")
    write_tables(
        out,
        {
            "documents": [DocumentRow(doc_id="r", **doc)],
            "countries": [
                CountryRow(doc_id="r", iso3=code, name=code, mentions=1, first_start_char=0) for code in ("ALB", "SRB")
            ],
            "organisations": [
                OrganisationRow(doc_id="r", org_id="iom", name="IOM", acronym="IOM", mentions=1, aliases="IOM", first_start_char=0)
            ],
            "statistics": [
                StatisticRow(doc_id="r", stat_id="t1", value=23275, unit="count", year=2019, text="23,275", start_char=0, end_char=6, sentence="s"),
                StatisticRow(doc_id="r", stat_id="t2", value=70, unit="percent", year=2020, text="70%", start_char=7, end_char=10, sentence="s"),
            ],
        },
    )
    gold.mkdir()
    (gold / "r.gold.json").write_text(
        json.dumps(
            {
                "countries": ["ALB", "MDA"],
                "organisations": [{"name": "International Organization for Migration", "acronym": "IOM"}],
                "strategies": [{"name": "National Strategy for Migration", "start_year": 2019, "end_year": 2022}],
                "statistics": [
                    {"value": 23275, "unit": "count", "year": 2019, "text": "23,275"},
                    {"value": 70, "unit": "percent", "year": None, "text": "70%"},
                ],
            }
        )
    )
    (gold / "absent.gold.json").write_text(json.dumps({"countries": ["XKX"]}))
    scores = evaluate(out, gold)
    assert scores.tables["countries"].as_dict() == {"precision": 0.5, "recall": pytest.approx(1 / 3, abs=1e-4), "f1": 0.4, "tp": 1, "fp": 1, "fn": 2}
    assert (scores.tables["organisations"].tp, scores.tables["organisations"].fp) == (1, 0)
    assert (scores.tables["strategies"].tp, scores.tables["strategies"].fn) == (0, 1)
    assert scores.tables["statistics"].f1 == 1.0
    assert (scores.year_correct, scores.year_total) == (1, 1)  # the null gold year is not scored
    assert scores.missing == ["absent"]
