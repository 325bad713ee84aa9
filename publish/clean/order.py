"""Putting the fragments of one article in order by their jump lines.

A fragment that ends ``（下转第二版）`` continues on page 2; the fragment printed on page 2 starts
``（上接第一版）``. In a chain A -> B -> C, each link needs a "continues on" marker on A and a
"continued from" marker on B, and for a fragment in the middle the page its predecessor
continues on is the page its successor continues from (B's own page). Exactly one chain through
all fragments must exist; otherwise the files are named in the error, unless the given order is
to be kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from publish.errors import ContentError
from publish.model import Jump


def _pages(jumps: Sequence[Jump]) -> tuple[str | None, str | None]:
    came_from = next((j.page for j in jumps if j.direction == "from"), None)
    goes_to = next((j.page for j in reversed(jumps) if j.direction == "to"), None)
    return came_from, goes_to


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and (a == b or "" in (a, b))


def order_fragments(
    jumps: Sequence[Sequence[Jump]], names: Sequence[str], keep_order: bool = False
) -> list[int]:
    """The order of the fragments (indices into ``names``)."""
    count = len(names)
    if count == 1 or keep_order:
        return list(range(count))
    pages = [_pages(j) for j in jumps]
    chains: list[list[int]] = []

    def extend(chain: list[int]) -> None:
        if len(chains) > 1:
            return
        if len(chain) == count:
            chains.append(list(chain))
            return
        last = chain[-1]
        for candidate in range(count):
            if candidate in chain or pages[last][1] is None or pages[candidate][0] is None:
                continue
            if len(chain) >= 2 and not _same(pages[chain[-2]][1], pages[candidate][0]):
                continue
            chain.append(candidate)
            extend(chain)
            chain.pop()

    for head in range(count):
        extend([head])
    if len(chains) == 1:
        return chains[0]
    described = "; ".join(
        f"{name} (from page {p[0] or '-'}, continues on {p[1] or '-'})"
        for name, p in zip(names, pages, strict=True)
    )
    problem = "do not form one chain" if not chains else "can be chained in more than one way"
    raise ContentError(
        f"the fragments {problem} by their jump lines: {described}; fix the markers, or keep "
        "the given order with --keep-order"
    )
