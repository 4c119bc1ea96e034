"""The README documents every column, and its Quick start is what CI runs."""

from __future__ import annotations

import re

from pipeline.models import TABLE_MODELS
from pipeline.tables import columns_of

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    block = re.search(r"^#+\s*Quick start.*?^```[a-z]*\n(.*?)^```", README, re.S | re.M | re.I)
    assert block, "README has no Quick start code block"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_quick_start_is_two_commands_run_then_test():
    run, test = _quick_start_commands()
    assert "pipeline run corpus --out outputs" in run
    assert "pytest" in test and "[test]" in test


def test_every_table_and_column_is_documented():
    for model in TABLE_MODELS:
        row = next((line for line in README.splitlines() if line.startswith(f"| `{model.table}.csv`")), None)
        assert row is not None, f"{model.table}.csv is not in the README's table of tables"
        for column in columns_of(model):
            assert f"`{column}`" in row, f"{model.table}.{column} is not documented"
