"""One shared spaCy pipeline per process, for every stage that parses text.

Loading a model costs about a second and a few hundred MB, so the NER and
quotes stages share the object returned by :func:`load_nlp` (cached per model
name). Components no stage reads are removed so they cost nothing per
article, and the attribute ruler is swapped for its table form (same
annotations, a fraction of the time; see :mod:`pipeline.attribute_table`).
A line break starts a sentence (:mod:`pipeline.paragraph_sentences`).
The model is a setting (``WIRESTREAM_SPACY_MODEL``): any ``en_core_web_*``
package (sm/md/lg/trf) or a model directory, such as the medium model
unpacked from its PyPI wheel (``docs/models.md``).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from pipeline import attribute_table, paragraph_sentences

#: what the stages read: tags, lemmas and the parse (quotes), entities (ner),
#: plus the shared embedding layers those components listen to
NEEDED = frozenset({"tok2vec", "transformer", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"})


@lru_cache(maxsize=4)
def load_nlp(model_name: str) -> Language:
    """Load ``model_name`` once per process: the needed components, the ruler as a table, line breaks as sentence starts.

    Raises ``OSError`` (spaCy's own error) when the package is not installed.
    """
    nlp = spacy.load(model_name)
    for name in [n for n in nlp.pipe_names if n not in NEEDED]:
        nlp.remove_pipe(name)
    attribute_table.install(nlp)
    paragraph_sentences.install(nlp)
    return nlp


def model_provenance(nlp: Language) -> dict[str, str]:
    """Name and version of the loaded model and of spaCy, for a record's provenance."""
    meta = nlp.meta
    return {
        "name": f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
        "version": str(meta.get("version", "unknown")),
        "spacy_version": spacy.about.__version__,
    }
