"""Exact re-sends are refused; redeliveries and corrections go through."""

from __future__ import annotations

import pytest

from pipeline.article import Origin, RawArticle
from pipeline.dedupe import RecentArticles
from pipeline.errors import DuplicateArticle

ARTICLE = RawArticle(id="a", source="s", title="t", body="b", published_at="2024-01-01")


def test_exact_repeat_at_another_offset_is_a_duplicate() -> None:
    recent = RecentArticles(10)
    recent.check(ARTICLE, Origin("raw", 0, 5))
    with pytest.raises(DuplicateArticle, match=r"raw\[0\]@5"):
        recent.check(ARTICLE, Origin("raw", 0, 9))


def test_redelivery_of_the_same_offset_is_not_a_duplicate() -> None:
    recent = RecentArticles(10)
    recent.check(ARTICLE, Origin("raw", 0, 5))
    recent.check(ARTICLE, Origin("raw", 0, 5))


def test_same_id_with_new_content_is_a_correction() -> None:
    recent = RecentArticles(10)
    recent.check(ARTICLE, Origin("raw", 0, 5))
    corrected = RawArticle(id="a", source="s", title="t", body="b, corrected", published_at="2024-01-01")
    recent.check(corrected, Origin("raw", 0, 6))
    with pytest.raises(DuplicateArticle, match=r"@6"):
        recent.check(corrected, Origin("raw", 0, 7))


def test_window_is_bounded_and_zero_disables() -> None:
    recent = RecentArticles(2)
    for index, article_id in enumerate("abc"):
        recent.check(RawArticle(id=article_id, source="s", title="t", body="b", published_at="2024-01-01"),
                     Origin("raw", 0, index))
    recent.check(ARTICLE, Origin("raw", 0, 99))  # "a" fell out of the window
    disabled = RecentArticles(0)
    disabled.check(ARTICLE, Origin("raw", 0, 1))
    disabled.check(ARTICLE, Origin("raw", 0, 2))


def _version(body: str) -> RawArticle:
    return RawArticle(id="a", source="s", title="t", body=body, published_at="2024-01-01")


def _decisions(recent: RecentArticles, sequence: list[tuple[RawArticle, int]]) -> list[bool]:
    """For each (article, offset): whether the window refused it as a re-send."""
    refused = []
    for raw, offset in sequence:
        try:
            recent.check(raw, Origin("raw", 0, offset))
        except DuplicateArticle:
            refused.append(True)
        else:
            refused.append(False)
    return refused


def test_a_retried_batch_decides_as_its_first_attempt() -> None:
    """An aborted batch leaves later offsets in the window; its retry must not refuse its own articles."""
    original, corrected = _version("b"), _version("b, corrected")
    batch = [(original, 5), (corrected, 7), (original, 9), (original, 11)]
    recent = RecentArticles(10)
    first_attempt = _decisions(recent, batch)
    assert first_attempt == [False, False, False, True]
    assert _decisions(recent, batch) == first_attempt


def test_a_replay_in_another_partition_is_still_a_repeat() -> None:
    recent = RecentArticles(10)
    recent.check(ARTICLE, Origin("raw", 1, 50))
    with pytest.raises(DuplicateArticle):
        recent.check(ARTICLE, Origin("raw", 0, 3))
