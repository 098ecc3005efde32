"""A reproducible benchmark corpus of wire-copy articles, grown from the project's own samples.

The English samples in ``samples/articles.jsonl`` are too few and too short to
measure throughput, so they are cut into paragraphs, sentences and quotations
and recombined (with a fixed seed) into articles of 400–1,000 words that keep
what makes wire copy: a dateline lead, attributed quotations with varied
speakers, notices after organisation names, and one HTML page in ten.
No network, no model: the same seed gives byte-identical JSONL on any machine.

    python bench/corpus.py out.jsonl --articles 2000
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
from selectolax.lexbor import LexborHTMLParser

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles.jsonl"
SEED = 20240901
MIN_WORDS, MAX_WORDS = 400, 1000
HTML_EVERY = 10

DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]+\.? \d{1,2}\.?(\s*/[^/]+/\.)?\s*")
QUOTATION = re.compile(r"“([^“”]{25,300})”")
NOTICE = re.compile(r"\((?:organization banned|recognized as)[^()]*\)")
SENTENCE_END = re.compile(r"(?<![A-Z][a-z]\.)(?<=[.!?])\s+(?=[“A-Z])")

# Small name lists: variety for the NER and quote stages, not realism of any one person.
PEOPLE = [
    ("Anna Kovalenko", "a spokeswoman for the ministry"), ("James Whitfield", "the deputy governor"),
    ("Sergei Lavrentyev", "a senior diplomat"), ("Claire Dubois", "an analyst at a Paris bank"),
    ("Kenji Watanabe", "the trade envoy"), ("Amara Okafor", "the head of the port authority"),
    ("Lukas Brenner", "a climate researcher"), ("Olga Petrova", "the official representative"),
    ("Rahul Mehta", "an economist at a Mumbai brokerage"), ("Ingrid Solberg", "the fisheries minister"),
    ("Pedro Almeida", "the mayor"), ("Fatima Haddad", "a lawyer for the families"),
]
CITIES = ["MOSCOW", "BERLIN", "NAIROBI", "LISBON", "TOKYO", "OTTAWA", "BRUSSELS", "ANKARA", "OSLO", "LIMA"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
HTML_HEAD = ("<html><head><title>{title}</title><script>var tracking = 1;</script></head><body>"
             "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article>")
HTML_TAIL = "</article><footer>© Wirestream bench</footer></body></html>"


@dataclass(frozen=True, slots=True)
class Pools:
    """The sample material recombination draws from."""

    leads: list[str]
    paragraphs: list[str]
    sentences: list[str]
    quotations: list[str]
    notices: list[str]


@dataclass(frozen=True, slots=True)
class BenchArticle:
    """A raw article (schemas/raw-article) and its plain text, the bare-model baseline's input."""

    raw: dict[str, object]
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _sample_paragraphs(sample: dict[str, object]) -> list[str]:
    body = str(sample["body"])
    if sample.get("content_type") == "text/html":
        return [p.text(separator=" ").strip() for p in LexborHTMLParser(body).css("p")]
    return [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]


def load_pools(samples: Path = SAMPLES) -> Pools:
    """Cut the English samples into leads, paragraphs, sentences, quotations and notices."""
    leads, paragraphs, sentences, quotations, notices = [], [], [], [], []
    for line in samples.read_bytes().splitlines():
        sample = orjson.loads(line) if line.strip() else None
        if not sample or sample.get("language") != "en":
            continue
        paras = [p for p in _sample_paragraphs(sample) if len(p.split()) >= 6]
        if not paras:
            continue
        leads.append(DATELINE.sub("", paras[0]))
        paragraphs.extend(paras[1:])
        for para in paras:
            sentences.extend(s for s in SENTENCE_END.split(DATELINE.sub("", para))
                             if len(s.split()) >= 6 and s.count("“") == s.count("”"))
            quotations.extend(q.strip().rstrip(".,") for q in QUOTATION.findall(para))
        notices.extend(p for p in paras if NOTICE.search(p))
    return Pools(leads, paragraphs, sentences, quotations, sorted(set(notices)))


def _quote_paragraph(rng: random.Random, pools: Pools) -> str:
    name, role = rng.choice(PEOPLE)
    quotation = rng.choice(pools.quotations)
    quotation = quotation[0].upper() + quotation[1:]
    surname = name.split()[-1]
    return rng.choice([
        f"“{quotation},” {name}, {role}, said.",
        f"“{quotation},” said {name}, {role}.",
        f"{name}, {role}, told reporters: “{quotation}.”",
        f"“{quotation},” – said {surname} at a briefing.",
    ])


def _paragraph(rng: random.Random, pools: Pools) -> str:
    """One body paragraph: a sample paragraph, a quotation, a notice, or recombined sentences."""
    draw = rng.random()
    if draw < 0.35:
        return rng.choice(pools.paragraphs)
    if draw < 0.65:
        return _quote_paragraph(rng, pools)
    if draw < 0.72 and pools.notices:
        return rng.choice(pools.notices)
    return " ".join(rng.sample(pools.sentences, rng.randint(2, 4)))


def _article(index: int, rng: random.Random, pools: Pools) -> BenchArticle:
    target = rng.randint(MIN_WORDS + 20, MAX_WORDS - 80)
    year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    lead = f"{rng.choice(CITIES)}, {MONTHS[month - 1]} {day}. {rng.choice(pools.leads)}"
    paragraphs = [lead]
    words = len(lead.split())
    while words < target:
        para = _paragraph(rng, pools)
        if para in paragraphs or words + len(para.split()) > MAX_WORDS:
            continue
        paragraphs.append(para)
        words += len(para.split())
    title = " ".join(SENTENCE_END.split(lead[lead.index(". ") + 2:])[0].split()[:12]).rstrip(".,;:")
    text = "\n\n".join(paragraphs)
    html = index % HTML_EVERY == HTML_EVERY - 1
    body = (HTML_HEAD.format(title=title) + "".join(f"<p>{p}</p>" for p in paragraphs) + HTML_TAIL
            if html else text)
    raw = {
        "id": f"bench-{index:05d}",
        "source": "Wirestream bench",
        "url": f"https://bench.wirestream.invalid/{index:05d}",
        "language": "en",
        "published_at": f"{year:04d}-{month:02d}-{day:02d}T{rng.randint(6, 22):02d}:00:00Z",
        "title": title,
        "body": body,
        "content_type": "text/html" if html else "text/plain",
    }
    return BenchArticle(raw, text)


def generate(count: int, seed: int = SEED, samples: Path = SAMPLES) -> Iterator[BenchArticle]:
    """``count`` articles, the same ones for the same seed and samples."""
    pools = load_pools(samples)
    rng = random.Random(seed)
    for index in range(count):
        yield _article(index, rng, pools)


def write_jsonl(path: Path, count: int, seed: int = SEED) -> int:
    """Write ``count`` raw articles as JSON lines; returns the number of words written."""
    words = 0
    with path.open("wb") as out:
        for article in generate(count, seed):
            out.write(orjson.dumps(article.raw) + b"\n")
            words += article.words
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="JSONL file to write")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    words = write_jsonl(args.path, args.articles, args.seed)
    print(f"wrote {args.articles} articles, {words} words, to {args.path}")


if __name__ == "__main__":
    main()
