"""Scoring tables against gold files, matching exactly as the annotation guidelines say.

Per report, predicted and gold items are paired one to one (a maximum
matching); true and false positives are then summed over reports
(micro-average). Only reports with a gold file are scored.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.tables import read_table

TABLES = ("countries", "organisations", "strategies", "statistics")
_STRATEGY_STOPWORDS = frozenset({"the", "of", "on", "for", "and", "in"})
_ORGANISATION_STOPWORDS = frozenset({"the", "of", "on", "for", "and", "in", "a", "an", "to", "at", "by", "with"})
_VALUE_TOLERANCE = 1e-4


class EvaluationError(Exception):
    """The folders given to `evaluate` cannot be scored."""


@dataclass
class Score:
    """Counts and the derived precision, recall and F1 of one table."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class ReportScores:
    """Scores of one report, with the unmatched items for error analysis."""

    doc_id: str
    tables: dict[str, Score] = field(default_factory=dict)
    year_correct: int = 0
    year_total: int = 0
    false_positives: dict[str, list[Any]] = field(default_factory=dict)
    false_negatives: dict[str, list[Any]] = field(default_factory=dict)
    wrong_years: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Scores:
    """Micro-averaged scores over every report that has a gold file."""

    tables: dict[str, Score]
    year_correct: int
    year_total: int
    reports: list[ReportScores]
    missing: list[str]

    @property
    def year_accuracy(self) -> float | None:
        return self.year_correct / self.year_total if self.year_total else None

    def as_dict(self, per_report: bool = False) -> dict[str, Any]:
        result: dict[str, Any] = {
            "reports": len(self.reports),
            "reports_without_output": self.missing,
            "tables": {table: score.as_dict() for table, score in self.tables.items()},
            "statistics_year_accuracy": {
                "accuracy": None if self.year_accuracy is None else round(self.year_accuracy, 4),
                "correct": self.year_correct,
                "total": self.year_total,
            },
        }
        if per_report:
            result["per_report"] = {
                report.doc_id: {
                    "tables": {table: score.as_dict() for table, score in report.tables.items()},
                    "false_positives": report.false_positives,
                    "false_negatives": report.false_negatives,
                    "wrong_years": report.wrong_years,
                }
                for report in self.reports
            }
        return result


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text.lower())


def normalise_name(name: str | None) -> str:
    """Lowercase, without parenthesised parts, punctuation or a leading "the"."""
    if not name:
        return ""
    text = re.sub(r"\([^)]*\)", " ", name.lower())
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def organisations_match(predicted: dict, gold: dict) -> bool:
    """Equal acronyms, equal names, one's name equal to the other's acronym, or content-word containment."""
    p_acr, g_acr = (predicted.get("acronym") or "").strip(), (gold.get("acronym") or "").strip()
    if p_acr and p_acr == g_acr:
        return True
    p_name, g_name = normalise_name(predicted.get("name")), normalise_name(gold.get("name"))
    if p_name and p_name == g_name:
        return True
    if (p_name and p_name == normalise_name(g_acr)) or (g_name and g_name == normalise_name(p_acr)):
        return True
    p_words = [w for w in p_name.split() if w not in _ORGANISATION_STOPWORDS]
    g_words = [w for w in g_name.split() if w not in _ORGANISATION_STOPWORDS]
    shorter, longer = sorted((p_words, g_words), key=len)
    return len(shorter) >= 3 and set(shorter) <= set(longer)


def strategy_similarity(predicted: dict, gold: dict) -> float:
    """Jaccard over lowercased content words of two strategy names."""
    p_words = {w for w in _words(predicted.get("name") or "") if w not in _STRATEGY_STOPWORDS}
    g_words = {w for w in _words(gold.get("name") or "") if w not in _STRATEGY_STOPWORDS}
    union = p_words | g_words
    return len(p_words & g_words) / len(union) if union else 0.0


def _same_year(a: Any, b: Any) -> bool:
    return _as_int(a) == _as_int(b)


def _as_int(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value == "":
        return None
    return int(value)


def strategies_match(predicted: dict, gold: dict) -> bool:
    return (
        _same_year(predicted.get("start_year"), gold.get("start_year"))
        and _same_year(predicted.get("end_year"), gold.get("end_year"))
        and strategy_similarity(predicted, gold) >= 0.5
    )


def statistics_match(predicted: dict, gold: dict) -> bool:
    if str(predicted.get("unit")) != str(gold.get("unit")):
        return False
    p, g = float(predicted["value"]), float(gold["value"])
    return abs(p - g) <= _VALUE_TOLERANCE * max(abs(p), abs(g)) or p == g


def maximum_matching(
    predicted: Sequence[dict],
    gold: Sequence[dict],
    matches: Callable[[dict, dict], bool],
    preference: Callable[[dict, dict], float] | None = None,
) -> list[tuple[int, int]]:
    """A maximum one-to-one pairing (augmenting paths); candidates tried best-first by `preference`."""
    candidates: list[list[int]] = []
    for g in gold:
        options = [i for i, p in enumerate(predicted) if matches(p, g)]
        if preference is not None:
            options.sort(key=lambda i: -preference(predicted[i], g))
        candidates.append(options)
    owner: dict[int, int] = {}

    def augment(g_index: int, visited: set[int]) -> bool:
        for p_index in candidates[g_index]:
            if p_index in visited:
                continue
            visited.add(p_index)
            if p_index not in owner or augment(owner[p_index], visited):
                owner[p_index] = g_index
                return True
        return False

    for g_index in range(len(gold)):
        augment(g_index, set())
    return sorted((p, g) for p, g in owner.items())


def _statistic_preference(predicted: dict, gold: dict) -> float:
    same_year = _same_year(predicted.get("year"), gold.get("year"))
    same_text = str(predicted.get("text") or "").strip() == str(gold.get("text") or "").strip()
    return 2 * same_year + same_text


def _organisation_preference(predicted: dict, gold: dict) -> float:
    return float(normalise_name(predicted.get("name")) == normalise_name(gold.get("name")))


_MATCHERS: dict[str, tuple[Callable[[dict, dict], bool], Callable[[dict, dict], float] | None]] = {
    "organisations": (organisations_match, _organisation_preference),
    "strategies": (strategies_match, strategy_similarity),
    "statistics": (statistics_match, _statistic_preference),
}

_PREDICTED_FIELDS = {
    "organisations": ("name", "acronym"),
    "strategies": ("name", "start_year", "end_year"),
    "statistics": ("value", "unit", "year", "text"),
}


def _clean(value: Any) -> Any:
    if value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _predicted_items(frames: dict[str, pd.DataFrame], table: str, doc_id: str) -> list[Any]:
    frame = frames[table]
    if frame.empty or "doc_id" not in frame:
        return []
    rows = frame[frame["doc_id"].astype(str) == doc_id]
    if table == "countries":
        return sorted({str(code) for code in rows["iso3"].dropna()})
    return [{name: _clean(row[name]) for name in _PREDICTED_FIELDS[table]} for _, row in rows.iterrows()]


def score_report(doc_id: str, gold: dict, predicted: dict[str, list[Any]]) -> ReportScores:
    """Match one report's predictions with its gold file."""
    report = ReportScores(doc_id=doc_id)
    gold_countries = set(gold.get("countries") or [])
    predicted_countries = set(predicted["countries"])
    report.tables["countries"] = Score(
        tp=len(gold_countries & predicted_countries),
        fp=len(predicted_countries - gold_countries),
        fn=len(gold_countries - predicted_countries),
    )
    report.false_positives["countries"] = sorted(predicted_countries - gold_countries)
    report.false_negatives["countries"] = sorted(gold_countries - predicted_countries)
    for table, (matches, preference) in _MATCHERS.items():
        gold_items = list(gold.get(table) or [])
        predicted_items = predicted[table]
        pairs = maximum_matching(predicted_items, gold_items, matches, preference)
        matched_p = {p for p, _ in pairs}
        matched_g = {g for _, g in pairs}
        report.tables[table] = Score(
            tp=len(pairs), fp=len(predicted_items) - len(pairs), fn=len(gold_items) - len(pairs)
        )
        report.false_positives[table] = [item for i, item in enumerate(predicted_items) if i not in matched_p]
        report.false_negatives[table] = [item for i, item in enumerate(gold_items) if i not in matched_g]
        if table == "statistics":
            for p, g in pairs:
                gold_year = _as_int(gold_items[g].get("year"))
                if gold_year is None:
                    continue
                report.year_total += 1
                if _as_int(predicted_items[p].get("year")) == gold_year:
                    report.year_correct += 1
                else:
                    report.wrong_years.append({"gold": gold_items[g], "predicted": predicted_items[p]})
    return report


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Gold files below `gold_dir`, keyed by doc_id (the path without `.gold.json`)."""
    if not gold_dir.is_dir():
        raise EvaluationError(f"gold folder {str(gold_dir)!r} does not exist")
    gold: dict[str, dict] = {}
    for path in sorted(gold_dir.rglob("*.gold.json")):
        doc_id = path.relative_to(gold_dir).as_posix()[: -len(".gold.json")]
        try:
            gold[doc_id] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise EvaluationError(f"cannot read gold file {path}: {error}") from error
    if not gold:
        raise EvaluationError(f"no *.gold.json files below {gold_dir}")
    return gold


def _resolve_doc_id(gold_id: str, known: set[str]) -> str:
    """A gold file may sit in a flat folder while reports were nested: fall back to the file stem."""
    if gold_id in known:
        return gold_id
    stem = gold_id.rsplit("/", 1)[-1]
    candidates = [doc_id for doc_id in known if doc_id.rsplit("/", 1)[-1] == stem]
    return candidates[0] if len(candidates) == 1 else gold_id


def evaluate(out_dir: Path, gold_dir: Path) -> Scores:
    """Score the tables in `out_dir` against the gold files in `gold_dir`."""
    if not out_dir.is_dir():
        raise EvaluationError(f"output folder {str(out_dir)!r} does not exist")
    gold_files = load_gold(gold_dir)
    frames = {table: read_table(out_dir, table) for table in (*TABLES, "documents")}
    documents = frames["documents"]
    known = set(documents["doc_id"].astype(str)) if not documents.empty else set()
    totals = {table: Score() for table in TABLES}
    reports: list[ReportScores] = []
    missing: list[str] = []
    year_correct = year_total = 0
    for gold_id, gold in gold_files.items():
        doc_id = _resolve_doc_id(gold_id, known)
        if doc_id not in known:
            missing.append(gold_id)
        predicted = {table: _predicted_items(frames, table, doc_id) for table in TABLES}
        report = score_report(doc_id, gold, predicted)
        reports.append(report)
        for table in TABLES:
            totals[table].add(report.tables[table])
        year_correct += report.year_correct
        year_total += report.year_total
    return Scores(tables=totals, year_correct=year_correct, year_total=year_total, reports=reports, missing=missing)


def _score_lines(tables: dict[str, Score]) -> list[str]:
    lines = [f"{'table':<15}{'precision':>10}{'recall':>8}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for table, score in tables.items():
        lines.append(
            f"{table:<15}{score.precision:>10.3f}{score.recall:>8.3f}{score.f1:>8.3f}"
            f"{score.tp:>6}{score.fp:>6}{score.fn:>6}"
        )
    return lines


def format_scores(scores: Scores, per_report: bool = False) -> str:
    """A plain-text table of the scores."""
    lines = _score_lines(scores.tables)
    accuracy = scores.year_accuracy
    lines.append(
        "statistics year accuracy: "
        + ("n/a" if accuracy is None else f"{accuracy:.3f}")
        + f" ({scores.year_correct}/{scores.year_total} matched figures with a gold year)"
    )
    lines.append(f"reports scored: {len(scores.reports)}")
    if scores.missing:
        lines.append(f"reports with a gold file but no output: {', '.join(scores.missing)}")
    if per_report:
        for report in scores.reports:
            lines.append("")
            lines.append(f"== {report.doc_id}")
            lines.extend(_score_lines(report.tables))
            for table in TABLES:
                for label, items in (("FP", report.false_positives[table]), ("FN", report.false_negatives[table])):
                    for item in items:
                        lines.append(f"  {table} {label}: {json.dumps(item, ensure_ascii=False)}")
            for wrong in report.wrong_years:
                lines.append(f"  statistics YEAR: {json.dumps(wrong, ensure_ascii=False)}")
    return "\n".join(lines)
