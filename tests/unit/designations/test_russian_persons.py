"""Listed persons of the foreign-agent register in Russian copy, on real natasha output: tagged only
when an entity carries the listed first name and surname together."""

from __future__ import annotations

from datetime import date

from msgspec import UNSET

from pipeline.designations.display import organisation_lines
from pipeline.designations.persons import listed_names, person_index
from pipeline.designations.russian import russian_specs
from pipeline.designations.tagger import Tagger
from pipeline.entities.russian import build_entities, load_names
from pipeline.nlp_ru import load_russian
from pipeline.registry.registry import load_registry
from pipeline.sections.designations import Designations, DesignatedPerson
from tests.schema_check import assert_valid
from tests.unit.designations.russian_tagging import tag_russian


def tag(text: str, day: str = "2024-05-01") -> Designations:
    return tag_russian(text, day)


def persons(section: Designations) -> list[DesignatedPerson]:
    assert isinstance(section.persons, list)
    return section.persons


def test_full_name_with_notice_and_a_later_surname() -> None:
    section = tag("Журналист Максим Трудолюбов (признан иноагентом) опубликовал новую статью. "
                  "Трудолюбов заявил, что продолжит работу.")
    [person] = persons(section)
    assert person.name == "Трудолюбов Максим Анатольевич" and person.designated
    assert [m.text for m in person.mentions] == ["Максим Трудолюбов", "Трудолюбов"]
    assert [m.notice.text if m.notice else None for m in person.mentions] == ["(признан иноагентом)", None]
    assert person.notice_required and not person.notice_missing
    assert section.unlinked_notices == [] and section.summary.persons == 1
    assert section.summary.persons_notice_missing == 0
    assert_valid("sections/designations", section)


def test_full_name_in_another_case_without_notice() -> None:
    [person] = persons(tag("Суд назначил штраф экономисту Дмитрию Потапенко. Решение можно обжаловать."))
    assert person.name.startswith("Потапенко Дмитрий") and person.notice_missing
    lines = organisation_lines(person)
    assert lines[0] == ("person “Дмитрию Потапенко” = Потапенко Дмитрий Валерьевич: designated in RU"
                        " — mentioned WITHOUT the required notice")
    assert lines[1].strip().startswith("RU foreign_agent since 2024-01-26 · Ministry of Justice")


def test_surname_alone_or_with_initials_is_never_tagged() -> None:
    assert persons(tag("Трудолюбов опубликовал новую статью.")) == []
    assert persons(tag("Публицист М. Трудолюбов опубликовал новую статью.")) == []
    assert persons(tag("Пономарев выступил на митинге.")) == []  # two listed persons share the surname


def test_namesake_with_another_first_name_or_patronymic_is_not_tagged() -> None:
    for name in ("Антон Трудолюбов", "Максим Сергеевич Трудолюбов"):
        text = f"Глава района {name} открыл новую школу."
        entities = build_entities(load_russian().parse(text), load_names())
        assert [e.name for e in entities if e.label == "PERSON"] == [name]  # the NER saw the whole name
        assert persons(tag(text)) == []


def test_two_listed_persons_of_one_name_are_not_guessed_between() -> None:
    assert persons(tag("Политолог Сергей Медведев выступил с лекцией.")) == []


def test_before_the_listing_the_person_is_not_designated() -> None:
    [person] = persons(tag("Журналист Максим Трудолюбов опубликовал новую статью.", day="2023-05-01"))
    assert not person.designated and person.designation_status == "not_designated"
    assert not person.notice_required and not person.notice_missing
    assert [d.status for d in person.other_designations] == ["not_yet"]


def test_listed_name_forms() -> None:
    names = list(listed_names("p", ['Чхартишвили Григорий Шалвович "Борис Акунин"', "Борис Акунин",
                                    'Гырдымова Елизавета Андреевна "Монеточка"',
                                    "Горалик Линор-Джулия (Горалик Юлия Борисовна)"]))
    pairs = {tuple(sorted(n.pair)): n.extra for n in names}
    assert pairs[("григорий", "чхартишвили")] == {"шалвович"}
    assert pairs[("акунин", "борис")] == frozenset()
    assert ("горалик", "линор-джулия") in pairs and pairs[("горалик", "юлия")] == {"борисовна"}
    assert not any("монеточка" in n.pair for n in names)  # one word is no full name


def test_persons_stay_out_of_the_organisation_matcher() -> None:
    registry = load_registry()
    assert all(registry.by_id[s.org_id].kind == "organisation" for s in russian_specs(registry) if s.org_id)
    assert len({n.person_id for names in person_index(registry).by_pair.values() for n in names}) == 781


def test_english_copy_has_no_persons_list() -> None:
    section = Tagger(load_registry()).tag("Journalist Maxim Trudolyubov wrote a column.", date(2024, 5, 1), [])
    assert section.persons is UNSET  # persons are matched in Russian copy only


def test_notice_after_a_person_named_after_an_organisation_is_the_persons() -> None:
    section = tag("Бывший сопредседатель центра «Мемориал» Олег Орлов (признан иноагентом) подал жалобу.")
    [person] = persons(section)
    assert person.name == "Орлов Олег Петрович" and not person.notice_missing
    assert [m.notice.text for m in person.mentions if m.notice] == ["(признан иноагентом)"]
    assert all(m.notice is None for o in section.organisations for m in o.mentions)


def test_asterisk_footnote_is_the_notice_of_every_marked_name() -> None:
    section = tag("Суд рассмотрел иски Максима Трудолюбова* и Льва Пономарева* к издательству.\n\n"
                  "* Признаны иноагентами.")
    found = {p.name: [m.notice.text if m.notice else None for m in p.mentions] for p in persons(section)}
    assert found == {"Трудолюбов Максим Анатольевич": ["Признаны иноагентами"],
                     "Пономарев Лев Александрович": ["Признаны иноагентами"]}
    assert section.unlinked_notices == []
    unmarked = tag("Суд рассмотрел иск Максима Трудолюбова к издательству.\n\n* Признан иноагентом.")
    assert persons(unmarked)[0].notice_missing
