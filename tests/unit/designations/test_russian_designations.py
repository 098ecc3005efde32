"""Russian designation matching: the official Russian names in any case, Russian notices, and
common words that are also designated names."""

from __future__ import annotations

import pytest

from pipeline.aliases.text import russian_key
from pipeline.designations.russian import official_variants
from pipeline.sections.designations import Designations
from tests.unit.designations.russian_tagging import tag_russian


def tag(text: str, day: str = "2024-03-26") -> Designations:
    return tag_russian(text, day)


def found(section: Designations) -> list[tuple[str, list[str], list[str | None]]]:
    return [(o.org_id, [m.text for m in o.mentions], [m.notice.text if m.notice else None for m in o.mentions])
            for o in section.organisations]


@pytest.mark.parametrize(("a", "b"), [("Исламского", "Исламское"), ("государства", "государство"),
                                      ("Свидетелей", "Свидетели"), ("Иеговы", "Иегова"), ("Нусры", "Нусра"),
                                      ("коррупцией", "коррупция"), ("Азова", "Азов")])
def test_russian_key_meets_the_cases_of_a_name(a: str, b: str) -> None:
    assert russian_key(a) == russian_key(b)


def test_official_variants() -> None:
    assert list(official_variants("«Исламское государство» (другие названия: «ИГИЛ»)")) == \
        ["Исламское государство", "Исламское государство", "ИГИЛ"]


def test_inflected_names_with_a_bracketed_notice() -> None:
    section = tag("Сотрудники ФСБ задержали членов ячейки террористической организации «Исламское государство» "
                  "(запрещена в РФ). Боевики «Исламского государства» готовили теракт.")
    [(org, mentions, notices)] = found(section)
    assert org == "islamic-state" and mentions == ["Исламское государство", "Исламского государства"]
    assert notices == ["(запрещена в РФ)", None]
    assert section.organisations[0].designated and not section.organisations[0].notice_missing


@pytest.mark.parametrize(("text", "org", "notice"), [
    ("Суд приговорил жителя за участие в организации «Свидетели Иеговы», признанной в России экстремистской "
     "и запрещенной.", "jehovahs-witnesses", "признанной в России экстремистской и запрещенной"),
    ("Боевики «Джебхат ан-Нусры» обстреляли позиции армии. Эта организация запрещена в России.",
     "jabhat-al-nusra", "Эта организация запрещена в России"),
    ("Суд признал экстремистским Фонд борьбы с коррупцией (ФБК). Деятельность ФБК на территории России запрещена.",
     "anti-corruption-foundation", "на территории России запрещена"),
    ("Журналист издания «Медуза» (признано в РФ нежелательной организацией) дал интервью.", "meduza",
     "(признано в РФ нежелательной организацией)"),
])
def test_russian_notices(text: str, org: str, notice: str) -> None:
    [(found_org, _, notices)] = found(tag(text))
    assert found_org == org and notice in notices


def test_a_designated_name_without_its_notice_is_flagged() -> None:
    [org] = tag("Боевики «Исламского государства» атаковали блокпост.").organisations
    assert org.org_id == "islamic-state" and org.notice_missing


def test_common_words_that_are_also_designated_names_need_context() -> None:
    section = tag("Голос избирателя важен, заявил депутат. Сильный дождь прошел в Москве. У мемориала павшим "
                  "возложили цветы. В Азовском море штормит. Метаанализ показал эффективность вакцины.")
    assert section.organisations == []


def test_a_notice_in_the_next_sentence_is_linked() -> None:
    [org] = tag("Суд приговорил пятерых боевиков батальона «Азов». Организация признана в России "
                "террористической и запрещена.", day="2023-05-20").organisations
    assert org.org_id == "azov" and not org.notice_missing
    assert org.mentions[0].notice is not None


def test_a_word_of_a_longer_name_is_not_the_organisation() -> None:
    section = tag("Посол в интервью РИА Новости рассказал о переговорах.")
    assert [o.org_id for o in section.organisations] == []


def test_the_foreign_agent_label_block_is_recognised() -> None:
    section = tag("ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ "
                  "ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА, И (ИЛИ) РОССИЙСКИМ ЮРИДИЧЕСКИМ ЛИЦОМ, "
                  "ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА.\n\nВ Москве прошла выставка.")
    [notice] = section.unlinked_notices
    assert notice.kind == "foreign_agent" and notice.text.startswith("ДАННОЕ СООБЩЕНИЕ")


@pytest.mark.parametrize(("text", "kind"), [
    ("«Исламское государство» (организация признана террористической и запрещена в России) взяло", "terrorist"),
    ("Журналист, признанный иноагентом, уехал.", "foreign_agent"),
    ("Фонд внесен в реестр иностранных агентов в 2019 году.", "foreign_agent"),
    ("организация, деятельность которой признана нежелательной на территории России", "undesirable"),
    ("Организация (деятельность признана нежелательной) провела", "undesirable"),
    ("Эта организация запрещена в России.", "statement"),
    ("«Мемориал» (ликвидирован по решению суда) продолжил", "banned"),
    ("«Медуза» (СМИ-иноагент) опубликовала", "foreign_agent"),
    ("Он включен в перечень террористов и экстремистов.", "extremist"),  # the more specific word wins
])
def test_russian_notice_forms(text: str, kind: str) -> None:
    from pipeline.designations.notices import NoticeDetector
    from pipeline.designations.russian import NOTICES_PATH

    [notice] = NoticeDetector(NOTICES_PATH).find(text)
    assert notice.kind == kind
