"""Golden outputs: the tables for corpus/ are regenerated and compared with the hand-checked ones in outputs/.

After a deliberate change, regenerate with `pytest tests/test_golden.py --force-regen`,
then read the diff of outputs/ against the report before committing it.
"""

from __future__ import annotations

import pytest

from pipeline.models import TABLE_MODELS
from pipeline.tables import to_csv_text, to_frame

from .conftest import REPO


@pytest.mark.parametrize("model", TABLE_MODELS, ids=lambda model: model.table)
def test_corpus_tables_match_golden_outputs(corpus_rows, model, file_regression):
    text = to_csv_text(to_frame(model, corpus_rows.get(model.table, [])))
    file_regression.check(text, fullpath=REPO / "outputs" / f"{model.table}.csv")


def test_golden_manifest_was_written_with_the_current_rules():
    """outputs/ must be regenerated (first Quick start command) whenever rules/ change."""
    import json

    from pipeline.rules import rules_fingerprint

    manifest = json.loads((REPO / "outputs" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["rules_sha256"] == rules_fingerprint()
    assert manifest["reports"] == 1 and manifest["errors"] == 0


@pytest.mark.parametrize("model", TABLE_MODELS, ids=lambda model: model.table)
def test_the_batch_writer_gives_the_same_bytes_as_the_dataframe(dev_rows, corpus_rows, model):
    """The batch writes rows straight to CSV; the DataFrame path (`to_frame`) must agree to the byte."""
    from pipeline.tables import rows_csv_text

    for rows in (corpus_rows, dev_rows):
        table_rows = rows.get(model.table, [])
        assert rows_csv_text(model, table_rows) == to_csv_text(to_frame(model, table_rows))
