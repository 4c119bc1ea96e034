"""The benchmark scripts still run against the current code (they measure; these tests only check they work)."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import REPO


def _run_json(*arguments: str) -> dict:
    completed = subprocess.run(
        [sys.executable, *arguments, "--json"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_stage_benchmark_reports_every_stage_on_the_corpus():
    report = _run_json("benchmarks/benchmark.py", "corpus", "--repeat", "1")
    assert report["reports"] == 1 and report["tokens"] > 1000
    assert set(report["seconds_per_pass_one_by_one"]) == {"prepare", "nlp", "extract", "total"}
    assert report["tokens_per_second"] > 0 and report["peak_rss_mb"] > 0


def test_throughput_benchmark_compares_the_full_pipeline_with_the_bare_model():
    report = _run_json("benchmarks/throughput.py", "--chars", "30000", "--workers")
    assert report["characters"] >= 30000 and report["words"] > 0
    one_worker = report["full_pipeline"]["1"]
    assert one_worker["failed_reports"] == 0
    assert one_worker["ratio_to_bare_model"] > 0 and one_worker["peak_rss_mb"] > 0
