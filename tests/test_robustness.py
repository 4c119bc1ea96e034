"""Batch runs that never lose data: bad inputs, incremental reruns, interrupted runs, safe CSVs, exit codes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.batch import UsageError, analyse_text, run
from pipeline.cli import main
from pipeline.models import TABLE_MODELS
from pipeline.store import CACHE_DIR

from .conftest import REPO

TABLES = [f"{model.table}.csv" for model in TABLE_MODELS]
GOOD = "Ms. Ana Diaz, Director, Ministry of Interior, Government of Moldova, said Moldova hosted 1,200 refugees in 2023.\n"


def _tables(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in TABLES}


def _documents(out: Path) -> dict[str, pd.Series]:
    frame = pd.read_csv(out / "documents.csv", keep_default_na=False)
    return {row.doc_id: row for row in frame.itertuples()}


@pytest.fixture
def bad_inputs(tmp_path):
    root = tmp_path / "reports"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "good.md").write_text(GOOD, encoding="utf-8")
    (root / "nested" / "deeper" / "also good.txt").write_text("Serbia and Kosovo met.\n", encoding="utf-8")
    (root / "Réunion à Genève.md").write_text("Albania hosted the meeting.\n", encoding="utf-8")
    (root / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "empty.md").write_text("", encoding="utf-8")
    (root / "bad bom.md").write_bytes(b"\xef\xbb\xbf\xff\xfe not utf-8")
    (root / "windows.md").write_bytes("Délégués réunis à Genève avec la Türkiye — “Moldova”.\n".encode("cp1252"))
    (root / "latin.txt").write_bytes("Réunion à Genève: Schön, Albania.\n".encode("latin-1"))
    (root / "bom.md").write_bytes("\ufeffGeorgia and Armenia met.\n".encode("utf-8"))
    (root / "huge.md").write_bytes(b"Albania. " * 6_000_000)  # 54 MB
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "dangling.md").symlink_to(root / "gone.md")
    return root


def test_bad_inputs_get_error_rows_and_the_good_reports_their_rows(nlp, bad_inputs, tmp_path):
    out = tmp_path / "out"
    summary = run(bad_inputs, out, nlp=nlp, progress=False)
    documents = _documents(out)
    errors = {doc_id: row.error for doc_id, row in documents.items() if row.status == "error"}
    assert set(errors) == {"binary", "empty", "bad bom", "huge", "dangling"}
    assert "NUL" in errors["binary"] and "empty" in errors["empty"] and "UTF-8" in errors["bad bom"]
    assert "bytes" in errors["huge"] and "split it" in errors["huge"]
    assert "cannot read" in errors["dangling"]
    assert documents["windows"].encoding == "cp1252" and documents["bom"].encoding == "utf-8-sig"
    assert documents["latin"].status == "ok"
    countries = pd.read_csv(out / "countries.csv")
    by_doc = {doc: set(group.iso3) for doc, group in countries.groupby("doc_id")}
    assert by_doc["good"] == {"MDA"} and by_doc["nested/deeper/also good"] == {"SRB", "XKX"}
    assert by_doc["Réunion à Genève"] == {"ALB"} and by_doc["windows"] == {"MDA", "TUR"} and by_doc["bom"] == {"ARM", "GEO"}
    assert summary.failed == 5 and summary.reports == len(documents)
    assert not any(doc_id.startswith("loop/") for doc_id in documents)  # the link loop is not followed


def test_decoded_text_keeps_its_accents(nlp, bad_inputs, tmp_path):
    out = tmp_path / "out"
    run(bad_inputs, out, nlp=nlp, progress=False)
    mentions = pd.read_csv(out / "mentions.csv")
    assert "Türkiye" in set(mentions[mentions.doc_id == "windows"].text)


def test_a_file_that_vanishes_mid_run_is_an_error_row(nlp, tmp_path, monkeypatch):
    import pipeline.batch as batch

    root = tmp_path / "reports"
    root.mkdir()
    (root / "a.md").write_text(GOOD, encoding="utf-8")
    (root / "b.md").write_text(GOOD, encoding="utf-8")
    real = batch.read_report

    def vanishing(report, max_bytes=None):
        if report.doc_id == "a":
            report.path.unlink()
        return real(report, max_bytes)

    monkeypatch.setattr(batch, "read_report", vanishing)
    run(root, tmp_path / "out", nlp=nlp, progress=False)
    documents = _documents(tmp_path / "out")
    assert documents["a"].status == "error" and "cannot read" in documents["a"].error
    assert documents["b"].status == "ok"


def test_a_folder_with_no_reports_gives_empty_tables(nlp, tmp_path):
    (tmp_path / "empty").mkdir()
    summary = run(tmp_path / "empty", tmp_path / "out", nlp=nlp, progress=False)
    assert summary.reports == 0
    for name in TABLES:
        assert len(pd.read_csv(tmp_path / "out" / name)) == 0


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX file modes")
def test_tables_get_an_ordinary_files_permissions_not_the_temporary_files(nlp, tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    (root / "a.md").write_text(GOOD, "utf-8")
    previous = os.umask(0o027)
    try:
        run(root, tmp_path / "out", nlp=nlp, progress=False)
    finally:
        os.umask(previous)
    written = [*(tmp_path / "out").glob("*.csv"), tmp_path / "out" / "manifest.json"]
    assert len(written) == len(TABLES) + 1
    assert {path.stat().st_mode & 0o777 for path in written} == {0o640}


def test_rerun_with_nothing_changed_processes_nothing_and_writes_the_same_bytes(nlp, tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    for name in ("a", "b", "c"):
        (root / f"{name}.md").write_text(GOOD.replace("Moldova hosted", f"Report {name}: Moldova hosted"), "utf-8")
    out = tmp_path / "out"
    first = run(root, out, nlp=nlp, progress=False)
    before = _tables(out)
    second = run(root, out, nlp=nlp, progress=False)
    assert (first.processed, second.processed, second.skipped) == (3, 0, 3)
    assert _tables(out) == before


def test_a_changed_report_is_reprocessed_alone_and_a_removed_one_leaves_the_tables(nlp, tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    for name in ("a", "b", "c"):
        (root / f"{name}.md").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    run(root, out, nlp=nlp, progress=False)
    (root / "b.md").write_text("Georgia and Armenia signed an agreement.\n", encoding="utf-8")
    (root / "c.md").unlink()
    summary = run(root, out, nlp=nlp, progress=False)
    assert (summary.processed, summary.skipped) == (1, 1)
    full = tmp_path / "full"
    run(root, full, nlp=nlp, progress=False, force=True)
    assert _tables(out) == _tables(full)
    assert set(pd.read_csv(out / "documents.csv").doc_id) == {"a", "b"}
    assert set(pd.read_csv(out / "countries.csv").query("doc_id == 'b'").iso3) == {"ARM", "GEO"}


def test_a_changed_rule_reprocesses_everything(nlp, tmp_path, monkeypatch):
    import pipeline.store as store

    root = tmp_path / "reports"
    root.mkdir()
    (root / "a.md").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    run(root, out, nlp=nlp, progress=False)
    monkeypatch.setattr(store, "rules_fingerprint", lambda: "other rules")
    assert run(root, out, nlp=nlp, progress=False).processed == 1


def test_an_interrupted_run_leaves_the_previous_tables_intact(nlp, tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    report = (REPO / "corpus" / "iom-subregional-cooperation-2021-03-24.md").read_text(encoding="utf-8")
    (root / "first.md").write_text(report, encoding="utf-8")
    out = tmp_path / "out"
    run(root, out, nlp=nlp, progress=False)
    before = _tables(out)
    for index in range(3):
        (root / f"more-{index:02d}.md").write_text(report.replace("24 March 2021", f"{index + 1} April 2021"), "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(root), "--out", str(out), "--workers", "1", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    cache = out / CACHE_DIR
    deadline = time.monotonic() + 120
    while len(list(cache.glob("*.json"))) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _tables(out) == before
    # The next run picks up where the interrupted one stopped and finishes the job.
    summary = run(root, out, nlp=nlp, progress=False)
    assert summary.reports == 4 and summary.skipped >= 2 and summary.failed == 0
    assert len(pd.read_csv(out / "documents.csv")) == 4


def test_exit_status_and_one_line_errors(tmp_path, capsys):
    root = tmp_path / "reports"
    root.mkdir()
    (root / "good.md").write_text(GOOD, encoding="utf-8")
    assert main(["run", str(root), "--out", str(tmp_path / "out"), "--workers", "1", "--no-progress"]) == 0
    (root / "bad.md").write_bytes(b"\x00\x01")
    assert main(["run", str(root), "--out", str(tmp_path / "out"), "--workers", "1", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "bad: not a text file" in err and "1 failed" in err
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "out2"), "--no-progress"]) == 2
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["run", str(root), "--out", str(blocker / "out"), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.count("error:") == 2 and "Traceback" not in err


def test_unwritable_output_is_a_usage_error(nlp, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(UsageError, match="cannot write"):
        run(REPO / "corpus", blocker / "out", nlp=nlp)


def test_csv_cells_are_safe_to_open_and_round_trip(nlp, tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    (root / "=cmd.md").write_text(
        '=HYPERLINK("http://x") Albania "quoted"\n\n@SUM(A1) Moldova hosted 1,200 refugees.\n\n- Serbia, 45% of them\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run(root, out, nlp=nlp, progress=False)
    mentions = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    for column in ("doc_id", "text", "sentence"):
        assert not any(str(value).startswith(("=", "+", "-", "@")) for value in mentions[column])
    assert "'=cmd" in set(mentions.doc_id)
    assert any(sentence.startswith("'=HYPERLINK") and '"quoted"' in sentence for sentence in mentions.sentence)
    statistics = pd.read_csv(out / "statistics.csv")
    assert pd.api.types.is_numeric_dtype(statistics["value"]) and set(statistics.value) == {1200, 45}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("#*-_[]()|`>\n\n 0123456789%$€,.")),
        max_size=400,
    )
)
def test_arbitrary_text_never_makes_the_pipeline_raise(nlp, text):
    analyse_text(nlp, text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "## OPENING REMARKS", "**Ms. Ana Diaz, Director, Ministry of Interior, Government of Moldova**",
                "| Country | 2023 |", "|---|---|", "| Albania | 1,200 |", "- 1 -", "Page 2", "1. BACKGROUND",
                "The National Strategy for Migration (2019-2022) was adopted.", "USD 17.5 million in 2020, down 70%.",
                "the UN Network on Migration (UNMN)", "", "   ", "non-", "governmental", "*italic* [link](#)",
            ]
        ),
        max_size=25,
    )
)
def test_arbitrary_report_layouts_never_make_the_pipeline_raise(nlp, lines):
    context = analyse_text(nlp, "\n".join(lines))
    for mention in context.rows["mentions"]:
        assert 0 <= mention.start_char <= mention.end_char <= len("\n".join(lines))
