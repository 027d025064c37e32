"""What the queries and inserts of many tables share: keeping only the rows of some ids, and the
place after the last of a row's siblings (an action's funding sources, an item's indicators, the
days of the workshop). Imports nothing of the workshop, so every package of models/ can use it."""

from collections.abc import Iterable


def id_filter(column: str, ids: Iterable[str] | None) -> tuple[str, list[str]]:
    """The condition `column IN (?, …)` that keeps the rows of `ids`, with its parameters; no
    condition ("") when `ids` is None. No ids at all keep no row."""
    if ids is None:
        return "", []
    ids = list(ids)
    return f"{column} IN ({', '.join('?' for _ in ids)})", ids


def next_position(siblings: Iterable[dict], column: str = "position") -> int:
    """The place after the highest of `siblings` (0 when there is none): a new row goes last,
    after any gap the others leave."""
    return max((row[column] for row in siblings), default=-1) + 1
