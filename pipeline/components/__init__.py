"""Our spaCy components, one concern each; importing this package registers their factories."""

from spacy.tokens import Doc

if not Doc.has_extension("prepared"):
    Doc.set_extension("prepared", default=None)

from pipeline.components import blocks, countries, organisations, statistics, strategies  # noqa: E402,F401
