"""Text preparation: Markdown and page-break clean-up with an offset map back to the original file.

The NLP stages see clean prose: heading marks, emphasis, link targets and list
markers are gone, soft-wrapped lines are joined, and a paragraph that a page
break cut in two is one paragraph again. Every character of the clean text
remembers where it came from, so any span found in it maps back to exact
offsets in the file as read.
"""

from __future__ import annotations

import bisect
import html
import re
from array import array
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from pipeline.rules import load_rules

BlockKind = Literal["heading", "paragraph", "list_item", "table_cell"]

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+")
_HEADING_TRAILER = re.compile(r"[ \t]+#+[ \t]*$")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+•▪◦]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]+")
_BLOCKQUOTE = re.compile(r"^[ \t]*>[ \t]?")
_THEMATIC_BREAK = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_CODE_SPAN = re.compile(r"`+")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_BARE_URL = re.compile(r"(?:https?|ftp)://[^\s<>()\[\]]+|www\.[^\s<>()\[\]]+")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]]*)\](?:\([^()\s]*(?:\s+\"[^\"]*\")?\)|\[[^\[\]]*\])")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![\w_])")
_STRAY_STRONG = re.compile(r"\*\*+|(?<!\w)__+|__+(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit of the report, as the layout shows it."""

    kind: BlockKind
    start: int  # offsets into the clean text
    end: int
    orig_start: int  # offsets into the original text, markup included
    orig_end: int
    raw: str
    text: str
    heading_level: int = 0
    emphasised: bool = False  # the whole block is bold or italic (speaker lines often are)
    all_caps: bool = False
    table_cell: "TableCell | None" = None


@dataclass(frozen=True)
class TableCell:
    """Where a Markdown table cell sits: row 0 is the header row when a rule line follows it."""

    table: int
    row: int
    column: int
    header_row: bool


@dataclass(frozen=True)
class Prepared:
    """Clean text for NLP, its blocks, and the map from clean offsets to original offsets."""

    original: str
    text: str
    blocks: tuple[Block, ...]
    starts: array = field(repr=False)  # original start of each clean character
    ends: array = field(repr=False)  # original end of each clean character

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean-text span [start, end) to the original text."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside clean text of length {len(self.text)}")
        if start == end:
            position = self.starts[start] if start < len(self.text) else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]

    def table_header(self, cell: TableCell) -> tuple[Block | None, Block | None]:
        """The column header and the row header (first cell of the row) of a table cell, if any."""
        cells = self._table_cells.get(cell.table, {})
        header_row = self._header_rows.get(cell.table)
        column_header = None
        if header_row is not None and not cell.header_row:
            column_header = cells.get((header_row, cell.column))
        row_header = cells.get((cell.row, 0)) if cell.column != 0 else None
        return column_header, row_header

    def block_at(self, clean_offset: int) -> Block | None:
        """The block containing a clean-text offset, if any (binary search: blocks are in order)."""
        index = bisect.bisect_right(self._block_starts, clean_offset) - 1
        if index >= 0 and clean_offset < self.blocks[index].end:
            return self.blocks[index]
        return None

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    def row_cells(self, cell: TableCell) -> list[Block]:
        """The cells of a table cell's row, itself included, left to right."""
        return self._table_rows.get((cell.table, cell.row), [])

    @cached_property
    def _table_rows(self) -> dict[tuple[int, int], list[Block]]:
        rows: dict[tuple[int, int], list[Block]] = {}
        cells = [block for block in self.blocks if block.table_cell is not None]
        for block in sorted(cells, key=lambda block: (block.table_cell.table, block.table_cell.row, block.table_cell.column)):
            rows.setdefault((block.table_cell.table, block.table_cell.row), []).append(block)
        return rows

    @cached_property
    def _header_rows(self) -> dict[int, int]:
        """Each table's header row, where it has one (the first marked as such)."""
        found: dict[int, int] = {}
        for table, cells in self._table_cells.items():
            for (row, _), block in cells.items():
                if block.table_cell.header_row:
                    found.setdefault(table, row)
                    break
        return found

    @cached_property
    def _table_cells(self) -> dict[int, dict[tuple[int, int], Block]]:
        tables: dict[int, dict[tuple[int, int], Block]] = {}
        for block in self.blocks:
            if block.table_cell is not None:
                tables.setdefault(block.table_cell.table, {})[(block.table_cell.row, block.table_cell.column)] = block
        return tables


@dataclass
class _Line:
    start: int  # original offset of first character
    end: int  # original offset after last character, newline excluded
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip() or self.text.strip() in ("&nbsp;", "\u00a0")


@dataclass
class _RawBlock:
    kind: BlockKind
    lines: list[_Line]
    heading_level: int = 0
    table_cell: TableCell | None = None
    ends_full_width: bool = False  # its last line fills the width the text is hard-wrapped at


class _CleanBuilder:
    """Accumulates clean text with, per character, the original span it stands for."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self.length = 0

    def add(self, char: str, start: int, end: int) -> None:
        self.parts.append(char)
        self.starts.append(start)
        self.ends.append(end)
        self.length += 1


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for chunk in text.splitlines(keepends=True):
        body = chunk.rstrip("\r\n")
        lines.append(_Line(offset, offset + len(body), body))
        offset += len(chunk)
    return lines


def _ends_sentence(text: str, terminal: str) -> bool:
    stripped = text.rstrip().rstrip("*_ ").rstrip()
    return bool(stripped) and stripped[-1] in terminal


def _is_title_like(text: str, function_words: set[str], max_words: int | None = 20) -> bool:
    """A line in title case ("Two Wings — Two Directions of Action") is a heading, not wrapped prose."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    if not words or (max_words is not None and len(words) > max_words):
        return False
    return all(word[0].isupper() or word.lower() in function_words for word in words)


def _group_blocks(lines: list[_Line], settings: dict) -> list[_RawBlock]:
    """Group lines into blocks: blank lines, headings, list items and table rows start new ones."""
    blocks: list[_RawBlock] = []
    current: _RawBlock | None = None
    wrap_width = _hard_wrap_widths(lines, settings)
    table = row = -1  # the table being read and its current row
    previous_was_table_row = False
    for line in lines:
        if _TABLE_RULE.match(line.text) and previous_was_table_row:
            for block in blocks:
                if block.table_cell and block.table_cell.table == table and block.table_cell.row == row:
                    block.table_cell = replace(block.table_cell, header_row=True)
            current = None
            continue
        is_table_row = bool(_TABLE_ROW.match(line.text))
        if is_table_row and not previous_was_table_row:
            table, row = table + 1, -1
        previous_was_table_row = is_table_row
        if line.blank or _THEMATIC_BREAK.match(line.text) or _TABLE_RULE.match(line.text):
            current = None
            continue
        heading = _HEADING.match(line.text)
        if heading:
            blocks.append(_RawBlock("heading", [line], heading_level=len(heading.group(1))))
            current = None
            continue
        if is_table_row:
            row += 1
            inner = line.text.strip()
            offset = line.start + line.text.index("|") + 1
            for column, cell in enumerate(inner[1:-1].split("|")):
                if cell.strip():
                    cell_line = _Line(offset, offset + len(cell), cell)
                    position = TableCell(table=table, row=row, column=column, header_row=False)
                    blocks.append(_RawBlock("table_cell", [cell_line], table_cell=position))
                offset += len(cell) + 1
            current = None
            continue
        if _LIST_MARKER.match(line.text) and not re.match(r"^[ \t]*\d{1,3}[.)]\d", line.text):
            current = _RawBlock("list_item", [line])
            blocks.append(current)
            continue
        if current is not None and not _hard_break(current.lines[-1], line, settings, wrap_width.get(line.start)):
            current.lines.append(line)
        else:
            current = _RawBlock("paragraph", [line])
            blocks.append(current)
        width = wrap_width.get(line.start)
        current.ends_full_width = bool(width) and len(line.text.rstrip()) >= settings["wrapped_line_ratio"] * width
    return blocks


def _hard_wrap_widths(lines: list[_Line], settings: dict) -> dict[int, int]:
    """Line width of each run of lines that was hard-wrapped (text from PDFs), keyed by line start.

    A run of at least three non-blank lines, the longest between `min_wrap_width` and `max_wrap_width`,
    most of them close to the longest, is one paragraph wrapped at that width;
    one-paragraph-per-line text has long, uneven lines and is left alone.
    """
    widths: dict[int, int] = {}
    runs: list[list[_Line]] = []
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and not line.blank:
            run.append(line)
            continue
        if run:
            runs.append(run)
        run = []
    short_runs: list[list[_Line]] = []
    found: list[int] = []
    for run in runs:
        lengths = [len(item.text.rstrip()) for item in run]
        width = max(lengths)
        if len(run) < 3:
            short_runs.append(run)
        elif settings["min_wrap_width"] <= width <= settings["max_wrap_width"]:
            full = sum(1 for length in lengths[:-1] if length >= settings["wrapped_line_ratio"] * width)
            if full >= 0.6 * (len(run) - 1):
                widths.update({item.start: width for item in run})
                found.append(width)
    if len(found) >= settings["min_wrapped_runs_for_page"]:
        # The text is wrapped at one width throughout: a run too short to show it on its own (the
        # end of a paragraph after a page break) that fits that width was wrapped at it too.
        width = max(set(found), key=found.count)
        for run in short_runs:
            if all(len(item.text.rstrip()) <= width for item in run):
                widths.update({item.start: width for item in run})
    return widths


def _hard_break(previous: _Line, line: _Line, settings: dict, wrap_width: int | None = None) -> bool:
    """Whether a single newline inside a block separates paragraphs rather than wrapping one.

    Wrapped prose runs on in lines of similar length; a line that ends a
    sentence, reads like a title, or stops short before a capitalised line
    ("FG IOM, others review national migration policies" / "Jutha Tada,
    Maiduguri") ends its own paragraph.
    """
    if previous.text.endswith(("  ", "\\")):
        return True
    first = line.text.lstrip()[:1]
    starts_new = first.isupper() or first.isdigit() or first in "\"“'‘(["
    if not starts_new:
        return False
    if wrap_width and len(previous.text.rstrip()) >= settings["wrapped_line_ratio"] * wrap_width:
        return False  # a full-width line of hard-wrapped prose runs on, whatever it ends with
    if _ends_sentence(previous.text, settings["terminal_punctuation"]):
        return True
    last_word = re.search(r"(\S+)\s*$", previous.text)
    if last_word and (last_word.group(1).endswith((",", "-")) or last_word.group(1).lower() in settings["function_words"]):
        return False  # "... the Crisis and" / "Force Majeure Regulation": the sentence runs on
    if len(previous.text.strip()) < settings["short_line_chars"]:
        return True
    opener = re.match(r"[^\W\d_]+", line.text.lstrip())
    if opener and opener.group().lower() in settings["sentence_openers"] and opener.group()[0].isupper():
        return True  # "The ..." is capitalised only where a sentence starts
    return _is_title_like(previous.text, set(settings["function_words"]))


def _markup_mask(raw: str, kind: BlockKind) -> tuple[list[bool], dict[int, tuple[str, int]]]:
    """Which characters of a block are markup to drop, and which stand for another (char, source end)."""
    keep = [True] * len(raw)
    replace: dict[int, tuple[str, int]] = {}
    protected = [False] * len(raw)

    def drop(start: int, end: int) -> None:
        for i in range(start, end):
            keep[i] = False

    line_start = 0
    for line in raw.split("\n"):
        for pattern in ((_HEADING, _LIST_MARKER, _BLOCKQUOTE) if kind != "table_cell" else ()):
            if pattern is _LIST_MARKER and kind != "list_item":
                continue
            if pattern is _HEADING and kind != "heading":
                continue
            found = pattern.match(line)
            if found:
                drop(line_start + found.start(), line_start + found.end())
        if kind == "heading":
            trailer = _HEADING_TRAILER.search(line)
            if trailer:
                drop(line_start + trailer.start(), line_start + trailer.end())
        line_start += len(line) + 1

    for found in _AUTOLINK.finditer(raw):
        drop(found.start(), found.start() + 1)
        drop(found.end() - 1, found.end())
        for i in range(found.start(1), found.end(1)):
            protected[i] = True
    for found in _BARE_URL.finditer(raw):
        for i in range(found.start(), found.end()):
            protected[i] = True
    for found in _IMAGE_OR_LINK.finditer(raw):
        if protected[found.start()]:
            continue
        drop(found.start(), found.start(1))
        drop(found.end(1), found.end())
    for found in _HTML_TAG.finditer(raw):
        if not protected[found.start()]:
            drop(found.start(), found.end())
    for found in _ENTITY.finditer(raw):
        decoded = html.unescape(found.group())
        if decoded != found.group() and len(decoded) == 1:
            replace[found.start()] = (" " if decoded == "\u00a0" else decoded, found.end())
            drop(found.start() + 1, found.end())
    for found in _CODE_SPAN.finditer(raw):
        drop(found.start(), found.end())

    def strip_pairs(pattern: re.Pattern[str], width_group: int | None) -> None:
        view = "".join(c if k else "\x00" for c, k in zip(raw, keep))
        for found in pattern.finditer(view):
            if protected[found.start()] or protected[found.end() - 1]:
                continue
            width = len(found.group(1)) if width_group else 1
            drop(found.start(), found.start() + width)
            drop(found.end() - width, found.end())

    strip_pairs(_STRONG, 1)
    strip_pairs(_EMPHASIS_STAR, None)
    strip_pairs(_EMPHASIS_UNDERSCORE, None)
    for found in _STRAY_STRONG.finditer(raw):
        if not protected[found.start()]:
            drop(found.start(), found.end())
    for found in _ESCAPE.finditer(raw):
        if not protected[found.start()]:
            drop(found.start(), found.start() + 1)
    return keep, replace


def _is_emphasised(raw: str) -> bool:
    body = _HEADING.sub("", raw.strip())
    body = _LIST_MARKER.sub("", body).strip()
    return bool(re.fullmatch(r"(\*\*|__)[^\n]+?\1[:.]?|\*[^*\n]+\*[:.]?|_[^_\n]+_[:.]?", body))


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(text.split()) <= 15


def _hyphenated_line_break(raw: str, space_at: int, chars: list[tuple[str, int, int]], following: str) -> bool:
    """ "non-" at a line end and "governmental" on the next line are one word: no space between them."""
    if len(chars) < 2 or chars[-1][0] != "-" or not chars[-2][0].isalpha() or not following.islower():
        return False
    run = re.match(r"\s+", raw[space_at:])
    return bool(run and "\n" in run.group())


class _BlockText:
    """The clean characters of one block, each with its original span."""

    def __init__(self, raw_block: _RawBlock, original: str) -> None:
        start = raw_block.lines[0].start
        end = raw_block.lines[-1].end
        raw = original[start:end]
        keep, replace = _markup_mask(raw, raw_block.kind)
        chars: list[tuple[str, int, int]] = []
        pending_space: tuple[int, int] | None = None
        for i, char in enumerate(raw):
            if not keep[i]:
                continue
            out, out_end = replace.get(i, (char, i + 1))
            if out.isspace():
                if chars and pending_space is None:
                    pending_space = (start + i, start + i + 1)
                continue
            if pending_space is not None:
                if not _hyphenated_line_break(raw, pending_space[0] - start, chars, out):
                    chars.append((" ", *pending_space))
                pending_space = None
            chars.append((out, start + i, start + out_end))
        self.chars = chars
        self.raw = raw
        self.orig_start = start
        self.orig_end = end
        self.kind = raw_block.kind
        self.heading_level = raw_block.heading_level
        self.table_cell = raw_block.table_cell
        self.ends_full_width = raw_block.ends_full_width

    @property
    def text(self) -> str:
        return "".join(c for c, _, _ in self.chars)


def _joins_across_page_break(previous: _BlockText, following: _BlockText, settings: dict) -> bool:
    """A prose paragraph that stops mid-sentence, followed by prose, was cut by a page break, when it is
    long, ends with a full line of hard-wrapped text, or what follows starts in lowercase."""
    if previous.kind != "paragraph" or following.kind != "paragraph":
        return False
    if _is_emphasised(previous.raw) or _is_emphasised(following.raw):
        return False
    text, nxt = previous.text, following.text
    if _ends_sentence(text, settings["terminal_punctuation"]):
        return False
    if len(text) < settings["page_break_min_chars"] and not previous.ends_full_width and not nxt[:1].islower():
        return False  # short, not a full line of wrapped prose, and what follows starts anew: a headline, a label
    if _is_title_like(text, set(settings["function_words"]), max_words=None):
        return False  # a long headline, not prose cut mid-sentence
    if not nxt or _is_all_caps(nxt) or not (nxt[0].isalnum() or nxt[0] in "(\"“'‘"):
        return False
    return True


_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})\s*$",
    re.IGNORECASE,
)
_TRAILING_PAGE_NUMBER = re.compile(r"\S.*?(?:\t|\s{3,})(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
# A page number at either end of a line, set off by a separator: "BORDERLINES | Bulletin No. 14 | 2", "12 · Annual report".
_NUMBER_AT_EDGE = re.compile(r"^\s*(\d{1,4})\s*[|·•—–-]\s*(?=\S)|(?<=\S)\s*[|·•—–-]\s*(?:page\s*)?(\d{1,4})\s*$", re.IGNORECASE)


def _without_page_furniture(lines: list[_Line], settings: dict) -> list[_Line]:
    """Blank out page numbers and running headers or footers left by PDF extraction.

    A page number line ("- 1 -", "Page 2 of 10"), a short block that carries a
    page number at its end ("Skopje, March 2024      Page 2"), and a line
    repeated on several pages next to a page number are not text. Blanked, they no longer split a
    paragraph that runs across the page break, which is then joined again.
    """
    blank = [line.blank for line in lines]
    furniture = [bool(_PAGE_NUMBER.match(line.text)) for line in lines]
    start = 0
    while start < len(lines):  # short blocks that end a page with a number
        if blank[start]:
            start += 1
            continue
        end = start
        while end < len(lines) and not blank[end]:
            end += 1
        block = range(start, end)
        if len(block) <= settings["max_furniture_lines"] and any(_TRAILING_PAGE_NUMBER.match(lines[i].text) for i in block):
            for i in block:
                furniture[i] = True
        start = end
    # A line repeated on several pages is a running header only where one of its
    # copies sits next to a page number: a speaker line or a recurring heading
    # ("Questions and answers") repeats too, and is text.
    near_page_number = {
        index + step for index, drop in enumerate(furniture) if drop for step in range(-2, 3)
    }
    occurrences: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        key = line.text.strip()
        if len(key) >= settings["min_running_header_chars"]:
            occurrences.setdefault(key, []).append(index)
    for indexes in occurrences.values():
        if len(indexes) >= settings["min_running_header_repeats"] and near_page_number.intersection(indexes):
            for index in indexes:
                if index >= settings["front_matter_lines"]:
                    furniture[index] = True
    for indexes in _numbered_running_lines(lines, settings).values():
        for index in indexes:  # its page number shows it is furniture even on the first page
            furniture[index] = True
    return [_Line(line.start, line.end, "") if drop else line for line, drop in zip(lines, furniture)]


def _numbered_running_lines(lines: list[_Line], settings: dict) -> dict[str, list[int]]:
    """Lines that recur with only a page number at one end changing, rising from copy to copy
    ("BORDERLINES | Bulletin | 1", "... | 2", "... | 3"): a running header or footer with its page
    number. Keyed by the line without the number."""
    copies: dict[str, list[tuple[int, int]]] = {}
    for index, line in enumerate(lines):
        found = _NUMBER_AT_EDGE.search(line.text)
        if found is None:
            continue
        key = (line.text[: found.start()] + line.text[found.end() :]).strip()
        if len(key) >= settings["min_running_header_chars"]:
            copies.setdefault(key, []).append((index, int(found.group(1) or found.group(2))))
    return {
        key: [index for index, _ in found]
        for key, found in copies.items()
        if len(found) >= settings["min_running_header_repeats"]
        and all(earlier[1] < later[1] for earlier, later in zip(found, found[1:]))
    }


def prepare(original: str) -> Prepared:
    """Clean a report's text for NLP, keeping a map from every clean character to the original."""
    settings = load_rules("layout/text_preparation.yaml")
    raw_blocks = _group_blocks(_without_page_furniture(_split_lines(original), settings), settings)
    block_texts = [_BlockText(raw_block, original) for raw_block in raw_blocks]
    block_texts = [block for block in block_texts if block.chars]

    merged: list[list[_BlockText]] = []
    for block in block_texts:
        if merged and _joins_across_page_break(merged[-1][-1], block, settings):
            merged[-1].append(block)
        else:
            merged.append([block])

    builder = _CleanBuilder()
    blocks: list[Block] = []
    for group in merged:
        if builder.length:
            gap_at = group[0].orig_start
            for _ in range(2):
                builder.add("\n", gap_at, gap_at)
        clean_start = builder.length
        for index, part in enumerate(group):
            if index:
                builder.add(" ", part.orig_start, part.orig_start)
            for char, start, end in part.chars:
                builder.add(char, start, end)
        first, last = group[0], group[-1]
        raw = original[first.orig_start:last.orig_end]
        text = "".join(builder.parts[clean_start:])
        blocks.append(
            Block(
                kind=first.kind,
                start=clean_start,
                end=builder.length,
                orig_start=first.orig_start,
                orig_end=last.orig_end,
                raw=raw,
                text=text,
                heading_level=first.heading_level,
                emphasised=len(group) == 1 and _is_emphasised(raw),
                all_caps=_is_all_caps(text),
                table_cell=first.table_cell,
            )
        )
    return Prepared(
        original=original,
        text="".join(builder.parts),
        blocks=tuple(blocks),
        starts=builder.starts,
        ends=builder.ends,
    )
