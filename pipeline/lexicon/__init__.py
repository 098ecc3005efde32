"""Lexical resources every stage reads: speech verbs, quote marks and dashes, connectors,
name particles, titles and honorifics, months, as data files per language (``en/``).

``load_lexicon("en")`` gives the typed, frozen tables; each resource file's content hash is
in ``Lexicon.versions``. ``fold`` is the one comparison key for words and names.
"""

from pipeline.lexicon.files import DEFAULT_LANGUAGE, LexiconError, read_lines
from pipeline.lexicon.fold import fold, name_key
from pipeline.lexicon.loader import Lexicon, Marks, load_lexicon

__all__ = ["DEFAULT_LANGUAGE", "Lexicon", "LexiconError", "Marks", "fold", "load_lexicon", "name_key", "read_lines"]
