"""The parts of the `strategy_finder` component (pipeline/components/strategies.py), one job each.

- `vocabulary`: the words of rules/strategies/vocabulary.yaml and the kind a head word gives;
- `patterns`: spaCy Matchers compiled from rules/strategies/patterns.yaml, status.yaml and known_names.yaml;
- `windows`: where a matcher needs to run (around a year, a head word, a name), so that it reads a fraction of a doc;
- `tokens`: small token tests shared by the parts (capitals, hyphens, quotes, headings), and the
  doc's countries, organisations and places by token (`NamedTokens`, indexed once per doc);
- `names`: where a capitalised name starts and ends ("National Strategy for ...", "Lex Ukraine");
- `law_titles`: a law's number and date inside its title ("Law 02-03", "Act of 12 March 2022");
- `lists`: where a list of names goes on to the next name, and lists of places inside a name;
- `quoted`: quoted titles, with their head inside or a lowercase head after them;
- `title_years`: years that are part of a title ("the 2050 Strategy", "the We the UAE 2031 vision");
- `descriptive`: lowercase, descriptive mentions ("strategy on diaspora engagement (2020-2030)");
- `ranges`: the year ranges of a text and the one attached to a name;
- `selection`: which candidates are strategies (not an organisation, a treaty or a bare generic name);
- `aliases`: another name the text gives a strategy ("commonly referred to as the “Special Act”");
- `status`: the status the text gives a name ("draft", "adopted", ...).
"""
