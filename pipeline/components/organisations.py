"""PLACEHOLDER (to be replaced): finds organisation spans into doc.spans["organisation"]."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SPAN_KEY = "organisation"


@Language.factory("organisation_finder", default_config={"span_key": SPAN_KEY})
def make_organisation_finder(nlp: Language, name: str, span_key: str):
    def find(doc: Doc) -> Doc:
        doc.spans[span_key] = []
        return doc

    return find
