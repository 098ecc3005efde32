"""Does a change of code leave the enriched output as it was? Compare two revisions record by record.

The inputs are every gold article (entities, quotes, designations), the samples and
200 benchmark articles. Each revision runs them through its own ``wirestream enrich``
(the CLI is the interface that stays stable across refactors) in a throw-away git
worktree; records are compared as JSON values with ``provenance`` left out, since
timings, versions and dates are expected to differ.

    .venv/bin/python bench/same_output.py                 # HEAD~0's work tree vs main
    .venv/bin/python bench/same_output.py --before 0ee5f57 --after WORKTREE
    .venv/bin/python bench/same_output.py --before REV --after REV2 --show 5

Exit status 0 when every record is identical, 1 otherwise (differences are printed).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "gold"
BENCH_ARTICLES = 200
GOLD_DATE = "2024-03-20T12:00:00Z"
_ENTITY_MARKUP = re.compile(r"\[([^\]]+)\]\([A-Z_]+:[^)]*\)")

sys.path.insert(0, str(REPO / "bench"))
from corpus import generate  # noqa: E402  (bench/ is a folder of scripts, not a package)


def _text_article(article_id: str, text: str, date: str = GOLD_DATE) -> dict[str, object]:
    title, _, body = text.strip().partition("\n")
    return {"id": article_id, "source": "gold", "title": title.strip(), "body": body.strip("\n"),
            "published_at": date, "content_type": "text/plain"}


def inputs() -> Iterator[dict[str, object]]:
    """Every raw article the comparison runs, each with a unique id."""
    for path in sorted((GOLD / "entities" / "articles").glob("*.txt")):
        yield _text_article(f"entities/{path.stem}", _ENTITY_MARKUP.sub(r"\1", path.read_text("utf-8")))
    for path in sorted((GOLD / "quotes" / "articles").glob("*.txt")):
        yield _text_article(f"quotes/{path.stem}", path.read_text("utf-8"))
    for line in (GOLD / "designations" / "articles.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            item = orjson.loads(line)
            yield {"id": f"designations/{item['id']}", "source": "gold", "title": "", "body": item["text"],
                   "published_at": f"{item['date']}T12:00:00Z", "content_type": "text/plain"}
    for line in (REPO / "samples" / "articles.jsonl").read_bytes().splitlines():
        if line.strip():
            sample = orjson.loads(line)
            if isinstance(sample, dict) and "id" in sample:
                yield {**sample, "id": f"samples/{sample['id']}"}
    for article in generate(BENCH_ARTICLES):
        yield {**article.raw, "id": f"bench/{article.raw['id']}"}


@contextmanager
def checkout(revision: str) -> Iterator[Path]:
    """A directory holding ``revision``'s tree: the directory itself if it is one, else a temporary worktree."""
    if Path(revision).is_dir():
        yield Path(revision).resolve()
        return
    with tempfile.TemporaryDirectory(prefix="same-output-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(tree), revision], check=True)
        try:
            yield tree
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True)


def enrich(tree: Path, articles: Path) -> dict[str, Any]:
    """``wirestream enrich`` of ``tree``'s code over ``articles``: records by id, provenance removed."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-m", "pipeline", "enrich", str(articles)], cwd=tree, env=env,
                          capture_output=True)
    if done.returncode not in (0, 1) or not done.stdout:
        raise SystemExit(f"enrich failed in {tree}:\n{done.stderr.decode()[-3000:]}")
    records: dict[str, Any] = {}
    for line in done.stdout.splitlines() + done.stderr.splitlines():
        if line.startswith(b"{"):
            record = orjson.loads(line)
            record.pop("provenance", None)
            for volatile in ("failed_at", "pipeline_version"):
                record.pop(volatile, None)
            records[record.get("id") or record.get("article_id") or str(len(records))] = record
    return records


def differences(before: Any, after: Any, path: str = "") -> Iterator[str]:
    """Where two JSON values differ, as readable paths (first difference per branch)."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            if key not in after:
                yield f"{path}.{key}: removed"
            elif key not in before:
                yield f"{path}.{key}: added {str(after[key])[:120]}"
            else:
                yield from differences(before[key], after[key], f"{path}.{key}")
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, (one, other) in enumerate(zip(before, after, strict=True)):
            yield from differences(one, other, f"{path}[{index}]")
    elif before != after:
        yield f"{path}: {str(before)[:120]} -> {str(after)[:120]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default="main", help="git revision or directory (default: main)")
    parser.add_argument("--after", default=str(REPO), help="git revision or directory (default: this work tree)")
    parser.add_argument("--show", type=int, default=10, help="differing records to print")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles.jsonl"
        articles.write_bytes(b"".join(orjson.dumps(article) + b"\n" for article in inputs()))
        with checkout(args.before) as tree:
            before = enrich(tree, articles)
        with checkout(args.after) as tree:
            after = enrich(tree, articles)

    differing = [key for key in before if before[key] != after.get(key)]
    missing = sorted(set(after) ^ set(before))
    for key in differing[: args.show]:
        print(f"{key}:")
        for line in list(differences(before[key], after.get(key)))[:8]:
            print(f"    {line}")
    print(orjson.dumps({"records": len(before), "identical": len(before) - len(differing),
                        "different": len(differing), "only_one_side": missing}).decode())
    raise SystemExit(1 if differing or missing else 0)


if __name__ == "__main__":
    main()
