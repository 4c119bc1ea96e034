"""Sentence boundaries from the layout: a paragraph, heading or speaker line never shares a sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_SINGLE_SENTENCE_KINDS = ("heading", "list_item", "table_cell")


@Language.factory("block_sentences", default_config={"max_single_sentence_chars": 300})
def make_block_sentences(nlp: Language, name: str, max_single_sentence_chars: int) -> "BlockSentences":
    return BlockSentences(max_single_sentence_chars)


class BlockSentences:
    """Sets sentence starts at every block; short headings and emphasised lines stay one sentence.

    Runs before the parser, which keeps boundaries already set. Without it the
    parser runs a heading into the next paragraph and splits "Ms." lines.
    """

    def __init__(self, max_single_sentence_chars: int) -> None:
        self.max_single_sentence_chars = max_single_sentence_chars

    def __call__(self, doc: Doc) -> Doc:
        prepared = doc._.prepared
        for span in doc.spans.get("block", []):
            doc[span.start].is_sent_start = True
            block = prepared.block_at(span.start_char) if prepared is not None else None
            one_sentence = block is not None and (
                block.kind in _SINGLE_SENTENCE_KINDS or block.emphasised or block.all_caps
            )
            if one_sentence and len(span.text) <= self.max_single_sentence_chars:
                for token in span[1:]:
                    token.is_sent_start = False
        return doc
