"""Throughput and memory of the pipeline on folders of reports: per stage, and end to end as `run` does it.

    python benchmarks/benchmark.py [INPUT_DIR ...] [--repeat N] [--json]

Speed and memory are measured here, not in timed tests. Times are wall-clock
seconds on this machine; peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

from pipeline.batch import run_batch
from pipeline.extract import ExtractionContext, extract_all
from pipeline.layout import detect_layout
from pipeline.nlp import analyse, build_nlp, resolve_model
from pipeline.prepare import prepare
from pipeline.source import discover_reports, read_report


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _time_long_report(nlp, text: str, times: int) -> int:
    """Seconds for one report of growing length: linear growth is the goal, anything worse shows here."""
    for factor in range(1, times + 1):
        long_text = "\n\n".join([text] * factor)
        started = time.perf_counter()
        prepared = prepare(long_text)
        doc = analyse(nlp, prepared)
        extract_all(ExtractionContext("long", prepared, doc, detect_layout(prepared)))
        seconds = time.perf_counter() - started
        print(f"{len(long_text):>10,} characters {len(doc):>8,} tokens {seconds:8.2f} s  ({len(doc) / seconds:,.0f} tokens/s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input_dirs", nargs="*", type=Path, default=[Path("corpus")], metavar="INPUT_DIR")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the reports (default 3); the median is reported")
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch-size", type=int, default=16, help="reports per nlp.pipe call in the batched pass")
    parser.add_argument(
        "--long",
        type=int,
        default=0,
        metavar="N",
        help="instead, time one long report made of every report joined N times (how time grows with length)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    package = resolve_model(args.model)
    nlp = build_nlp(package)
    load_seconds = time.perf_counter() - started
    reports = [report for folder in args.input_dirs for report in discover_reports(folder)]
    sources = [(report.doc_id, read_report(report)) for report in reports]
    if args.long:
        return _time_long_report(nlp, "\n\n".join(source.text for _, source in sources), args.long)
    n_chars = sum(len(source.text) for _, source in sources)

    passes: list[dict[str, float]] = []
    n_tokens = 0
    for _ in range(args.repeat):
        stages = {"prepare": 0.0, "nlp": 0.0, "extract": 0.0}
        n_tokens = 0
        for doc_id, source in sources:
            t0 = time.perf_counter()
            prepared = prepare(source.text)
            t1 = time.perf_counter()
            doc = analyse(nlp, prepared)
            t2 = time.perf_counter()
            extract_all(ExtractionContext(doc_id, prepared, doc, detect_layout(prepared)))
            t3 = time.perf_counter()
            stages["prepare"] += t1 - t0
            stages["nlp"] += t2 - t1
            stages["extract"] += t3 - t2
            n_tokens += len(doc)
        stages["total"] = sum(stages.values())
        passes.append(stages)

    median = {stage: statistics.median(p[stage] for p in passes) for stage in passes[0]}
    batched = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        run_batch(nlp, reports, progress=False, batch_size=args.batch_size)
        batched.append(time.perf_counter() - t0)
    batch_seconds = statistics.median(batched)
    report = {
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "python": platform.python_version(),
        "model": package,
        "reports": len(sources),
        "characters": n_chars,
        "tokens": n_tokens,
        "model_load_seconds": round(load_seconds, 3),
        "seconds_per_pass_one_by_one": {stage: round(value, 3) for stage, value in median.items()},
        "seconds_per_pass_batched": round(batch_seconds, 3),
        "batch_size": args.batch_size,
        "reports_per_second": round(len(sources) / batch_seconds, 2),
        "characters_per_second": round(n_chars / batch_seconds),
        "tokens_per_second": round(n_tokens / batch_seconds),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "repeat": args.repeat,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:>30}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
