"""Turning files into raw-article messages."""

from __future__ import annotations

from pathlib import Path

import orjson

from pipeline.records import decode_raw_article
from pipeline.sources import read_messages


def test_text_file_becomes_a_valid_article_titled_by_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "wire-1.txt"
    path.write_text("\nHeadline here\n\nMOSCOW, June 2. Body text.\n")
    [(name, line, value)] = list(read_messages(path, "TASS", "2023-06-02"))
    article = decode_raw_article(value, 1_000_000)
    assert (name, line) == ("wire-1.txt", 0)
    assert (article.id, article.title, article.source) == ("wire-1", "Headline here", "TASS")
    assert article.body == "MOSCOW, June 2. Body text."


def test_jsonl_lines_are_passed_through_untouched_even_when_malformed(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": 1}\n\nnot json\r\n')
    assert [(line, value) for _, line, value in read_messages(path)] == [(1, b'{"id": 1}'), (3, b"not json")]


def test_html_file_keeps_markup_for_the_clean_stage(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<p>Hello</p>")
    [(_, _, value)] = list(read_messages(path, published_at="2024-01-01"))
    assert orjson.loads(value)["content_type"] == "text/html"
