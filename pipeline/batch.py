"""Running the pipeline over a folder of reports: one bad report never stops the batch."""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from tqdm import tqdm

from pipeline import __version__
from pipeline.extract import ExtractionContext, extract_all
from pipeline.layout import detect_layout
from pipeline.models import DocumentRow, Row
from pipeline.nlp import analyse, build_nlp, resolve_model
from pipeline.prepare import prepare
from pipeline.rules import rules_fingerprint
from pipeline.source import DEFAULT_EXCLUDES, ReportError, ReportFile, discover_reports, read_report, sha256_of
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
    doc = analyse(nlp, prepared)
    layout = detect_layout(prepared)
    return extract_all(ExtractionContext(doc_id=doc_id, prepared=prepared, doc=doc, layout=layout))


def process_report(nlp: Language, report: ReportFile) -> dict[str, list[Row]]:
    """All rows for one report, its `documents` row included. Raises on a report that cannot be read."""
    source = read_report(report)
    context = analyse_text(nlp, source.text, report.doc_id)
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


def run_batch(
    nlp: Language,
    reports: list[ReportFile],
    progress: bool | None = None,
) -> BatchResult:
    """Process every report; a failing one gets an error row in `documents` and no other rows."""
    result = BatchResult()
    seen: set[str] = set()
    show = sys.stderr.isatty() if progress is None else progress
    for report in tqdm(reports, desc="reports", unit="report", disable=not show, file=sys.stderr):
        result.n_reports += 1
        try:
            if report.doc_id in seen:
                raise ReportError(f"another report already has doc_id {report.doc_id!r}")
            seen.add(report.doc_id)
            rows = process_report(nlp, report)
        except Exception as error:  # noqa: BLE001  (isolate any failure to its own report)
            result.n_errors += 1
            result.rows["documents"].append(_error_row(report, error))
            continue
        for table, table_rows in rows.items():
            result.rows[table].extend(table_rows)
    return result


def run(
    input_dir: Path,
    out_dir: Path,
    model: str | None = None,
    excludes: tuple[str, ...] = DEFAULT_EXCLUDES,
    progress: bool | None = None,
) -> BatchResult:
    """Read every report below `input_dir` and write the tables to `out_dir`."""
    reports = discover_reports(input_dir, excludes)
    package = resolve_model(model)
    nlp = build_nlp(package)
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
