"""Accuracy floors from the issues, measured with `evaluate` on the first report and on the dev set."""

from __future__ import annotations

import pytest

from pipeline.batch import run_batch
from pipeline.evaluate import evaluate
from pipeline.source import discover_reports
from pipeline.tables import write_tables

from .conftest import CORPUS_DEV, REPO, requires_shared


def _scores(nlp, reports_dir, gold_dir, out_dir):
    result = run_batch(nlp, discover_reports(reports_dir), progress=False)
    assert result.n_errors == 0
    write_tables(out_dir, result.rows)
    return evaluate(out_dir, gold_dir)


@pytest.fixture(scope="module")
def corpus_scores(nlp, tmp_path_factory):
    return _scores(nlp, REPO / "corpus", REPO / "corpus" / "gold", tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def dev_scores(nlp, tmp_path_factory):
    return _scores(nlp, CORPUS_DEV, CORPUS_DEV, tmp_path_factory.mktemp("dev"))


def test_first_report_countries(corpus_scores):
    assert corpus_scores.tables["countries"].f1 == 1.0


@requires_shared
def test_dev_set_countries(dev_scores):
    assert dev_scores.tables["countries"].f1 >= 0.97
