"""Running the pipeline over a folder of reports: one bad report never stops the batch.

`process_reports` is the one processing loop: reports stream through in
batches (read and prepare each, one `nlp.pipe` call per batch, extract each),
every failure isolated to its report. `run` adds what a batch over a growing
folder needs: per-report rows kept between runs (only new or changed reports
are processed), worker processes, and tables written in one swap at the end.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from pipeline.extract import ExtractionContext, extract_all
from pipeline.layout import detect_layout
from pipeline.models import DocumentRow, Row
from pipeline.nlp import MAX_REPORT_CHARS, analyse, build_nlp, make_doc, resolve_model
from pipeline.prepare import Prepared, prepare
from pipeline.source import DEFAULT_EXCLUDES, ReportError, ReportFile, Source, discover_reports, read_report, sha256_of
from pipeline.store import ReportStore, RunVersion
from pipeline.tables import TableWriter

log = logging.getLogger("pipeline")
BATCH_SIZE = 16
# Bytes of a file beyond which it is refused unread: UTF-8 text takes at most 4 bytes a character.
BYTES_PER_CHAR = 4


class UsageError(Exception):
    """The run cannot start: a missing input folder, an output folder that cannot be written."""


@dataclass
class BatchResult:
    """Rows of every table for a batch, and how many reports failed."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    n_reports: int = 0
    n_errors: int = 0


def analyse_text(nlp: Language, text: str, doc_id: str = "report") -> ExtractionContext:
    """Prepare, analyse and extract one report's text: every row except its `documents` row."""
    prepared = prepare(text)
    return _extract(doc_id, prepared, analyse(nlp, prepared))


def _extract(doc_id: str, prepared: Prepared, doc: Doc) -> ExtractionContext:
    context = ExtractionContext(doc_id=doc_id, prepared=prepared, doc=doc, layout=detect_layout(prepared))
    return extract_all(context)


def _rows_of(report: ReportFile, source: Source, context: ExtractionContext) -> dict[str, list[Row]]:
    """All rows of one report, its `documents` row included."""
    document = DocumentRow(
        doc_id=report.doc_id,
        path=report.relative_path,
        sha256=source.sha256,
        n_chars=len(source.text),
        n_tokens=sum(1 for token in context.doc if not token.is_space),
        status="ok",
        encoding=source.encoding,
        **context.metadata,
    )
    rows = dict(context.rows)
    rows["documents"] = [document]
    return rows


def _error_rows(report: ReportFile, error: BaseException) -> dict[str, list[Row]]:
    message = str(error) if isinstance(error, ReportError) else f"{type(error).__name__}: {error}"
    row = DocumentRow(
        doc_id=report.doc_id,
        path=report.relative_path,
        sha256=sha256_of(report.path),
        n_chars=0,
        n_tokens=0,
        status="error",
        error=message,
    )
    return {"documents": [row]}


@dataclass
class _Pending:
    """A report read and prepared, waiting for the NLP pass of its batch."""

    report: ReportFile
    source: Source
    prepared: Prepared


def _analyse_batch(nlp: Language, pending: list[_Pending]) -> list[Doc | Exception]:
    """`nlp.pipe` over a batch (faster than one call per report); if it fails, each report alone."""
    try:
        return list(nlp.pipe([make_doc(nlp, item.prepared) for item in pending], batch_size=len(pending)))
    except Exception:  # noqa: BLE001  (find the culprit by running each report on its own)
        results: list[Doc | Exception] = []
        for item in pending:
            try:
                results.append(analyse(nlp, item.prepared))
            except Exception as error:  # noqa: BLE001
                results.append(error)
        return results


def _read_and_prepare(nlp: Language, report: ReportFile) -> _Pending:
    source = read_report(report, max_bytes=nlp.max_length * BYTES_PER_CHAR)
    if len(source.text) > nlp.max_length:
        raise ReportError(
            f"report has {len(source.text):,} characters, more than the {nlp.max_length:,} "
            "the pipeline accepts (--max-chars); split it into parts"
        )
    return _Pending(report, source, prepare(source.text))


def process_reports(
    nlp: Language, reports: list[ReportFile], batch_size: int = BATCH_SIZE
) -> Iterator[tuple[ReportFile, dict[str, list[Row]]]]:
    """Each report with all its rows (an error row when it fails), in the order given."""
    seen: set[str] = set()
    for start in range(0, len(reports), batch_size):
        batch = reports[start : start + batch_size]
        pending: list[_Pending] = []
        failed: dict[str, dict[str, list[Row]]] = {}
        for report in batch:
            try:
                if report.doc_id in seen:
                    raise ReportError(f"another report already has doc_id {report.doc_id!r}")
                seen.add(report.doc_id)
                pending.append(_read_and_prepare(nlp, report))
            except Exception as error:  # noqa: BLE001  (isolate any failure to its own report)
                failed[report.relative_path] = _error_rows(report, error)
        docs = dict(zip((item.report.relative_path for item in pending), _analyse_batch(nlp, pending) if pending else []))
        sources = {item.report.relative_path: item for item in pending}
        for report in batch:
            if report.relative_path in failed:
                yield report, failed[report.relative_path]
                continue
            item, doc = sources[report.relative_path], docs[report.relative_path]
            try:
                if isinstance(doc, Exception):
                    raise doc
                rows = _rows_of(report, item.source, _extract(report.doc_id, item.prepared, doc))
            except Exception as error:  # noqa: BLE001
                rows = _error_rows(report, error)
            yield report, rows


def _failed(rows: dict[str, list[Row]]) -> str | None:
    document = rows["documents"][0]
    return document.error if document.status == "error" else None


def run_batch(
    nlp: Language,
    reports: list[ReportFile],
    progress: bool | None = None,
    batch_size: int = BATCH_SIZE,
) -> BatchResult:
    """Process every report in memory; a failing one gets an error row in `documents` and no other rows."""
    result = BatchResult()
    show = sys.stderr.isatty() if progress is None else progress
    with tqdm(total=len(reports), desc="reports", unit="report", disable=not show, file=sys.stderr) as bar:
        for _, rows in process_reports(nlp, reports, batch_size):
            result.n_reports += 1
            result.n_errors += _failed(rows) is not None
            for table, table_rows in rows.items():
                result.rows[table].extend(table_rows)
            bar.update(1)
    return result


@dataclass
class RunSummary:
    """What a run did, for the exit status and the closing log line."""

    reports: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


# Worker processes: each builds the pipeline once and writes the rows of its reports to the store.
_worker: dict = {}


def _start_worker(
    package: str, max_chars: int, out_dir: Path, version: RunVersion, nlp: Language | None = None
) -> None:
    _worker.update(nlp=nlp or build_nlp(package, max_chars), store=ReportStore(out_dir), version=version)


def _process_and_store(reports: list[ReportFile]) -> list[tuple[str, str | None]]:
    nlp, store, version = _worker["nlp"], _worker["store"], _worker["version"]
    outcome = []
    for report, rows in process_reports(nlp, reports):
        sha256 = rows["documents"][0].sha256
        store.put(report.doc_id, sha256, version, rows)
        outcome.append((report.doc_id, _failed(rows)))
    return outcome


def _check_writable(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".write-test-{os.getpid()}"
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        raise UsageError(f"cannot write to output folder {str(out_dir)!r}: {error.strerror or error}") from error


def run(
    input_dir: Path,
    out_dir: Path,
    model: str | None = None,
    excludes: tuple[str, ...] = DEFAULT_EXCLUDES,
    progress: bool | None = None,
    max_chars: int = MAX_REPORT_CHARS,
    workers: int = 1,
    force: bool = False,
    nlp: Language | None = None,
) -> RunSummary:
    """Bring the tables in `out_dir` up to date with the reports below `input_dir`.

    Reports whose bytes, and whose pipeline, rules and model, are those of
    their stored rows are not processed again (unless `force`); reports that
    left the folder leave the tables. The tables are the same bytes as a full
    run's, written in one swap at the end. An `nlp` already built (with one
    worker) saves loading the model again.
    """
    started = time.perf_counter()
    try:
        reports = discover_reports(input_dir, excludes)
    except ReportError as error:
        raise UsageError(str(error)) from error
    _check_writable(out_dir)
    package = resolve_model(model)
    version = RunVersion.current(package)
    store = ReportStore(out_dir)
    if force:
        store.clear()
    todo = [report for report in reports if not store.is_current(report.doc_id, sha256_of(report.path), version)]
    summary = RunSummary(reports=len(reports), processed=len(todo), skipped=len(reports) - len(todo))
    log.debug("%d report(s): %d to process, %d unchanged", len(reports), len(todo), summary.skipped)

    batches = [todo[start : start + BATCH_SIZE] for start in range(0, len(todo), BATCH_SIZE)]
    workers = max(1, min(workers, len(batches)))
    show = sys.stderr.isatty() if progress is None else progress
    with tqdm(total=len(todo), desc="reports", unit="report", disable=not show, file=sys.stderr) as bar:
        if workers == 1 and batches:
            _start_worker(package, max_chars, out_dir, version, nlp)
            _report_outcomes(map(_process_and_store, batches), summary, bar)
        elif batches:
            os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core per worker, not several each
            context = multiprocessing.get_context("spawn")
            with context.Pool(workers, _start_worker, (package, max_chars, out_dir, version)) as pool:
                _report_outcomes(pool.imap_unordered(_process_and_store, batches), summary, bar)

    store.keep_only({report.doc_id for report in reports})
    writer = TableWriter(out_dir)
    try:
        documents = {}
        for report in reports:
            rows = store.rows(report.doc_id)
            writer.add(rows)
            document = rows["documents"][0]
            documents[report.doc_id] = {"sha256": document.sha256, "status": document.status}
        summary.failed = sum(1 for document in documents.values() if document["status"] == "error")
        manifest = {**version.as_dict(), "reports": len(reports), "errors": summary.failed, "documents": documents}
        writer.commit(manifest)
    except BaseException:
        writer.abort()
        raise
    summary.rows = dict(writer.row_counts)
    summary.seconds = time.perf_counter() - started
    return summary


def _report_outcomes(outcomes, summary: RunSummary, bar: tqdm) -> None:
    for outcome in outcomes:
        for doc_id, error in outcome:
            if error is not None:
                log.warning("%s: %s", doc_id, error)
            else:
                log.debug("%s: ok", doc_id)
        bar.update(len(outcome))
