"""The parts of the `strategy_finder` component (pipeline/components/strategies.py), one job each.

- `vocabulary`: the words of rules/strategies/vocabulary.yaml and the kind a head word gives;
- `patterns`: spaCy Matchers compiled from rules/strategies/patterns.yaml and status.yaml;
- `tokens`: small token tests shared by the parts (capitals, hyphens, quotes, headings);
- `names`: where a capitalised or quoted name starts and ends, and where a list goes on to the next name;
- `descriptive`: lowercase, descriptive mentions ("strategy on diaspora engagement (2020-2030)");
- `ranges`: the year ranges of a text and the one attached to a name;
- `selection`: which candidates are strategies (not an organisation, a treaty or a bare generic name);
- `status`: the status the text gives a name ("draft", "adopted", ...).
"""
