"""Quote attribution: who said what, direct and indirect, with speakers resolved to entities.

``extract_quotes(doc, entities, load_lexicon())`` (the lexicon from :mod:`pipeline.lexicon`)
is the whole stage minus the plumbing; the passes live in one module each (marks, direct,
indirect, dedupe, speakers).
"""

from pipeline.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
