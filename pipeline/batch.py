"""Running the pipeline over a folder of reports: one bad report never stops the batch."""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from pipeline import __version__
from pipeline.extract import ExtractionContext, extract_all
from pipeline.layout import detect_layout
from pipeline.models import DocumentRow, Row
from pipeline.nlp import MAX_REPORT_CHARS, analyse, build_nlp, make_doc, resolve_model
from pipeline.prepare import Prepared, prepare
from pipeline.rules import rules_fingerprint
from pipeline.source import DEFAULT_EXCLUDES, ReportError, ReportFile, Source, discover_reports, read_report, sha256_of
from pipeline.tables import write_tables


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


def _error_row(report: ReportFile, error: BaseException) -> DocumentRow:
    message = str(error) if isinstance(error, ReportError) else f"{type(error).__name__}: {error}"
    return DocumentRow(
        doc_id=report.doc_id,
        path=report.relative_path,
        sha256=sha256_of(report.path),
        n_chars=0,
        n_tokens=0,
        status="error",
        error=message,
    )


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


def _batches(reports: list[ReportFile], size: int):
    for start in range(0, len(reports), size):
        yield reports[start : start + size]


def run_batch(
    nlp: Language,
    reports: list[ReportFile],
    progress: bool | None = None,
    batch_size: int = 16,
) -> BatchResult:
    """Process every report; a failing one gets an error row in `documents` and no other rows.

    Reports stream through in batches: read and prepare each (isolated), one
    `nlp.pipe` call per batch, then extract each (isolated). Memory stays
    bounded by the batch, not the folder.
    """
    result = BatchResult()
    seen: set[str] = set()
    show = sys.stderr.isatty() if progress is None else progress
    with tqdm(total=len(reports), desc="reports", unit="report", disable=not show, file=sys.stderr) as bar:
        for batch in _batches(reports, batch_size):
            pending: list[_Pending] = []
            for report in batch:
                result.n_reports += 1
                try:
                    if report.doc_id in seen:
                        raise ReportError(f"another report already has doc_id {report.doc_id!r}")
                    seen.add(report.doc_id)
                    source = read_report(report)
                    prepared = prepare(source.text)
                    if len(prepared.text) > nlp.max_length:
                        raise ReportError(
                            f"report has {len(prepared.text):,} characters after clean-up, more than the "
                            f"{nlp.max_length:,} the pipeline accepts (--max-chars); split it into parts"
                        )
                    pending.append(_Pending(report, source, prepared))
                except Exception as error:  # noqa: BLE001  (isolate any failure to its own report)
                    result.n_errors += 1
                    result.rows["documents"].append(_error_row(report, error))
            docs = _analyse_batch(nlp, pending) if pending else []
            for item, doc in zip(pending, docs):
                try:
                    if isinstance(doc, Exception):
                        raise doc
                    rows = _rows_of(item.report, item.source, _extract(item.report.doc_id, item.prepared, doc))
                except Exception as error:  # noqa: BLE001
                    result.n_errors += 1
                    result.rows["documents"].append(_error_row(item.report, error))
                    continue
                for table, table_rows in rows.items():
                    result.rows[table].extend(table_rows)
            bar.update(len(batch))
    return result


def run(
    input_dir: Path,
    out_dir: Path,
    model: str | None = None,
    excludes: tuple[str, ...] = DEFAULT_EXCLUDES,
    progress: bool | None = None,
    max_chars: int = MAX_REPORT_CHARS,
) -> BatchResult:
    """Read every report below `input_dir` and write the tables to `out_dir`."""
    reports = discover_reports(input_dir, excludes)
    package = resolve_model(model)
    nlp = build_nlp(package, max_chars)
    result = run_batch(nlp, reports, progress)
    manifest = {
        "pipeline_version": __version__,
        "model": {"package": package, "name": f"{nlp.meta['lang']}_{nlp.meta['name']}", "version": nlp.meta["version"]},
        "spacy_components": nlp.pipe_names,
        "rules_sha256": rules_fingerprint(),
        "reports": result.n_reports,
        "errors": result.n_errors,
    }
    write_tables(out_dir, result.rows, manifest)
    return result
