"""The one definition of every output table: a pydantic model per row.

Column names, their order, their types and the sort order of each CSV come
from these classes and nowhere else (see `pipeline.tables`).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict


class Row(BaseModel):
    """Base of every table row. `table` names the CSV, `sort_by` makes output order stable."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    table: ClassVar[str]
    sort_by: ClassVar[tuple[str, ...]]


class Located(Row):
    """A row that can be traced to its place in the report: section heading and speaker turn."""

    section: str | None = None
    speaker_id: str | None = None


class DocumentRow(Row):
    """One row per input file, whether it could be processed or not (the batch manifest)."""

    table: ClassVar[str] = "documents"
    sort_by: ClassVar[tuple[str, ...]] = ("doc_id",)

    doc_id: str
    path: str
    sha256: str
    n_chars: int
    n_tokens: int
    status: Literal["ok", "error"]
    error: str | None = None
    encoding: str | None = None
    title: str | None = None
    event_date: str | None = None
    organiser: str | None = None


class MentionRow(Located):
    """Every extracted mention of anything, with its exact place in the original file."""

    table: ClassVar[str] = "mentions"
    sort_by: ClassVar[tuple[str, ...]] = ("doc_id", "start_char", "end_char", "type", "mention_id")

    doc_id: str
    mention_id: str
    type: str
    text: str
    start_char: int
    end_char: int
    sentence: str
    source: str
    normalized: str | None = None


class CountryRow(Located):
    """One row per country per report; `section` and `speaker_id` are those of the first mention."""

    table: ClassVar[str] = "countries"
    sort_by: ClassVar[tuple[str, ...]] = ("doc_id", "iso3")

    doc_id: str
    iso3: str
    name: str
    mentions: int
    first_start_char: int


class OrganisationRow(Located):
    """One row per distinct organisation per report; located at its first mention."""

    table: ClassVar[str] = "organisations"
    sort_by: ClassVar[tuple[str, ...]] = ("doc_id", "org_id")

    doc_id: str
    org_id: str
    name: str
    acronym: str | None = None
    canonical_name: str | None = None
    country_iso3: str | None = None
    mentions: int
    aliases: str
    first_start_char: int


class StrategyRow(Located):
    """One row per named strategy, policy, plan, programme or law per report."""

    table: ClassVar[str] = "strategies"
    sort_by: ClassVar[tuple[str, ...]] = ("doc_id", "start_char", "strategy_id")

    doc_id: str
    strategy_id: str
    name: str
    kind: Literal["strategy", "policy", "action_plan", "programme", "law", "resolution", "other"]
    start_year: int | None = None
    end_year: int | None = None
    open_ended: bool = False
    country_iso3: str | None = None
    country_source: str | None = None
    status: Literal["draft", "adopted", "in force", "planned"] | None = None
    start_char: int
    end_char: int
    sentence: str


class StatisticRow(Located):
    """One row per figure in the report, as a number with its unit and context."""

    table: ClassVar[str] = "statistics"
    sort_by: ClassVar[tuple[str, ...]] = ("doc_id", "start_char", "stat_id")

    doc_id: str
    stat_id: str
    value: float
    unit: str
    year: int | None = None
    measure: str | None = None
    subject_iso3: str | None = None
    qualifier: str | None = None
    direction: Literal["up", "down"] | None = None
    change_of: str | None = None
    range_id: str | None = None
    text: str
    start_char: int
    end_char: int
    sentence: str
    check: str | None = None


class SpeakerRow(Row):
    """One row per speaker turn: who spoke, for whom, where in the report."""

    table: ClassVar[str] = "speakers"
    sort_by: ClassVar[tuple[str, ...]] = ("doc_id", "start_char", "speaker_id")

    doc_id: str
    speaker_id: str
    person_id: str
    name: str
    honorific: str | None = None
    role: str | None = None
    organisation: str | None = None
    org_id: str | None = None
    country_iso3: str | None = None
    is_moderator: bool = False
    section: str | None = None
    start_char: int
    end_char: int


TABLE_MODELS: tuple[type[Row], ...] = (
    DocumentRow,
    MentionRow,
    CountryRow,
    OrganisationRow,
    StrategyRow,
    StatisticRow,
    SpeakerRow,
)
