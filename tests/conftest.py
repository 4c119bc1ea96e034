"""Shared fixtures: one spaCy pipeline per test session, and a way to run the pipeline on a string."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.batch import analyse_text
from pipeline.extract import ExtractionContext
from pipeline.nlp import build_nlp

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS_DEV = SHARED / "corpus-dev"


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def analyse(nlp) -> Callable[[str], ExtractionContext]:
    """Run the whole pipeline on a text; returns the extraction context (rows by table, doc, layout)."""

    def run(text: str) -> ExtractionContext:
        return analyse_text(nlp, text, doc_id="test")

    return run


requires_shared = pytest.mark.skipif(
    not CORPUS_DEV.is_dir(), reason="../shared/corpus-dev is not beside the repository"
)


@pytest.fixture(scope="session")
def corpus_report_text() -> str:
    return (REPO / "corpus" / "iom-subregional-cooperation-2021-03-24.md").read_text(encoding="utf-8")


def _batch_rows(nlp, reports_dir: Path) -> dict:
    from pipeline.batch import run_batch
    from pipeline.source import discover_reports

    result = run_batch(nlp, discover_reports(reports_dir), progress=False)
    assert result.n_errors == 0, [row.error for row in result.rows["documents"] if row.error]
    return result.rows


@pytest.fixture(scope="session")
def corpus_rows(nlp) -> dict:
    """Rows of every table for corpus/, computed once per session."""
    return _batch_rows(nlp, REPO / "corpus")


@pytest.fixture(scope="session")
def dev_rows(nlp) -> dict:
    """Rows of every table for ../shared/corpus-dev, computed once per session."""
    if not CORPUS_DEV.is_dir():
        pytest.skip("../shared/corpus-dev is not beside the repository")
    return _batch_rows(nlp, CORPUS_DEV)
