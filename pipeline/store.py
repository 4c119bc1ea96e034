"""Each report's rows kept beside the tables, so that a rerun processes only new or changed reports.

A report's rows are stored in `OUT_DIR/.report-cache/` as one JSON file,
with the sha256 of the bytes they came from and the version of the pipeline,
rules and model that made them. A rerun reuses an entry only when all of these
still match, so its tables are byte-identical to those of a full run.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from pipeline import __version__
from pipeline.atomic import open_temporary
from pipeline.models import TABLE_MODELS, Row
from pipeline.rules import rules_fingerprint

CACHE_DIR = ".report-cache"
_MODELS = {model.table: model for model in TABLE_MODELS}


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the pipeline's own source, so that a changed rule in code also counts as a new version."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def model_identity(package: str) -> str:
    """Name and version of a spaCy model package (or the folder name of a model on disk)."""
    if os.path.isdir(package):
        meta_path = Path(package) / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        return f"{meta.get('lang', '')}_{meta.get('name', Path(package).name)} {meta.get('version', '')}".strip()
    try:
        return f"{package} {importlib.metadata.version(package.replace('_', '-'))}"
    except importlib.metadata.PackageNotFoundError:
        return package


@dataclass(frozen=True)
class RunVersion:
    """What made a set of rows: pipeline release and source, rules, model."""

    pipeline: str
    code_sha256: str
    rules_sha256: str
    model: str

    @classmethod
    def current(cls, model_package: str) -> "RunVersion":
        return cls(__version__, code_fingerprint(), rules_fingerprint(), model_identity(model_package))

    def as_dict(self) -> dict[str, str]:
        return {
            "pipeline_version": self.pipeline,
            "code_sha256": self.code_sha256,
            "rules_sha256": self.rules_sha256,
            "model": self.model,
        }


class ReportStore:
    """Rows of every report processed into one output folder, one JSON file per report."""

    def __init__(self, out_dir: Path) -> None:
        self.folder = out_dir / CACHE_DIR

    def _path(self, doc_id: str) -> Path:
        return self.folder / f"{hashlib.sha1(doc_id.encode()).hexdigest()}.json"

    def put(self, doc_id: str, sha256: str, version: RunVersion, rows: dict[str, list[Row]]) -> None:
        """Store one report's rows (written to a temporary file and renamed: never half a file)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {
            "doc_id": doc_id,
            "sha256": sha256,
            "version": version.as_dict(),
            "rows": {table: [row.model_dump(mode="json") for row in table_rows] for table, table_rows in rows.items()},
        }
        temporary, stream = open_temporary(self.folder, ".")
        try:
            with stream:
                json.dump(record, stream, ensure_ascii=False)
            os.replace(temporary, self._path(doc_id))
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    def _record(self, doc_id: str) -> dict | None:
        try:
            record = json.loads(self._path(doc_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return record if record.get("doc_id") == doc_id else None

    def is_current(self, doc_id: str, sha256: str, version: RunVersion) -> bool:
        """Whether the stored rows were made from these bytes by this version."""
        record = self._record(doc_id)
        return bool(record and sha256 and record["sha256"] == sha256 and record["version"] == version.as_dict())

    def rows(self, doc_id: str) -> dict[str, list[Row]]:
        """One report's rows, as row models; a damaged entry raises KeyError (the report is reprocessed)."""
        record = self._record(doc_id)
        if record is None:
            raise KeyError(doc_id)
        try:
            return {
                table: [_MODELS[table].model_validate(row) for row in table_rows]
                for table, table_rows in record["rows"].items()
            }
        except (KeyError, ValidationError) as error:
            raise KeyError(doc_id) from error

    def sha256(self, doc_id: str) -> str:
        record = self._record(doc_id)
        return record["sha256"] if record else ""

    def keep_only(self, doc_ids: set[str]) -> None:
        """Forget reports that are no longer in the input folder."""
        if not self.folder.is_dir():
            return
        wanted = {self._path(doc_id).name for doc_id in doc_ids}
        for path in self.folder.iterdir():
            if path.name not in wanted:
                path.unlink(missing_ok=True)

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
