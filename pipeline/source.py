"""Finding report files and reading them into text, with a clear error for what is not a report."""

from __future__ import annotations

import codecs
import fnmatch
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

REPORT_SUFFIXES = (".md", ".txt")
DEFAULT_EXCLUDES = ("README.*", "LICENSE*", "CHANGELOG*")


class ReportError(Exception):
    """A report that cannot be read as text; the batch records it and goes on."""


@dataclass(frozen=True)
class ReportFile:
    """A report found below the input folder, named by its path relative to that folder."""

    doc_id: str
    path: Path
    relative_path: str


@dataclass(frozen=True)
class Source:
    """A report's decoded text with what identifies the bytes it came from."""

    file: ReportFile
    text: str
    sha256: str
    encoding: str


def discover_reports(input_dir: Path, excludes: tuple[str, ...] = DEFAULT_EXCLUDES) -> list[ReportFile]:
    """Every .md and .txt file below `input_dir`, sorted by relative path; hidden files and excludes skipped."""
    if not input_dir.is_dir():
        raise ReportError(f"input folder {str(input_dir)!r} does not exist or is not a folder")
    found: list[ReportFile] = []
    for path in input_dir.rglob("*"):
        relative = PurePosixPath(path.relative_to(input_dir).as_posix())
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() not in REPORT_SUFFIXES or not path.is_file():
            continue
        if any(fnmatch.fnmatch(relative.name, pattern) for pattern in excludes):
            continue
        doc_id = str(relative.with_suffix(""))
        found.append(ReportFile(doc_id=doc_id, path=path, relative_path=str(relative)))
    return sorted(found, key=lambda report: (report.doc_id, report.relative_path))


def decode_report(data: bytes) -> tuple[str, str]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252; NUL bytes mean binary."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise ReportError(f"invalid UTF-16 text: {error}") from error
    if b"\x00" in data:
        raise ReportError("not a text file (contains NUL bytes)")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise ReportError(f"text is neither UTF-8 nor Windows-1252: {error}") from error


def read_report(report: ReportFile) -> Source:
    """Read and decode one report; offsets in every table index into the returned text."""
    try:
        data = report.path.read_bytes()
    except OSError as error:
        raise ReportError(f"cannot read file: {error.strerror or error}") from error
    digest = hashlib.sha256(data).hexdigest()
    text, encoding = decode_report(data)
    if not text.strip():
        raise ReportError("empty report (no text after decoding)")
    return Source(file=report, text=text, sha256=digest, encoding=encoding)


def sha256_of(path: Path) -> str:
    """Digest of a file that could not be decoded, so the manifest still identifies it."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
