"""bench/ner_public_ru.py reads factRuEval's layers as its notes say (a document written here, in the format)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "ner_public_ru.py"
TEXT = "Мэрия Москвы и Юрий Лужков обсудили «Проект 2020» и российские дороги."
#       0     6      13 15   20              36              52


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_ner_public_ru", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _write(folder: Path) -> Path:
    (folder / "book_1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "book_1.spans").write_text("\n".join([
        "1 org_descr 0 5 10 1  # 10 Мэрия", "2 loc_name 6 6 11 1  # 11 Москвы", "3 name 15 4 13 1  # 13 Юрий",
        "4 surname 20 6 14 1  # 14 Лужков", "5 prj_name 36 13 16 3  # «Проект 2020»",
        "6 geo_adj 52 10 19 1  # 19 российские"]) + "\n", encoding="utf-8")
    (folder / "book_1.objects").write_text("\n".join([
        "1 Org 1 2 # Мэрия Москвы", "2 LocOrg 2 # Москвы", "3 Person 3 4 # Юрий Лужков", "4 Project 5 # Проект",
        "5 LocOrg 6 # российские"]) + "\n", encoding="utf-8")
    return folder / "book_1.txt"


def test_types_spans_embedded_and_out_of_scope(tmp_path: Path) -> None:
    doc = _scorer().read_document(_write(tmp_path))
    by_type = {(m.type, TEXT[m.whole[0]:m.whole[1]]): m for m in doc.mentions}
    org = by_type[("ORG", "Мэрия Москвы")]
    assert (6, 12) in org.exact and not org.optional  # its name part, without the descriptor
    assert by_type[("LOC", "Москвы")].optional  # inside the organisation
    assert not by_type[("PER", "Юрий Лужков")].optional
    assert sorted(TEXT[s:e] for s, e in doc.out_of_scope) == ["«Проект 2020»", "российские"]


def test_exact_and_overlap_matching_one_to_one(tmp_path: Path) -> None:
    scorer = _scorer()
    gold = [((0, 12), ((0, 12), (6, 12)), "ORG", False), ((6, 12), ((6, 12),), "LOC", True)]
    matched, used = scorer._match([((6, 12), "LOC"), ((15, 26), "PER")], gold, typed=True, exact=True)
    assert matched == [1, None] and used == {1}
    overlap, _ = scorer._match([((0, 5), "ORG")], gold, typed=True, exact=False)
    assert overlap == [0]  # "Мэрия" alone overlaps the organisation: an overlap match, no exact one
    assert scorer._match([((0, 5), "ORG")], gold, typed=True, exact=True)[0] == [None]


def test_the_test_set_is_refused(tmp_path: Path) -> None:
    (tmp_path / "testset").mkdir()
    with pytest.raises(SystemExit):
        _scorer().load(tmp_path / "testset")
