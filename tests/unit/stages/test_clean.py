"""The clean stage on real-world shapes of wire copy."""

from __future__ import annotations

import html
import time
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from pipeline.article import Article, RawArticle
from pipeline.config import Settings
from pipeline.errors import BodyTooLarge, EmptyBody, HtmlTooDeep
from pipeline.schemas import load_schema
from pipeline.stages.clean import CleanConfig, CleanStage
from pipeline.text.offsets import OffsetMap
from tests.schema_check import as_json

#: the TASS seed article (headline line, blank line, body), machine-translated from Russian
SEED = Path(__file__).resolve().parents[2] / "gold" / "clean" / "tass-syria-2015-10-08.txt"
TITLE = "Peskov did not disclose details of the talks between Putin and Hollande on Syria"


@pytest.fixture(scope="module")
def stage() -> CleanStage:
    s = CleanStage(CleanConfig.from_settings(Settings()))
    s.setup()
    return s


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def run(stage: CleanStage, body: str, title: str = TITLE, **raw: object) -> Article:
    published_at = str(raw.pop("published_at", "2015-10-08T12:00:00+03:00"))
    article = Article(RawArticle(id="a", source="TASS", title=title, body=body, published_at=published_at, **raw))
    stage.process([article])
    return article


def validator() -> Draft202012Validator:
    schema = load_schema("sections/clean")
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def in_original(article: Article, needle: str) -> str:
    start = article.text.index(needle)
    m: OffsetMap = article.offset_map
    return article.raw.body[slice(*m.to_original(start, start + len(needle)))]


def cms_html(seed: str) -> str:
    """The seed as a typical CMS export: page furniture, entities, a byline, trailing links."""
    paragraphs = seed.strip().split("\n\n")
    body = "".join(
        f"<h2>{html.escape(p)}</h2>\n" if p.startswith("Blows to") else f"<p>{html.escape(p)}</p>\n"
        for p in paragraphs[1:]
    ).replace("’", "&rsquo;").replace(" Putin", "&nbsp;Putin")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>TASS</title>"
        "<script>window.dataLayer = [{'<p>': 1}];</script><style>.a{}</style></head><body>"
        "<header><nav><ul><li><a href='/'>Home</a></li><li>World</li></ul></nav></header>"
        f"<article><h1>{paragraphs[0]}</h1><div class='article__byline'>By TASS staff</div>\n"
        f"<div class='text-content'>{body}<p>Read also: <a href='/x'>Putin meets Hollande</a></p></div>"
        "<div class='social-share'>Share on Facebook</div></article>"
        "<footer><p>&copy; TASS 2015</p></footer><script>track();</script></body></html>"
    )


def test_seed_as_plain_text(stage: CleanStage, seed: str) -> None:
    a = run(stage, seed)
    clean = a.clean
    assert a.text.startswith("The President’s press Secretary Dmitry Peskov")
    assert a.language == "en" and clean.language.code == "en"
    assert a.title == TITLE
    assert msgspec.to_builtins(clean.dateline) == {"text": "SOCHI, October 8.", "place": "Sochi", "date": "2015-10-08",
                                 "agency": None, "orig_start": 82, "orig_end": 99}
    assert [r.kind for r in clean.removed] == ["title"]
    kinds = {a.text[p.start : p.end]: p.kind for p in clean.paragraphs}
    assert kinds["Blows to positions of terrorists in Syria"] == "heading"
    assert len(clean.paragraphs) == 14
    quote = "“I don’t would like to reveal the nuances of the exchange of views,”"
    assert in_original(a, quote) == quote
    assert "“jabhat al-al – Nusra”" in a.text
    validator().validate(as_json(clean))


def test_seed_in_cms_html_gives_the_same_text(stage: CleanStage, seed: str) -> None:
    plain = run(stage, seed).text
    a = run(stage, cms_html(seed), content_type="text/html")
    clean = a.clean
    assert a.text == plain
    assert clean.byline == "By TASS staff"
    removed = {"head": 1, "header": 1, "byline": 1, "share": 1, "footer": 1, "script": 1}
    assert clean.html_removed == removed
    assert [r.kind for r in clean.removed] == ["title", "read_also"]
    assert clean.dateline.place == "Sochi"
    assert in_original(a, "The President’s press") == "The President&rsquo;s press"
    assert in_original(a, "France Vladimir Putin") == "France Vladimir&nbsp;Putin"
    heading = next(p for p in clean.paragraphs if p.kind == "heading")
    assert a.text[heading.start : heading.end] == "Blows to positions of terrorists in Syria"
    validator().validate(as_json(clean))


def test_html_is_sniffed_without_content_type(stage: CleanStage) -> None:
    a = run(stage, "<p>MOSCOW, Oct 8 (Reuters) - Russia said <b>on Thursday</b> it would act.</p>", title="")
    assert a.clean.content_type == "text/html"
    assert a.text == "Russia said on Thursday it would act."
    assert a.clean.dateline.agency == "Reuters"


def mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252, undefined bytes as Latin-1 (what broken feeds do)."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def test_mojibake_seed_is_repaired(stage: CleanStage, seed: str) -> None:
    plain = run(stage, seed).text
    broken = mojibake(seed)
    assert "â€œ" in broken
    a = run(stage, broken)
    assert a.text == plain
    assert in_original(a, "“He was very") == "â€œHe was very"


def test_guillemets_become_curly_quotes(stage: CleanStage) -> None:
    body = ("MOSCOW, October 8. /TASS/. Russia supports the «free Syrian army», Lavrov said. "
            "«We are ready», – said Lavrov.")
    a = run(stage, body, title="")
    assert a.text == ("Russia supports the “free Syrian army”, Lavrov said. “We are ready”, – said Lavrov.")
    assert a.clean.quote_marks == ["guillemets"]
    assert a.clean.dateline.agency == "TASS"
    assert in_original(a, "“We are ready”") == "«We are ready»"


def test_apostrophe_pairs_become_one_mark(stage: CleanStage) -> None:
    # the New York Times archive writes double quotes as two apostrophes
    body = ("WASHINGTON - ''It has the important virtue of being fiscally responsible,'' "
            "Leonard E. Burman said of the plan.")
    a = run(stage, body, title="")
    assert a.text.endswith("“It has the important virtue of being fiscally responsible,” Leonard E. Burman "
                           "said of the plan.")
    assert in_original(a, "“It has") == "''It has" and in_original(a, "responsible,”") == "responsible,''"


def test_russian_copy_keeps_guillemets_and_joins_apostrophe_pairs(stage: CleanStage) -> None:
    body = ("МОСКВА, 8 октября. /ТАСС/. «Мы готовы», – заявил Песков журналистам. Газета ''Известия'' "
            "напомнила о решении, которое было принято в Сочи.")
    a = run(stage, body, title="")
    assert a.language == "ru"
    assert a.text.startswith("«Мы готовы», – заявил Песков журналистам. Газета “Известия” напомнила")
    assert in_original(a, "“Известия”") == "''Известия''"


@pytest.mark.parametrize(
    ("body", "place", "agency", "first_words"),
    [
        ("SOCHI, October 8. /TASS/. Putin met Hollande.", "Sochi", "TASS", "Putin met"),
        ("MOSCOW. Oct 8 (Interfax) - The Kremlin said.", "Moscow", "Interfax", "The Kremlin"),
        ("MOSCOW, 8 October - RIA Novosti. Putin said.", "Moscow", "RIA Novosti", "Putin said"),
        ("By Jane Doe\n\nMOSCOW, Oct 8 (Reuters) - Russia said.", "Moscow", "Reuters", "Russia said"),
        ("BEIRUT (AP) — Syrian troops advanced.", "Beirut", "AP", "Syrian troops"),
    ],
)
def test_agency_datelines(stage: CleanStage, body: str, place: str, agency: str, first_words: str) -> None:
    a = run(stage, body, title="")
    dateline = a.clean.dateline
    assert (dateline.place, dateline.agency) == (place, agency)
    assert a.text.startswith(first_words)
    assert body[dateline.orig_start : dateline.orig_end] == dateline.text


def test_byline_is_metadata(stage: CleanStage) -> None:
    a = run(stage, "By Jane Doe\n\nMOSCOW, Oct 8 (Reuters) - Russia said.", title="")
    assert a.clean.byline == "Jane Doe"
    assert a.text == "Russia said."


def test_invisible_and_control_characters(stage: CleanStage) -> None:
    body = "\ufeffPu\u200btin\u200f said\x00 on\u00a0\u00a0Thursday\u202e it\x1b would\u2009act."
    a = run(stage, body, title="")
    assert a.text == "Putin said on Thursday it would act."
    assert in_original(a, "Putin") == "Pu\u200btin"


def test_trailing_boilerplate_is_removed(stage: CleanStage) -> None:
    body = "Russia said it would act.\n\nRead also: Putin meets Hollande\n\nSubscribe to us\n\n© TASS"
    a = run(stage, body, title="")
    assert a.text == "Russia said it would act."
    assert [r.kind for r in a.clean.removed] == ["copyright", "subscribe", "read_also"]


def test_non_english_is_flagged(stage: CleanStage) -> None:
    a = run(stage, "Пресс-секретарь президента Дмитрий Песков не стал раскрывать детали переговоров "
                   "лидеров России и Франции.", title="")
    assert a.language == "ru"
    assert a.clean.language.code == "ru"


@pytest.mark.parametrize("body", ["", "   \n\t", "\u200b\ufeff \u00a0", "<html><script>x()</script></html>"])
def test_empty_bodies_are_dead_letters(stage: CleanStage, body: str) -> None:
    with pytest.raises(EmptyBody):
        run(stage, body, title="")


def test_oversized_body_is_a_dead_letter() -> None:
    small = CleanStage(CleanConfig(max_body_chars=100))
    small.setup()
    with pytest.raises(BodyTooLarge, match="limit is 100"):
        run(small, "word " * 100, title="")


def test_deeply_nested_html_is_a_dead_letter(stage: CleanStage) -> None:
    with pytest.raises(HtmlTooDeep):
        run(stage, "<div>" * 10_000 + "x", title="", content_type="text/html")


@pytest.mark.parametrize("body", ["x" * 150_000, "AAAA " * 30_000, "x\n" * 60_000, "<p " * 50_000,
                                  "\u200b" * 500_000 + "a", "&amp" * 40_000, "â€" * 60_000])
def test_adversarial_plain_bodies_do_not_hang(stage: CleanStage, body: str) -> None:
    """A guard against super-linear blow-ups (measured 0.03-0.3 s each), not a speed claim."""
    started = time.perf_counter()
    try:
        run(stage, body, title="")
    except BodyTooLarge:
        pass
    assert time.perf_counter() - started < 10


_PARAGRAPHS = st.sampled_from([
    "SOCHI, October 8. /TASS/. Putin met «Hollande».", "By Jane Doe", "Read also: more", "Subscribe now",
    "“He was very constructive,” – said Peskov.", "Blows to positions", "Pu\u200btin  said\u00a0so.", "x",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PARAGRAPHS, min_size=1, max_size=6), st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
def test_stage_offsets_are_monotonic_and_point_at_the_source(stage: CleanStage, paragraphs: list[str],
                                                              sep: str) -> None:
    body = sep.join(paragraphs)
    try:
        a = run(stage, body, title="")
    except EmptyBody:
        return
    rows = a.clean.offset_map.segments
    assert sum(r[2] for r in rows) == len(a.text)
    assert all(p[1] <= r[1] for p, r in zip(rows, rows[1:], strict=False))
    assert all(r[1] + r[3] <= len(body) for r in rows)
    for cs, os_, cl, ol in rows:
        if cl == ol:
            chunk, source = a.text[cs : cs + cl], body[os_ : os_ + ol]
            assert chunk.translate(_FOLD) == source.translate(_FOLD)


_FOLD = str.maketrans({"«": "“", "»": "”", "\r": "\n", "\n": " ", "\u00a0": " "})
