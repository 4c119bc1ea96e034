"""PLACEHOLDER (to be replaced): finds strategy spans into doc.spans["strategy"]."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SPAN_KEY = "strategy"


@Language.factory("strategy_finder", default_config={"span_key": SPAN_KEY})
def make_strategy_finder(nlp: Language, name: str, span_key: str):
    def find(doc: Doc) -> Doc:
        doc.spans[span_key] = []
        return doc

    return find
