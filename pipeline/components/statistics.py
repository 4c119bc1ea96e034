"""PLACEHOLDER (to be replaced): finds statistic spans into doc.spans["statistic"]."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SPAN_KEY = "statistic"


@Language.factory("statistic_finder", default_config={"span_key": SPAN_KEY})
def make_statistic_finder(nlp: Language, name: str, span_key: str):
    def find(doc: Doc) -> Doc:
        doc.spans[span_key] = []
        return doc

    return find
