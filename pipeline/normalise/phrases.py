"""Written phrases as regular-expression alternatives and as lookup keys, shared by the number
and currency grammars: a phrase matches across any run of spaces ("US  dollars"), the longest
alternative wins ("US$" before "$"), and keys ignore case and spacing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.rules import word_list


def alternatives(phrases: Iterable[str], flexible_spaces: bool = True) -> str:
    """A regex alternation of the phrases, longest first, a space matching any run of spaces."""
    escaped = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        pattern = re.escape(phrase)
        escaped.append(pattern.replace(r"\ ", r"\s+") if flexible_spaces else pattern)
    return "|".join(escaped)


def phrase_key(text: str) -> str:
    """A phrase as a lookup key: spaces collapsed, case folded ("US  Dollars" -> "us dollars")."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def folded_words(data: dict, key: str) -> frozenset[str]:
    """The words a rule file lists under `key`, case-folded (none when the key is absent)."""
    return frozenset(word.casefold() for word in word_list(data, key))


def folded_list(data: dict, key: str) -> tuple[str, ...]:
    """The words a rule file lists under `key`, case-folded, in the file's order."""
    return tuple(word.casefold() for word in word_list(data, key))
