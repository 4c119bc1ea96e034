"""Rows to pandas DataFrames to CSV files, with columns, types and order taken from the row models.

Tables are written to temporary files and renamed into place together, so a
run that fails or is interrupted part-way leaves the previous tables whole.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import types
import typing
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import pandas as pd

from pipeline.atomic import open_temporary
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


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection advice)."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def to_csv_text(frame: pd.DataFrame, header: bool = True) -> str:
    """CSV text: integral floats as integers ("17500000"), text cells safe to open in a spreadsheet.

    Only text columns are neutralised; numeric columns stay numbers.
    """
    out = frame.copy()
    for name in out.columns:
        dtype = str(out[name].dtype)
        if dtype == "Float64":
            out[name] = out[name].map(_format_number, na_action="ignore").astype("string")
        elif dtype == "string":
            out[name] = out[name].map(neutralise_formula, na_action="ignore").astype("string")
    return out.to_csv(index=False, header=header, lineterminator="\n")


def _cell_formatter(annotation: object):
    """How one column's values are written, the same way `to_csv_text` writes its frame."""
    dtype = _pandas_dtype(annotation)
    if dtype == "Int64":
        return lambda value: "" if value is None else str(int(value))
    if dtype == "Float64":
        return lambda value: "" if value is None else _format_number(value)
    if dtype == "boolean":
        return lambda value: "" if value is None else str(bool(value))
    return lambda value: "" if value is None else neutralise_formula(str(value))


@cache
def _table_layout(model: type[Row]) -> tuple[list[str], list, list[str]]:
    columns = columns_of(model)
    return columns, [_cell_formatter(model.model_fields[name].annotation) for name in columns], list(model.sort_by)


def rows_csv_text(model: type[Row], rows: Iterable[Row], header: bool = True) -> str:
    """The CSV text `to_csv_text(to_frame(model, rows))` gives, written directly (no DataFrame per report).

    The batch writes every report's rows this way; a test checks both paths
    give the same bytes.
    """
    columns, formatters, sort_by = _table_layout(model)
    def sort_key(row: Row) -> tuple:
        values = [getattr(row, name) for name in sort_by]
        return tuple((value is not None, 0 if value is None else value) for value in values)  # missing first

    ordered = sorted(rows, key=sort_key)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(columns)
    for row in ordered:
        writer.writerow([format_cell(getattr(row, name)) for name, format_cell in zip(columns, formatters)])
    return buffer.getvalue()


class TableWriter:
    """Writes every table a report at a time, then swaps all of them into place together.

    Rows go to temporary files beside the tables; only when every table is
    complete are they renamed over the old ones, with Ctrl-C and SIGTERM held
    back for those few renames. A run that stops earlier leaves the previous
    tables as they were. Reports must be added in doc_id order: every table
    sorts by doc_id first, so the files equal a sort of all rows at once.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        out_dir.mkdir(parents=True, exist_ok=True)
        self._files: dict[str, tuple[Path, typing.TextIO]] = {}
        self.row_counts: dict[str, int] = {model.table: 0 for model in TABLE_MODELS}
        try:
            for model in TABLE_MODELS:
                self._files[model.table] = open_temporary(out_dir, f".{model.table}.csv.")
                stream = self._files[model.table][1]
                stream.write(rows_csv_text(model, []))
        except BaseException:
            self.abort()
            raise

    def add(self, rows: Mapping[str, list[Row]]) -> None:
        """Append one report's rows (or several reports', in doc_id order) to every table."""
        for model in TABLE_MODELS:
            table_rows = rows.get(model.table, [])
            if table_rows:
                self._files[model.table][1].write(rows_csv_text(model, table_rows, header=False))
                self.row_counts[model.table] += len(table_rows)

    def commit(self, manifest: dict | None = None) -> dict[str, Path]:
        """Close the files and rename them into place, the manifest last."""
        for _, stream in self._files.values():
            stream.close()
        manifest_temp = None
        if manifest is not None:
            manifest_temp, stream = open_temporary(self.out_dir, ".manifest.json.")
            with stream:
                stream.write(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        held = {signal.SIGINT, signal.SIGTERM}
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
        try:
            written = {}
            for table, (temporary, _) in self._files.items():
                path = self.out_dir / f"{table}.csv"
                os.replace(temporary, path)
                written[table] = path
            if manifest_temp is not None:
                os.replace(manifest_temp, self.out_dir / "manifest.json")
            self._files = {}
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        return written

    def abort(self) -> None:
        """Drop the temporary files; the previous tables stay as they were."""
        for temporary, stream in self._files.values():
            stream.close()
            temporary.unlink(missing_ok=True)
        self._files = {}


def write_tables(out_dir: Path, rows: Mapping[str, list[Row]], manifest: dict | None = None) -> dict[str, Path]:
    """Write every table (empty ones too, with their header) and the run manifest, all at once."""
    writer = TableWriter(out_dir)
    try:
        writer.add(rows)
        return writer.commit(manifest)
    except BaseException:
        writer.abort()
        raise


def read_table(out_dir: Path, table: str) -> pd.DataFrame:
    """A table written by `write_tables`, or an empty frame with the model's columns if absent."""
    model = next(model for model in TABLE_MODELS if model.table == table)
    path = out_dir / f"{table}.csv"
    if not path.exists():
        return pd.DataFrame(columns=columns_of(model))
    return pd.read_csv(path, dtype={"doc_id": "string"}, keep_default_na=False, na_values=[""])
