"""Datelines in each agency's house style, dates resolved against publication."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.text.dateline import find_dateline, published_date, resolve_date

PUBLISHED = date(2015, 10, 8)


@pytest.mark.parametrize(
    ("paragraph", "place", "when", "agency", "rest"),
    [
        ("SOCHI, October 8. The President’s", "Sochi", date(2015, 10, 8), None, "The President’s"),
        ("MOSCOW, October 8. /TASS/. Russia", "Moscow", date(2015, 10, 8), "TASS", "Russia"),
        ("MOSCOW. Oct 8 (Interfax) - Russia said", "Moscow", date(2015, 10, 8), "Interfax", "Russia said"),
        ("MOSCOW, 8 October - RIA Novosti. Putin", "Moscow", date(2015, 10, 8), "RIA Novosti", "Putin"),
        ("MOSCOW, October 8 (RIA Novosti) – Putin", "Moscow", date(2015, 10, 8), "RIA Novosti", "Putin"),
        ("ST. PETERSBURG, Oct 7 (Reuters) - Go", "St. Petersburg", date(2015, 10, 7), "Reuters", "Go"),
        ("LOS ANGELES, Calif. (AP) — A man", "Los Angeles", None, "AP", "A man"),
        ("Paris (AFP) - France", "Paris", None, "AFP", "France"),
        ("KIEV, October 8 /ITAR-TASS/. Ukraine", "Kiev", date(2015, 10, 8), "TASS", "Ukraine"),
    ],
)
def test_agency_styles(paragraph: str, place: str, when: date | None, agency: str | None, rest: str) -> None:
    found = find_dateline(paragraph, PUBLISHED)
    assert found is not None
    assert (found.place, found.date, found.agency) == (place, when, agency)
    assert paragraph[found.end :] == rest


@pytest.mark.parametrize("paragraph", ["NATO said on Monday", "U.S. officials said", "WASHINGTON (CNN) - x",
                                       "The President said"])
def test_not_datelines(paragraph: str) -> None:
    assert find_dateline(paragraph, PUBLISHED) is None


def test_year_is_the_nearest_to_publication() -> None:
    assert resolve_date(12, 31, None, date(2016, 1, 2)) == date(2015, 12, 31)
    assert resolve_date(1, 2, None, date(2015, 12, 31)) == date(2016, 1, 2)
    assert resolve_date(2, 30, None, PUBLISHED) is None
    assert resolve_date(2, 29, 2015, PUBLISHED) is None


def test_published_date() -> None:
    assert published_date("2015-10-08T12:00:00+03:00") == PUBLISHED


def test_unlisted_agency_needs_slashes_or_a_date() -> None:
    found = find_dateline("MOSCOW, June 2. /Wirestream/. The official", PUBLISHED)
    assert found is not None and found.agency == "Wirestream" and found.date == date(2015, 6, 2)
    assert find_dateline("WASHINGTON, Oct 8 (CNN) - x", PUBLISHED).agency == "CNN"
    assert find_dateline("NATO (North Atlantic Treaty Organization) said", PUBLISHED) is None


@pytest.mark.parametrize(("paragraph", "text", "place", "day", "agency"), [
    ("МОСКВА, 2 марта. /ТАСС/. Кремль не будет", "МОСКВА, 2 марта. /ТАСС/.", "Москва", date(2024, 3, 2), "TASS"),
    ("ОРЕНБУРГ, 8 апреля — РИА Новости. Уровень воды", "ОРЕНБУРГ, 8 апреля — РИА Новости.", "Оренбург",
     date(2024, 4, 8), "RIA Novosti"),
    ("МОСКВА, 5 апреля. Пресс-секретарь", "МОСКВА, 5 апреля.", "Москва", date(2024, 4, 5), None),
    ("НИЖНИЙ НОВГОРОД, 2 марта (Интерфакс) - Губернатор", "НИЖНИЙ НОВГОРОД, 2 марта (Интерфакс) -",
     "Нижний Новгород", date(2024, 3, 2), "Interfax"),
    ("РОСТОВ-НА-ДОНУ, 1 мая 2023 года. /ТАСС/. Текст", "РОСТОВ-НА-ДОНУ, 1 мая 2023 года. /ТАСС/.",
     "Ростов-на-Дону", date(2023, 5, 1), "TASS"),
])
def test_russian_datelines(paragraph: str, text: str, place: str, day: date, agency: str | None) -> None:
    found = find_dateline(paragraph, date(2024, 3, 3))
    assert found is not None
    assert (found.text, found.place, found.date, found.agency) == (text, place, day, agency)


@pytest.mark.parametrize("paragraph", ["НАТО заявило, что", "МИД России сообщил", "ФСБ, 2 раза в год"])
def test_russian_capitals_without_date_or_agency_are_no_dateline(paragraph: str) -> None:
    assert find_dateline(paragraph, date(2024, 3, 3)) is None
