"""The edits accepting every suggestion brings (:mod:`publish.following`): matched by their
id where it is the same, else by what they remove and insert, not by their context."""

from __future__ import annotations

from publish.following import following
from publish.model import Change


def _change(line: int, before: str, after: str, applied: bool = True) -> Change:
    return Change("punctuation", "a.md", line, before, after, f"p-{line}", applied)


def test_an_edit_in_a_changed_context_is_the_same_edit() -> None:
    listed = [_change(3, "方式(见附件):请", "方式(见附件)：请")]
    accepted = [_change(3, "方式（见附件）:请", "方式（见附件）：请")]
    assert following(listed, accepted) == []


def test_an_edit_no_listed_one_makes_follows() -> None:
    listed = [_change(3, "第(一)项", "第（一)项", applied=False)]
    colon = _change(5, "部分）:", "部分）：")
    assert following(listed, [_change(3, "第(一)项", "第（一)项"), colon]) == [colon]


def test_alike_edits_are_counted_the_nearest_line_taken() -> None:
    listed = [_change(2, "a,b", "a，b"), _change(40, "c,d", "c，d")]
    again = [_change(41, "x,y", "x，y"), _change(2, "a,b", "a，b"), _change(90, "e,f", "e，f")]
    assert following(listed, again) == [again[2]]  # (three commas where two were: one more)


def test_a_rejected_edit_is_not_brought() -> None:
    rejected = _change(7, "(第二部分):", "(第二部分)：", applied=False)
    assert following([], [rejected]) == []


def test_an_edit_of_the_same_id_is_matched_first() -> None:
    listed = [Change("seams", "a.md", 448, "that\n\nhas", "that has", "s-448", True)]
    brought = Change("seams", "a.md", 407, "he\n\nhas", "he has", "s-407", True)
    again = [brought, listed[0]]  # (the one brought stands nearer the other's line first)
    assert following(listed, again) == [brought]
