"""Loading the rule and gazetteer files in `rules/`: data a maintainer edits without touching code."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULES_ENV = "REPORT_PIPELINE_RULES"


class RulesError(Exception):
    """A rule file is missing or malformed."""


def rules_dir() -> Path:
    """The rules folder: $REPORT_PIPELINE_RULES if set, else `rules/` beside the package."""
    configured = os.environ.get(RULES_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent / "rules"


@lru_cache(maxsize=None)
def _load(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except FileNotFoundError as error:
        raise RulesError(f"rule file not found: {path}") from error
    except yaml.YAMLError as error:
        raise RulesError(f"rule file {path} is not valid YAML: {error}") from error
    if data is None:
        raise RulesError(f"rule file {path} is empty")
    return data


def load_rules(relative_path: str) -> Any:
    """The parsed content of one YAML file below the rules folder (cached per process)."""
    return _load(rules_dir() / relative_path)


def word_list(data: dict, key: str) -> list[str]:
    """The words a rule file lists under `key` (none when it is absent). YAML reads a bare on/no/yes as a
    boolean, so an entry that is not text is an error rather than a word silently lost."""
    values = list(data.get(key) or ())
    if any(not isinstance(value, str) for value in values):
        raise RulesError(f"rule list {key!r} has a non-text entry; quote words like \"on\"")
    return values


def rules_fingerprint() -> str:
    """A digest of every rule file, so the manifest says which rules produced the tables."""
    digest = hashlib.sha256()
    root = rules_dir()
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
