"""HTML to text: structure, dropped furniture, entities, and where each character came from."""

from __future__ import annotations

import time

import pytest

from pipeline.errors import HtmlTooDeep
from pipeline.text.html import LINE, PARA, html_to_text


def spans_of(source: str) -> list[tuple[str, str]]:
    out = html_to_text(source)
    return [(out.text[c : c + cl], source[o : o + ol]) for c, o, cl, ol in out.offset_map.segments()]


def test_paragraphs_lists_and_breaks() -> None:
    out = html_to_text("<div><p>One</p><p>Two<br>lines</p><ul><li>a</li><li>b</li></ul></div>")
    assert out.text.replace(PARA, "|").replace(LINE, "/") == "|One|Two/lines|a|b"
    kinds = [k for _, k in out.block_kinds]
    assert kinds == ["text", "text", "list_item", "list_item"]


def test_double_br_is_a_paragraph_break() -> None:
    assert html_to_text("<p>a<br><br>b</p>").text.strip(PARA) == f"a{PARA}b"


def test_scripts_styles_nav_and_classes_are_dropped() -> None:
    source = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<nav><a>Home</a></nav><script>var s = '<p>no</p>';</script>"
        "<div class='share-buttons'>Share</div><p class='article-byline'>By A. Writer</p>"
        "<p>Kept</p><footer>(c)</footer></body></html>"
    )
    out = html_to_text(source)
    assert out.text.strip(PARA) == "Kept"
    assert out.byline == "By A. Writer"
    assert out.removed == {"head": 1, "nav": 1, "script": 1, "share": 1, "byline": 1, "footer": 1}
    start = out.text.index("Kept")
    assert out.offset_map.to_original(start, start + 4) == (source.index("Kept"), source.index("Kept") + 4)


def test_entities_map_to_their_reference() -> None:
    pairs = spans_of("<p>A&amp;B&nbsp;&#8220;x&#x201D; &laquo;y&raquo;</p>")
    assert ("&", "&amp;") in pairs
    assert ("\xa0", "&nbsp;") in pairs
    assert ("“", "&#8220;") in pairs
    assert ("»", "&raquo;") in pairs


def test_crlf_comments_and_attributes_with_markup() -> None:
    source = '<p title="a>b">x\r\ny</p><!-- <p>hidden</p> --><p>z</p>'
    out = html_to_text(source)
    assert out.text.strip(PARA) == f"x\ny{PARA}z"
    z = out.text.index("z")
    assert source[slice(*out.offset_map.to_original(z, z + 1))] == "z"


def test_pre_keeps_its_lines() -> None:
    assert html_to_text("<pre>a\nb</pre>").text.strip(PARA) == f"a{LINE}b"


@pytest.mark.parametrize("source", ["<div>" * 100_000 + "x", "<span>" * 50_000 + "x", "<h1><b>x" * 30_000,
                                    "<div></span>" * 5_000, "<optgroup>x" * 30_000])
def test_piling_up_open_elements_is_refused(source: str) -> None:
    with pytest.raises(HtmlTooDeep):
        html_to_text(source)


def test_sloppy_but_flat_html_is_accepted() -> None:
    out = html_to_text("<p>a<li>b<td>c<br><img src=x>" * 2_000 + "<div><span>x</div>" * 500)
    assert out.text.count("x") == 500


def test_many_tags_huge_tokens_and_foster_parenting_do_not_hang() -> None:
    """A guard against super-linear blow-ups, not a speed claim."""
    started = time.perf_counter()
    html_to_text("<i>x</i>" * 100_000)
    html_to_text("<p>" + "x" * 1_000_000 + "</p>")
    html_to_text("<table>" + "<tr>x" * 30_000 + "</table>")
    assert time.perf_counter() - started < 20


def test_rcdata_and_rawtext_are_stepped_over() -> None:
    source = ('<html><head><title>A &amp; B</title><script src="' + "x" * 400 + '"><!-- if (a<b) --></script>'
              "</head><body><p>ok</p><textarea>a<b &lt;</textarea><p>z</p></body></html>")
    out = html_to_text(source)
    assert out.text.strip(PARA) == f"ok{PARA}z"
    z = out.text.index("z")
    assert out.offset_map.to_original(z, z + 1) == (source.index("z</p>"), source.index("z</p>") + 1)


def test_text_moved_by_the_tree_builder_maps_to_an_empty_span() -> None:
    source = "<table><tr><td>a</td></tr>x</table><p>y</p>"
    out = html_to_text(source)
    assert out.text.split(PARA)[1:] == ["x", "a", "y"]
    a = out.text.index("a")
    assert out.offset_map.to_original(a, a + 1) == (27, 27)
    y = out.text.index("y")
    assert source[slice(*out.offset_map.to_original(y, y + 1))] == "y"
