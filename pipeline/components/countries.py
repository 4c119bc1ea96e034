"""Country mentions: names, official and old names, and demonyms that mean the country.

A gazetteer phrase matcher is more exact than the model's GPE/NORP labels
(which also tag cities, regions and "MIGRATION"); the model's parse is used to
tell "Albanian citizens" (the country) from "available in Russian" (a language).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.normalise.countries import CountryGazetteer, country_gazetteer, fold
from pipeline.normalise.currencies import currency_table
from pipeline.rules import load_rules

SPAN_KEY = "country"
_BLOCKED = "blocked"
_ELIDED_ARTICLES = ("d'", "l'", "d’", "l’")
_MODIFIABLE = {"NOUN", "PROPN", "ADJ", "NUM", "CCONJ", "PUNCT", "SYM"}


@Language.factory(
    "country_matcher",
    default_config={"span_key": SPAN_KEY, "blocking_rules": "countries/not_countries.yaml"},
)
def make_country_matcher(nlp: Language, name: str, span_key: str, blocking_rules: str) -> "CountryMatcher":
    return CountryMatcher(nlp, country_gazetteer(), load_rules(blocking_rules), span_key)


class CountryMatcher:
    """Finds country mentions into `doc.spans["country"]`, each with its ISO3 code as `kb_id_`.

    `span.id_` says which kind of form matched: `gazetteer:name`, `gazetteer:official`,
    `gazetteer:alias` or `gazetteer:demonym`.
    """

    def __init__(self, nlp: Language, gazetteer: CountryGazetteer, blocking: dict, span_key: str) -> None:
        self.span_key = span_key
        self.gazetteer = gazetteer
        self.function_words = {fold(word) for word in blocking.get("lowercase_words", ())}
        self.language_nouns = {fold(word) for word in blocking.get("language_nouns", ())}
        self.languages = {fold(word) for word in blocking.get("languages_only", ())}
        self.currencies = currency_table()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns: dict[str, list] = {}
        for entry in gazetteer.entries:
            for form in {entry.form, fold(entry.form)}:
                patterns.setdefault(f"{entry.kind}|{entry.iso3}", []).append(nlp.make_doc(form))
        for key, docs in patterns.items():
            self.matcher.add(key, docs)
        blocked = [nlp.make_doc(phrase) for phrase in blocking.get("blocking_phrases", ())]
        self.matcher.add(_BLOCKED, blocked)

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            if key == _BLOCKED:
                candidates.append(Span(doc, start, end, label=_BLOCKED))
                continue
            kind, iso3 = key.split("|")
            span = Span(doc, start, end, label=SPAN_KEY, kb_id=iso3, span_id=f"gazetteer:{kind}")
            if self._written_as_name(span):
                candidates.append(span)
        spans = [
            span
            for span in filter_spans(candidates)
            if span.label_ != _BLOCKED and (span.id_ != "gazetteer:demonym" or self._means_country(span))
            and not self._names_a_currency(span)
        ]
        doc.spans[self.span_key] = spans
        return doc

    def _names_a_currency(self, span: Span) -> bool:
        """Whether the form and the word after it name a currency ("US dollars", "Kenyan shillings", "Swiss
        francs", as CLDR writes them): money, not the country."""
        following = span.doc[span.end] if span.end < len(span.doc) else None
        return following is not None and following.is_alpha and (
            self.currencies.code_of(f"{span.text} {following.text}") is not None
        )

    def _written_as_name(self, span: Span) -> bool:
        """Proper names are capitalised: "turkey" and "chad" in lowercase are not countries."""
        canonical = self.gazetteer.lookup(span.text)
        if canonical is not None and span.text == canonical.form and not canonical.form.isupper():
            return True  # written exactly as the gazetteer has it: "Saint Martin (French part)"
        for token in span:
            text = token.text
            if text[:2].lower() in _ELIDED_ARTICLES:
                text = text[2:]  # "d'Ivoire"
            if not text[:1].isalpha() or fold(text) in self.function_words:
                continue
            if not text[0].isupper():
                return False
        if canonical is not None and canonical.form.isupper() and len(canonical.form) <= 4:
            # Abbreviations ("US", "UK", "DRC") only in capitals, and not inside an all-capitals heading.
            if span.text != canonical.form or _in_all_caps_block(span):
                return False
        return True

    def _means_country(self, span: Span) -> bool:
        """A demonym means the country unless it names a language ("in Russian", "Russian version")."""
        following = span.doc[span.end] if span.end < len(span.doc) else None
        if following is not None and fold(following.text) in self.language_nouns:
            return False
        if any(fold(other.text) in self.languages for other in span[-1].conjuncts):
            return False  # "into English, French and Portuguese": a list of languages
        if span.text.endswith("s") and not span.text.endswith(("ss", "ese")):
            return True  # people: "Ghanaians", "Albanians"
        if not self._modifies(following):
            return False
        if following.pos_ == "CCONJ" or following.text == ",":
            # "French and Portuguese nationals" or "in French and Portuguese": what follows the list decides.
            last = max(span[-1].conjuncts, key=lambda token: token.i, default=None)
            if last is not None and last.i > span[-1].i:
                after = span.doc[last.i + 1] if last.i + 1 < len(span.doc) else None
                return self._modifies(after)
        return True

    def _modifies(self, following: Token | None) -> bool:
        """Whether the token after a demonym lets it modify a noun (so mean the country), not name a language."""
        if following is None or following.is_space or following.pos_ not in _MODIFIABLE:
            return False
        if fold(following.text) in self.language_nouns:
            return False
        return not (following.is_punct and following.text not in {",", "-", "–", "/"})


def _in_all_caps_block(span: Span) -> bool:
    prepared = span.doc._.prepared
    block = prepared.block_at(span.start_char) if prepared is not None else None
    return bool(block and block.all_caps)
