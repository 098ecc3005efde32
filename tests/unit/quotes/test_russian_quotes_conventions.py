"""Russian quote conventions of online and wire copy, on real natasha output (the forms seen in
public Russian news: factRuEval-2016 dev texts)."""

from __future__ import annotations

from pipeline.entities.russian import build_entities, load_names
from pipeline.nlp_ru import load_russian
from pipeline.quotes.russian_extract import extract
from pipeline.quotes.russian_speakers import load_speech
from pipeline.sections.quotes import Quote


def quotes(text: str) -> list[Quote]:
    doc = load_russian().parse(text)
    return extract(text, doc, build_entities(doc, load_names()), load_speech())


def test_a_quotation_then_a_comma_and_the_verb_without_a_dash() -> None:
    [q] = quotes("Журналистов арестовывают все чаще. «Мы находимся на критическом этапе борьбы за свободу прессы», "
                 "сказал руководитель комитета Джоэл Саймон.")
    assert q.content.text == "Мы находимся на критическом этапе борьбы за свободу прессы"
    assert q.rule == "direct-cue-after" and q.speaker_name == "Джоэл Саймон"


def test_a_quoted_name_before_a_comma_is_no_quotation() -> None:
    found = quotes("Компания «Газпром», сообщил источник, снизила поставки. «Роснефть», сообщил он, тоже.")
    assert all(q.content.text not in ("Газпром", "Роснефть") for q in found)


def test_a_spaced_hyphen_stands_for_the_dash() -> None:
    found = quotes("«Вопрос такого ограничения может зацепить и транзит, - намекнул Сергей Товпинец. - Мы это обсудим»")
    assert [q.content.text for q in found] == ["Вопрос такого ограничения может зацепить и транзит", "Мы это обсудим"]
    assert {q.speaker_name for q in found} == {"Сергей Товпинец"}


def test_a_reported_clause_after_adverbials_and_a_clause_first_with_o_tom_chto() -> None:
    found = quotes("Президент ФИФА Зепп Блаттер заявил в Цюрихе в понедельник 9 мая, что договорные матчи подрывают "
                   "основы спорта. О том, что телеканал должен ему 8 млн рублей, заявил бывший совладелец канала "
                   "Артур Перепелкин.")
    by_text = {q.content.text: q for q in found}
    assert by_text["договорные матчи подрывают основы спорта"].speaker_name == "Зепп Блаттер"
    assert by_text["телеканал должен ему 8 млн рублей"].speaker_name == "Артур Перепелкин"


def test_the_speaker_of_a_statement_is_the_name_after_its_document_or_office() -> None:
    found = quotes("«Мы осуждаем это решение», — говорится в заявлении МИД России. "
                   "В заявлении Минобороны говорится, что удары нанесены по военным объектам. "
                   "Встреча пройдет в Москве, сообщает пресс-служба губернатора Ивана Петрова.")
    speakers = {q.content.text: q.speaker_name for q in found}
    assert speakers == {"Мы осуждаем это решение": "МИД России",
                        "удары нанесены по военным объектам": "Минобороны",
                        "Встреча пройдет в Москве": "Иван Петров"}
