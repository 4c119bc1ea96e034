"""Finding report files and reading them into text, with a clear error for what is not a report."""

from __future__ import annotations

import codecs
import fnmatch
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from charset_normalizer import from_bytes

REPORT_SUFFIXES = (".md", ".txt")
DEFAULT_EXCLUDES = ("README.*", "LICENSE*", "CHANGELOG*")
# Encodings a report that is not UTF-8 may be in; the detector picks among them by the bytes.
FALLBACK_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "mac_roman")


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

    text: str
    sha256: str
    encoding: str


def discover_reports(input_dir: Path, excludes: tuple[str, ...] = DEFAULT_EXCLUDES) -> list[ReportFile]:
    """Every .md and .txt file below `input_dir`, sorted by doc_id; hidden files and excludes skipped.

    Directory links are not followed, so a link loop cannot trap the walk; a
    linked file is read like any other.
    """
    if not input_dir.is_dir():
        raise ReportError(f"input folder {str(input_dir)!r} does not exist or is not a folder")
    found: list[ReportFile] = []
    for folder, subfolders, files in os.walk(input_dir, followlinks=False):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            path = Path(folder) / name
            relative = PurePosixPath(path.relative_to(input_dir).as_posix())
            if name.startswith(".") or path.suffix.lower() not in REPORT_SUFFIXES:
                continue
            if any(fnmatch.fnmatch(name, pattern) for pattern in excludes):
                continue
            found.append(ReportFile(str(relative.with_suffix("")), path, str(relative)))
    return sorted(found, key=lambda report: (report.doc_id, report.relative_path))


def decode_report(data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding used: UTF-8 (BOM or not), UTF-16 with a BOM, else detected.

    A report that is not UTF-8 is decoded with the encoding charset-normalizer
    finds least chaotic and most coherent among `FALLBACK_ENCODINGS`; where the
    bytes cannot tell (short texts), the order of that list decides (Windows-1252
    first, the usual encoding of English documents). NUL bytes mean a binary file.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise ReportError(f"invalid UTF-16 text: {error}") from error
    if b"\x00" in data:
        raise ReportError("not a text file (contains NUL bytes)")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as error:
            raise ReportError(f"invalid UTF-8 after a UTF-8 byte order mark: {error}") from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)))
    if not matches:
        raise ReportError("text is not UTF-8 and its encoding could not be detected")
    preference = {codecs.lookup(name).name: rank for rank, name in enumerate(FALLBACK_ENCODINGS)}

    def plausibility(match) -> tuple[float, float, int]:
        # Least chaos first; then the language coherence the detector measured (telling apart
        # cp1250 and cp1252 needs enough text); short texts fall back to the usual order.
        encoding = codecs.lookup(match.encoding).name
        return (round(match.chaos, 2), -round(match.coherence, 2), preference.get(encoding, len(preference)))

    best = min(matches, key=plausibility)
    return str(best), codecs.lookup(best.encoding).name


def read_report(report: ReportFile, max_bytes: int | None = None) -> Source:
    """Read and decode one report; offsets in every table index into the returned text."""
    try:
        size = report.path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise ReportError(f"file is {size:,} bytes, more than the {max_bytes:,} a report may have; split it")
        data = report.path.read_bytes()
    except OSError as error:
        raise ReportError(f"cannot read file: {error.strerror or error}") from error
    text, encoding = decode_report(data)
    if not text.strip():
        raise ReportError("empty report (no text after decoding)")
    return Source(text=text, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)


def sha256_of(path: Path) -> str:
    """Digest of a file's bytes, or "" when it cannot be read (the manifest still lists it)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()
