"""Throughput of the full pipeline against spaCy's model alone, on one corpus of at least 2 million characters.

    python benchmarks/throughput.py [EXTRA_DIR ...] [--chars N] [--workers N ...] [--json]

The corpus repeats `corpus/` (and any folders given) until it holds `--chars`
characters, as files in a temporary folder. Each measurement runs in its own
process, so that its peak memory (RSS) is its own:

- bare: `nlp.pipe` over the texts with the model's default pipeline (the
  irreducible cost);
- full: `pipeline.batch.run` from those files to written tables, with 1 worker
  and with each `--workers` count (model loading included for the workers, not
  for the single in-process worker, whose pipeline is built before timing).

Words are counted once, as whitespace-separated words of the texts, so both
measurements divide the same number.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def build_corpus(folders: list[Path], target_chars: int, into: Path) -> tuple[int, int, int]:
    """Copy the reports of `folders` round and round into `into` until `target_chars`; (files, chars, words)."""
    from pipeline.source import discover_reports, read_report

    texts = [read_report(report).text for folder in folders for report in discover_reports(folder)]
    if not texts:
        raise SystemExit("no reports to build the corpus from")
    files = chars = words = 0
    while chars < target_chars:
        for text in texts:
            (into / f"copy-{files:05d}.md").write_text(text, encoding="utf-8")
            files += 1
            chars += len(text)
            words += len(text.split())
            if chars >= target_chars:
                break
    return files, chars, words


def measure_bare(corpus: Path) -> dict:
    import spacy

    from pipeline.nlp import resolve_model

    nlp = spacy.load(resolve_model())
    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.md"))]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return {"seconds": time.perf_counter() - started, "peak_rss_mb": _peak_rss_mb()}


def measure_full(corpus: Path, workers: int) -> dict:
    from pipeline.batch import run
    from pipeline.nlp import build_nlp

    nlp = build_nlp() if workers == 1 else None
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        summary = run(corpus, Path(out), workers=workers, progress=False, force=True, nlp=nlp)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_rss_mb": _peak_rss_mb(), "failed": summary.failed}


def _child(kind: str, corpus: Path, workers: int) -> dict:
    command = [sys.executable, __file__, "--measure", kind, "--corpus", str(corpus), "--workers", str(workers)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, metavar="EXTRA_DIR", help="more report folders to repeat")
    parser.add_argument("--chars", type=int, default=2_000_000, help="corpus size in characters (default 2,000,000)")
    parser.add_argument("--workers", type=int, nargs="*", default=[2], help="worker counts to compare with 1")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--measure", choices=["bare", "full"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:  # a child process: one measurement, printed as JSON
        workers = args.workers[0] if args.workers else 1
        result = measure_bare(args.corpus) if args.measure == "bare" else measure_full(args.corpus, workers)
        print(json.dumps(result))
        return 0

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        files, chars, words = build_corpus([REPO / "corpus", *args.folders], args.chars, corpus)
        bare = _child("bare", corpus, 1)
        runs = {workers: _child("full", corpus, workers) for workers in sorted({1, *args.workers})}
    report = {
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "files": files,
        "characters": chars,
        "words": words,
        "bare_model_words_per_second": round(words / bare["seconds"]),
        "full_pipeline": {
            str(workers): {
                "words_per_second": round(words / result["seconds"]),
                "ratio_to_bare_model": round(bare["seconds"] / result["seconds"], 3),
                "speedup_over_one_worker": round(runs[1]["seconds"] / result["seconds"], 3),
                "peak_rss_mb": round(result["peak_rss_mb"]),
                "failed_reports": result["failed"],
            }
            for workers, result in runs.items()
        },
        "bare_model_peak_rss_mb": round(bare["peak_rss_mb"]),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{files} files, {chars:,} characters, {words:,} words ({report['machine']})")
        print(f"bare model (nlp.pipe, default pipeline): {report['bare_model_words_per_second']:,} words/s, "
              f"peak RSS {report['bare_model_peak_rss_mb']} MB")
        for workers, figures in report["full_pipeline"].items():
            print(f"full pipeline, {workers} worker(s): {figures['words_per_second']:,} words/s, "
                  f"{figures['ratio_to_bare_model']} x bare model, {figures['speedup_over_one_worker']} x one worker, "
                  f"peak RSS {figures['peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
