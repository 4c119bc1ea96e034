"""Organisation mentions into `doc.spans["organisation"]` (the `organisation_finder` component).

The model's ORG label tags documents, events, countries and fragments as
organisations, so it is only one source among four, and the weakest:
1. the gazetteer (`gazetteer_matches`): well-known names, acronyms, aliases
   and named internal units;
2. acronym definitions in the text and every later use of a defined acronym
   (`acronym_candidates`);
3. names built around a body's head noun (`name_patterns`, `name_tails`), names that put their head
   first ("Universidad del Pacífico", `head_first_names`), news outlets named by their medium noun
   ("the Pakistani daily Dawn", `news_outlets`), companies named with their legal form ("Danube
   Staffing d.o.o.", `company_names`), and bodies introduced by their kind ("the NGO Different and
   Equal", "companies such as Zespri", `kind_nouns`);
4. the model's ORG spans that, cleaned, have such a head noun (`model_entities`).
Overlaps are resolved and non-bodies dropped (`resolution`); another name written right after a
body's name, a translation in parentheses or a former name, is that body (`other_names`); internal units
of international organisations stand for their parent (`units`); short forms
("the Network") count for the body they shorten (`short_forms`); every span
gets its organisation's key (`keys`).

Every span has `kb_id_` = the organisation's key (gazetteer id, else a slug of
its name; a government body's key carries its country, `ministry-of-interior@MDA`,
or `@?` when only the extractor can tell), `label_` = "organisation" or
"internal_unit", and `id_` = the rule that found it. `doc._.organisation_entries`
holds the gazetteer entries of the keys found, and `doc._.organisation_gazetteer` and
`doc._.organisation_rules` the gazetteer and name rules the component was configured
with, so that extractors read the same ones rather than the rules folder's defaults.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.organisations.acronym_candidates import (
    acronym_uses,
    adjacent_acronyms,
    find_definitions_in,
)
from pipeline.components.organisations.company_names import find_company_names
from pipeline.components.organisations.document import DocumentView
from pipeline.components.organisations.gazetteer_matches import GazetteerMatcher
from pipeline.components.organisations.head_first_names import find_head_first_names
from pipeline.components.organisations.keys import INTERNAL_UNIT, ORGANISATION, to_spans
from pipeline.components.organisations.kind_nouns import find_introduced_bodies
from pipeline.components.organisations.model_entities import find_model_entities
from pipeline.components.organisations.name_patterns import find_names
from pipeline.components.organisations.news_outlets import find_cited_outlets
from pipeline.components.organisations.other_names import join_other_names
from pipeline.components.organisations.resolution import (
    drop_bylines,
    drop_meeting_and_document_names,
    resolve_overlaps,
)
from pipeline.components.organisations.short_forms import find_short_forms
from pipeline.components.organisations.units import (
    attach_parents,
    units_after,
    units_beside_parents,
)
from pipeline.normalise.countries import fold
from pipeline.normalise.organisations import (
    GAZETTEER_RULES,
    NAME_RULES,
    NameRules,
    OrganisationGazetteer,
)
from pipeline.rules import load_rules

SPAN_KEY = "organisation"
ENTRIES_EXTENSION = "organisation_entries"
GAZETTEER_EXTENSION = "organisation_gazetteer"
RULES_EXTENSION = "organisation_rules"

__all__ = [
    "ENTRIES_EXTENSION", "GAZETTEER_EXTENSION", "INTERNAL_UNIT", "ORGANISATION", "RULES_EXTENSION", "SPAN_KEY",
    "OrganisationFinder",
]

for _extension in (ENTRIES_EXTENSION, GAZETTEER_EXTENSION, RULES_EXTENSION):
    if not Doc.has_extension(_extension):
        Doc.set_extension(_extension, default=None)


@Language.factory(
    "organisation_finder",
    default_config={
        "span_key": SPAN_KEY,
        "gazetteer": GAZETTEER_RULES,
        "name_rules": NAME_RULES,
        "use_model_entities": True,
    },
)
def make_organisation_finder(
    nlp: Language, name: str, span_key: str, gazetteer: str, name_rules: str, use_model_entities: bool
) -> OrganisationFinder:
    return OrganisationFinder(
        nlp,
        OrganisationGazetteer(load_rules(gazetteer)),
        NameRules.from_data(load_rules(name_rules)),
        span_key,
        use_model_entities,
    )


class OrganisationFinder:
    """Runs the candidate sources, resolves them, and writes the spans (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        gazetteer: OrganisationGazetteer,
        rules: NameRules,
        span_key: str = SPAN_KEY,
        use_model_entities: bool = True,
    ) -> None:
        self.gazetteer = gazetteer
        self.rules = rules
        self.span_key = span_key
        self.use_model_entities = use_model_entities
        self.match_gazetteer = GazetteerMatcher(nlp, gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        view = DocumentView.read(doc, self.rules, self.gazetteer)
        view.set_known(self.match_gazetteer(view))
        definitions = find_definitions_in(view)
        names = (find_names(view) + find_head_first_names(view) + find_cited_outlets(view)
                 + find_company_names(view) + find_introduced_bodies(view))
        definitions = adjacent_acronyms(view, names, definitions)
        model = find_model_entities(view, names) if self.use_model_entities else []
        for candidate in names + model:
            candidate.group = candidate.group or "name:" + fold(doc[candidate.start:candidate.end].text)
        uses = acronym_uses(view)
        accepted = resolve_overlaps(view.known + definitions + names + model + uses)
        accepted = [c for c in accepted if c.kind != "block"]
        for candidate in accepted:
            if candidate.kind == "org" and candidate.end in view.long_form_ends and candidate.key is None:
                candidate.group = view.long_form_ends[candidate.end]
        accepted = drop_bylines(view, accepted)
        accepted = drop_meeting_and_document_names(view, accepted)
        accepted = join_other_names(view, accepted)
        accepted = units_beside_parents(view, accepted)
        accepted += units_after(view, accepted)
        accepted = attach_parents(view, accepted)
        accepted += find_short_forms(view, accepted)
        spans = to_spans(view, accepted)
        doc.spans[self.span_key] = spans
        doc._.set(ENTRIES_EXTENSION, {
            span.kb_id_: self.gazetteer.entries[span.kb_id_]
            for span in spans if span.kb_id_ in self.gazetteer.entries
        })
        doc._.set(GAZETTEER_EXTENSION, self.gazetteer)
        doc._.set(RULES_EXTENSION, self.rules)
        return doc
