"""The Russian quotes backend: Russian attribution conventions over natasha's parse.

Reads the natasha ``Doc`` the Russian NER backend left on the article (``article.analysis``)
and the entities section; never re-parses. Conventions handled (the verbs are data:
``pipeline/lexicon/ru/speech_verbs.yaml``):

- ``«…», — сказал Песков.`` (direct-cue-after), also ``«…?» — спросил он``, ``«…», сказал он``
  without the dash for a quotation that opens its sentence, a spaced hyphen for the dash, and
  dialogue paragraphs ``— …, — сказал он.``;
- ``«…, — заявил он. — …»`` (the part after the attribution: direct-interjected);
- ``Песков заявил: «…»`` (direct-cue-before);
- ``Песков заявил, что …`` (indirect-that); ``…, сообщил губернатор Паслер.`` and ``О том, что …,
  заявил Песков.`` (the clause first: indirect-parenthetical);
- ``по словам Пескова, …`` / ``по его словам, …`` (indirect-according); ``как отметил Песков, …``
  (indirect-as);
- interview answers: a dash paragraph after a dash question is the interviewee's (direct-answer).

Speakers resolve to the article's entities: a name (any inflection: the entities section groups
them), a pronoun (он / она / они, also the possessive его / ее) to the last person of the
same gender who spoke or was a subject, a description ("глава государства", "министр") to the
person named with a role of the same group, or back to the last speaker of the same gender
("дипломат добавила"), or the name after a document or office ("— говорится в заявлении МИД
России", "сообщает пресс-служба губернатора"). Without a subject, a verb's gender still narrows
the choice.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.article import Article
from pipeline.errors import StageError
from pipeline.quotes.russian_extract import extract
from pipeline.quotes.russian_speakers import SpeechLexicon, load_speech
from pipeline.stages.base import Backend, NoConfig, StageProvenance


class RussianQuotes(Backend[NoConfig]):
    """Quote attribution for Russian copy."""

    lexicon: SpeechLexicon

    def setup(self) -> None:
        self.lexicon = load_speech()

    def process(self, articles: Sequence[Article]) -> None:
        for article in articles:
            if article.analysis is None:
                raise StageError("quotes", f"article {article.raw.id} reached the quotes stage unparsed")
            article.quotes = extract(article.text, article.analysis, article.entities or [], self.lexicon)

    def provenance(self) -> StageProvenance:
        return StageProvenance(data_versions={"lexicon.ru.speech_verbs": self.lexicon.version})

