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
