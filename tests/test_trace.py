"""Offsets mapped back through the cleaner's edits (publish.clean.trace), against a plain
reading of the rule: checked on random edits of every size, deletions and insertions too."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from publish.clean.trace import Edit, FileOrigin, Step, Trace, apply_sorted


def _edits(data: st.DataObject, length: int) -> list[Edit]:
    """Sorted, non-overlapping edits of a text of ``length`` characters."""
    cuts = sorted(data.draw(st.lists(st.integers(0, length), max_size=12)))
    edits, last = [], -1
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start > last or (start == last and start == end):
            edits.append(Edit(start, end, "x" * data.draw(st.integers(0, 3))))
            last = end
    return edits


def _plain(edits: list[Edit], offset: int) -> int:
    """The rule, read plainly: the last edit whose replacement starts at or before
    ``offset`` in the output decides; inside its replacement -> its start, else moved by what
    it and the edits before it changed."""
    answer, delta = offset, 0
    for edit in edits:
        new_start = edit.start + delta
        new_end = new_start + len(edit.new)
        delta += len(edit.new) - (edit.end - edit.start)
        if new_start <= offset:
            answer = edit.start if offset < new_end else edit.end + offset - new_end
    return answer


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_offsets_go_back_through_one_step(data: st.DataObject) -> None:
    length = data.draw(st.integers(0, 40))
    edits = _edits(data, length)
    out = length + sum(len(e.new) - (e.end - e.start) for e in edits)
    offsets = sorted(data.draw(st.lists(st.integers(0, out), max_size=30)))
    assert Step(edits).to_inputs(offsets) == [_plain(edits, o) for o in offsets]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_locate_all_is_locate_of_each(data: st.DataObject) -> None:
    text = data.draw(st.text("ab\n", max_size=40))
    trace = Trace(FileOrigin("a.md", text, 3))
    lengths, current = [len(text)], text
    for _ in range(data.draw(st.integers(1, 4))):
        edits = _edits(data, len(current))
        trace.steps.append(Step(edits))
        current = apply_sorted(current, edits)
        lengths.append(len(current))
    places = data.draw(
        st.lists(
            st.integers(0, len(lengths) - 1).flatmap(
                lambda k: st.tuples(st.just(k), st.integers(0, lengths[k]))
            ),
            max_size=25,
        )
    )
    assert trace.locate_all(places) == [trace.locate(k, offset) for k, offset in places]
