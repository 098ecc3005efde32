"""Russian copy through the runner: what the Russian backends find, and bad input (mixed
languages, wrong declarations, transliteration) never analysed with the wrong model."""

from __future__ import annotations

import orjson

from pipeline.article import Origin
from pipeline.enrich import Enricher, Message
from pipeline.sections.record import EnrichedRecord
from tests.schema_check import assert_valid


def enrich_one(enricher: Enricher, body: str, language: str | None = "ru", title: str = "Заголовок") -> EnrichedRecord:
    value = orjson.dumps({"id": f"ru-{abs(hash(body))}", "source": "t", "title": title, "language": language,
                          "published_at": "2024-03-02T12:00:00+03:00", "body": body})
    [outcome] = enricher.enrich([Message(value, None, Origin("raw", 0, 0))])
    assert isinstance(outcome.record, EnrichedRecord), outcome.record
    assert_valid("enriched-record", orjson.loads(outcome.value))
    return outcome.record


TASS = ("МОСКВА, 2 марта. /ТАСС/. Кремль не будет раскрывать подробности разговора президентов России и "
        "Франции. Об этом заявил журналистам пресс-секретарь президента РФ Дмитрий Песков.\n\n"
        "«Мы не будем комментировать содержание беседы», — сказал Песков. По его словам, разговор был "
        "«конструктивным».\n\nПескову также задали вопрос о встрече лидеров. «Такая встреча пока не "
        "планируется, — заявил он. — Но контакты продолжатся».")


def test_tass_item_dateline_entities_and_quotes(enricher: Enricher) -> None:
    record = enrich_one(enricher, TASS)
    assert record.clean.dateline is not None
    assert (record.clean.dateline.place, record.clean.dateline.date, record.clean.dateline.agency) == \
        ("Москва", "2024-03-02", "TASS")
    assert record.text.startswith("Кремль")
    assert record.skipped_stages == []
    peskov = next(e for e in record.entities if e.name == "Дмитрий Песков")
    assert peskov.label == "PERSON" and len(peskov.mentions) == 3  # Дмитрий Песков, Песков, Пескову
    assert "пресс-секретарь президента РФ" in peskov.roles
    assert {(e.name, e.label) for e in record.entities} >= {("Кремль", "ORG"), ("Россия", "GPE"), ("Франция", "GPE")}
    got = [(q.type, q.content.text, q.speaker_entity, q.rule) for q in record.quotes]
    assert got == [
        ("direct", "Мы не будем комментировать содержание беседы", peskov.id, "direct-cue-after"),
        ("indirect", "разговор был «конструктивным»", peskov.id, "indirect-according"),
        ("direct", "Такая встреча пока не планируется", peskov.id, "direct-cue-after"),
        ("direct", "Но контакты продолжатся", peskov.id, "direct-interjected"),
    ]
    for q in record.quotes:
        assert record.text[q.content.start:q.content.end] == q.content.text


def test_indirect_forms_and_pronouns(enricher: Enricher) -> None:
    body = ("Официальный представитель МИД России Мария Захарова заявила, что Москва не изменит позицию. "
            "Как отметила Захарова, переговоры продолжатся. «Мы готовы к диалогу», — подчеркнула она. "
            "Министр иностранных дел РФ Сергей Лавров сказал: «Решение за нашими партнерами».")
    record = enrich_one(enricher, body)
    names = {e.id: e.name for e in record.entities}
    got = [(q.rule, names.get(q.speaker_entity or "")) for q in record.quotes]
    assert got == [("indirect-that", "Мария Захарова"), ("indirect-as", "Мария Захарова"),
                   ("direct-cue-after", "Мария Захарова"), ("direct-cue-before", "Сергей Лавров")]


def test_russian_declared_english_gets_the_russian_backends(enricher: Enricher) -> None:
    record = enrich_one(enricher, TASS, language="en")
    assert record.language == "ru" and record.skipped_stages == []
    assert record.provenance.model.name == "natasha_news"


def test_ukrainian_declared_russian_is_skipped(enricher: Enricher) -> None:
    body = ("Кабінет міністрів України ухвалив рішення про підвищення мінімальної заробітної плати. "
            "Як повідомили у міністерстві, зміни торкнуться понад двох мільйонів працівників.")
    record = enrich_one(enricher, body)
    assert record.language == "uk"
    assert record.skipped_stages == ["ner", "quotes", "designations"]
    assert record.entities == [] and record.quotes == []


def test_transliterated_russian_is_not_parsed_by_the_russian_models(enricher: Enricher) -> None:
    body = ("Press-sekretar prezidenta Rossii Dmitrij Peskov zajavil zhurnalistam, chto Kreml ne nameren "
            "raskryvat podrobnosti peregovorov.")
    record = enrich_one(enricher, body)
    assert record.language != "ru"
    assert record.provenance.model.name != "natasha_news"


def test_mixed_russian_and_english(enricher: Enricher) -> None:
    body = ("Министр иностранных дел Сергей Лавров встретился с госсекретарем США Энтони Блинкеном в Женеве. "
            "«We had a frank discussion», — сказал Блинкен журналистам после встречи.")
    record = enrich_one(enricher, body)
    assert record.language == "ru"
    blinken = next(e for e in record.entities if e.label == "PERSON" and "Блинкен" in e.name)
    [quote] = record.quotes
    assert quote.content.text == "We had a frank discussion" and quote.speaker_entity == blinken.id


def test_russian_copy_keeps_its_own_quote_marks_at_the_same_offsets(enricher: Enricher) -> None:
    body = "МОСКВА, 2 марта. /ТАСС/. «Мы не будем „такое“ комментировать», — сказал Песков."
    record = enrich_one(enricher, body)
    assert record.text == "«Мы не будем „такое“ комментировать», — сказал Песков."
    assert {"guillemets", "low9"} <= set(record.clean.quote_marks)
    start = body.index("«")
    assert record.clean.offset_map.segments[-1][1] + record.clean.offset_map.segments[-1][3] == len(body)
    assert body[start:] == record.text  # one character for one: the text is the body after the dateline
    [quote] = record.quotes
    assert quote.content.text == "Мы не будем „такое“ комментировать"


def test_interview_answers_belong_to_the_interviewee(enricher: Enricher) -> None:
    body = ("МОСКВА, 2 марта. /ТАСС/. Глава МИД России Сергей Лавров в интервью ТАСС рассказал о переговорах.\n\n"
            "— Сергей Викторович, когда возобновятся консультации?\n\n"
            "— Мы готовы продолжить их в любой момент.\n\n"
            "— А что скажете о санкциях?\n\n"
            "— Санкции не изменят нашей позиции.")
    record = enrich_one(enricher, body)
    lavrov = next(e for e in record.entities if e.name == "Сергей Лавров")
    answers = [(q.content.text, q.speaker_entity, q.rule) for q in record.quotes if q.rule == "direct-answer"]
    assert answers == [("Мы готовы продолжить их в любой момент", lavrov.id, "direct-answer"),
                       ("Санкции не изменят нашей позиции", lavrov.id, "direct-answer")]


TRANSLITERATED = ("Ministr inostrannykh del Rossii Sergei Lavrov zayavil, chto Moskva gotova k dialogu s "
                  "Vashingtonom. Po ego slovam, peregovory prodolzhatsya v sleduyushchem mesyatse.")
LANGUAGE_STAGES = ["ner", "quotes", "designations"]


def test_transliterated_russian_declared_english_is_skipped_not_parsed_as_english(enricher: Enricher) -> None:
    record = enrich_one(enricher, TRANSLITERATED, language="en", title="Lavrov o dialoge")
    assert record.language not in ("en", "ru")
    assert record.skipped_stages == LANGUAGE_STAGES
    assert record.entities == [] and record.quotes == [] and record.provenance.model.name == "none"


def test_belarusian_declared_russian_is_skipped(enricher: Enricher) -> None:
    body = ("Прэзідэнт Беларусі Аляксандр Лукашэнка правёў нараду з урадам у Мінску. Узровень вады ў рацэ "
            "пачаў зніжацца, паведаміла МНС.")
    record = enrich_one(enricher, body)
    assert record.language == "be" and record.skipped_stages == LANGUAGE_STAGES


ENGLISH_LEAD = ("Editor's note: the following report by the Russian state news agency is published in the "
                "original language, as it was sent to subscribers. Moscow said on Monday that it would not "
                "disclose details of the call between the two presidents, and that no meeting was planned for "
                "now. The spokesman declined to say whether sanctions or the exchange of prisoners had been "
                "discussed. Analysts in Paris said the call was the first in several months and that both "
                "sides had described it as businesslike. The French presidency issued its own account later "
                "in the day, saying the leaders had agreed to keep in touch through their advisers.\n\n")


def test_an_english_lead_does_not_make_a_russian_report_english(enricher: Enricher) -> None:
    body = ENGLISH_LEAD + "\n\n".join([TASS.removeprefix("МОСКВА, 2 марта. /ТАСС/. ")] * 3)
    record = enrich_one(enricher, body, language=None, title="Kremlin")
    assert record.language == "ru" and record.skipped_stages == []
    assert record.provenance.model is not None and record.provenance.model.name == "natasha_news"
    assert any(e.name == "Дмитрий Песков" for e in record.entities)


def test_a_russian_lead_does_not_make_an_english_report_russian(enricher: Enricher) -> None:
    english = ("The Kremlin will not disclose details of the conversation between the presidents of Russia "
               "and France, spokesman Dmitry Peskov told reporters on Monday. ") * 8
    russian = ("Кремль не будет раскрывать подробности разговора президентов России и Франции. Об этом заявил "
               "журналистам пресс-секретарь президента РФ Дмитрий Песков. По его словам, контакты продолжатся, "
               "а встреча лидеров пока не планируется. Он также отметил, что беседа была конструктивной, "
               "и отказался уточнить, обсуждались ли санкции.")
    body = russian + "\n\n" + english
    record = enrich_one(enricher, body, language="ru", title="Kremlin")
    assert record.language == "en"
    assert record.provenance.model is not None and record.provenance.model.name != "natasha_news"
