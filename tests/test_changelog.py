"""The change log's JSON: each change written out by hand exactly as the JSON encoder would."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from publish.changelog import _change, _compact, change_log
from publish.clean import clean
from publish.model import Change, Source

TEXTS = st.text(st.characters(codec="utf-8"), max_size=12)
CHANGES = st.builds(
    Change,
    st.sampled_from(["punctuation", "unwrap", 'a"b\\']),
    TEXTS,
    st.integers(min_value=0, max_value=10**9),
    TEXTS,
    TEXTS,
    TEXTS,
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True) | st.integers(0, 2),
    st.lists(TEXTS, max_size=3).map(tuple),
    st.sampled_from(["", "accepted", "rejected"]),
)


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(CHANGES)
def test_a_change_as_the_encoder_writes_it(change: Change) -> None:
    assert _change(change) == _compact(change.as_json())


def test_the_log_of_many_changes_is_one_json_document() -> None:
    body = "".join(f"第{n}段,内容;更多:文字!\n\n" for n in range(3000))
    cleaned = clean(Source(Path("a.md"), "a.md", "a", {}, "", body, 1))
    log = json.loads(change_log(cleaned))
    assert len(log["changes"]) == len(cleaned.changes) > 4096  # (written in parts)
    assert log["changes"] == [c.as_json() for c in cleaned.changes]
