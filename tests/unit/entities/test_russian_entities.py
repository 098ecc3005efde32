"""The Russian NER backend: labels, grouping across inflection, nominative names, roles, acronyms."""

from __future__ import annotations

from pipeline.entities.russian import acronym, build_entities, key, load_names
from pipeline.nlp_ru import load_russian
from pipeline.sections.entities import Entity


def entities(text: str) -> list[Entity]:
    return build_entities(load_russian().parse(text), load_names())


def by_name(found: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in found}


def test_inflected_mentions_are_one_person_named_in_the_nominative() -> None:
    found = by_name(entities("Пресс-секретарь президента РФ Дмитрий Песков ответил на вопросы. По словам Пескова, "
                             "встреча состоится. Пескову задали еще один вопрос."))
    peskov = found["Дмитрий Песков"]
    assert peskov.label == "PERSON"
    assert [m.text for m in peskov.mentions] == ["Дмитрий Песков", "Пескова", "Пескову"]
    assert peskov.roles == ["Пресс-секретарь президента РФ"]
    assert found["Россия"].label == "GPE"  # РФ, named by its alias target


def test_yo_and_ye_are_one_key() -> None:
    assert key("Семён Слепаков") == key("Семен Слепаков")
    found = entities("Артист Семён Слепаков выступил в Москве. Зрители долго аплодировали, и Семен Слепаков улыбнулся.")
    [person] = [e for e in found if e.label == "PERSON"]
    assert [m.text for m in person.mentions] == ["Семён Слепаков", "Семен Слепаков"]


def test_acronym_joins_its_expansion() -> None:
    assert acronym("Фонд борьбы с коррупцией", load_names()) == "фбк"
    found = by_name(entities("Суд признал экстремистским Фонд борьбы с коррупцией (ФБК). Сторонники ФБК "
                             "обжалуют решение."))
    fbk = found["Фонд борьбы с коррупцией"]
    assert [m.text for m in fbk.mentions] == ["Фонд борьбы с коррупцией", "ФБК", "ФБК"]


def test_organisation_with_its_genitive_place_and_short_form() -> None:
    found = by_name(entities("Официальный представитель МИД России Мария Захарова выступила с заявлением. "
                             "МИД направит ноту послу."))
    mfa = found["МИД России"]
    assert mfa.label == "ORG" and [m.text for m in mfa.mentions] == ["МИД России", "МИД"]


def test_places_features_and_institutions() -> None:
    found = by_name(entities("Кремль прокомментировал ситуацию на Ближнем Востоке. Евросоюз ввел санкции."))
    assert found["Кремль"].label == "ORG"
    assert found["Ближний Восток"].label == "LOC"
    assert found["Евросоюз"].label == "ORG"


def test_known_entities_take_the_gazetteer_id_of_english_copy() -> None:
    found = by_name(entities("Пресс-секретарь президента России Дмитрий Песков заявил, что Кремль не планирует "
                             "контактов с НАТО. Пескова спросили о Зеленском."))
    assert found["Дмитрий Песков"].kb_id == "dmitry-peskov"
    assert found["Кремль"].kb_id == "kremlin"
    assert found["Россия"].kb_id == "russia"
    assert found["НАТО"].kb_id == "nato"


def test_a_club_by_its_last_word_but_not_a_country_by_an_organisation_it_ends() -> None:
    found = by_name(entities("Нападающий «Вашингтон Кэпиталз» Александр Овечкин забил гол. Тренер «Кэпиталз» "
                             "доволен. Минюст РФ внес поправки, в РФ они вступят в силу летом."))
    assert [m.text for m in found["Вашингтон Кэпиталз"].mentions] == ["Вашингтон Кэпиталз", "Кэпиталз"]
    assert found["Россия"].label == "GPE"


def test_a_span_over_a_list_or_a_translation_is_cut_into_its_names() -> None:
    found = entities("В турнире участвуют команды из стран: Монако • Намибия • Палестина. Нападающие Овечкин, "
                     "Фёдоров и Бернс забили по голу. Представитель CPJ Джоэл Саймон (Joel Simon) осудил арест.")
    texts = {m.text for e in found for m in e.mentions}
    assert {"Монако", "Намибия", "Овечкин", "Фёдоров", "Joel Simon"} <= texts
    assert not any(ch in t for t in texts for ch in "•,()")
    [simon] = [e for e in found if any(m.text == "Joel Simon" for m in e.mentions)]
    assert simon.label == "PERSON" and [m.text for m in simon.mentions] == ["Джоэл Саймон", "Joel Simon"]
    assert simon.name == "Джоэл Саймон"


def test_organisation_with_its_genitive_parent_and_regions_as_places() -> None:
    found = by_name(entities("Сотрудники Института этнологии и антропологии РАН выступили в Свердловской области."))
    assert found["Институт этнологии и антропологии РАН"].label == "ORG"
    assert found["Свердловская область"].label == "GPE"



def test_an_institution_named_by_its_genitive_place_is_an_organisation() -> None:
    found = entities("Правительство Китая одобрило план. Посол встретился с представителями правительства Китая. "
                     "Генпрокуратура РФ возбудила дело.")
    orgs = {m.text for e in found if e.label == "ORG" for m in e.mentions}
    assert {"Правительство Китая", "правительства Китая", "Генпрокуратура РФ"} <= orgs
    assert len([e for e in found if e.name.lower() == "правительство китая"]) == 1


def test_common_words_and_a_sentence_initial_person_noun_are_no_names() -> None:
    found = entities("Исследователи Брукхейвенской национальной лаборатории сообщили об открытии, пишут СМИ. "
                     "Суд запретил организацию Свидетели Иеговы.")
    texts = {m.text for e in found for m in e.mentions}
    assert "Брукхейвенской национальной лаборатории" in texts
    assert "Свидетели Иеговы" in texts
    assert "СМИ" not in texts


def test_a_sentence_initial_person_noun_is_no_organisation_and_a_theatre_takes_its_patron() -> None:
    found = entities("Замглавы Федеральной миграционной службы России Иван Петров заявил об этом. "
                     "Спектакль прошел в Театре им. Йозефа Бойса. Еврокомиссия одобрила план.")
    labels = {m.text: e.label for e in found for m in e.mentions}
    assert labels["Федеральной миграционной службы России"] == "ORG"
    assert not any(t.startswith("Замглавы") for t in labels)
    assert labels["Театре им. Йозефа Бойса"] == "ORG"
    assert labels["Еврокомиссия"] == "ORG"
