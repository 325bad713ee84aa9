"""How ``publish clean --suggest`` lists suggestions (:mod:`publish.suggestlist`): each in
full, and many alike (same pass, same evidence) folded into a line of their ids."""

from __future__ import annotations

from publish.model import Change
from publish.suggestlist import SHOWN, listing


def _change(n: int, why: str = "straight quotation marks around Chinese") -> Change:
    return Change("punctuation", "a.md", n, '"好"', "“好”", f"p-{n:02}", False, 0.7, (why,))


def test_a_few_alike_are_listed_in_full() -> None:
    shown = listing([_change(n) for n in range(5)])
    assert shown.count("because:") == 5 and "more alike" not in shown


def test_many_alike_are_folded_into_their_ids_in_order() -> None:
    other = _change(99, "a half-width comma in Chinese")
    changes = [_change(n) for n in range(9)]
    shown = listing([changes[0], other, *changes[1:]])
    lines = shown.splitlines()
    assert [line.split()[0] for line in lines if line.startswith("p-")] == [
        "p-00",
        "p-99",
        "p-01",
        "p-02",
    ]
    (folded,) = [line for line in lines if "more alike" in line]
    assert folded.endswith(": " + ",".join(f"p-{n:02}" for n in range(SHOWN, 9)))
    assert "and 6 more alike" in folded and lines[-1] == folded  # (after the last one shown)
