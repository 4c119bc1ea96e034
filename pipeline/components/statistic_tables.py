"""What a table's headers say about the figures in its cells.

A Markdown table often states a unit or scale once, in the row label or column header
("Personal remittances received (USD billion)" | 8.1 | 16.9), and its cells then hold bare
numbers: the header's unit and scale apply to them (8.1 is USD 8,100,000,000). A column headed
"No." or "#" numbers the rows: its cells are identifiers, not counts.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.normalise.numbers import LabelUnit, Quantity, QuantityGrammar
from pipeline.prepare import Block, Prepared


def cell_of(prepared: Prepared | None, offset: int) -> Block | None:
    """The table body cell (not a header cell) that holds a clean-text offset, if any."""
    if prepared is None:
        return None
    block = prepared.block_at(offset)
    if block is None or block.table_cell is None or block.table_cell.header_row:
        return None
    return block


def header_unit(prepared: Prepared, cell: Block, grammar: QuantityGrammar) -> LabelUnit | None:
    """The unit and scale the cell's column header and row label state between them ("Remittances
    (USD)" with a column "in millions" is USD x 1e6); None if they state none, or two that differ."""
    stated = [
        unit
        for header in prepared.table_header(cell.table_cell)
        if header is not None and (unit := grammar.label_unit(header.text)) is not None
    ]
    units = {unit.unit for unit in stated if unit.unit != "count"}
    scales = {unit.scale for unit in stated if unit.scale != 1.0}
    if not stated or len(units) > 1 or len(scales) > 1:
        return None
    return LabelUnit(units.pop() if units else "count", scales.pop() if scales else 1.0)


def label_offsets(label: Block, grammar: QuantityGrammar) -> tuple[int, int] | None:
    """Clean-text offsets of a header's words without a closing "(USD billion)" that states the
    unit: what the figures it heads measure ("Personal remittances received, Uzbekistan")."""
    text = label.text.rstrip()
    unit = re.search(r"\s*\(([^()]*)\)$", text)
    if unit and grammar.label_unit(unit.group(1)) is not None:
        text = text[: unit.start()]
    start = label.start + (len(label.text) - len(label.text.lstrip()))
    end = label.start + len(text)
    return (start, end) if end > start else None


def in_identifier_column(prepared: Prepared, cell: Block, identifier_headers: set[str]) -> bool:
    """Is the cell in a column headed "No.", "#", "Item"...: a column that numbers the rows?"""
    column_header, _ = prepared.table_header(cell.table_cell)
    return column_header is not None and column_header.text.strip().casefold() in identifier_headers


def with_header_unit(quantity: Quantity, unit: LabelUnit) -> Quantity:
    """A bare cell number read in its header's unit and scale."""
    scaled = quantity.scaled_by(unit.scale) if unit.scale != 1.0 else quantity
    return replace(scaled, unit=unit.unit, currency_written=unit.unit not in {"count", "percent"})


def row_cell_under(prepared: Prepared, cell: Block, headers: frozenset[str]) -> Block | None:
    """The cell of the same row in the column headed by one of `headers` ("Year"): a column that
    states something of the whole row, such as the year its figures refer to."""
    if not headers or cell.table_cell is None:
        return None
    for other in prepared.row_cells(cell.table_cell):
        column_header, _ = prepared.table_header(other.table_cell)
        if other is not cell and column_header is not None and column_header.text.strip().casefold() in headers:
            return other
    return None
