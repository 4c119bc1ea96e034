"""Rows to pandas DataFrames to CSV files, with columns, types and order taken from the row models.

Files are written to a temporary name and renamed into place, so a run that
fails part-way leaves the previous tables whole.
"""

from __future__ import annotations

import json
import os
import tempfile
import types
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from pipeline.models import TABLE_MODELS, Located, Row


def _pandas_dtype(annotation: object) -> str:
    """Nullable pandas dtype for a field annotation, so an int column with gaps stays an int column."""
    arguments = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    base = arguments[0] if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union else annotation
    if typing.get_origin(base) is typing.Literal:
        return "string"
    return {int: "Int64", float: "Float64", bool: "boolean"}.get(base, "string")


def columns_of(model: type[Row]) -> list[str]:
    """The model's own columns first, then the location columns every located table shares."""
    shared = list(Located.model_fields) if issubclass(model, Located) else []
    return [name for name in model.model_fields if name not in shared] + shared


def to_frame(model: type[Row], rows: Iterable[Row]) -> pd.DataFrame:
    """A table as a DataFrame: the model's columns and dtypes, sorted by its `sort_by` columns."""
    records = [row.model_dump(mode="python") for row in rows]
    frame = pd.DataFrame.from_records(records, columns=columns_of(model))
    for name in frame.columns:
        frame[name] = frame[name].astype(_pandas_dtype(model.model_fields[name].annotation))
    if len(frame):
        frame = frame.sort_values(list(model.sort_by), kind="mergesort", na_position="first")
    return frame.reset_index(drop=True)


def _format_number(value: float) -> str:
    if pd.isna(value):
        return ""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e18 else repr(float(value))


def to_csv_text(frame: pd.DataFrame) -> str:
    """CSV text with integral floats written as integers ("17500000", not "17500000.0")."""
    out = frame.copy()
    for name in out.columns:
        if str(out[name].dtype) == "Float64":
            out[name] = out[name].map(_format_number, na_action="ignore").astype("string")
    return out.to_csv(index=False, lineterminator="\n")


def write_atomic(path: Path, text: str) -> None:
    """Write text to `path` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_tables(out_dir: Path, rows: Mapping[str, list[Row]], manifest: dict | None = None) -> dict[str, Path]:
    """Write every table (empty ones too, with their header) and the run manifest."""
    frames = {model.table: to_frame(model, rows.get(model.table, [])) for model in TABLE_MODELS}
    texts = {table: to_csv_text(frame) for table, frame in frames.items()}
    written: dict[str, Path] = {}
    for table, text in texts.items():
        path = out_dir / f"{table}.csv"
        write_atomic(path, text)
        written[table] = path
    if manifest is not None:
        write_atomic(out_dir / "manifest.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return written


def read_table(out_dir: Path, table: str) -> pd.DataFrame:
    """A table written by `write_tables`, or an empty frame with the model's columns if absent."""
    model = next(model for model in TABLE_MODELS if model.table == table)
    path = out_dir / f"{table}.csv"
    if not path.exists():
        return pd.DataFrame(columns=columns_of(model))
    return pd.read_csv(path, dtype={"doc_id": "string"}, keep_default_na=False, na_values=[""])
