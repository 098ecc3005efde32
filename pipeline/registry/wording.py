"""One wording of a listing's dates for every human-facing view (tail, review page, registry lookup).

A list that publishes no start date is shown "listed as of" the snapshot that first
showed the entry, never with an invented date.
"""

from __future__ import annotations


def dates_text(since: str | None, until: str | None, seen: str | None, absent: str | None = None) -> str:
    """"since 2023-09-15", "listed as of 2021-08-20 (start not published)", "… until 2025-04-17"."""
    if since:
        start = f"since {since}"
    elif seen:
        start = f"listed as of {seen} (start not published)"
    else:
        start = "start not published"
    if until:
        return f"{start} until {until}"
    return f"{start}, gone by {absent}" if absent else start
