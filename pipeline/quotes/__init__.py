"""Quote attribution: who said what, direct and indirect, with speakers resolved to entities.

``extract_quotes(doc, entities, load_lexicon())`` is the whole stage minus the plumbing;
the passes live in one module each (marks, direct, indirect, dedupe, speakers).
"""

from pipeline.quotes.extract import extract_quotes
from pipeline.quotes.lexicon import Lexicon, load_lexicon

__all__ = ["Lexicon", "extract_quotes", "load_lexicon"]
