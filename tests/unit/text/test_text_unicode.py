"""Unicode repair: mojibake, invisible characters, NUL, spaces, NFC, paragraphs."""

from __future__ import annotations

from pipeline.text.html import LINE, PARA
from pipeline.text.unicode import normalise


def test_mojibake_is_repaired_word_by_word() -> None:
    broken = "â€œI donâ€™t know,â€\x9d he said in SÃ£o Paulo."
    text, m = normalise(broken, html=False)
    assert text == "“I don’t know,” he said in São Paulo."
    start = text.index("São")
    o0, o1 = m.to_original(start, start + 3)
    assert broken[o0:o1] == "SÃ£o"


def test_invisible_characters_are_removed() -> None:
    raw = "Pu\u200btin\u200e said\u202e\x00 \ufeffno\x07\u00ad."
    text, m = normalise(raw, html=False)
    assert text == "Putin said no."
    assert raw[slice(*m.to_original(0, 5))] == "Pu\u200btin"


def test_spaces_and_nbsp_collapse() -> None:
    text, _ = normalise("  a\u00a0\u00a0b\tc\u2009d \u3000 e  ", html=False)
    assert text == "a b c d e"


def test_plain_text_paragraphs() -> None:
    assert normalise("a\nb\n\n c \r\n\r\nd", html=False)[0] == "a b\n\nc\n\nd"
    assert normalise("one\ntwo\r\nthree", html=False)[0] == "one\n\ntwo\n\nthree"


def test_html_marks_become_breaks() -> None:
    assert normalise(f"{PARA} a\n b {LINE} c {PARA}{PARA} d {PARA}", html=True)[0] == "a b\nc\n\nd"


def test_nfc_composes_accents() -> None:
    raw = "Cafe\u0301 Zo\u200b\u0308e"
    text, m = normalise(raw, html=False)
    assert text == "Café Zöe"
    assert raw[slice(*m.to_original(3, 4))] == "e\u0301"


def test_quotes_and_dashes_are_canonical() -> None:
    assert normalise("«Нет», – сказал он. \"Yes\"", html=False)[0] == "“Нет”, – сказал он. “Yes”"
