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
